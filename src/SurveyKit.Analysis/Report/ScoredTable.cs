using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;
using SurveyKit.Analysis.Data;
using SurveyKit.Analysis.Scoring;
using SurveyKit.Analysis.Statistics;
using SurveyKit.Core.Responses;

namespace SurveyKit.Analysis.Report;

/// <summary>
/// The scored responses as one tidy table for warehouse engines and notebooks: responses.parquet and responses.csv
/// with the same columns. One row per scored response: id, version, outcome and its NPS class, each driver's grade
/// (null when not answered or not applicable, with an <c>_na</c> flag), comparisons, satisfaction, segments, the raking
/// weight and the duration. No personal data.
/// </summary>
public static class ScoredTable
{
    /// <summary>A column, with what an SPSS file says about it (label, level, value labels).</summary>
    internal abstract record ColumnSpec(string Name)
    {
        public string Label { get; init; } = "";
        public Spss.SavMeasure Measure { get; init; } = Spss.SavMeasure.Nominal;

        /// <summary>Decimals an SPSS file shows for a number.</summary>
        public int Decimals { get; init; }

        /// <summary>Labels of values; for a text column with <see cref="Codes"/>, of the codes 1, 2, ...</summary>
        public IReadOnlyList<(double Value, string Label)> ValueLabels { get; init; } = [];

        /// <summary>A text column's values, coded 1, 2, ... in SPSS; null for free text.</summary>
        public IReadOnlyList<string>? Codes { get; init; }
    }

    internal sealed record IntColumn(string Name, Func<int, int?> Value) : ColumnSpec(Name);

    internal sealed record DoubleColumn(string Name, Func<int, double?> Value) : ColumnSpec(Name);

    internal sealed record BoolColumn(string Name, Func<int, bool> Value) : ColumnSpec(Name);

    internal sealed record TextColumn(string Name, Func<int, string?> Value) : ColumnSpec(Name);

    // Rows per Parquet row group: a group's columns are made and held in memory whole, so a million-row group cost
    // about 150 MB more peak memory than groups of this size (the size DuckDB writes, 122,880, rounded up).
    private const int RowGroupSize = 1 << 17;

    /// <summary>Writes the table as Parquet.</summary>
    public static async Task WriteParquetAsync(AnalysisResult result, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(result);
        var columns = Columns(result);
        var fields = columns
            .Select(c =>
                (DataField)(
                    c switch
                    {
                        IntColumn => new DataField<int?>(c.Name),
                        DoubleColumn => new DataField<double?>(c.Name),
                        BoolColumn => new DataField<bool>(c.Name),
                        _ => new DataField<string>(c.Name, true),
                    }
                )
            )
            .ToArray();
        var count = result.Table.Count;
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        for (var start = 0; start == 0 || start < count; start += RowGroupSize)
        {
            var size = Math.Min(RowGroupSize, count - start);
            using var group = writer.CreateRowGroup();
            for (var c = 0; c < columns.Count; c++)
            {
                switch (columns[c])
                {
                    case IntColumn ints:
                        await group.WriteAsync<int>(
                            fields[c],
                            Fill(size, i => ints.Value(start + i))
                        );
                        break;
                    case DoubleColumn doubles:
                        await group.WriteAsync<double>(
                            fields[c],
                            Fill(size, i => doubles.Value(start + i))
                        );
                        break;
                    case BoolColumn bools:
                        await group.WriteAsync<bool>(
                            fields[c],
                            Fill(size, i => bools.Value(start + i))
                        );
                        break;
                    case TextColumn texts:
                        await group.WriteAsync(fields[c], Fill(size, i => texts.Value(start + i)));
                        break;
                }
            }
        }
    }

