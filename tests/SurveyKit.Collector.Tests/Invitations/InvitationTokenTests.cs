using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SurveyKit.Submissions.Invitations;

namespace SurveyKit.Collector.Tests.Invitations;

/// <summary>The personal link's token: readable by the page, valid only unchanged, for its customer, with its key.</summary>
public sealed class InvitationTokenTests
{
    private static readonly byte[] Key = Enumerable
        .Range(0, 32)
        .Select(i => (byte)(i * 3))
        .ToArray();
    private static readonly Dictionary<string, string> Context = new()
    {
        ["segment"] = "b2b",
        ["account"] = "Ä-42",
    };

    [Fact]
    public void A_token_reads_back_and_verifies_for_its_customer_only()
    {
        var token = InvitationToken.Create(Key, "relatie", "inv1", "C100", Context);
        Assert.True(token.Length < 140, token);
        Assert.DoesNotContain(
            "C100",
            Encoding.UTF8.GetString(Convert.FromBase64String(Pad(token.Split('.')[0])))
        );
        var claims = InvitationToken.Read(token, out var problem)!;
        Assert.Null(problem);
        Assert.Equal(("relatie", "inv1"), (claims.Survey, claims.Id));
        Assert.Equal(Context.OrderBy(c => c.Key), claims.Context.OrderBy(c => c.Key));
        Assert.True(InvitationToken.Verify(Key, token, "C100"));
        Assert.False(InvitationToken.Verify(Key, token, "C101"));
        var otherKey = (byte[])Key.Clone();
        otherKey[0] ^= 1;
        Assert.False(InvitationToken.Verify(otherKey, token, "C100"));
    }

    [Theory]
    [InlineData("survey")]
    [InlineData("id")]
    [InlineData("context")]
    [InlineData("added context")]
    [InlineData("signature")]
    [InlineData("truncated")]
    public void Changing_any_part_of_a_token_makes_it_invalid(string part)
    {
        var token = InvitationToken.Create(Key, "relatie", "inv1", "C100", Context);
        var forged = part switch
        {
            "survey" => Forge(token, "bezorging", "inv1", Context),
            "id" => Forge(token, "other", "inv2", Context),
            "context" => Forge(
                token,
                "relatie",
                "inv1",
                new Dictionary<string, string>(Context) { ["segment"] = "b2c" }
            ),
            "added context" => Forge(
                token,
                "relatie",
                "inv1",
                new Dictionary<string, string>(Context) { ["vip"] = "yes" }
            ),
            "signature" => token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1],
            _ => token[..^4],
        };
        Assert.NotEqual(token, forged);
        Assert.False(InvitationToken.Verify(Key, forged, "C100"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("nodot")]
    [InlineData("a.b.c")]
    [InlineData("!!!.abc")]
    [InlineData("e30.abc")] // {} without s, i, x
    public void What_is_not_a_token_reads_as_nothing(string text)
    {
        Assert.Null(InvitationToken.Read(text, out var problem));
        Assert.NotNull(problem);
    }

    // A token for the same customer made with a guessed key: the signature part is the attacker's own.
    private static string Forge(
        string token,
        string survey,
        string id,
        Dictionary<string, string> context
    )
    {
        var guessed = new byte[32];
        var forged = InvitationToken.Create(guessed, survey, id, "C100", context);
        return forged.Split('.')[0] + "." + token.Split('.')[1];
    }

    private static string Pad(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
    }
}
