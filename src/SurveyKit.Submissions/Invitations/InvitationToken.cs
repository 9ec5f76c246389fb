using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SurveyKit.Submissions.Invitations;

/// <summary>What an invitation token says: the survey, the invitation, and the context the respondent cannot change.</summary>
/// <param name="Survey">The survey id.</param>
/// <param name="Id">The invitation id, the key of the collector's ledger.</param>
/// <param name="Context">The signed context values (segment, account, ...).</param>
public sealed record InvitationClaims(
    string Survey,
    string Id,
    IReadOnlyDictionary<string, string> Context
);

/// <summary>
/// The personal link's token (<c>?t=</c>, and <c>"invitation"</c> in the submission): base64url of a small JSON
/// payload <c>{"s":survey,"i":invitation,"x":{context}}</c>, a dot, and base64url of the first 16 bytes of
/// HMAC-SHA256 over the payload and the customer id. The page reads the payload (the context it must send); only the
/// collector, with the key and the ledger that knows the invitation's customer, can tell a real token from an edited
/// one. The customer id is signed but not in the link, so a forwarded link does not show it.
/// </summary>
public static class InvitationToken
{
    /// <summary>The longest token read: a token is about 100 characters, its context a few short values.</summary>
    public const int MaxLength = 2048;

    private const int MacBytes = 16;
    private const string KeyPrefix = "skinv_";
    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("surveykit-invitation-v1\n");

    /// <summary>A new token.</summary>
    public static string Create(
        byte[] key,
        string survey,
        string id,
        string customer,
        IReadOnlyDictionary<string, string> context
    )
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("s", survey);
            json.WriteString("i", id);
            json.WriteStartObject("x");
            foreach (var (name, value) in context.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                json.WriteString(name, value);
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        var payload = Base64Url(buffer.WrittenSpan);
        return payload + "." + Mac(key, payload, customer);
    }

    /// <summary>
    /// The claims of <paramref name="token"/>, read without checking the signature (the page does this to show the
    /// right context; the collector then checks with <see cref="Verify"/>); null and why when it is not a token.
    /// </summary>
    public static InvitationClaims? Read(string? token, out string? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength)
        {
            problem = "the invitation is not a token of a personal link.";
            return null;
        }
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == token.Length - 1 || token.IndexOf('.', dot + 1) >= 0)
        {
            problem = "the invitation is not a token of a personal link.";
            return null;
        }
        try
        {
            var payload = FromBase64Url(token.AsSpan(0, dot));
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            var context = new Dictionary<string, string>(StringComparer.Ordinal);
            if (
                root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("s", out var survey)
                || survey.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("i", out var id)
                || id.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("x", out var x)
                || x.ValueKind != JsonValueKind.Object
            )
            {
                problem = "the invitation is not a token of a personal link.";
                return null;
            }
            foreach (var field in x.EnumerateObject())
            {
                if (field.Value.ValueKind != JsonValueKind.String)
                {
                    problem = "the invitation is not a token of a personal link.";
                    return null;
                }
                context[field.Name] = field.Value.GetString()!;
            }
            return new InvitationClaims(survey.GetString()!, id.GetString()!, context);
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            problem = "the invitation is not a token of a personal link.";
            return null;
        }
    }

    /// <summary>True when <paramref name="token"/> was made with <paramref name="key"/> for <paramref name="customer"/>, unchanged.</summary>
    public static bool Verify(byte[] key, string token, string customer)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Mac(key, token.Substring(0, dot), customer));
        var given = Encoding.ASCII.GetBytes(token.Substring(dot + 1));
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static string Mac(byte[] key, string payload, string customer)
    {
        var input = new byte[
            Domain.Length
                + Encoding.UTF8.GetByteCount(payload)
                + 1
                + Encoding.UTF8.GetByteCount(customer)
        ];
        Domain.CopyTo(input, 0);
        var at = Domain.Length;
        at += Encoding.UTF8.GetBytes(payload, 0, payload.Length, input, at);
        input[at++] = (byte)'\n';
        Encoding.UTF8.GetBytes(customer, 0, customer.Length, input, at);
        return Base64Url(HMACSHA256.HashData(key, input).AsSpan(0, MacBytes));
    }

    /// <summary>A new key as its file holds it: <c>skinv_</c> and 32 random bytes in base64.</summary>
    public static string NewKey() =>
        KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A new invitation id: 12 random bytes, base64url (16 characters).</summary>
    public static string NewId() => Base64Url(RandomNumberGenerator.GetBytes(12));

    /// <summary>The key in <paramref name="path"/>, or null and why.</summary>
    public static byte[]? ReadKey(string path, string shownAs, out string? problem)
    {
        var key = KeyFile.Read(path, KeyPrefix, 32, 64, out var unreadable);
        problem =
            key is not null ? null
            : unreadable is not null
                ? $"the invitation key file '{shownAs}' cannot be read ({unreadable})."
            : $"the invitation key file '{shownAs}' must hold skinv_ and 32 random bytes in base64 (surveykit invite --new-key writes one).";
        return key;
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(ReadOnlySpan<char> text)
    {
        var s = text.ToString().Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}
