using System.Collections.Generic;
using System.Linq;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Expressions;
using SurveyKit.Core.Model;
using SurveyKit.Core.Text;

namespace SurveyKit.Core.Validation;

/// <summary>
/// The rules that need the whole survey: show_if conditions (through <see cref="ConditionChecker"/>) and the
/// analysis section's references. Shape and texts were checked while reading.
/// </summary>
internal sealed class SurveyValidator(
    Survey survey,
    DiagnosticBag diagnostics,
    IReadOnlyCollection<string> brokenIds
)
{
    public void Validate()
    {
        CheckCompanionKeys();
        CheckConditions();
        if (survey.Analysis is { } analysis)
        {
            CheckAnalysis(analysis);
        }
        new AlertValidator(survey, diagnostics, brokenIds).Validate();
        new PipeValidator(survey, diagnostics).Validate();
    }

    // A choice with an 'other' text answers under "<id>_other", touchpoints that compare under "<id>_compare":
    // a question with that id would share the key in submissions and the column in exports.
    private void CheckCompanionKeys()
    {
        var companions = survey
            .Questions.SelectMany(q =>
                q switch
                {
                    ChoiceQuestion { Other: not null } => new[]
                    {
                        (Key: q.Id + "_other", Owner: q, What: "the 'other' text"),
                    },
                    TouchpointsQuestion { Compare: not null } => new[]
                    {
                        (Key: q.Id + "_compare", Owner: q, What: "the comparisons"),
                    },
                    _ => [],
                }
            )
            .ToList();
        foreach (var question in survey.Questions)
        {
            foreach (var companion in companions.Where(c => c.Key == question.Id))
            {
                diagnostics.Report(
                    DiagnosticDescriptors.DuplicateId,
                    question.Span,
                    question.Id,
                    $"{companion.What} of question '{companion.Owner.Id}'",
                    companion.Owner.Span.Start.Line,
                    "in a survey (submissions and exports use it as a key)"
                );
            }
        }
    }

    private void CheckConditions()
    {
        var checker = new ConditionChecker(survey, diagnostics, brokenIds);
        var index = 0;
        foreach (var question in survey.Questions)
        {
            if (question.ShowIf is { } condition)
            {
                checker.Check(condition, $"question '{question.Id}'", index);
            }
            if (question is TouchpointsQuestion touchpoints)
            {
                foreach (var item in touchpoints.Items.Where(i => i.ShowIf is not null))
                {
                    checker.Check(
                        item.ShowIf!,
                        $"item '{item.Id}' of question '{question.Id}'",
                        index
                    );
                }
            }
            index++;
        }
    }

    private void CheckAnalysis(AnalysisSpec analysis)
    {
        Expect(analysis.Outcome, "outcome", "an nps question", q => q is NpsQuestion);
        if (analysis.Drivers.Count == 1)
        {
            Expect(
                analysis.Drivers[0],
                "drivers",
                "a touchpoints question or rating questions",
                q => q is TouchpointsQuestion or RatingQuestion
            );
        }
        else
        {
            foreach (var driver in analysis.Drivers)
            {
                Expect(
                    driver,
                    "drivers",
                    "rating questions (or one touchpoints question)",
                    q => q is RatingQuestion
                );
            }
        }
        Expect(
            analysis.Satisfaction,
            "satisfaction",
            "a rating question",
            q => q is RatingQuestion
        );
        foreach (var segment in analysis.Segments)
        {
            ExpectGrouping(segment, "segments");
        }
        if (analysis.FollowUp is { } followUp)
        {
            Expect(
                followUp.Consent,
                "follow_up.consent",
                "a consent question",
                q => q is ConsentQuestion
            );
            Expect(
                followUp.Contact,
                "follow_up.contact",
                "an email or text question",
                q => q is EmailQuestion or TextQuestion
            );
        }
        foreach (var target in analysis.Weights)
        {
            CheckWeights(target);
        }
        ExpectContext(analysis.Wave, "wave");
        ExpectContext(analysis.Account, "account");
        foreach (var open in analysis.OpenAnswers)
        {
            Expect(open, "open_answers", "a text question", q => q is TextQuestion);
        }
        CheckThemes(analysis);
        if (analysis.RiskSignal is { } risk)
        {
            CheckRiskSignal(risk, analysis.Account is not null);
        }
    }

    /// <summary>
    /// The risk signal groups like a segment (a context field with values, a single_choice or a consent question);
    /// its answers must be values of it (a consent's default: true), and it only means something per account.
    /// </summary>
    private void CheckRiskSignal(RiskSignalSpec risk, bool hasAccount)
    {
        if (!hasAccount)
        {
            diagnostics.Report(
                DiagnosticDescriptors.InvalidRiskSignal,
                risk.Span,
                "it marks accounts at risk, so the survey must name its account too, as in account: customer"
            );
        }
        if (ExpectGrouping(risk.Question, "risk_signal.question") is not { } known)
        {
            return;
        }
        if (risk.Answers.Count == 0 && survey.FindQuestion(risk.Question.Id) is not ConsentQuestion)
        {
            diagnostics.Report(
                DiagnosticDescriptors.InvalidRiskSignal,
                risk.Question.Span,
                $"name the answers of '{risk.Question.Id}' that signal a risk, as in answers: [{known[0]}]"
            );
        }
        foreach (var answer in risk.Answers.Where(a => !known.Contains(a.Id)))
        {
            diagnostics.Report(
                DiagnosticDescriptors.InvalidRiskSignal,
                answer.Span,
                $"'{answer.Id}' is not an answer of '{risk.Question.Id}', whose answers are {string.Join(", ", known)}"
            );
        }
    }

    private void Expect(
        IdReference? reference,
        string key,
        string expected,
        System.Func<Question, bool> fits
    )
    {
        if (reference is not { } written)
        {
            return;
        }
        var question = survey.FindQuestion(written.Id);
        if (question is null)
        {
            if (survey.FindContext(written.Id) is { } context)
            {
                diagnostics.Report(
                    DiagnosticDescriptors.AnalysisWrongType,
                    written.Span,
                    key,
                    expected,
                    written.Id,
                    "a context field"
                );
                return;
            }
            ReportUnknown(written, key);
            return;
        }
        if (!fits(question))
        {
            diagnostics.Report(
                DiagnosticDescriptors.AnalysisWrongType,
                written.Span,
                key,
                expected,
                written.Id,
                Reading.Place.WithArticle(question.Type.ToYamlName()) + " question"
            );
        }
    }

    /// <summary>Segments and weights group respondents: by a context field with values, a single_choice or a consent.</summary>
    private EquatableArray<string>? ExpectGrouping(IdReference reference, string key)
    {
        const string Expected =
            "a context field with values, or a single_choice or consent question";
        if (survey.FindContext(reference.Id) is { } context)
        {
            if (context.Values.IsEmpty)
            {
                diagnostics.Report(
                    DiagnosticDescriptors.AnalysisWrongType,
                    reference.Span,
                    key,
                    Expected,
                    reference.Id,
                    "a context field without values"
                );
                return null;
            }
            return context.Values;
        }
        switch (survey.FindQuestion(reference.Id))
        {
            case null:
                ReportUnknown(reference, key);
                return null;
            case SingleChoiceQuestion choice:
                return choice
                    .Options.Select(o => o.Id)
                    .Concat(choice.Other is null ? [] : ["other"])
                    .ToEquatableArray();
            case ConsentQuestion:
                return new EquatableArray<string>(["true", "false"]);
            case var question:
                diagnostics.Report(
                    DiagnosticDescriptors.AnalysisWrongType,
                    reference.Span,
                    key,
                    Expected,
                    reference.Id,
                    Reading.Place.WithArticle(question.Type.ToYamlName()) + " question"
                );
                return null;
        }
    }

    /// <summary>A wave or an account: a context field (the link carries it), with or without values.</summary>
    private void ExpectContext(IdReference? reference, string key)
    {
        if (reference is not { } written || survey.FindContext(written.Id) is not null)
        {
            return;
        }
        if (survey.FindQuestion(written.Id) is { } question)
        {
            diagnostics.Report(
                DiagnosticDescriptors.AnalysisWrongType,
                written.Span,
                key,
                "a context field (the survey link carries it)",
                written.Id,
                Reading.Place.WithArticle(question.Type.ToYamlName()) + " question"
            );
            return;
        }
        ReportUnknown(written, key);
    }

    private void ReportUnknown(IdReference reference, string key)
    {
        if (brokenIds.Contains(reference.Id))
        {
            return;
        }
        var names = survey.Questions.Select(q => q.Id).Concat(survey.Context.Select(c => c.Id));
        diagnostics.Report(
            DiagnosticDescriptors.AnalysisUnknownReference,
            reference.Span,
            key,
            reference.Id,
            DidYouMean.Hint(reference.Id, names)
        );
    }

    // The codebook: unique ids, words in the survey's languages, patterns that can match, a touchpoint that exists.
    private void CheckThemes(AnalysisSpec analysis)
    {
        if (analysis.Themes.IsEmpty)
        {
            return;
        }
        if (!survey.Questions.OfType<TextQuestion>().Any())
        {
            diagnostics.Report(
                DiagnosticDescriptors.InvalidTheme,
                analysis.Themes[0].Span,
                "the survey has no text question whose answers the themes could code"
            );
            return;
        }
        if (analysis.Themes.Count > 64)
        {
            diagnostics.Report(
                DiagnosticDescriptors.InvalidTheme,
                analysis.Themes[64].Span,
                "at most 64 themes; a codebook longer than that is better split"
            );
        }
        var seen = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
        var items = survey
            .Questions.OfType<TouchpointsQuestion>()
            .SelectMany(q => q.Items.Select(i => i.Id))
            .Concat(survey.Questions.OfType<RatingQuestion>().Select(q => q.Id))
            .ToList();
        foreach (var theme in analysis.Themes)
        {
            var id = theme.Id.Id;
            if (!seen.Add(id))
            {
                diagnostics.Report(
                    DiagnosticDescriptors.InvalidTheme,
                    theme.Id.Span,
                    $"'{id}' is the id of an earlier theme; each theme needs its own"
                );
            }
            if (theme.Match.All(m => m.Patterns.IsEmpty))
            {
                diagnostics.Report(
                    DiagnosticDescriptors.InvalidTheme,
                    theme.Id.Span,
                    $"'{id}' has no words to match; write them per language, as in match: {{ nl: [wacht*] }}"
                );
            }
            foreach (var language in theme.Match)
            {
                if (!survey.Languages.Contains(language.Language))
                {
                    diagnostics.Report(
                        DiagnosticDescriptors.InvalidTheme,
                        language.Span,
                        $"'{id}' has words in '{language.Language}', which is not a language of the survey ({string.Join(", ", survey.Languages)})"
                    );
                }
                foreach (var pattern in language.Patterns)
                {
                    if (ThemePattern.Problem(pattern) is { } problem)
                    {
                        diagnostics.Report(
                            DiagnosticDescriptors.InvalidTheme,
                            language.Span,
                            $"'{id}': '{pattern}' {problem}"
                        );
                    }
                }
            }
            if (theme.Touchpoint is { } touchpoint && !items.Contains(touchpoint.Id))
            {
                diagnostics.Report(
                    DiagnosticDescriptors.InvalidTheme,
                    touchpoint.Span,
                    $"'{id}' goes with touchpoint '{touchpoint.Id}', which is no touchpoint item or rating question of the survey"
                        + DidYouMean.Hint(touchpoint.Id, items).TrimEnd('.')
                );
            }
        }
    }

    private void CheckWeights(WeightTarget target)
    {
        if (target.FromInvited)
        {
            // The invitations carry the context, not answers: only a context field has shares among the invited.
            if (
                survey.FindContext(target.Variable.Id) is null
                && survey.FindQuestion(target.Variable.Id) is not null
            )
            {
                diagnostics.Report(
                    DiagnosticDescriptors.InvalidWeights,
                    target.Variable.Span,
                    target.Variable.Id,
                    "'invited' takes the shares from the invitations, which carry context fields, not answers; write the population shares of a question"
                );
                return;
            }
            ExpectGrouping(target.Variable, "weights");
            return;
        }
        var values = ExpectGrouping(target.Variable, "weights");
        if (values is not { } known)
        {
            return;
        }
        var variable = target.Variable.Id;
        foreach (var share in target.Shares.Where(s => !known.Contains(s.Value)))
        {
            diagnostics.Report(
                DiagnosticDescriptors.InvalidWeights,
                share.Span,
                variable,
                $"'{share.Value}' is not a value of '{variable}', whose values are {string.Join(", ", known)}"
            );
        }
        var missing = known.Where(v => !target.Shares.Any(s => s.Value == v)).ToList();
        if (missing.Count > 0)
        {
            diagnostics.Report(
                DiagnosticDescriptors.InvalidWeights,
                target.Variable.Span,
                variable,
                $"{string.Join(", ", missing)} {(missing.Count == 1 ? "has" : "have")} no share; raking needs the population share of every value"
            );
            return;
        }
        var sum = target.Shares.Sum(s => s.Share);
        if (System.Math.Abs(sum - 1) > 0.001)
        {
            diagnostics.Report(
                DiagnosticDescriptors.InvalidWeights,
                target.Variable.Span,
                variable,
                $"the shares add up to {sum.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}, not 1"
            );
        }
    }
}
