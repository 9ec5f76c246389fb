using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using SurveyKit.Core.Model;
using SurveyKit.Core.Text;

namespace SurveyKit.Core.Writing;

/// <summary>
/// Writes a survey back as canonical YAML: every key that carries meaning, no comments, every text quoted.
/// Reading the result gives an equal survey (apart from positions), so it is the survey's identity without its
/// layout: the source generator embeds it, and a comment or whitespace edit leaves it unchanged.
/// </summary>
public static class SurveyWriter
{
    /// <summary>The canonical YAML of <paramref name="survey"/>.</summary>
    public static string ToYaml(Survey survey)
    {
        var w = new Writer();
        w.Scalar(0, "survey", survey.Id);
        w.Line(0, "version: " + survey.Version.ToString(CultureInfo.InvariantCulture));
        w.Line(0, "languages: [" + string.Join(", ", survey.Languages.Select(Quote)) + "]");
        w.Text(0, "title", survey.Title);
        w.Text(0, "intro", survey.Intro);
        w.Text(0, "outro", survey.Outro);
        if (!survey.Context.IsEmpty)
        {
            w.Line(0, "context:");
            foreach (var field in survey.Context)
            {
                w.Scalar(1, "- id", field.Id);
                if (!field.Values.IsEmpty && field.ValueLabels.IsEmpty)
                {
                    w.Line(2, "values: [" + string.Join(", ", field.Values.Select(Quote)) + "]");
                }
                else if (!field.Values.IsEmpty)
                {
                    w.Line(2, "values:");
                    foreach (var value in field.Values)
                    {
                        if (field.LabelOf(value) is { } valueLabel)
                        {
                            w.Scalar(3, "- id", value);
                            w.Text(4, "label", valueLabel);
                        }
                        else
                        {
                            w.Line(3, "- " + Quote(value));
                        }
                    }
                }
                w.Flag(2, "pii", field.Pii, false);
                w.Text(2, "label", field.Label);
                RenamedFrom(w, 2, field.RenamedFrom);
            }
        }
        w.Line(0, "settings:");
        w.Line(1, "save_progress: " + Bool(survey.Settings.SaveProgress));
        w.Line(1, "progress: " + Bool(survey.Settings.ShowProgress));
        if (survey.Settings.InvitationRequired)
        {
            w.Line(1, "invitation: required");
        }
        if (survey.HasPages)
        {
            w.Line(0, "pages:");
            foreach (var page in survey.Pages)
            {
                w.Scalar(1, "- id", page.Id);
                w.Text(2, "title", page.Title);
                w.Line(2, "questions:");
                WriteQuestions(w, 3, page.Questions);
            }
        }
        else
        {
            w.Line(0, "questions:");
            WriteQuestions(w, 1, survey.Pages.SelectMany(p => p.Questions));
        }
        if (survey.Analysis is { } analysis)
        {
            WriteAnalysis(w, analysis);
        }
        WriteAlerts(w, survey.Alerts);
        if (survey.RetentionDays is { } days)
        {
            w.Line(0, "privacy:");
            w.Line(1, "retention_days: " + days.ToString(CultureInfo.InvariantCulture));
        }
        return w.ToString();
    }

