using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using SurveyKit.Analysis.Report;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;
using SurveyKit.Core.Text;

namespace SurveyKit.Analysis.Spss;

/// <summary>
/// The wide export (the columns of <see cref="CsvExport"/>) as an SPSS system file: one variable per column, labelled
/// with the question texts in one language; choices, consent, comparisons and context values as numeric codes with
/// value labels; "not applicable" as a user-missing code distinct from system-missing (not answered); scale end
/// points labelled; measurement levels; the submission time as an SPSS date-time. Strings are as wide as the longest
/// value, so two passes over the rows: <see cref="Measure"/>, then <see cref="Write"/>.
/// </summary>
public sealed class SavExport
{
    private readonly IReadOnlyList<CsvColumn> columns;
    private readonly CsvExport csv;
    private readonly bool personal;
    private readonly string language;
    private readonly int[] widths;
    private long rows;

    public SavExport(Survey survey, bool includePersonalData, string? language)
    {
        csv = new CsvExport(survey);
        personal = includePersonalData;
        columns = csv.Columns(includePersonalData);
        this.language =
            language is not null && survey.Languages.Contains(language)
                ? language
                : survey.DefaultLanguage;
        widths = new int[columns.Count];
        Survey = survey;
    }

    /// <summary>The longest string SPSS holds, in bytes.</summary>
    public const int MaxString = 32767;

    /// <summary>Values longer than <see cref="MaxString"/> bytes: cut at a character in the file.</summary>
    public int Cut { get; private set; }

    /// <summary>The survey exported.</summary>
    public Survey Survey { get; }

    /// <summary>The first pass: notes how wide each string of <paramref name="row"/> is.</summary>
    public void Measure(CsvExport.Row row)
    {
        var c = 0;
        foreach (var value in csv.Values(row, personal))
        {
            var bytes = System.Text.Encoding.UTF8.GetByteCount(value);
            widths[c] = Math.Max(widths[c], bytes);
            if (bytes > MaxString)
            {
                Cut++;
            }
            c++;
        }
        rows++;
    }

    /// <summary>The second pass: a writer for the rows measured, to <paramref name="stream"/>.</summary>
    public Writer Write(Stream stream)
    {
        var t = ReportTexts.For(language);
        var specs = columns.Select((column, c) => Variable(column, widths[c], t)).ToList();
        var label = string.Format(
            CultureInfo.InvariantCulture,
            "{0} (version {1})",
            Survey.Title[language],
            Survey.Version
        );
        return new Writer(
            this,
            new SavWriter(stream, specs.Select(s => s.Variable).ToList(), label, rows),
            specs
        );
    }

    /// <summary>The variables of <paramref name="survey"/>'s export, as the .sav describes them (strings 1 wide).</summary>
    public static IReadOnlyList<SavVariable> Variables(
        Survey survey,
        bool includePersonalData,
        string? language
    )
    {
        var export = new SavExport(survey, includePersonalData, language);
        var t = ReportTexts.For(export.language);
        return export.columns.Select(c => export.Variable(c, 1, t).Variable).ToList();
    }

    /// <summary>Writes rows; disposing ends the file.</summary>
    public sealed class Writer(SavExport export, SavWriter writer, List<Spec> specs) : IDisposable
    {
        private readonly double[] numbers = new double[specs.Count];
        private readonly string?[] strings = new string?[specs.Count];

        public void Add(CsvExport.Row row)
        {
            var c = 0;
            foreach (var value in export.csv.Values(row, export.personal))
            {
                var spec = specs[c];
                if (spec.Variable.IsString)
                {
                    strings[c] = value;
                }
                else
                {
                    numbers[c] = value.Length == 0 ? double.NaN : spec.Encode(value);
                }
                c++;
            }
            writer.WriteCase(numbers, strings);
        }

        public void Dispose() => writer.Dispose();
    }

    /// <summary>A variable and how a CSV field becomes its number.</summary>
    public sealed record Spec(SavVariable Variable, Func<string, double> Encode);

    private static readonly string[] Comparisons = ["worse", "same", "better"];

    private static readonly DateTime GregorianStart = new(1582, 10, 14, 0, 0, 0, DateTimeKind.Utc);

