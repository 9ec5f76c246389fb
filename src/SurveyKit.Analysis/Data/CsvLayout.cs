using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;

namespace SurveyKit.Analysis.Data;

/// <summary>
/// A CSV file's columns as Core's <see cref="CsvImport"/> reads them, and the texts its cells usually hold (option
/// ids, grades, "na", "true", the survey's id and languages), kept once so that a million records do not make a
/// million copies of "8". Made from the header, then shared read-only by the block parsers.
/// </summary>
internal sealed class CsvLayout
{
    private readonly Dictionary<int, List<(byte[] Utf8, string Text)>> byLength = [];

    public CsvLayout(Survey survey, IReadOnlyList<string> header)
    {
        Survey = survey;
        Header = header;
        UnknownColumns = new CsvImport(survey, header).UnknownColumns;
        // A CSV exported without --personal has no column for the personal fields: they are left out, not missing.
        var columns = new HashSet<string>(header, StringComparer.Ordinal);
        LeftOut = PersonalData
            .Fields(survey)
            .Where(path => !columns.Contains(path[(path.IndexOf('.') + 1)..]))
            .ToList();
        var common = new List<string>
        {
            survey.Id,
            "na",
            "true",
            "false",
            "worse",
            "same",
            "better",
            "other",
        };
        common.AddRange(survey.Languages);
        for (var i = 0; i <= 100; i++)
        {
            common.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (var field in survey.Context)
        {
            common.AddRange(field.Values);
        }
        foreach (var question in survey.Questions)
        {
            if (question is ChoiceQuestion choice)
            {
                foreach (var option in choice.Options)
                {
                    common.Add(option.Id);
                }
            }
        }
        common.Add(survey.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var text in common)
        {
            var utf8 = Encoding.UTF8.GetBytes(text);
            if (!byLength.TryGetValue(utf8.Length, out var list))
            {
                byLength[utf8.Length] = list = [];
            }
            if (!list.Exists(e => e.Text == text))
            {
                list.Add((utf8, text));
            }
        }
    }

    public Survey Survey { get; }

    /// <summary>The header's names: each worker makes its own <see cref="CsvImport"/> of them (it reuses buffers).</summary>
    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<string> UnknownColumns { get; }

    /// <summary>The personal fields (<c>answers.email</c>) whose columns the header does not have.</summary>
    public IReadOnlyList<string> LeftOut { get; }

    private static readonly string[] Numbers = Enumerable
        .Range(0, 101)
        .Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .ToArray();

    /// <summary>The kept string for <paramref name="utf8"/>, or null.</summary>
    public string? Known(ReadOnlySpan<byte> utf8)
    {
        // Grades first: most cells of a survey's CSV are small whole numbers.
        if (utf8.Length is > 0 and <= 3 && utf8[0] is >= (byte)'0' and <= (byte)'9')
        {
            var value = 0;
            foreach (var b in utf8)
            {
                if (b is < (byte)'0' or > (byte)'9')
                {
                    value = -1;
                    break;
                }
                value = value * 10 + (b - '0');
            }
            if (value is >= 0 and <= 100 && (utf8.Length == 1 || utf8[0] != '0'))
            {
                return Numbers[value];
            }
        }
        if (byLength.TryGetValue(utf8.Length, out var list))
        {
            foreach (var (bytes, text) in list)
            {
                if (utf8.SequenceEqual(bytes))
                {
                    return text;
                }
            }
        }
        return null;
    }
}