    private static void WriteQuestions(Writer w, int indent, IEnumerable<Question> questions)
    {
        foreach (var question in questions)
        {
            w.Scalar(indent, "- id", question.Id);
            var i = indent + 1;
            w.Line(i, "type: " + question.Type.ToYamlName());
            w.Text(i, "text", question.Text);
            w.Text(i, "help", question.Help);
            w.Flag(i, "required", question.Required, false);
            if (question.ShowIf is { } condition)
            {
                w.Scalar(i, "show_if", condition.Source);
            }
            RenamedFrom(w, i, question.RenamedFrom);
            switch (question)
            {
                case NpsQuestion nps when nps.LowLabel is not null || nps.HighLabel is not null:
                    w.Line(i, "labels:");
                    w.Text(i + 1, "low", nps.LowLabel);
                    w.Text(i + 1, "high", nps.HighLabel);
                    break;
                case RatingQuestion rating:
                    WriteScale(w, i, rating.Scale, rating.Labels);
                    w.Text(i, "not_applicable", rating.NotApplicable);
                    break;
                case TouchpointsQuestion touchpoints:
                    WriteScale(w, i, touchpoints.Scale, touchpoints.Labels);
                    w.Text(i, "not_applicable", touchpoints.NotApplicable);
                    w.Text(i, "compare", touchpoints.Compare);
                    w.Line(i, "items:");
                    foreach (var item in touchpoints.Items)
                    {
                        w.Scalar(i + 1, "- id", item.Id);
                        w.Text(i + 2, "label", item.Label);
                        if (item.ShowIf is { } itemCondition)
                        {
                            w.Scalar(i + 2, "show_if", itemCondition.Source);
                        }
                        RenamedFrom(w, i + 2, item.RenamedFrom);
                    }
                    break;
                case ChoiceQuestion choice:
                    w.Line(i, "options:");
                    foreach (var option in choice.Options)
                    {
                        w.Scalar(i + 1, "- id", option.Id);
                        w.Text(i + 2, "label", option.Label);
                        RenamedFrom(w, i + 2, option.RenamedFrom);
                    }
                    w.Text(i, "other", choice.Other);
                    w.Flag(i, "randomize", choice.Randomize, false);
                    if (choice is MultiChoiceQuestion { Min: { } min })
                    {
                        w.Line(i, "min: " + min.ToString(CultureInfo.InvariantCulture));
                    }
                    if (choice is MultiChoiceQuestion { Max: { } max })
                    {
                        w.Line(i, "max: " + max.ToString(CultureInfo.InvariantCulture));
                    }
                    break;
                case TextQuestion text:
                    w.Flag(i, "multiline", text.Multiline, false);
                    w.Line(
                        i,
                        "max_length: " + text.MaxLength.ToString(CultureInfo.InvariantCulture)
                    );
                    break;
                case NumberQuestion number:
                    if (number.Min is { } low)
                    {
                        w.Line(i, "min: " + Number(low));
                    }
                    if (number.Max is { } high)
                    {
                        w.Line(i, "max: " + Number(high));
                    }
                    w.Flag(i, "integer", number.Integer, false);
                    break;
            }
        }
    }

    private static void WriteScale(
        Writer w,
        int indent,
        Scale scale,
        Text.EquatableArray<ScaleLabel> labels
    )
    {
        w.Line(
            indent,
            $"scale: {{ min: {scale.Min.ToString(CultureInfo.InvariantCulture)}, max: {scale.Max.ToString(CultureInfo.InvariantCulture)} }}"
        );
        if (labels.IsEmpty)
        {
            return;
        }
        w.Line(indent, "labels:");
        foreach (var label in labels)
        {
            w.Text(indent + 1, label.Value.ToString(CultureInfo.InvariantCulture), label.Text);
        }
    }

