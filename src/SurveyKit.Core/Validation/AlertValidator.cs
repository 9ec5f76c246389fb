using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Expressions;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;

namespace SurveyKit.Core.Validation;

/// <summary>
/// The rules for <c>alerts:</c> that need the whole survey: <c>when</c> is typed like a show_if (over every question,
/// since the alert is evaluated on the stored response); routes name context fields and their values; a subject shows
/// only answers (<c>{{ recommend }}</c>); and an alert that may carry personal data requires consent in its condition.
/// Whether a named webhook exists is the collector's to say at start: the checker does not know its config.
/// </summary>
internal sealed class AlertValidator(
    Survey survey,
    DiagnosticBag diagnostics,
    IReadOnlyCollection<string> brokenIds
)
{
    private static readonly Regex Placeholder = new(
        @"\{\{(.*?)\}\}",
        RegexOptions.CultureInvariant
    );
    private static readonly Regex PlaceholderReference = new(
        @"^\s*([a-z][a-z0-9_]*)(?:\.([a-z][a-z0-9_]*))?\s*$",
        RegexOptions.CultureInvariant
    );

    public void Validate()
    {
        var checker = new ConditionChecker(survey, diagnostics, brokenIds);
        var questions = survey.Questions.Count();
        var personal = PersonalData.Fields(survey);
        foreach (var alert in survey.Alerts)
        {
            checker.Check(alert.When, $"alert '{alert.Id}'", questions, "when");
            foreach (var route in alert.Routes)
            {
                CheckRoute(alert, route);
            }
            if (alert.Subject is { } subject)
            {
                CheckSubject(alert, subject);
            }
            if (
                alert.Personal
                && personal.Count > 0
                && !ConsentCondition.IsRequiredBy(survey, alert.When.Root)
            )
            {
                var consent =
                    survey.Analysis?.FollowUp?.Consent.Id
                    ?? survey.Questions.OfType<ConsentQuestion>().FirstOrDefault()?.Id;
                diagnostics.Report(
                    DiagnosticDescriptors.AlertWithoutConsent,
                    alert.When.SpanOf(alert.When.Root.Range),
                    alert.Id,
                    string.Join(", ", personal),
                    consent is null
                        ? "the survey has no consent question, so write personal: false to send it without personal data"
                        : $"add 'and {consent}' to its when, or write personal: false to send it without personal data"
                );
            }
        }
    }

    private void CheckRoute(AlertSpec alert, AlertRoute route)
    {
        if (survey.FindContext(route.Field.Id) is not { } field)
        {
            var names = survey.Context.Select(c => c.Id).ToList();
            diagnostics.Report(
                DiagnosticDescriptors.InvalidAlert,
                route.Field.Span,
                alert.Id,
                $"route names '{route.Field.Id}', which is not a context field"
                    + (
                        names.Count == 0
                            ? " (the survey has none: a route chooses targets by a value the survey link carries)."
                        : DidYouMean.Nearest(route.Field.Id, names) is { } nearest
                            ? $"; did you mean '{nearest}'?"
                        : $"; the context fields are {string.Join(", ", names)}."
                    )
            );
            return;
        }
        if (field.Values.Count > 0 && !field.Values.Contains(route.Value.Id))
        {
            diagnostics.Report(
                DiagnosticDescriptors.InvalidAlert,
                route.Value.Span,
                alert.Id,
                $"'{route.Value.Id}' is not a value of context field '{field.Id}'"
                    + (
                        DidYouMean.Nearest(route.Value.Id, field.Values) is { } nearest
                            ? $"; did you mean '{nearest}'?"
                            : $"; its values are {string.Join(", ", field.Values)}."
                    )
            );
        }
    }

    private void CheckSubject(AlertSpec alert, LocalizedText subject)
    {
        // A plain string stands for every language: its problems are said once, not once per language.
        var texts = subject.Translations.GroupBy(t => t.Text).ToList();
        foreach (var group in texts)
        {
            var text = group.Key;
            var which = texts.Count > 1 ? $"the {group.First().Language} subject" : "the subject";
            var matches = Placeholder.Matches(text);
            if (Regex.Matches(text, @"\{\{").Count != matches.Count)
            {
                Report(alert, subject, $"{which} has an unclosed {{{{.");
                continue;
            }
            foreach (Match match in matches)
            {
                var inner = match.Groups[1].Value;
                var reference = PlaceholderReference.Match(inner);
                if (!reference.Success || ScribanKeywords.Contains(reference.Groups[1].Value))
                {
                    Report(
                        alert,
                        subject,
                        $"{which} may only show an answer or a context value, as in {{{{ recommend }}}}; '{{{{{inner}}}}}' is not one."
                    );
                    continue;
                }
                var id = reference.Groups[1].Value;
                var member = reference.Groups[2].Success ? reference.Groups[2].Value : null;
                CheckSubjectReference(alert, subject, id, member);
            }
        }
    }

    // Words a template reads as code, not as an answer: a subject shows answers and nothing else.
    private static readonly HashSet<string> ScribanKeywords =
    [
        "if",
        "else",
        "end",
        "for",
        "while",
        "func",
        "ret",
        "break",
        "continue",
        "case",
        "when",
        "with",
        "capture",
        "import",
        "include",
        "readonly",
        "tablerow",
        "wrap",
        "this",
        "empty",
        "null",
        "true",
        "false",
    ];

    private void CheckSubjectReference(
        AlertSpec alert,
        LocalizedText subject,
        string id,
        string? member
    )
    {
        var question = survey.FindQuestion(id);
        var context = survey.FindContext(id);
        if (question is null && context is null)
        {
            if (!brokenIds.Contains(id))
            {
                var names = survey
                    .Questions.Select(q => q.Id)
                    .Concat(survey.Context.Select(c => c.Id));
                Report(
                    alert,
                    subject,
                    $"the subject shows '{id}', which is not a question or context field"
                        + (
                            DidYouMean.Nearest(id, names) is { } nearest
                                ? $"; did you mean '{nearest}'?"
                                : "."
                        )
                );
            }
            return;
        }
        if (
            member is not null
            && !(question is TouchpointsQuestion t && t.Items.Any(i => i.Id == member))
        )
        {
            Report(
                alert,
                subject,
                $"the subject shows '{id}.{member}', which is not an item of a touchpoints question."
            );
            return;
        }
        var isPersonal = question is not null
            ? PersonalData.IsPersonal(question)
            : PersonalData.IsPersonal(context!);
        if (isPersonal && !alert.Personal)
        {
            Report(
                alert,
                subject,
                $"the subject shows '{id}', which is personal data, in an alert written personal: false."
            );
        }
    }

    private void Report(AlertSpec alert, LocalizedText subject, string message) =>
        diagnostics.Report(DiagnosticDescriptors.InvalidAlert, subject.Span, alert.Id, message);
}
