using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace SurveyKit.Tests.Shared;

// Linked into the test projects that fuzz a surface with what an outsider might send.

/// <summary>
/// Generators of hostile submissions (CsCheck): JSON bodies and form posts built from the pieces that broke SurveyKit
/// before (half characters, NUL, dot runs after '@', huge numbers and texts, line breaks in redirects, formula
/// starts, keys of other surveys) mixed with valid parts of the example surveys, so that most inputs get past the
/// first check and reach the deeper ones.
/// </summary>
internal static class HostileInput
{
    /// <summary>Ids the example surveys use: keys and values that get past the first checks.</summary>
    private static readonly string[] Known =
    [
        "recommend",
        "delivery",
        "on_time",
        "driver",
        "packaging",
        "ease",
        "remarks",
        "contact_ok",
        "email",
        "carrier",
        "order",
        "bezorging",
        "klantloyaliteit",
        "touchpoints",
        "touchpoints_compare",
        "website",
        "service",
        "satisfaction",
        "channels",
        "channels_other",
        "complaint",
        "segment",
        "b2b",
        "own",
        "na",
        "better",
        "nl",
        "en",
        "other",
    ];

    /// <summary>The contents of a JSON string literal (escapes as written in JSON), some of them hostile.</summary>
    public static readonly Gen<string> StringContents = Gen.Frequency(
        (6, Gen.OneOf(Known.Select(Gen.Const).ToArray())),
        (3, Gen.String[0, 12].Select(Escape)),
        (1, Gen.Const("\\ud800")),
        (1, Gen.Const("ab\\udc00cd")),
        (1, Gen.Const("\\u0000")),
        (1, Gen.Const("te\\u0000xt")),
        (1, Gen.Int[1, 20_000].Select(n => "a@" + new string('.', n))),
        (1, Gen.Int[100, 120_000].Select(n => new string('x', n))),
        (1, Gen.Const("\\t=cmd|' /C calc'!A0")),
        (1, Gen.Const("\\r\\n=1+1")),
        (1, Gen.Const("<script>@evil.example")),
        (1, Gen.Const("admin\\u202e@example.org")),
        (1, Gen.Const("jan@example.org")),
        (1, Gen.Const("00000000-0000-0000-0000-000000000000")),
        (1, Gen.Const("b38a088c-a65e-4389-b74d-0fb132e70629")),
        (1, Gen.Const("😀")),
        (1, Gen.Const("\\\"")),
        (1, Gen.Const("'; DROP TABLE responses; --"))
    );