    private static void WriteAnalysis(Writer w, AnalysisSpec analysis)
    {
        w.Line(0, "analysis:");
        if (analysis.Outcome is { } outcome)
        {
            w.Scalar(1, "outcome", outcome.Id);
        }
        if (!analysis.Drivers.IsEmpty)
        {
            w.Line(
                1,
                "drivers: [" + string.Join(", ", analysis.Drivers.Select(d => Quote(d.Id))) + "]"
            );
        }
        if (analysis.Satisfaction is { } satisfaction)
        {
            w.Scalar(1, "satisfaction", satisfaction.Id);
        }
        if (!analysis.Segments.IsEmpty)
        {
            w.Line(
                1,
                "segments: [" + string.Join(", ", analysis.Segments.Select(s => Quote(s.Id))) + "]"
            );
        }
        if (analysis.FollowUp is { } followUp)
        {
            w.Line(1, "follow_up:");
            w.Scalar(2, "consent", followUp.Consent.Id);
            if (followUp.Contact is { } contact)
            {
                w.Scalar(2, "contact", contact.Id);
            }
        }
        if (!analysis.Weights.IsEmpty)
        {
            w.Line(1, "weights:");
            foreach (var target in analysis.Weights)
            {
                if (target.FromInvited)
                {
                    w.Line(2, Quote(target.Variable.Id) + ": invited");
                    continue;
                }
                w.Line(2, Quote(target.Variable.Id) + ":");
                foreach (var share in target.Shares)
                {
                    w.Line(3, Quote(share.Value) + ": " + Number(share.Share));
                }
            }
        }
        if (analysis.Wave is { } wave)
        {
            w.Scalar(1, "wave", wave.Id);
        }
        if (analysis.Account is { } account)
        {
            w.Scalar(1, "account", account.Id);
        }
        if (analysis.RiskSignal is { } risk)
        {
            w.Line(1, "risk_signal:");
            w.Scalar(2, "question", risk.Question.Id);
            if (!risk.Answers.IsEmpty)
            {
                w.Line(
                    2,
                    "answers: [" + string.Join(", ", risk.Answers.Select(a => Quote(a.Id))) + "]"
                );
            }
        }
        if (!analysis.OpenAnswers.IsEmpty)
        {
            w.Line(
                1,
                "open_answers: ["
                    + string.Join(", ", analysis.OpenAnswers.Select(a => Quote(a.Id)))
                    + "]"
            );
        }
        if (!analysis.Themes.IsEmpty)
        {
            w.Line(1, "themes:");
            foreach (var theme in analysis.Themes)
            {
                w.Scalar(2, "- id", theme.Id.Id);
                w.Text(3, "label", theme.Label);
                w.Line(3, "match:");
                foreach (var language in theme.Match)
                {
                    w.Line(
                        4,
                        Quote(language.Language)
                            + ": ["
                            + string.Join(", ", language.Patterns.Select(Quote))
                            + "]"
                    );
                }
                if (theme.Touchpoint is { } touchpoint)
                {
                    w.Scalar(3, "touchpoint", touchpoint.Id);
                }
            }
        }
    }

    private static void WriteAlerts(Writer w, EquatableArray<AlertSpec> alerts)
    {
        if (alerts.IsEmpty)
        {
            return;
        }
        w.Line(0, "alerts:");
        foreach (var alert in alerts)
        {
            w.Scalar(1, "- id", alert.Id);
            w.Scalar(2, "when", alert.When.Source);
            WriteTargets(w, 2, alert.Targets);
            if (!alert.Routes.IsEmpty)
            {
                w.Line(2, "route:");
                foreach (var field in alert.Routes.GroupBy(r => r.Field.Id))
                {
                    w.Line(3, Quote(field.Key) + ":");
                    foreach (var route in field)
                    {
                        w.Line(4, Quote(route.Value.Id) + ":");
                        WriteTargets(w, 5, route.Targets);
                    }
                }
            }
            w.Text(2, "subject", alert.Subject);
            w.Flag(2, "personal", alert.Personal, true);
        }
    }

    private static void WriteTargets(Writer w, int indent, AlertTargets targets)
    {
        if (targets.Webhook is { } webhook)
        {
            w.Scalar(indent, "webhook", webhook);
        }
        if (!targets.Email.IsEmpty)
        {
            w.Line(indent, "email: [" + string.Join(", ", targets.Email.Select(Quote)) + "]");
        }
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A double-quoted YAML scalar.</summary>
    internal static string Quote(string value) => DoubleQuoted.Escape(value);

    private static void RenamedFrom(Writer w, int indent, EquatableArray<string> ids)
    {
        if (!ids.IsEmpty)
        {
            w.Line(indent, "renamed_from: [" + string.Join(", ", ids.Select(Quote)) + "]");
        }
    }

    private sealed class Writer
    {
        private readonly StringBuilder _text = new();

        public void Line(int indent, string line) =>
            _text.Append(' ', indent * 2).Append(line).Append('\n');

        // The most frequent line (every text in every language): appended in place, without a string of its own.
        public void Scalar(int indent, string key, string value) =>
            DoubleQuoted
                .Append(_text.Append(' ', indent * 2).Append(key).Append(": "), value)
                .Append('\n');

        public void Flag(int indent, string key, bool value, bool fallback)
        {
            if (value != fallback)
            {
                Line(indent, key + ": " + Bool(value));
            }
        }

        public void Text(int indent, string key, LocalizedText? text)
        {
            if (text is null)
            {
                return;
            }
            Line(indent, key + ":");
            foreach (var translation in text.Translations)
            {
                Scalar(indent + 1, translation.Language, translation.Text);
            }
        }

        public override string ToString() => _text.ToString();
    }
}