    /// <summary>Writes the table as CSV (RFC 4180, UTF-8, empty for null).</summary>
    public static void WriteCsv(AnalysisResult result, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(result);
        var columns = Columns(result);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16)
        {
            NewLine = "\r\n",
        };
        writer.WriteLine(string.Join(",", columns.Select(c => Csv.Escape(c.Name))));
        var line = new StringBuilder();
        for (var row = 0; row < result.Table.Count; row++)
        {
            line.Clear();
            for (var c = 0; c < columns.Count; c++)
            {
                if (c > 0)
                {
                    line.Append(',');
                }
                switch (columns[c])
                {
                    case IntColumn ints when ints.Value(row) is { } i:
                        line.Append(i.ToString(CultureInfo.InvariantCulture));
                        break;
                    case DoubleColumn doubles when doubles.Value(row) is { } d:
                        line.Append(d.ToString("R", CultureInfo.InvariantCulture));
                        break;
                    case BoolColumn bools:
                        line.Append(bools.Value(row) ? "1" : "0");
                        break;
                    case TextColumn texts when texts.Value(row) is { } s:
                        line.Append(Csv.Escape(s));
                        break;
                }
            }
            writer.WriteLine(line);
        }
    }

    private static T[] Fill<T>(int size, Func<int, T> value)
    {
        var values = new T[size];
        for (var i = 0; i < size; i++)
        {
            values[i] = value(i);
        }
        return values;
    }

    /// <summary>The columns, labelled in <paramref name="language"/> (the survey's first by default).</summary>
    internal static List<ColumnSpec> Columns(AnalysisResult result, string? language = null)
    {
        var table = result.Table;
        var plan = table.Plan;
        var lang = language ?? result.Survey.DefaultLanguage;
        var t = ReportTexts.For(lang);
        var columns = new List<ColumnSpec>
        {
            new TextColumn("response_id", i => table.ResponseIds[i].ToString())
            {
                Label = t["spss_response_id"],
            },
            new IntColumn("version", i => table.Versions[i]) { Label = t["spss_version"] },
        };
        if (plan.Outcome is { } outcome)
        {
            var nps = result.Survey.FindQuestion(outcome.Id) as Core.Model.NpsQuestion;
            columns.Add(
                new IntColumn(outcome.Id, i => table.Outcome[i] >= 0 ? table.Outcome[i] : null)
                {
                    Label = nps is null ? outcome.Id : Core.Text.Piping.Plain(nps.Text[lang]),
                    Measure = Spss.SavMeasure.Scale,
                    ValueLabels =
                    [
                        (0, (nps?.LowLabel ?? Core.Model.DefaultTexts.Localized("nps.low"))[lang]),
                        (
                            10,
                            (nps?.HighLabel ?? Core.Model.DefaultTexts.Localized("nps.high"))[lang]
                        ),
                    ],
                }
            );
            columns.Add(
                new TextColumn(
                    "nps_class",
                    i =>
                        table.Outcome[i] < 0
                            ? null
                            : NpsCounts.Classify(table.Outcome[i]) switch
                            {
                                NpsClass.Detractor => "detractor",
                                NpsClass.Passive => "passive",
                                _ => "promoter",
                            }
                )
                {
                    Label = t["spss_class"],
                    Measure = Spss.SavMeasure.Ordinal,
                    Codes = ["detractor", "passive", "promoter"],
                    ValueLabels =
                    [
                        (1, t["spss_detractor"]),
                        (2, t["spss_passive"]),
                        (3, t["spss_promoter"]),
                    ],
                }
            );
        }
        for (var d = 0; d < plan.Drivers.Count; d++)
        {
            var grades = table.Drivers[d];
            var name = plan.Drivers[d].CsvColumn;
            var label = plan.Drivers[d].Label[lang];
            columns.Add(
                new IntColumn(name, i => ResponseTable.IsGrade(grades[i]) ? (int)grades[i] : null)
                {
                    Label = label,
                    Measure = Spss.SavMeasure.Ordinal,
                }
            );
            columns.Add(
                new BoolColumn(name + "_na", i => float.IsPositiveInfinity(grades[i]))
                {
                    Label = t.Format("spss_na_flag", label),
                    ValueLabels = [(0, t["spss_no"]), (1, t["spss_yes"])],
                }
            );
        }
        for (var d = 0; d < plan.Drivers.Count; d++)
        {
            if (table.Compare[d] is { } compare)
            {
                columns.Add(
                    new TextColumn(
                        plan.Drivers[d].CompareColumn,
                        i =>
                            compare[i] switch
                            {
                                0 => "worse",
                                1 => "same",
                                2 => "better",
                                _ => null,
                            }
                    )
                    {
                        Label = t.Format("spss_compare", plan.Drivers[d].Label[lang]),
                        Measure = Spss.SavMeasure.Ordinal,
                        Codes = ["worse", "same", "better"],
                        ValueLabels =
                        [
                            (1, Core.Model.DefaultTexts.Localized("compare.worse")[lang]),
                            (2, Core.Model.DefaultTexts.Localized("compare.same")[lang]),
                            (3, Core.Model.DefaultTexts.Localized("compare.better")[lang]),
                        ],
                    }
                );
            }
        }
        if (plan.Satisfaction is { } satisfaction && columns.All(c => c.Name != satisfaction.Id))
        {
            columns.Add(
                new IntColumn(
                    satisfaction.Id,
                    i => float.IsFinite(table.Satisfaction[i]) ? (int)table.Satisfaction[i] : null
                )
                {
                    Label = result.Survey.FindQuestion(satisfaction.Id) is { } asked
                        ? Core.Text.Piping.Plain(asked.Text[lang])
                        : satisfaction.Id,
                    Measure = Spss.SavMeasure.Ordinal,
                }
            );
        }
        for (var s = 0; s < plan.Segments.Count; s++)
        {
            var codes = table.Segments[s];
            var values = table.SegmentValues[s];
            if (columns.Any(c => c.Name == plan.Segments[s].Id))
            {
                continue;
            }
            var segment = plan.Segments[s];
            columns.Add(
                new TextColumn(segment.Id, i => codes[i] >= 0 ? values[codes[i]] : null)
                {
                    Label = segment.Label is { } named
                        ? Core.Text.Piping.Plain(named[lang])
                        : segment.Id,
                    Codes = values,
                    ValueLabels = values
                        .Select(
                            (v, k) =>
                                (
                                    k + 1.0,
                                    segment
                                        .ValueLabels.ElementAtOrDefault(
                                            segment.FixedValues.ToList().IndexOf(v)
                                        )
                                        ?[lang]
                                        ?? v
                                )
                        )
                        .ToList(),
                }
            );
        }
        if (result.RowWeights is { } weights)
        {
            columns.Add(
                new DoubleColumn("weight", i => weights[i])
                {
                    Label = t["spss_weight"],
                    Measure = Spss.SavMeasure.Scale,
                    Decimals = 4,
                }
            );
        }
        columns.Add(
            new DoubleColumn(
                "duration_ms",
                i => float.IsFinite(table.DurationMs[i]) ? table.DurationMs[i] : null
            )
            {
                Label = t["spss_duration"],
                Measure = Spss.SavMeasure.Scale,
            }
        );
        return columns;
    }
}
