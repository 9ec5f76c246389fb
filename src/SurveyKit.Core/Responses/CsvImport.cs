using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SurveyKit.Core.Model;

namespace SurveyKit.Core.Responses;

/// <summary>
/// The wide CSV export of formats.md read back into Core's neutral <see cref="ResponseData"/>: the inverse of
/// <see cref="CsvExport"/>, so that a CSV record meets the same rules (<see cref="ResponseValidator"/>) as a JSON
/// submission does. Columns are found by their header; a column the survey does not have is listed in
/// <see cref="UnknownColumns"/> and left out (a spreadsheet user's own column is not an answer). An empty cell is no
/// answer. A whole number written as a spreadsheet or pandas writes it back (<c>9.0</c>) is the whole number; any
/// other number keeps its text, so that the rules can refuse <c>8.5</c> or <c>1e-400</c> as a grade.
/// </summary>
public sealed class CsvImport
{
    private static readonly AnswerValue[] SmallNumbers = Numbers();
    private readonly List<(int Field, Kind Kind, string Key, string? Item, int Slot)> columns = [];

    // The answers built from several columns (a touchpoints map, a comparison map, a multi_choice list), by slot.
    private readonly List<string> groupKeys = [];
    private readonly List<object> groupContainers = [];
    private readonly List<AnswerValue> groupValues = [];
    private readonly List<int> touched = [];
    private bool[] isTouched = [];
    private readonly Dictionary<string, AnswerValue> texts = new(StringComparer.Ordinal);
    private readonly bool reuse;

    private enum Kind
    {
        ResponseId,
        Survey,
        Version,
        SubmittedAt,
        Lang,
        DurationMs,
        Context,
        Plain, // a text, option id or e-mail answer
        Number, // nps, rating, number: a number, or "na" where allowed
        Consent,
        Item, // a touchpoint item's grade
        Compare, // a touchpoint item's comparison
        Option, // a multi_choice option: 1 or 0
    }

    /// <summary>Maps the columns named in <paramref name="header"/> for <paramref name="survey"/>.</summary>
    public CsvImport(Survey survey, IReadOnlyList<string> header)
        : this(survey, header, reuse: false) { }

    /// <summary>
    /// Maps the columns named in <paramref name="header"/> for <paramref name="survey"/>; with
    /// <paramref name="reuse"/>, the lists and maps of the answers are reused from one record to the next, so what
    /// one <see cref="Fill"/> gives is valid only until the next (and one instance serves one thread).
    /// </summary>
    public CsvImport(Survey survey, IReadOnlyList<string> header, bool reuse)
    {
        this.reuse = reuse;
        FieldCount = header.Count;
        var known = new Dictionary<string, (Kind, string, string?)>(StringComparer.Ordinal)
        {
            ["response_id"] = (Kind.ResponseId, "", null),
            ["survey"] = (Kind.Survey, "", null),
            ["version"] = (Kind.Version, "", null),
            ["submitted_at"] = (Kind.SubmittedAt, "", null),
            ["lang"] = (Kind.Lang, "", null),
            ["duration_ms"] = (Kind.DurationMs, "", null),
        };
        foreach (var field in survey.Context)
        {
            known[field.Id] = (Kind.Context, field.Id, null);
        }
        foreach (var question in survey.Questions)
        {
            var id = question.Id;
            switch (question)
            {
                case TouchpointsQuestion touchpoints:
                    foreach (var item in touchpoints.Items)
                    {
                        known[$"{id}.{item.Id}"] = (Kind.Item, id, item.Id);
                        known[$"{id}_compare.{item.Id}"] = (Kind.Compare, id + "_compare", item.Id);
                    }
                    break;
                case MultiChoiceQuestion multi:
                    foreach (var option in multi.Options)
                    {
                        known[$"{id}.{option.Id}"] = (Kind.Option, id, option.Id);
                        texts[option.Id] = AnswerValue.Of(option.Id);
                    }
                    known[$"{id}.other"] = (Kind.Option, id, "other");
                    break;
                case NpsQuestion or RatingQuestion or NumberQuestion:
                    known[id] = (Kind.Number, id, null);
                    break;
                case ConsentQuestion:
                    known[id] = (Kind.Consent, id, null);
                    break;
                default:
                    known[id] = (Kind.Plain, id, null);
                    break;
            }
            if (question is ChoiceQuestion choice)
            {
                known[id + "_other"] = (Kind.Plain, id + "_other", null);
                foreach (var option in choice.Options)
                {
                    texts[option.Id] = AnswerValue.Of(option.Id);
                }
            }
        }
        foreach (
            var text in AnswerValues.Comparisons.Append(AnswerValues.NotApplicable).Append("other")
        )
        {
            texts[text] = AnswerValue.Of(text);
        }
        var unknown = new List<string>();
        for (var f = 0; f < header.Count; f++)
        {
            if (known.TryGetValue(header[f], out var column))
            {
                var slot = -1;
                if (column.Item1 is Kind.Item or Kind.Compare or Kind.Option)
                {
                    slot = groupKeys.IndexOf(column.Item2);
                    if (slot < 0)
                    {
                        slot = groupKeys.Count;
                        groupKeys.Add(column.Item2);
                        object container =
                            column.Item1 == Kind.Option
                                ? new List<string>()
                                : new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
                        groupContainers.Add(container);
                        groupValues.Add(
                            container is List<string> list
                                ? AnswerValue.Of((IReadOnlyList<string>)list)
                                : AnswerValue.Of((Dictionary<string, AnswerValue>)container)
                        );
                    }
                }
                columns.Add((f, column.Item1, column.Item2, column.Item3, slot));
            }
            else if (header[f].Length > 0)
            {
                unknown.Add(header[f]);
            }
        }
        UnknownColumns = unknown;
        isTouched = new bool[groupKeys.Count];
    }

