using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SurveyKit.Core.Model;

namespace SurveyKit.Core.Responses;

/// <summary>
/// The wide CSV export of formats.md for any survey, without generated types: the collector's export and any tool that
/// only has the survey. The columns are those of the generated <c>CsvHeader</c>: the envelope, context fields, then
/// answers in definition order (a column per touchpoint item and comparison, per multi_choice option with 1/0, the
/// other-text beside its question), then duration_ms. Personal data (pii context, email answers) only when asked.
/// </summary>
public sealed class CsvExport
{
    private readonly List<(CsvColumn Column, System.Func<Row, string> Value)> columns = [];

    /// <summary>The columns of <paramref name="survey"/>.</summary>
    public CsvExport(Survey survey)
    {
        Add(new("response_id", CsvColumnKind.ResponseId), r => r.Data.ResponseId ?? "");
        Add(new("survey", CsvColumnKind.Survey), r => r.Data.Survey ?? "");
        Add(
            new("version", CsvColumnKind.Version),
            r => r.Data.Version?.ToString(CultureInfo.InvariantCulture) ?? ""
        );
        Add(new("submitted_at", CsvColumnKind.SubmittedAt), r => r.SubmittedAt ?? "");
        Add(new("lang", CsvColumnKind.Lang), r => r.Data.Lang ?? "");
        foreach (var field in survey.Context)
        {
            Add(
                new(field.Id, CsvColumnKind.Context)
                {
                    Personal = PersonalData.IsPersonal(field),
                    Field = field,
                },
                r => r.Data.Context.TryGetValue(field.Id, out var v) ? v : ""
            );
        }
        foreach (var question in survey.Questions)
        {
            var id = question.Id;
            switch (question)
            {
                case TouchpointsQuestion touchpoints:
                    foreach (var item in touchpoints.Items)
                    {
                        Add(
                            new($"{id}.{item.Id}", CsvColumnKind.Item)
                            {
                                Question = question,
                                Part = item.Id,
                            },
                            r => Entry(r, id, item.Id)
                        );
                    }
                    if (touchpoints.Compare is not null)
                    {
                        foreach (var item in touchpoints.Items)
                        {
                            Add(
                                new($"{id}_compare.{item.Id}", CsvColumnKind.Compare)
                                {
                                    Question = question,
                                    Part = item.Id,
                                },
                                r => Entry(r, id + "_compare", item.Id)
                            );
                        }
                    }
                    continue;
                case MultiChoiceQuestion multi:
                    var options = multi
                        .Options.Select(o => o.Id)
                        .Concat(multi.Other is null ? [] : ["other"]);
                    foreach (var option in options)
                    {
                        Add(
                            new($"{id}.{option}", CsvColumnKind.Option)
                            {
                                Question = question,
                                Part = option,
                            },
                            r =>
                                r.Data.Answers.TryGetValue(id, out var a)
                                && a.Kind == AnswerKind.TextList
                                    ? (a.Texts.Contains(option) ? "1" : "0")
                                    : ""
                        );
                    }
                    break;
                default:
                    Add(
                        new(id, CsvColumnKind.Answer)
                        {
                            Personal = PersonalData.IsPersonal(question),
                            Question = question,
                        },
                        r => Plain(r, id)
                    );
                    break;
            }
            if (question is ChoiceQuestion { Other: not null })
            {
                Add(
                    new(id + "_other", CsvColumnKind.Other) { Question = question },
                    r => Plain(r, id + "_other")
                );
            }
        }
        Add(
            new("duration_ms", CsvColumnKind.Duration),
            r => r.DurationMs?.ToString(CultureInfo.InvariantCulture) ?? ""
        );
    }

    /// <summary>A response with what the CSV shows beside its answers.</summary>
    public sealed record Row(ResponseData Data, string? SubmittedAt, long? DurationMs);

    /// <summary>The columns, in order; personal ones only when <paramref name="includePersonalData"/>.</summary>
    public IReadOnlyList<CsvColumn> Columns(bool includePersonalData) =>
        columns
            .Where(c => includePersonalData || !c.Column.Personal)
            .Select(c => c.Column)
            .ToList();

    /// <summary>The header line.</summary>
    public string Header(bool includePersonalData) =>
        string.Join(",", Columns(includePersonalData).Select(c => Csv.Escape(c.Header)));

    /// <summary>One record, fields escaped (formula guard included).</summary>
    public string Record(Row row, bool includePersonalData) =>
        string.Join(",", Values(row, includePersonalData).Select(Csv.Escape));

    /// <summary>The fields of one record as they are, before CSV escaping (for other formats of the same layout).</summary>
    public IEnumerable<string> Values(Row row, bool includePersonalData) =>
        columns.Where(c => includePersonalData || !c.Column.Personal).Select(c => c.Value(row));

    private void Add(CsvColumn column, System.Func<Row, string> value) =>
        columns.Add((column, value));

    private static string Plain(Row row, string key) =>
        row.Data.Answers.TryGetValue(key, out var answer) ? Format(answer) : "";

    private static string Entry(Row row, string key, string item) =>
        row.Data.Answers.TryGetValue(key, out var answer)
        && answer.Kind == AnswerKind.Map
        && answer.Entries.TryGetValue(item, out var entry)
            ? Format(entry)
            : "";

    private static string Format(AnswerValue answer) =>
        answer.Kind switch
        {
            AnswerKind.Number => NumberText.Of(answer.Number),
            AnswerKind.Text => answer.Text,
            AnswerKind.Boolean => answer.Boolean ? "true" : "false",
            AnswerKind.TextList => string.Join(";", answer.Texts),
            _ => "",
        };
}

/// <summary>What a column of the wide export holds.</summary>
public enum CsvColumnKind
{
    ResponseId,
    Survey,
    Version,
    SubmittedAt,
    Lang,
    Context,
    Answer,
    Item,
    Compare,
    Option,
    Other,
    Duration,
}

/// <summary>
/// A column of the wide export and where it comes from, so that other formats of the same layout (SPSS) can label it.
/// </summary>
/// <param name="Header">The column name.</param>
/// <param name="Kind">What it holds.</param>
public sealed record CsvColumn(string Header, CsvColumnKind Kind)
{
    /// <summary>Personal data (a pii context field, an e-mail answer).</summary>
    public bool Personal { get; init; }

    /// <summary>The context field of a context column.</summary>
    public ContextField? Field { get; init; }

    /// <summary>The question of an answer, item, comparison, option or other-text column.</summary>
    public Question? Question { get; init; }

    /// <summary>The touchpoint item or the option of the column.</summary>
    public string? Part { get; init; }
}
