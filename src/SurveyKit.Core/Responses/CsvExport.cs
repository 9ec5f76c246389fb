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
    private readonly List<(string Header, bool Personal, System.Func<Row, string> Value)> columns =
    [];

    /// <summary>The columns of <paramref name="survey"/>.</summary>
    public CsvExport(Survey survey)
    {
        Add("response_id", false, r => r.Data.ResponseId ?? "");
        Add("survey", false, r => r.Data.Survey ?? "");
        Add("version", false, r => r.Data.Version?.ToString(CultureInfo.InvariantCulture) ?? "");
        Add("submitted_at", false, r => r.SubmittedAt ?? "");
        Add("lang", false, r => r.Data.Lang ?? "");
        foreach (var field in survey.Context)
        {
            Add(
                field.Id,
                PersonalData.IsPersonal(field),
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
                        Add($"{id}.{item.Id}", false, r => Entry(r, id, item.Id));
                    }
                    if (touchpoints.Compare is not null)
                    {
                        foreach (var item in touchpoints.Items)
                        {
                            Add(
                                $"{id}_compare.{item.Id}",
                                false,
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
                            $"{id}.{option}",
                            false,
                            r =>
                                r.Data.Answers.TryGetValue(id, out var a)
                                && a.Kind == AnswerKind.TextList
                                    ? (a.Texts.Contains(option) ? "1" : "0")
                                    : ""
                        );
                    }
                    break;
                default:
                    Add(id, PersonalData.IsPersonal(question), r => Plain(r, id));
                    break;
            }
            if (question is ChoiceQuestion { Other: not null })
            {
                Add(id + "_other", false, r => Plain(r, id + "_other"));
            }
        }
        Add("duration_ms", false, r => r.DurationMs?.ToString(CultureInfo.InvariantCulture) ?? "");
    }

    /// <summary>A response with what the CSV shows beside its answers.</summary>
    public sealed record Row(ResponseData Data, string? SubmittedAt, long? DurationMs);

    /// <summary>The header line.</summary>
    public string Header(bool includePersonalData) =>
        string.Join(
            ",",
            columns.Where(c => includePersonalData || !c.Personal).Select(c => Csv.Escape(c.Header))
        );

    /// <summary>One record, fields escaped (formula guard included).</summary>
    public string Record(Row row, bool includePersonalData) =>
        string.Join(
            ",",
            columns
                .Where(c => includePersonalData || !c.Personal)
                .Select(c => Csv.Escape(c.Value(row)))
        );

    private void Add(string header, bool personal, System.Func<Row, string> value) =>
        columns.Add((header, personal, value));

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