    /// <summary>How many fields a record has (those of the header).</summary>
    public int FieldCount { get; }

    /// <summary>Header names that are not columns of the survey's export, in order.</summary>
    public IReadOnlyList<string> UnknownColumns { get; }

    // The export writes times in the round-trip form ("O": 2026-01-10T04:27:12.0000000+00:00), which has a parser of
    // its own about ten times faster than the general one (a tenth of reading a large CSV). That parser runs only with
    // DateTimeStyles.None, which reads a time without a zone as the machine's local time, so it is used only for a
    // time that states its zone; any other ISO 8601 form (a spreadsheet's, a hand-made file's, one without a zone,
    // which is UTC) goes through the general parser, as before.
    private static bool TryParseTime(string text, out DateTimeOffset at) =>
        (
            HasZone(text)
            && DateTimeOffset.TryParseExact(
                text,
                "O",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out at
            )
        )
        || DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out at
        );

    // Ends in Z or in an offset such as +01:00.
    private static bool HasZone(string text) =>
        text.Length > 6
        && (
            text[text.Length - 1] == 'Z'
            || (text[text.Length - 6] is '+' or '-' && text[text.Length - 3] == ':')
        );

    /// <summary>
    /// Fills <paramref name="data"/> (cleared first) from one record's fields (unquoted, formula guard removed);
    /// adds what cannot be read at all (a field count, a response id, a version, a time) to <paramref name="errors"/>.
    /// </summary>
    public (DateTimeOffset? SubmittedAt, long? DurationMs) Fill(
        IReadOnlyList<string> fields,
        ResponseData data,
        List<ResponseError> errors
    )
    {
        data.ResponseId = null;
        data.Survey = null;
        data.Version = null;
        data.Lang = null;
        data.Context.Clear();
        data.Answers.Clear();
        if (fields.Count != FieldCount)
        {
            errors.Add(
                new(
                    "",
                    "syntax",
                    $"The record has {fields.Count} fields; the header has {FieldCount}."
                )
            );
            return default;
        }
        DateTimeOffset? submittedAt = null;
        long? duration = null;
        foreach (var slot in touched)
        {
            isTouched[slot] = false;
        }
        touched.Clear();
        // A list's indexer is a direct call; the interface's is not, in the natively compiled tool.
        var given = fields as List<string>;
        foreach (var (f, kind, key, item, slot) in columns)
        {
            var text = given is not null ? given[f] : fields[f];
            if (text.Length == 0)
            {
                continue;
            }
            switch (kind)
            {
                case Kind.ResponseId:
                    data.ResponseId = text; // checked as a UUID below, as the JSON reader does
                    break;
                case Kind.Survey:
                    data.Survey = text;
                    break;
                case Kind.Version:
                    if (
                        int.TryParse(
                            text,
                            NumberStyles.None,
                            CultureInfo.InvariantCulture,
                            out var v
                        )
                        && v > 0
                    )
                    {
                        data.Version = v;
                    }
                    else
                    {
                        errors.Add(
                            new(
                                "version",
                                ResponseRules.Type,
                                $"{ResponseError.Quote(text)} is not a version (a whole number of 1 or more)."
                            )
                        );
                    }
                    break;
                case Kind.SubmittedAt:
                    if (text.Length <= 64 && TryParseTime(text, out var at))
                    {
                        submittedAt = at;
                    }
                    else
                    {
                        errors.Add(
                            new(
                                "submittedAt",
                                ResponseRules.Type,
                                $"{ResponseError.Quote(text)} is not an ISO 8601 time such as '2026-01-01T10:00:00Z'."
                            )
                        );
                    }
                    break;
                case Kind.Lang:
                    data.Lang = text;
                    break;
                case Kind.DurationMs:
                    duration = long.TryParse(
                        text,
                        NumberStyles.None,
                        CultureInfo.InvariantCulture,
                        out var ms
                    )
                        ? ms
                        : null;
                    break;
                case Kind.Context:
                    data.Context[key] = text;
                    break;
                case Kind.Plain:
                    data.Answers[key] = Text(text);
                    break;
                case Kind.Number:
                    data.Answers[key] = Number(text);
                    break;
                case Kind.Consent:
                    data.Answers[key] = text switch
                    {
                        "true" => AnswerValue.Of(true),
                        "false" => AnswerValue.Of(false),
                        _ => Text(text),
                    };
                    break;
                case Kind.Item:
                case Kind.Compare:
                    var map = (Dictionary<string, AnswerValue>)Group(slot);
                    map[item!] = kind == Kind.Item ? Number(text) : Text(text);
                    break;
                case Kind.Option:
                    var list = (List<string>)Group(slot);
                    if (text == "1")
                    {
                        list.Add(item!);
                    }
                    else if (text != "0")
                    {
                        errors.Add(
                            new(
                                $"answers.{key}",
                                ResponseRules.Type,
                                $"{ResponseError.Quote(text)} in column '{key}.{item}' is not 1 or 0."
                            )
                        );
                    }
                    break;
            }
        }
        // All zeros is a multi_choice answer that picked nothing; no cell at all is no answer.
        foreach (var slot in touched)
        {
            data.Answers[groupKeys[slot]] = reuse
                ? groupValues[slot]
                : groupContainers[slot] switch
                {
                    List<string> list => AnswerValue.Of((IReadOnlyList<string>)list),
                    var map => AnswerValue.Of((Dictionary<string, AnswerValue>)map),
                };
        }
        if (data.ResponseId is null)
        {
            errors.Add(new("responseId", "missing", "response_id is empty."));
        }
        else if (!Guid.TryParseExact(data.ResponseId, "D", out var id) || id == Guid.Empty)
        {
            errors.Add(
                new(
                    "responseId",
                    ResponseRules.Type,
                    $"{ResponseError.Quote(data.ResponseId)} is not a response id (a random UUID)."
                )
            );
        }
        return (submittedAt, duration);
    }

    // The container of a map or list answer for this record: cleared when first met (reused), or new.
    private object Group(int slot)
    {
        if (!isTouched[slot])
        {
            isTouched[slot] = true;
            touched.Add(slot);
            if (reuse)
            {
                switch (groupContainers[slot])
                {
                    case List<string> list:
                        list.Clear();
                        break;
                    case Dictionary<string, AnswerValue> map:
                        map.Clear();
                        break;
                }
            }
            else
            {
                groupContainers[slot] =
                    groupContainers[slot] is List<string>
                        ? new List<string>()
                        : new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
            }
        }
        return groupContainers[slot];
    }

    private AnswerValue Text(string text) =>
        texts.TryGetValue(text, out var known) ? known : AnswerValue.Of(text);

    private AnswerValue Number(string text)
    {
        if (SmallWhole(text) is { } small)
        {
            return SmallNumbers[small]; // 0..100, written as the export writes them
        }
        if (texts.TryGetValue(text, out var known))
        {
            return known; // "na"
        }
        if (
            !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            || double.IsNaN(number)
            || double.IsInfinity(number)
        )
        {
            return AnswerValue.Of(text);
        }
        if (IsSpreadsheetWhole(text))
        {
            return number is >= 0 and < 101 ? SmallNumbers[(int)number] : AnswerValue.Of(number);
        }
        return AnswerValue.Of(number, text);
    }

    // 0..100 in the digits the export writes ("7", "10"; not "07"), read without a lookup: most cells of a CSV.
    private static int? SmallWhole(string text)
    {
        if (text.Length is 0 or > 3 || (text.Length > 1 && text[0] == '0'))
        {
            return null;
        }
        var value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 100 ? value : null;
    }

    // 9, 9.0, 9.00 (what R, pandas and spreadsheets write back), not 9.5, 1e1 or +9.
    private static bool IsSpreadsheetWhole(string text)
    {
        var dot = text.IndexOf('.');
        if (dot < 0)
        {
            return AnswerValue.IsWholeLiteral(text);
        }
        for (var i = dot + 1; i < text.Length; i++)
        {
            if (text[i] != '0')
            {
                return false;
            }
        }
        return dot > 0 && AnswerValue.IsWholeLiteral(text.Substring(0, dot));
    }

    private static AnswerValue[] Numbers()
    {
        var numbers = new AnswerValue[101];
        for (var i = 0; i < numbers.Length; i++)
        {
            numbers[i] = AnswerValue.Of(i);
        }
        return numbers;
    }
}
