using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SurveyKit.Core.Model;

namespace SurveyKit.Core.Responses;

/// <summary>
/// An answer as a person reads it, in one language: a choice's label rather than its id, yes or no for a consent,
/// each touchpoint's label with its grade. For texts people read (alert mails and subjects), never for data files,
/// which keep ids.
/// </summary>
public static class AnswerText
{
    /// <summary>
    /// The answer to <paramref name="question"/> in <paramref name="data"/> as text in <paramref name="language"/>,
    /// or null when it was not answered.
    /// </summary>
    public static string? Of(Question question, ResponseData data, string language)
    {
        if (!data.Answers.TryGetValue(question.Id, out var answer))
        {
            return question is ChoiceQuestion && data.Answers.ContainsKey(question.Id + "_other")
                ? Other((ChoiceQuestion)question, data, language)
                : null;
        }
        return question switch
        {
            ConsentQuestion when answer.Kind == AnswerKind.Boolean => YesNo(
                answer.Boolean,
                language
            ),
            SingleChoiceQuestion single when answer.Kind == AnswerKind.Text => Choice(
                single,
                answer.Text,
                data,
                language
            ),
            MultiChoiceQuestion multi when answer.Kind == AnswerKind.TextList => string.Join(
                "; ",
                answer.Texts.Select(id => Choice(multi, id, data, language))
            ),
            TouchpointsQuestion touchpoints when answer.Kind == AnswerKind.Map => string.Join(
                "; ",
                touchpoints
                    .Items.Where(i => answer.Entries.ContainsKey(i.Id))
                    .Select(i =>
                        i.Label[language] + ": " + Item(touchpoints, i.Id, answer, language)
                    )
            ),
            RatingQuestion rating when answer.Kind == AnswerKind.Text && answer.Text == "na" =>
                rating.NotApplicable?[language] ?? NotApplicable(language),
            _ => Plain(answer),
        };
    }

    /// <summary>The grade of touchpoint <paramref name="item"/>, or the question's "did not use" text.</summary>
    public static string Item(
        TouchpointsQuestion question,
        string item,
        AnswerValue answer,
        string language
    ) =>
        answer.Entries.TryGetValue(item, out var grade)
            ? grade.Kind == AnswerKind.Number
                ? Plain(grade)
                : question.NotApplicable?[language] ?? NotApplicable(language)
            : "";

    /// <summary>Yes or no in <paramref name="language"/> (Dutch or English; English for the others).</summary>
    public static string YesNo(bool value, string language) =>
        language.StartsWith("nl", System.StringComparison.Ordinal)
            ? (value ? "Ja" : "Nee")
            : (value ? "Yes" : "No");

    private static string NotApplicable(string language) =>
        language.StartsWith("nl", System.StringComparison.Ordinal)
            ? "Niet van toepassing"
            : "Not applicable";

    private static string Choice(
        ChoiceQuestion question,
        string id,
        ResponseData data,
        string language
    ) =>
        id == "other" && question.Other is not null
            ? Other(question, data, language)
            : question.Options.FirstOrDefault(o => o.Id == id)?.Label[language] ?? id;

    private static string Other(ChoiceQuestion question, ResponseData data, string language)
    {
        var label = question.Other?[language] ?? "other";
        return
            data.Answers.TryGetValue(question.Id + "_other", out var text)
            && text.Kind == AnswerKind.Text
            ? label + ": " + text.Text
            : label;
    }

    private static string Plain(AnswerValue answer) =>
        answer.Kind switch
        {
            AnswerKind.Number => answer.Number.ToString(CultureInfo.InvariantCulture),
            AnswerKind.Text => answer.Text,
            AnswerKind.Boolean => answer.Boolean ? "true" : "false",
            AnswerKind.TextList => string.Join("; ", answer.Texts),
            _ => answer.Describe(),
        };

    /// <summary>The value of context field <paramref name="field"/> as read: its label where the survey gives one.</summary>
    public static string? Of(ContextField field, ResponseData data, string language) =>
        data.Context.TryGetValue(field.Id, out var value)
            ? field.LabelOf(value)?[language] ?? value
            : null;

    /// <summary>Every answered question of <paramref name="survey"/> in the order asked, as (question, text).</summary>
    public static IEnumerable<(Question Question, string Text)> All(
        Survey survey,
        ResponseData data,
        string language
    ) =>
        survey
            .Questions.Select(q => (Question: q, Text: Of(q, data, language)))
            .Where(a => a.Text is not null)
            .Select(a => (a.Question, a.Text!));
}