    private Spec Variable(CsvColumn column, int width, ReportTexts t)
    {
        var name = column.Header;
        string Text(LocalizedText? text, string fallback) => text?[language] ?? fallback;
        switch (column.Kind)
        {
            case CsvColumnKind.Version:
                return Number(new SavVariable(name, t["spss_version"], SavMeasure.Nominal));
            case CsvColumnKind.Duration:
                return Number(new SavVariable(name, t["spss_duration"], SavMeasure.Scale));
            case CsvColumnKind.SubmittedAt:
                return new Spec(
                    new SavVariable(name, t["spss_submitted_at"], SavMeasure.Scale)
                    {
                        DateTime = true,
                    },
                    value =>
                        DateTimeOffset.TryParse(
                            value,
                            CultureInfo.InvariantCulture,
                            DateTimeStyles.AssumeUniversal,
                            out var at
                        )
                            ? Math.Round((at.UtcDateTime - GregorianStart).TotalSeconds, 3)
                            : double.NaN
                );
            case CsvColumnKind.Context when column.Field is { Values.Count: > 0 } field:
                return Codes(
                    new SavVariable(name, Text(field.Label, field.Id), SavMeasure.Nominal),
                    field.Values.Select(v => (v, Text(field.LabelOf(v), v)))
                );
            case CsvColumnKind.Context:
                return String(name, Text(column.Field!.Label, column.Field.Id), width);
            case CsvColumnKind.Item when column.Question is TouchpointsQuestion touchpoints:
            {
                var item = touchpoints.Items.First(i => i.Id == column.Part);
                return Grade(
                    name,
                    item.Label[language] + " – " + Piping.Plain(touchpoints.Text[language]),
                    touchpoints.Scale,
                    touchpoints.Labels,
                    touchpoints.NotApplicable ?? Default("not_applicable")
                );
            }
            case CsvColumnKind.Compare when column.Question is TouchpointsQuestion touchpoints:
            {
                var item = touchpoints.Items.First(i => i.Id == column.Part);
                return Codes(
                    new SavVariable(
                        name,
                        t.Format("spss_compare", item.Label[language]),
                        SavMeasure.Ordinal
                    ),
                    Comparisons.Select(c => (c, Default("compare." + c)[language]))
                );
            }
            case CsvColumnKind.Option when column.Question is ChoiceQuestion choice:
            {
                var option = choice.Options.FirstOrDefault(o => o.Id == column.Part);
                var optionLabel = option?.Label[language] ?? Text(choice.Other, column.Part!);
                return new Spec(
                    new SavVariable(
                        name,
                        Piping.Plain(choice.Text[language]) + ": " + optionLabel,
                        SavMeasure.Nominal
                    )
                    {
                        ValueLabels = [(0, t["spss_not_chosen"]), (1, t["spss_chosen"])],
                    },
                    value => value == "1" ? 1 : 0
                );
            }
            case CsvColumnKind.Other:
                return String(
                    name,
                    t.Format("spss_other_text", Piping.Plain(column.Question!.Text[language])),
                    width
                );
            case CsvColumnKind.Answer:
                return Answer(column.Question!, width, t);
            case CsvColumnKind.ResponseId:
                return String(name, t["spss_response_id"], width);
            case CsvColumnKind.Survey:
                return String(name, t["spss_survey"], width);
            default:
                return String(name, t["language"], width);
        }
    }

    private Spec Answer(Question question, int width, ReportTexts t)
    {
        var label = Piping.Plain(question.Text[language]);
        switch (question)
        {
            case NpsQuestion nps:
                return Grade(
                    question.Id,
                    label,
                    NpsQuestion.Scale,
                    [
                        new ScaleLabel(0, nps.LowLabel ?? Default("nps.low")),
                        new ScaleLabel(10, nps.HighLabel ?? Default("nps.high")),
                    ],
                    null,
                    SavMeasure.Scale
                );
            case RatingQuestion rating:
                return Grade(question.Id, label, rating.Scale, rating.Labels, rating.NotApplicable);
            case SingleChoiceQuestion choice:
                return Codes(
                    new SavVariable(question.Id, label, SavMeasure.Nominal),
                    choice
                        .Options.Select(o => (o.Id, o.Label[language]))
                        .Concat(choice.Other is { } other ? [("other", other[language])] : [])
                );
            case ConsentQuestion:
                return new Spec(
                    new SavVariable(question.Id, label, SavMeasure.Nominal)
                    {
                        ValueLabels = [(0, t["spss_no"]), (1, t["spss_yes"])],
                    },
                    value =>
                        value switch
                        {
                            "true" => 1,
                            "false" => 0,
                            _ => double.NaN,
                        }
                );
            case NumberQuestion number:
                return Number(
                    new SavVariable(question.Id, label, SavMeasure.Scale)
                    {
                        Decimals = number.Integer ? 0 : 2,
                    }
                );
            default:
                return String(question.Id, label, width);
        }
    }

    // A grade: the number itself, the end points (and any labelled point) labelled, "not applicable" a user-missing
    // code just past the scale (99 for the usual scales), so it is never averaged and never taken for "not answered".
    private Spec Grade(
        string name,
        string label,
        Scale scale,
        IReadOnlyList<ScaleLabel> labels,
        LocalizedText? notApplicable,
        SavMeasure measure = SavMeasure.Ordinal
    )
    {
        var na = scale.Max < 99 ? 99 : scale.Max + 1;
        var valueLabels = labels.Select(l => ((double)l.Value, l.Text[language])).ToList();
        if (notApplicable is not null)
        {
            valueLabels.Add((na, notApplicable[language]));
        }
        return new Spec(
            new SavVariable(name, label, measure)
            {
                ValueLabels = valueLabels,
                MissingValues = notApplicable is null ? [] : [na],
            },
            value =>
                value == "na" ? na
                : double.TryParse(
                    value,
                    NumberStyles.Float,
                    CultureInfo.InvariantCulture,
                    out var v
                )
                    ? v
                : double.NaN
        );
    }

    private static Spec Codes(SavVariable variable, IEnumerable<(string Id, string Label)> values)
    {
        var list = values.ToList();
        var codes = list.Select((v, i) => (v.Id, Code: i + 1.0))
            .ToDictionary(x => x.Id, x => x.Code, StringComparer.Ordinal);
        return new Spec(
            variable with
            {
                ValueLabels = list.Select((v, i) => (i + 1.0, v.Label)).ToList(),
            },
            value => codes.TryGetValue(value, out var code) ? code : double.NaN
        );
    }

    private static Spec Number(SavVariable variable) =>
        new(
            variable,
            value =>
                double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                    ? v
                    : double.NaN
        );

    // SPSS strings hold at most 32767 bytes; an empty column still needs one.
    private static Spec String(string name, string label, int width) =>
        new(
            new SavVariable(name, label, SavMeasure.Nominal)
            {
                Width = Math.Clamp(width, 1, MaxString),
            },
            _ => double.NaN
        );

    private static LocalizedText Default(string key) => DefaultTexts.Localized(key);
}
