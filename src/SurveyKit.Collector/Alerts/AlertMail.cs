using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using Scriban;
using Scriban.Runtime;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;
using SurveyKit.Rendering.Html;
using SurveyKit.Rendering.Templates;
using SurveyKit.Submissions;

namespace SurveyKit.Collector.Alerts;

/// <summary>
/// Renders an alert's mail: the subject (the alert's own, with <c>{{ id }}</c> filled in from the answers, or a
/// default), a plain-text part and an HTML part from the templates <c>alerts/mail.sbn</c> and
/// <c>alerts/mail.sbn-html</c> (a workspace's <c>templates/alerts</c> overrides them), in the response's language.
/// Every answer is escaped before the HTML template sees it, as on the pages and in the report.
/// </summary>
public sealed class AlertMail
{
    private readonly TemplateSet templates;
    private readonly ConcurrentDictionary<string, Template> subjects = new(StringComparer.Ordinal);

    private AlertMail(TemplateSet templates) => this.templates = templates;

    /// <summary>Loads the mail templates; template errors go to <paramref name="diagnostics"/>.</summary>
    public static AlertMail Load(
        string? overrideFolder,
        Func<string, string> display,
        List<Diagnostic> diagnostics
    ) =>
        new(
            TemplateSet.Load(
                typeof(AlertMail).Assembly,
                "alerts",
                overrideFolder,
                display,
                diagnostics
            )
        );

