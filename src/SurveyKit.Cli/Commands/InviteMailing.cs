using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SurveyKit.Collector.Alerts;
using SurveyKit.Collector.Invitations;
using SurveyKit.Collector.Storage;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Model;
using SurveyKit.Submissions.Invitations;

namespace SurveyKit.Cli.Commands;

/// <summary>
/// <c>surveykit invite --send</c>: the queued invitation and reminder mails of one survey, sent over the SMTP server
/// of the collector's alerts config at a bounded rate. The ledger says what was sent, so running the same command
/// again after a crash sends what is left and nothing twice.
/// </summary>
internal sealed class InviteMailing
{
    private readonly CliContext context;
    private readonly SmtpSettings smtp;
    private readonly InvitationMail mail;
    private readonly double rate;

    private InviteMailing(CliContext context, SmtpSettings smtp, InvitationMail mail, double rate)
    {
        this.context = context;
        this.smtp = smtp;
        this.mail = mail;
        this.rate = rate;
    }

    /// <summary>Reads the SMTP settings and the mail templates; null after saying what is wrong.</summary>
    public static InviteMailing? Prepare(CliContext context, string configPath, double rate)
    {
        var config = AlertsConfig.Load(
            context.Resolve(configPath),
            [],
            context.Display,
            out var problem
        );
        if (config is null)
        {
            context.Error.WriteLine("surveykit invite: " + problem);
            return null;
        }
        if (config.Smtp is null)
        {
            context.Error.WriteLine(
                $"surveykit invite: {configPath} has no 'smtp' server to send the mails with (docs/alerts.md shows one)."
            );
            return null;
        }
        var diagnostics = new List<Diagnostic>();
        var templates = context.Resolve("templates");
        var mail = InvitationMail.Load(
            Directory.Exists(templates) ? templates : null,
            context.Display,
            diagnostics
        );
        if (DiagnosticPrinter.Print(context, diagnostics, false).Errors > 0)
        {
            return null;
        }
        return new InviteMailing(context, config.Smtp, mail, rate);
    }

    /// <summary>Sends every queued mail of <paramref name="survey"/>; the exit code.</summary>
    public async Task<int> Send(
        Survey survey,
        byte[] key,
        string baseUrl,
        IResponseStore store,
        int queuedNow
    )
    {
        var pending = await store.ReadPendingMailsAsync(survey.Id, default);
        var earlier = pending.Count - queuedNow;
        if (earlier > 0)
        {
            context.Output.WriteLine(
                $"{earlier} mail{(earlier == 1 ? " was" : "s were")} left from an earlier run that stopped; sending {(earlier == 1 ? "it" : "them")} now."
            );
        }
        if (pending.Count == 0)
        {
            context.Output.WriteLine($"No mail to {survey.Id} is waiting to be sent.");
            return ExitCodes.Success;
        }
        var site = baseUrl.TrimEnd('/');
        var sender = new InvitationSender(store, smtp, rate, TimeProvider.System);
        var watch = Stopwatch.StartNew();
        SendReport report;
        using (var progress = new ProgressLine(context, "Sending", pending.Count, "mails"))
        {
            report = await sender.SendAsync(
                pending,
                p =>
                {
                    var i = p.Invitation;
                    var token = InvitationToken.Create(key, survey.Id, i.Id, i.Customer, i.Context);
                    var message = mail.Build(
                        survey,
                        p,
                        $"{site}/{Site.Views.SitePaths.Page(survey, i.Lang)}?t={token}",
                        $"{site}/api/opt-out?t={token}",
                        smtp,
                        out var error
                    );
                    return (message, error);
                },
                sent => progress.Report(sent),
                CancellationToken.None
            );
        }
        var seconds = watch.Elapsed.TotalSeconds;
        context.Output.WriteLine(
            $"Sent {report.Sent} mail{(report.Sent == 1 ? "" : "s")} for {survey.Id} through {smtp.Host}:{smtp.Port} in {seconds.ToString("0.0", CultureInfo.InvariantCulture)} s"
                + (
                    report.Sent > 1
                        ? $" ({(report.Sent / seconds).ToString("0.#", CultureInfo.InvariantCulture)} per second; --rate {rate.ToString(CultureInfo.InvariantCulture)})."
                        : "."
                )
        );
        foreach (var (invitation, reason) in report.Refused.Take(20))
        {
            context.Output.WriteLine(
                $"  Not sent to customer {invitation.Customer} (invitation {invitation.Id}): {reason}."
            );
        }
        if (report.Refused.Count > 20)
        {
            context.Output.WriteLine($"  and {report.Refused.Count - 20} more refused.");
        }
        if (report.InDoubt > 0)
        {
            context.Output.WriteLine(
                $"{report.InDoubt} mail{(report.InDoubt == 1 ? " was" : "s were")} being handed to the SMTP server when a run stopped or the connection broke: "
                    + "it may have arrived, so it is not sent again (nobody gets two). The server's log has its Message-Id, <invitation>.<kind>@…; a reminder reaches them if they do not answer."
            );
        }
        if (report.Stopped is not null)
        {
            context.Error.WriteLine(
                $"surveykit invite: stopped sending: {report.Stopped}. {report.Left} mail{(report.Left == 1 ? " is" : "s are")} still queued; run the same command again to send {(report.Left == 1 ? "it" : "them")}."
            );
            return ExitCodes.Errors;
        }
        return ExitCodes.Success;
    }
}
