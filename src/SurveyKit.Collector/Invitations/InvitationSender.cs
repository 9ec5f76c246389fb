using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using SurveyKit.Collector.Alerts;
using SurveyKit.Collector.Storage;

namespace SurveyKit.Collector.Invitations;

/// <summary>What a run of <see cref="InvitationSender"/> did.</summary>
/// <param name="Sent">Mails the SMTP server accepted.</param>
/// <param name="Refused">Mails refused for good (the address does not exist), with the server's reason.</param>
/// <param name="InDoubt">Mails that may or may not have arrived (a crash or a broken connection while handing them over); never sent again.</param>
/// <param name="Stopped">Why the run stopped before the end (the server unreachable, the login refused), or null.</param>
/// <param name="Left">Mails still queued when it stopped; the next run sends them.</param>
public sealed record SendReport(
    int Sent,
    IReadOnlyList<(Invitation Invitation, string Reason)> Refused,
    int InDoubt,
    string? Stopped,
    int Left
);

/// <summary>
/// Sends queued invitation mails over one SMTP connection at a bounded rate, recording each step in the ledger:
/// "attempting" before the mail is handed over and "sent" once the server accepted it. A run that stops between the
/// two (kill -9, a broken connection) leaves that one mail in doubt; the next run reports it and does not send it
/// again, so nobody is mailed twice. A server that answers with an error did not take the mail: it is tried again
/// after a pause (1, 2, 4 s), and the run stops, with the rest still queued, when that does not help.
/// </summary>
public sealed class InvitationSender(
    IInvitationLedger ledger,
    SmtpSettings settings,
    double perSecond,
    TimeProvider clock
)
{
    private static readonly TimeSpan[] Pauses =
    [
        TimeSpan.FromSeconds(1),
        TimeSpan.FromSeconds(2),
        TimeSpan.FromSeconds(4),
    ];

    private const string InDoubtReason =
        "in doubt: a run stopped while handing it to the SMTP server, so it may have arrived; not sent again, so that nobody gets it twice";

    /// <summary>
    /// Sends <paramref name="mails"/> in order; <paramref name="build"/> makes each message (null and a reason stop
    /// the run: a template that fails fails for every mail).
    /// </summary>
    public async Task<SendReport> SendAsync(
        IReadOnlyList<PendingMail> mails,
        Func<PendingMail, (MimeMessage? Message, string? Error)> build,
        Action<int>? progress,
        CancellationToken cancellationToken
    )
    {
        var sent = 0;
        var inDoubt = 0;
        var refused = new List<(Invitation, string)>();
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        var watch = Stopwatch.StartNew();
        var slot = 0L;
        using var client = new SmtpClient { Timeout = 20_000 };
        for (var index = 0; index < mails.Count; index++)
        {
            var mail = mails[index];
            var (id, kind) = (mail.Invitation.Id, mail.Kind);
            if (mail.InDoubt)
            {
                await ledger.RecordMailAsync(
                    id,
                    kind,
                    MailStep.Failed,
                    clock.GetUtcNow(),
                    InDoubtReason,
                    cancellationToken
                );
                inDoubt++;
                continue;
            }
            var (message, error) = build(mail);
            if (message is null)
            {
                return new SendReport(
                    sent,
                    refused,
                    inDoubt,
                    "a mail template failed: " + error,
                    mails.Count - index
                );
            }
            for (var attempt = 0; ; attempt++)
            {
                // The rate: the n-th mail no earlier than n intervals after the start.
                var wait = interval * slot++ - watch.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }
                var (outcome, reason) = await Send(client, message, id, kind, cancellationToken);
                if (outcome == Outcome.Sent)
                {
                    sent++;
                    progress?.Invoke(sent);
                    break;
                }
                if (outcome == Outcome.Refused)
                {
                    refused.Add((mail.Invitation, reason!));
                    break;
                }
                if (outcome == Outcome.InDoubt)
                {
                    inDoubt++;
                    break;
                }
                if (outcome == Outcome.Stop || attempt == Pauses.Length)
                {
                    return new SendReport(sent, refused, inDoubt, reason, mails.Count - index);
                }
                await Task.Delay(Pauses[attempt], cancellationToken);
            }
        }
        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(true, cancellationToken);
            }
            catch (Exception exception) when (Transient(exception))
            {
                // Everything was handed over and recorded; a goodbye that fails changes nothing.
            }
        }
        return new SendReport(sent, refused, inDoubt, null, 0);
    }

    private enum Outcome
    {
        Sent,
        Refused,
        InDoubt,
        Again,
        Stop,
    }

    private async Task<(Outcome, string?)> Send(
        SmtpClient client,
        MimeMessage message,
        string id,
        MailKind kind,
        CancellationToken cancellationToken
    )
    {
        try
        {
            if (!client.IsConnected)
            {
                await MailSender.Open(client, settings, cancellationToken);
            }
        }
        catch (AuthenticationException)
        {
            return (Outcome.Stop, "the SMTP server refused the login from the config's files");
        }
        catch (Exception exception) when (Transient(exception))
        {
            return (Outcome.Again, Unusable(exception));
        }
        await ledger.RecordMailAsync(
            id,
            kind,
            MailStep.Attempting,
            clock.GetUtcNow(),
            null,
            cancellationToken
        );
        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException exception)
            when (exception.ErrorCode == SmtpErrorCode.RecipientNotAccepted
                && (int)exception.StatusCode >= 500
            )
        {
            // The address, not the server: other mails go on. The reason names no address (the ledger keeps it).
            var reason =
                $"the SMTP server refused the address for good ({(int)exception.StatusCode}: {exception.Message.TrimEnd('.')})";
            await ledger.RecordMailAsync(
                id,
                kind,
                MailStep.Failed,
                clock.GetUtcNow(),
                reason,
                CancellationToken.None
            );
            return (Outcome.Refused, reason);
        }
        catch (SmtpCommandException exception)
        {
            // The server answered with an error, so it did not take the mail: try again on a fresh connection.
            var reason =
                $"the SMTP server answered {(int)exception.StatusCode}: {exception.Message.TrimEnd('.')}";
            await ledger.RecordMailAsync(
                id,
                kind,
                MailStep.NotTaken,
                clock.GetUtcNow(),
                reason,
                CancellationToken.None
            );
            await Disconnect(client);
            return (Outcome.Again, reason);
        }
        catch (Exception exception) when (Transient(exception))
        {
            // The connection broke while the server had the mail: it may have arrived. Never twice, so not again.
            await ledger.RecordMailAsync(
                id,
                kind,
                MailStep.Failed,
                clock.GetUtcNow(),
                InDoubtReason,
                CancellationToken.None
            );
            await Disconnect(client);
            return (Outcome.InDoubt, Unusable(exception));
        }
        await ledger.RecordMailAsync(
            id,
            kind,
            MailStep.Sent,
            clock.GetUtcNow(),
            null,
            CancellationToken.None
        );
        return (Outcome.Sent, null);
    }

    private string Unusable(Exception exception) =>
        $"the SMTP server {settings.Host}:{settings.Port} could not be used ({exception.GetType().Name}: {exception.Message.TrimEnd('.')})";

    private static bool Transient(Exception exception) =>
        exception
            is SocketException
                or SmtpProtocolException
                or SmtpCommandException
                or SslHandshakeException
                or System.IO.IOException
                or TimeoutException
                or OperationCanceledException;

    private static async Task Disconnect(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(false);
            }
        }
        catch (Exception exception) when (Transient(exception))
        {
            // Already broken: the next mail connects afresh.
        }
    }
}
