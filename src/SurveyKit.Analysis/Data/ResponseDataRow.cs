using System;
using System.Collections.Generic;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;

namespace SurveyKit.Analysis.Data;

/// <summary>
/// Fills a row from Core's neutral <see cref="ResponseData"/>, once the response has met Core's rules
/// (<see cref="RecordReader"/>): the columns the analysis uses, and a consenting detractor's texts.
/// </summary>
internal static class ResponseDataRow
{
    public static void Fill(AnalysisPlan plan, ResponseData data, Row row)
    {
        if (Guid.TryParse(data.ResponseId, out row.ResponseId))
        {
            row.HasResponseId = true;
        }
        row.Survey = data.Survey;
        row.Version = data.Version ?? 0;
        row.Lang = data.Lang;
        if (plan.Wave is { } wave)
        {
            row.Wave = data.Context.GetValueOrDefault(wave.Id);
        }
        if (plan.Account is { } account)
        {
            row.Account = data.Context.GetValueOrDefault(account.Id);
        }
        var answers = data.Answers;
        if (plan.Outcome is { } nps && answers.TryGetValue(nps.Id, out var score))
        {
            // "na" is a grade of +Infinity to Grade; an NPS question has no "not applicable", so it is no answer.
            row.Outcome =
                Grade(score, NpsQuestion.Scale) is { } s && float.IsFinite(s) ? (int)s : -1;
        }
        // The items of one touchpoints question are drivers side by side: its answer is looked up once.
        string? lastQuestion = null;
        AnswerValue? lastAnswer = null;
        for (var d = 0; d < plan.Drivers.Count; d++)
        {
            var driver = plan.Drivers[d];
            if (!ReferenceEquals(driver.QuestionId, lastQuestion))
            {
                lastQuestion = driver.QuestionId;
                lastAnswer = answers.GetValueOrDefault(driver.QuestionId);
            }
            if (lastAnswer is not { } answer)
            {
                continue;
            }
            var grade =
                driver.ItemId is null ? answer
                : answer.TryGetEntry(driver.ItemId, out var entry) ? entry
                : null;
            row.Drivers[d] = grade is null ? float.NaN : Grade(grade, driver.Scale) ?? float.NaN;
            if (
                driver.HasComparison
                && answers.TryGetValue(driver.QuestionId + "_compare", out var comparisons)
                && comparisons.TryGetEntry(driver.ItemId!, out var comparison)
            )
            {
                row.Compare[d] = AnswerValues.ComparisonOf(comparison.Text) is { } c
                    ? (sbyte)c
                    : (sbyte)-1;
            }
        }
        if (
            plan.Satisfaction is { } satisfaction
            && answers.TryGetValue(satisfaction.Id, out var rating)
        )
        {
            var grade = Grade(rating, satisfaction.Scale);
            row.Satisfaction = grade is { } g && float.IsFinite(g) ? g : float.NaN;
        }
        for (var s = 0; s < plan.Segments.Count; s++)
        {
            var segment = plan.Segments[s];
            string? value =
                segment.IsContext ? data.Context.GetValueOrDefault(segment.Id)
                : answers.TryGetValue(segment.Id, out var answer)
                    ? answer.Kind == AnswerKind.Boolean ? (answer.Boolean ? "true" : "false")
                        : answer.Text
                : null;
            row.Segments[s] = value is null ? -1 : IndexOf(segment.FixedValues, value);
        }
        if (plan.Consent is { } consent && answers.TryGetValue(consent.Id, out var agreed))
        {
            row.Consent = agreed.Kind == AnswerKind.Boolean ? agreed.Boolean : null;
        }
        if (plan.Themes is { } coder)
        {
            string? detractorText = null;
            foreach (var question in plan.OpenAnswers)
            {
                if (
                    answers.TryGetValue(question.Id, out var open)
                    && open.Kind == AnswerKind.Text
                    && !string.IsNullOrWhiteSpace(open.Text)
                )
                {
                    row.Themes |=
                        coder.Code(Core.Text.ThemePattern.Words(open.Text), data.Lang)
                        | Themes.ThemeCoder.Answered;
                    if (row.Outcome is >= 0 and <= 6)
                    {
                        detractorText = detractorText is null
                            ? open.Text
                            : detractorText + "\n" + open.Text;
                    }
                }
            }
            row.OpenText = detractorText;
        }
        if (row.NeedsFollowUp)
        {
            if (plan.Contact is { } contact && answers.TryGetValue(contact.Id, out var reach))
            {
                row.Contact = reach.Text;
            }
            for (var c = 0; c < plan.Comments.Count; c++)
            {
                row.Comments[c] = answers.TryGetValue(plan.Comments[c].Id, out var text)
                    ? text.Text
                    : null;
            }
            for (var p = 0; p < plan.PersonalContext.Count; p++)
            {
                row.PersonalContext[p] = data.Context.GetValueOrDefault(plan.PersonalContext[p].Id);
            }
        }
    }

    private static float? Grade(AnswerValue value, Scale scale) =>
        value.Kind switch
        {
            AnswerKind.Number
                when value.Number >= scale.Min
                    && value.Number <= scale.Max
                    && value.Number == Math.Floor(value.Number) => (float)value.Number,
            AnswerKind.Text when value.Text == AnswerValues.NotApplicable => Row.NotApplicable,
            _ => null,
        };

    private static int IndexOf(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] == value)
            {
                return i;
            }
        }
        return -1;
    }
}
