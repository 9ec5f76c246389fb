using System.Collections.Generic;
using System.Linq;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;
using SurveyKit.Core.Text;

namespace SurveyKit.Core.Validation;

/// <summary>
/// Answers piped into a question's text or help (<see cref="Piping"/>) are checked like show_if references: the id must
/// name an earlier question, a touchpoint item (<c>touchpoints.service</c>) or a context field; personal data is never
/// shown; and a reference that may have no answer yet when the text is read (the question is optional, conditional, on
/// the same page, or a context field the link may lack) needs a fallback, <c>{recommend|een cijfer}</c>.
/// </summary>
internal sealed class PipeValidator(Survey survey, DiagnosticBag diagnostics)
{
    public void Validate()
    {
        var asked = new Dictionary<string, (Question Question, int Page)>(
            System.StringComparer.Ordinal
        );
        for (var p = 0; p < survey.Pages.Count; p++)
        {
            foreach (var question in survey.Pages[p].Questions)
            {
                Check(question, question.Text, "text", asked, p);
                if (question.Help is { } help)
                {
                    Check(question, help, "help", asked, p);
                }
                asked[question.Id] = (question, p);
            }
        }
    }

    private void Check(
        Question owner,
        LocalizedText text,
        string where,
        Dictionary<string, (Question Question, int Page)> asked,
        int page
    )
    {
        var place = $"the {where} of question '{owner.Id}'";
        foreach (var translation in text.Translations)
        {
            foreach (var pipe in Piping.Find(translation.Text))
            {
                if (Problem(owner, pipe, asked, page) is { } problem)
                {
                    diagnostics.Report(
                        DiagnosticDescriptors.InvalidPipe,
                        text.Span,
                        place,
                        $"{{{pipe.Id}}} {problem}"
                    );
                }
            }
        }
    }

    private string? Problem(
        Question owner,
        Piping.Pipe pipe,
        Dictionary<string, (Question Question, int Page)> asked,
        int page
    )
    {
        var parts = pipe.Id.Split('.');
        if (parts.Length == 1 && survey.FindContext(pipe.Id) is { } field)
        {
            if (PersonalData.IsPersonal(field))
            {
                return "is personal data (pii), which a text never shows";
            }
            return pipe.Fallback is null
                ? $"comes from the link, which may lack it; give a fallback, as in {{{pipe.Id}|…}}"
                : null;
        }
        if (survey.FindQuestion(parts[0]) is not { } question)
        {
            var names = survey
                .Questions.Select(q => q.Id)
                .Concat(survey.Context.Select(c => c.Id))
                .Concat(
                    survey
                        .Questions.OfType<TouchpointsQuestion>()
                        .SelectMany(t => t.Items.Select(i => t.Id + "." + i.Id))
                );
            return "names no question or context field of the survey."
                + DidYouMean.Hint(pipe.Id, names).TrimEnd('.');
        }
        if (parts.Length == 2)
        {
            if (question is not TouchpointsQuestion touchpoints)
            {
                return $"names an item of '{question.Id}', which is not a touchpoints question";
            }
            if (touchpoints.Items.All(i => i.Id != parts[1]))
            {
                return $"names no item of '{question.Id}'; its items are {string.Join(", ", touchpoints.Items.Select(i => i.Id))}";
            }
        }
        else if (question is TouchpointsQuestion)
        {
            return $"names a touchpoints question; name one of its items, as in {{{question.Id}.{((TouchpointsQuestion)question).Items[0].Id}}}";
        }
        if (ReferenceEquals(question, owner) || !asked.TryGetValue(question.Id, out var earlier))
        {
            return "is asked after this question; a text can only show answers given before it";
        }
        if (PersonalData.IsPersonal(question))
        {
            return "is personal data (an e-mail answer), which a text never shows";
        }
        var always =
            question.Required
            && question.ShowIf is null
            && earlier.Page < page
            && (
                parts.Length == 1
                || ((TouchpointsQuestion)question).Items.First(i => i.Id == parts[1]).ShowIf is null
            );
        return always || pipe.Fallback is not null
            ? null
            : $"may have no answer when this text is read ({Why(question, earlier.Page, page)}); give a fallback, as in {{{pipe.Id}|…}}";
    }

    private static string Why(Question question, int questionPage, int page) =>
        !question.Required ? $"'{question.Id}' is optional"
        : question.ShowIf is not null ? $"'{question.Id}' has a show_if"
        : questionPage == page ? $"'{question.Id}' is on the same page"
        : "its item has a show_if";
}