    /// <summary>A JSON number as written, including the ones that read as something else.</summary>
    public static readonly Gen<string> Number = Gen.Frequency(
        (
            6,
            Gen.Int[-2, 12]
                .Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))
        ),
        (
            1,
            Gen.OneOf(
                Gen.Const("1e-400"),
                Gen.Const("8.0"),
                Gen.Const("8e0"),
                Gen.Const("7.5"),
                Gen.Const("-0"),
                Gen.Const("1e400"),
                Gen.Const("99999999999999999999999"),
                Gen.Const("2147483648"),
                Gen.Const("0.1e1")
            )
        )
    );

    /// <summary>A JSON value (as text), nested up to <paramref name="depth"/>.</summary>
    public static Gen<string> Value(int depth) =>
        depth <= 0
            ? Gen.Frequency(
                (4, Number),
                (4, StringContents.Select(s => "\"" + s + "\"")),
                (1, Gen.OneOf(Gen.Const("true"), Gen.Const("false"), Gen.Const("null")))
            )
            : Gen.Frequency(
                (5, Value(0)),
                (1, Value(depth - 1).Array[0, 4].Select(a => "[" + string.Join(",", a) + "]")),
                (2, Object(depth - 1))
            );

    /// <summary>A JSON object (as text) with keys from the surveys and hostile ones, sometimes a key twice.</summary>
    public static Gen<string> Object(int depth) =>
        Gen.Select(StringContents, Value(depth))
            .Array[0, 6]
            .Select(members =>
                "{" + string.Join(",", members.Select(m => "\"" + m.Item1 + "\":" + m.Item2)) + "}"
            );

    /// <summary>Answers to bezorging that pass its rules unless the hostile text in them does not.</summary>
    private static readonly Gen<string> Plausible = Gen.Select(
            Gen.Int[0, 10],
            Gen.Frequency(
                (2, Gen.Const("")),
                (2, StringContents.Select(t => ",\"remarks\":\"" + t + "\""))
            ),
            Gen.Frequency((3, Gen.Const("")), (1, Number.Select(n => ",\"ease\":" + n)))
        )
        .Select((score, remarks, ease) => "{\"recommend\":" + score + remarks + ease + "}");

    /// <summary>A submission body: mostly a plausible envelope with hostile parts, sometimes cut off or not JSON.</summary>
    public static readonly Gen<string> Submission = Gen.Select(
            Gen.Frequency((4, Gen.Guid.Select(g => "\"" + g + "\"")), (1, Value(0))),
            Gen.Frequency(
                (5, Gen.Const("\"bezorging\"")),
                (2, Gen.Const("\"klantloyaliteit\"")),
                (1, Value(0))
            ),
            Gen.Frequency((5, Gen.Const("1")), (1, Number)),
            Gen.Frequency((4, Gen.Const("\"nl\"")), (1, Value(0))),
            Gen.Frequency((3, Gen.Const("{}")), (1, Object(1))),
            Gen.Frequency((3, Plausible), (2, Object(1))),
            Gen.Int[0, 20]
        )
        .Select(
            (id, survey, version, lang, context, answers, shape) =>
            {
                var body =
                    $"{{\"responseId\":{id},\"survey\":{survey},\"version\":{version},\"lang\":{lang},\"context\":{context},\"answers\":{answers}";
                return shape switch
                {
                    0 => body, // cut off
                    1 => body + "}{\"responseId\":1}", // two values
                    2 => body + ",\"answers\":{}}", // a key twice
                    3 => body + ",\"meta\":{\"durationMs\":\"\\ud800\"}}",
                    4 => body + ",\"extra\":1}",
                    5 => "[" + body + "}]",
                    _ => body + "}",
                };
            }
        );

    /// <summary>An urlencoded form post as a page without JavaScript sends it, with hostile fields and values.</summary>
    public static readonly Gen<string> Form = Gen.Select(
            Gen.Select(
                Gen.Frequency(
                    (6, Gen.OneOf(Known.Select(Gen.Const).ToArray())),
                    (
                        1,
                        Gen.OneOf(
                            Gen.Const("survey"),
                            Gen.Const("version"),
                            Gen.Const("lang"),
                            Gen.Const("responseId"),
                            Gen.Const("_next"),
                            Gen.Const("_hp"),
                            Gen.Const("context.carrier"),
                            Gen.Const("delivery.on_time"),
                            Gen.Const("channels")
                        )
                    )
                ),
                Gen.Frequency(
                    (
                        4,
                        Gen.Int[-1, 11]
                            .Select(i =>
                                i.ToString(System.Globalization.CultureInfo.InvariantCulture)
                            )
                    ),
                    (3, StringContents.Select(FormEncode)),
                    (
                        1,
                        Gen.OneOf(
                            Gen.Const("%00"),
                            Gen.Const("%ED%A0%80"),
                            Gen.Const("%C3%28"),
                            Gen.Const("%2F%09%2Fother-host%2Fpath"),
                            Gen.Const("%2Fthanks%0D%0ASet-Cookie%3A+x"),
                            Gen.Const("%2F%2Fevil.example"),
                            Gen.Const("https%3A%2F%2Fevil.example"),
                            Gen.Const("1e-400"),
                            Gen.Const("7%2C5"),
                            Gen.Const("%")
                        )
                    )
                )
            ).Array[0, 12],
            Gen.Frequency((5, Gen.Const("survey=bezorging&version=1&")), (1, Gen.Const("")))
        )
        .Select(
            (fields, start) => start + string.Join("&", fields.Select(f => f.Item1 + "=" + f.Item2))
        );

    private static string Escape(string text)
    {
        var json = JsonSerializer.Serialize(text);
        return json[1..^1];
    }

    // Percent-encodes the decoded text of a JSON string's contents (escapes as JSON reads them).
    private static string FormEncode(string contents)
    {
        string text;
        try
        {
            text = JsonSerializer.Deserialize<string>("\"" + contents + "\"") ?? "";
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            text = contents;
        }
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            builder.Append(
                b
                    is >= (byte)'a'
                        and <= (byte)'z'
                        or >= (byte)'A'
                        and <= (byte)'Z'
                        or >= (byte)'0'
                        and <= (byte)'9'
                    ? ((char)b).ToString()
                    : "%" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)
            );
        }
        return builder.ToString();
    }
}
