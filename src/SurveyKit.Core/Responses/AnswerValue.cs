using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using SurveyKit.Core.Text;

namespace SurveyKit.Core.Responses;

/// <summary>The shapes an answer can have in a submission.</summary>
public enum AnswerKind
{
    /// <summary>A JSON number.</summary>
    Number,

    /// <summary>A JSON string (a text, an option id, "na").</summary>
    Text,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>An array of strings (a multi_choice answer).</summary>
    TextList,

    /// <summary>An object of answers (touchpoint grades or comparisons per item).</summary>
    Map,

    /// <summary>Anything else (null, nested arrays, arrays of numbers): always a type error.</summary>
    Other,
}

/// <summary>
/// One answer as it travels in a submission, before it is known to be valid: the neutral form that the collector
/// reads from JSON or a form post, and that generated response types convert to, so both are checked by the same rules.
/// </summary>
public sealed class AnswerValue
{
    private AnswerValue(AnswerKind kind) => Kind = kind;

    /// <summary>The shape.</summary>
    public AnswerKind Kind { get; }

    /// <summary>For <see cref="AnswerKind.Number"/>.</summary>
    public double Number { get; private set; }

    /// <summary>
    /// For a <see cref="AnswerKind.Number"/> read from text: the number as written when it is not a plain whole number
    /// (<c>7.5</c>, <c>8.0</c>, <c>1e-400</c>); null for <c>8</c> and for numbers made in code. A grade must be written
    /// as a whole number, and <c>1e-400</c> reads as 0, so the rules need to know how it was written.
    /// </summary>
    public string? Written { get; private set; }

    /// <summary>For <see cref="AnswerKind.Text"/>.</summary>
    public string Text { get; private set; } = "";

    /// <summary>For <see cref="AnswerKind.Boolean"/>.</summary>
    public bool Boolean { get; private set; }

    /// <summary>For <see cref="AnswerKind.TextList"/>.</summary>
    public IReadOnlyList<string> Texts { get; private set; } = [];

    /// <summary>For <see cref="AnswerKind.Map"/>.</summary>
    public IReadOnlyDictionary<string, AnswerValue> Entries { get; private set; } =
        new Dictionary<string, AnswerValue>();

    /// <summary>For <see cref="AnswerKind.Other"/>: what was found, for the message.</summary>
    public string Description { get; private set; } = "";

    /// <summary>A number.</summary>
    public static AnswerValue Of(double number) => new(AnswerKind.Number) { Number = number };

    /// <summary>A number read from <paramref name="literal"/>, the text it was written as (JSON, a form field).</summary>
    public static AnswerValue Of(double number, string literal) =>
        new(AnswerKind.Number)
        {
            Number = number,
            Written = IsWholeLiteral(literal) ? null : literal,
        };

    /// <summary>True for an optional minus and digits only: <c>8</c>, <c>-3</c>; not <c>8.0</c>, <c>1e2</c>, <c>+8</c>.</summary>
    public static bool IsWholeLiteral(string literal)
    {
        var start = literal.Length > 0 && literal[0] == '-' ? 1 : 0;
        if (literal.Length == start)
        {
            return false;
        }
        for (var i = start; i < literal.Length; i++)
        {
            if (literal[i] is < '0' or > '9')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A text.</summary>
    public static AnswerValue Of(string text) => new(AnswerKind.Text) { Text = text };

    /// <summary>A boolean.</summary>
    public static AnswerValue Of(bool value) => new(AnswerKind.Boolean) { Boolean = value };

    /// <summary>A list of texts (copied).</summary>
    public static AnswerValue Of(IEnumerable<string> texts) =>
        new(AnswerKind.TextList) { Texts = texts.ToList() };

    /// <summary>A list of texts, kept as given (not copied: a reader that reuses its lists refills this one).</summary>
    public static AnswerValue Of(IReadOnlyList<string> texts) =>
        new(AnswerKind.TextList) { Texts = texts };

    /// <summary>A map of answers.</summary>
    public static AnswerValue Of(IReadOnlyDictionary<string, AnswerValue> entries) =>
        new(AnswerKind.Map) { Entries = entries, Map = entries as Dictionary<string, AnswerValue> };

    /// <summary>
    /// The entries, when they were given as a <see cref="Dictionary{TKey, TValue}"/> (as every reader gives them): the
    /// rules and the analysis look items up and walk them without an interface call per step, which the natively
    /// compiled tool cannot turn into direct calls (a tenth of reading a million responses went to such calls).
    /// </summary>
    internal Dictionary<string, AnswerValue>? Map { get; private set; }

    /// <summary>The entry <paramref name="key"/> of a map answer.</summary>
    public bool TryGetEntry(string key, [MaybeNullWhen(false)] out AnswerValue value)
    {
        if (Map is { } map)
        {
            return map.TryGetValue(key, out value);
        }
        return Entries.TryGetValue(key, out value);
    }

    /// <summary>Something that is never a valid answer; <paramref name="description"/> says what it was.</summary>
    public static AnswerValue Invalid(string description) =>
        new(AnswerKind.Other) { Description = description };

    /// <summary>How a message names this value: "the text 'x'", "the number 3".</summary>
    public string Describe() =>
        Kind switch
        {
            AnswerKind.Number => "the number "
                + ResponseError.Quote(Written ?? Number.ToString(CultureInfo.InvariantCulture)),
            AnswerKind.Text => "the text " + ResponseError.Quote(Text),
            AnswerKind.Boolean => Boolean ? "true" : "false",
            AnswerKind.TextList => "a list",
            AnswerKind.Map => "an object",
            _ => Description,
        };
}

/// <summary>A submission in the neutral form: what a page sends, what the collector stores (see docs/formats).</summary>
public sealed class ResponseData
{
    /// <summary>The UUID the client made before the first attempt.</summary>
    public string? ResponseId { get; set; }

    /// <summary>The survey id.</summary>
    public string? Survey { get; set; }

    /// <summary>The survey version the respondent saw.</summary>
    public int? Version { get; set; }

    /// <summary>The language the respondent answered in.</summary>
    public string? Lang { get; set; }

    /// <summary>The hidden context fields from the survey link.</summary>
    public Dictionary<string, string> Context { get; } = [];

    /// <summary>
    /// The answers by key: a question id, <c>&lt;question&gt;_other</c> for the other-text of a choice, or
    /// <c>&lt;question&gt;_compare</c> for touchpoint comparisons. An absent key means not answered (or not shown).
    /// </summary>
    public Dictionary<string, AnswerValue> Answers { get; } = [];
}