    /// <summary>The mail as stored in the outbox: JSON with to, replyTo, subject, text and html.</summary>
    public string Render(
        Survey survey,
        AlertSpec alert,
        Submission submission,
        DateTimeOffset receivedAt,
        bool personal,
        IReadOnlyList<string> to
    )
    {
        var data = submission.Data;
        var language = survey.Languages.Contains(data.Lang ?? "")
            ? data.Lang!
            : survey.DefaultLanguage;
        var texts = AlertMailTexts.For(language);
        var subject = Subject(survey, alert, data, language, personal);
        var replyTo = personal ? ContactAddress(survey, data) : null;
        var answers = Rows(survey, data, language, personal);
        var context = survey
            .Context.Where(c => personal || !PersonalData.IsPersonal(c))
            .Select(c =>
                (Label: c.Label?[language] ?? c.Id, Value: AnswerText.Of(c, data, language))
            )
            .Where(r => r.Value is not null)
            .Select(r => (r.Label, r.Value!))
            .ToList();
        var facts = new List<(string, string)>
        {
            (
                texts.Received,
                receivedAt.UtcDateTime.ToString(
                    "yyyy-MM-dd HH:mm 'UTC'",
                    CultureInfo.InvariantCulture
                )
            ),
            (texts.Response, data.ResponseId!),
            (texts.Language, data.Lang ?? survey.DefaultLanguage),
            (
                texts.Version,
                (data.Version ?? survey.Version).ToString(CultureInfo.InvariantCulture)
            ),
        };
        var intro = string.Format(
            CultureInfo.InvariantCulture,
            texts.Intro,
            survey.Title[language],
            alert.Id
        );
        var personalNote = personal ? null : texts.PersonalLeftOut;
        var replyNote = replyTo is null
            ? null
            : string.Format(CultureInfo.InvariantCulture, texts.Reply, replyTo);
        // The same view twice: as plain text, and escaped for HTML.
        ScriptObject ViewFor(bool escape) =>
            View(
                language,
                subject,
                intro,
                texts,
                answers,
                context,
                facts,
                replyNote,
                personalNote,
                escape
            );
        var text = Render("mail.sbn", ViewFor(escape: false));
        var html = Render("mail.sbn-html", ViewFor(escape: true));
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("to");
            foreach (var address in to)
            {
                writer.WriteStringValue(address);
            }
            writer.WriteEndArray();
            if (replyTo is not null)
            {
                writer.WriteString("replyTo", replyTo);
            }
            writer.WriteString("subject", subject);
            writer.WriteString("text", text);
            writer.WriteString("html", html);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private string Render(string name, ScriptObject view)
    {
        var output = templates.Render(name, view, out var error);
        if (error is not null)
        {
            // A template that parsed but fails on this response (an override naming a missing member): the mail
            // still goes out, as the plain facts, rather than being lost.
            return "SurveyKit could not render " + name + ": " + error.Message;
        }
        return output;
    }

    private static ScriptObject View(
        string language,
        string subject,
        string intro,
        AlertMailTexts texts,
        IReadOnlyList<(string Label, string Value)> answers,
        IReadOnlyList<(string Label, string Value)> context,
        IReadOnlyList<(string Label, string Value)> facts,
        string? reply,
        string? personalNote,
        bool escape
    )
    {
        string E(string value) => escape ? HtmlText.Escape(value) : value;
        ScriptArray Rows(IEnumerable<(string Label, string Value)> rows)
        {
            var array = new ScriptArray();
            foreach (var (label, value) in rows)
            {
                array.Add(new ScriptObject { ["label"] = E(label), ["value"] = E(value) });
            }
            return array;
        }
        var page = new ScriptObject
        {
            ["lang"] = E(language),
            ["subject"] = E(subject),
            ["intro"] = E(intro),
            ["answers_heading"] = E(texts.Answers),
            ["context_heading"] = E(texts.Context),
            ["facts_heading"] = E(texts.Facts),
            ["answers"] = Rows(answers),
            ["context"] = Rows(context),
            ["facts"] = Rows(facts),
            ["reply"] = reply is null ? null : E(reply),
            ["personal_note"] = personalNote is null ? null : E(personalNote),
            ["footer"] = E(texts.Footer),
        };
        return new ScriptObject { ["page"] = page };
    }

    // Touchpoints as one row per item; every other answered question as one row; personal answers only with consent.
    private static List<(string Label, string Value)> Rows(
        Survey survey,
        ResponseData data,
        string language,
        bool personal
    )
    {
        var rows = new List<(string, string)>();
        foreach (var question in survey.Questions)
        {
            if (!personal && PersonalData.IsPersonal(question))
            {
                continue;
            }
            if (
                question is TouchpointsQuestion touchpoints
                && data.Answers.TryGetValue(question.Id, out var map)
                && map.Kind == AnswerKind.Map
            )
            {
                foreach (var item in touchpoints.Items.Where(i => map.Entries.ContainsKey(i.Id)))
                {
                    rows.Add(
                        (item.Label[language], AnswerText.Item(touchpoints, item.Id, map, language))
                    );
                }
                continue;
            }
            if (AnswerText.Of(question, data, language) is { } text)
            {
                rows.Add((Core.Text.Piping.Plain(question.Text[language]), text));
            }
        }
        return rows;
    }

    private string Subject(
        Survey survey,
        AlertSpec alert,
        ResponseData data,
        string language,
        bool personal
    )
    {
        if (alert.Subject is null)
        {
            return MailSubject.Clean(survey.Title[language] + ": " + alert.Id);
        }
        var source = alert.Subject[language];
        var template = subjects.GetOrAdd(source, s => Template.Parse(s));
        if (template.HasErrors)
        {
            return MailSubject.Clean(source);
        }
        var values = new ScriptObject();
        foreach (var question in survey.Questions)
        {
            if (!personal && PersonalData.IsPersonal(question))
            {
                continue;
            }
            if (
                question is TouchpointsQuestion touchpoints
                && data.Answers.TryGetValue(question.Id, out var map)
                && map.Kind == AnswerKind.Map
            )
            {
                var items = new ScriptObject();
                foreach (var item in touchpoints.Items)
                {
                    items[item.Id] = AnswerText.Item(touchpoints, item.Id, map, language);
                }
                values[question.Id] = items;
                continue;
            }
            values[question.Id] = AnswerText.Of(question, data, language) ?? "";
        }
        foreach (var field in survey.Context)
        {
            if (personal || !PersonalData.IsPersonal(field))
            {
                values[field.Id] = AnswerText.Of(field, data, language) ?? "";
            }
        }
        var context = new TemplateContext { StrictVariables = false, LoopLimit = 0 };
        context.PushGlobal(values);
        try
        {
            return MailSubject.Clean(template.Render(context));
        }
        catch (Scriban.Syntax.ScriptRuntimeException)
        {
            return MailSubject.Clean(source);
        }
    }

    /// <summary>The respondent's address, when the survey asks for one and they gave a valid one.</summary>
    private static string? ContactAddress(Survey survey, ResponseData data)
    {
        var contact =
            survey.Analysis?.FollowUp?.Contact is { } id
            && survey.FindQuestion(id.Id) is EmailQuestion named
                ? named
                : survey.Questions.OfType<EmailQuestion>().FirstOrDefault();
        return
            contact is not null
            && data.Answers.TryGetValue(contact.Id, out var answer)
            && answer.Kind == AnswerKind.Text
            && EmailAddress.IsValid(answer.Text)
            ? answer.Text
            : null;
    }
}
