using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using MimeKit;
using Scriban.Runtime;
using SurveyKit.Collector.Alerts;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Model;
using SurveyKit.Rendering.Html;
using SurveyKit.Rendering.Templates;

namespace SurveyKit.Collector.Invitations;

/// <summary>
/// Renders an invitation mail or its reminder from the templates <c>invitations/subject.sbn</c>, <c>mail.sbn</c>
/// (plain text) and <c>mail.sbn-html</c> (a workspace's <c>templates/invitations</c> overrides them), in the
/// customer's language. When the survey opens with an NPS or rating question that is always shown, the mail asks it:
/// each point is a link that opens the page with that answer chosen (the page checks it like any answer).
/// </summary>
public sealed class InvitationMail
{
    private readonly TemplateSet templates;

    private InvitationMail(TemplateSet templates) => this.templates = templates;

    /// <summary>Loads the templates; template errors go to <paramref name="diagnostics"/>.</summary>
    public static InvitationMail Load(
        string? overrideFolder,
        Func<string, string> display,
        List<Diagnostic> diagnostics
    ) =>
        new(
            TemplateSet.Load(
                typeof(InvitationMail).Assembly,
                "invitations",
                overrideFolder,
                display,
                diagnostics
            )
        );

    /// <summary>
    /// The MIME message of <paramref name="mail"/>, with its personal <paramref name="link"/> and
    /// <paramref name="optOutLink"/>; null and <paramref name="error"/> when a template fails on it.
    /// </summary>
    public MimeMessage? Build(
        Survey survey,
        PendingMail mail,
        string link,
        string optOutLink,
        SmtpSettings settings,
        out string? error
    )
    {
        var invitation = mail.Invitation;
        var language = survey.Languages.Contains(invitation.Lang)
            ? invitation.Lang
            : survey.DefaultLanguage;
        var reminder = mail.Kind == MailKind.Reminder;
        var subject = ""; // the HTML's <title>, once rendered
        subject = MailSubject.Clean(Render("subject.sbn", View(false), out error));
        var text = error is null ? Render("mail.sbn", View(false), out error) : "";
        var html = error is null ? Render("mail.sbn-html", View(true), out error) : "";
        if (error is not null)
        {
            return null;
        }
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(invitation.Email));
        message.Subject = subject;
        // One Message-Id per invitation and kind: a mail that did arrive twice would be recognisably the same one.
        message.MessageId =
            $"{invitation.Id}.{MailKinds.Name(mail.Kind)}@{settings.From.Split('@').Last()}";
        message.Date = DateTimeOffset.UtcNow;
        // RFC 8058: mail programs offer one-click unsubscribe, which posts to the opt-out link.
        message.Headers.Add("List-Unsubscribe", $"<{optOutLink}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-SurveyKit-Invitation", invitation.Id);
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;

        ScriptObject View(bool escape)
        {
            string E(string value) => escape ? HtmlText.Escape(value) : value;
            var texts = InvitationMailTexts.For(language);
            var page = new ScriptObject
            {
                ["lang"] = E(language),
                ["title"] = E(survey.Title[language]),
                ["reminder"] = reminder,
                ["reminder_prefix"] = E(texts.ReminderPrefix),
                ["greeting"] = E(texts.Greeting),
                ["intro"] = E(texts.Intro),
                ["reminder_intro"] = E(texts.ReminderIntro),
                ["tap"] = E(texts.Tap),
                ["open"] = E(texts.Open),
                ["link"] = E(link),
                ["why"] = E(texts.Why),
                ["opt_out"] = E(texts.OptOut),
                ["opt_out_action"] = E(texts.OptOutAction),
                ["opt_out_link"] = E(optOutLink),
            };
            if (FirstQuestion(survey) is { } question)
            {
                var (scale, labels) = (question.Scale, question.Labels);
                var points = new ScriptArray();
                for (var value = scale.Min; value <= scale.Max; value++)
                {
                    var label = labels.FirstOrDefault(l => l.Value == value)?.Text[language];
                    points.Add(
                        new ScriptObject
                        {
                            ["value"] = value.ToString(CultureInfo.InvariantCulture),
                            ["label"] = label is null ? null : E(label),
                            ["url"] = E(
                                $"{link}&{Uri.EscapeDataString(question.Question.Id)}={value.ToString(CultureInfo.InvariantCulture)}"
                            ),
                        }
                    );
                }
                page["question"] = E(Core.Text.Piping.Plain(question.Question.Text[language]));
                page["points"] = points;
                page["low_label"] = E(
                    labels.FirstOrDefault(l => l.Value == scale.Min)?.Text[language] ?? ""
                );
                page["high_label"] = E(
                    labels.FirstOrDefault(l => l.Value == scale.Max)?.Text[language] ?? ""
                );
            }
            page["subject"] = E(subject);
            return new ScriptObject { ["page"] = page };
        }
    }

    private string Render(string name, ScriptObject view, out string? error)
    {
        var output = templates.Render(name, view, out var diagnostic);
        error = diagnostic?.Message;
        return output;
    }

    /// <summary>
    /// The question the mail asks: the survey's first, when it is an NPS or rating question shown to everyone (a
    /// question behind show_if may not be this customer's), with the labels of its points.
    /// </summary>
    internal static FirstQuestionOf? FirstQuestion(Survey survey) =>
        survey.Questions.FirstOrDefault() switch
        {
            NpsQuestion { ShowIf: null } nps => new FirstQuestionOf(
                nps,
                NpsQuestion.Scale,
                [
                    new ScaleLabel(0, nps.LowLabel ?? DefaultTexts.Localized("nps.low")),
                    new ScaleLabel(10, nps.HighLabel ?? DefaultTexts.Localized("nps.high")),
                ]
            ),
            RatingQuestion { ShowIf: null } rating => new FirstQuestionOf(
                rating,
                rating.Scale,
                rating.Labels.ToList()
            ),
            _ => null,
        };
}

/// <summary>The question an invitation mail asks, its scale and the labels of some points.</summary>
internal sealed record FirstQuestionOf(
    Question Question,
    Scale Scale,
    IReadOnlyList<ScaleLabel> Labels
);
