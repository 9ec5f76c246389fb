using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SurveyKit.Analysis.Report;
using SurveyKit.Analysis.Scoring;

namespace SurveyKit.Analysis.Spss;

/// <summary>
/// The scored table of <c>analyze --tables</c> (the columns of responses.csv) as responses.sav: the NPS with its end
/// points labelled, the NPS class coded 1-3 (detractor, passive, promoter), grades with their "not applicable" flags,
/// comparisons and segments coded with value labels, and the raking weight as a variable (<c>WEIGHT BY weight.</c> in
/// SPSS applies it). No personal data, as in the CSV.
/// </summary>
public static class ScoredSav
{
    public static void Write(AnalysisResult result, Stream stream, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var columns = ScoredTable.Columns(result, language);
        var count = result.Table.Count;
        var variables = columns
            .Select(c => new SavVariable(c.Name, c.Label, c.Measure)
            {
                ValueLabels = c.ValueLabels,
                Decimals = c.Decimals,
                Width = c is ScoredTable.TextColumn { Codes: null } text
                    ? Math.Clamp(
                        Enumerable
                            .Range(0, count)
                            .Select(i => Encoding.UTF8.GetByteCount(text.Value(i) ?? ""))
                            .DefaultIfEmpty(1)
                            .Max(),
                        1,
                        SavExport.MaxString
                    )
                    : 0,
            })
            .ToList();
        var codes = columns
            .Select(c =>
                c.Codes?.Select((v, k) => (v, k + 1.0)).ToDictionary(x => x.v, x => x.Item2)
            )
            .ToList();
        using var writer = new SavWriter(
            stream,
            variables,
            result.Survey.Title[language ?? result.Survey.DefaultLanguage],
            count
        );
        var numbers = new double[columns.Count];
        var strings = new string?[columns.Count];
        for (var row = 0; row < count; row++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                switch (columns[c])
                {
                    case ScoredTable.IntColumn ints:
                        numbers[c] = ints.Value(row) is { } i ? i : double.NaN;
                        break;
                    case ScoredTable.DoubleColumn doubles:
                        numbers[c] = doubles.Value(row) ?? double.NaN;
                        break;
                    case ScoredTable.BoolColumn bools:
                        numbers[c] = bools.Value(row) ? 1 : 0;
                        break;
                    case ScoredTable.TextColumn text when codes[c] is { } map:
                        numbers[c] =
                            text.Value(row) is { } v && map.TryGetValue(v, out var code)
                                ? code
                                : double.NaN;
                        break;
                    case ScoredTable.TextColumn text:
                        strings[c] = text.Value(row);
                        break;
                }
            }
            writer.WriteCase(numbers, strings);
        }
    }
}
