using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace SurveyKit.Collector.Alerts;

/// <summary>
/// Sends a rendered alert mail over SMTP with MailKit: TLS as the config says (STARTTLS required by default), the
/// login from files, a Message-Id derived from the outbox id (a retry is recognisably the same mail), Reply-To the
/// respondent when they consented, and Auto-Submitted so that auto-replies stay away (RFC 3834).
/// </summary>
public sealed class MailSender(SmtpSettings? settings) : IDisposable
{
    // A few connections at most: an SMTP server limits them per client.
    private readonly SemaphoreSlim connections = new(4, 4);

    /// <inheritdoc />
    public void Dispose() => connections.Dispose();

    public async Task<(DeliveryResult Result, string? Error)> Send(
        OutboxMessage message,
        CancellationToken cancellationToken
    )
    {
        if (settings is null)
        {
            return (DeliveryResult.Retry, "the collector's alerts config has no smtp server");
        }
        MimeMessage mime;
        try
        {
            mime = Build(message, settings);
        }
        catch (Exception exception)
            when (exception is JsonException or ParseException or FormatException)
        {
            return (DeliveryResult.Gone, $"the stored mail cannot be read ({exception.Message})");
        }
        await connections.WaitAsync(cancellationToken);
        try
        {
            using var client = new RefusalsCounted { Timeout = 20_000 };
            await Open(client, settings, cancellationToken);
            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
            // The others got it; a mailbox refused for good would refuse every retry too.
            return (
                DeliveryResult.Delivered,
                client.Refused.Count == 0
                    ? null
                    : $"the SMTP server refused {string.Join(", ", client.Refused)} for good; the other recipients got it"
            );
        }
        catch (SmtpCommandException exception)
            when (exception.ErrorCode
                    is SmtpErrorCode.RecipientNotAccepted
                        or SmtpErrorCode.MessageNotAccepted
                && (int)exception.StatusCode >= 500
                && mime.To.Count > 0
            )
        {
            // Every recipient refused for good (MailKit stops when none is left): the target is gone.
            return (
                DeliveryResult.Gone,
                $"the SMTP server refused {string.Join(", ", mime.To.Mailboxes.Select(m => m.Address))} for good ({(int)exception.StatusCode})"
            );
        }
        catch (SmtpCommandException exception)
        {
            return (
                DeliveryResult.Retry,
                $"the SMTP server answered {(int)exception.StatusCode}: {exception.Message.TrimEnd('.')}"
            );
        }
        catch (AuthenticationException)
        {
            return (
                DeliveryResult.Retry,
                "the SMTP server refused the login from the config's files"
            );
        }
        catch (Exception exception)
            when (exception
                    is SocketException
                        or SmtpProtocolException
                        or SslHandshakeException
                        or System.IO.IOException
                        or TimeoutException
                        or OperationCanceledException
                && !cancellationToken.IsCancellationRequested
            )
        {
            return (
                DeliveryResult.Retry,
                $"the SMTP server {settings.Host}:{settings.Port} could not be used ({exception.GetType().Name}: {exception.Message.TrimEnd('.')})"
            );
        }
        finally
        {
            connections.Release();
        }
    }

    /// <summary>Connects <paramref name="client"/> as <paramref name="settings"/> say: TLS as configured, then the login.</summary>
    public static async Task Open(
        SmtpClient client,
        SmtpSettings settings,
        CancellationToken cancellationToken
    )
    {
        // Our own socket, with Nagle's algorithm off: SMTP is small commands each waiting for an answer, and with it on
        // every mail waited ~40 ms for a delayed acknowledgement (22 mails per second on loopback).
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(settings.Host, settings.Port, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        await client.ConnectAsync(
            socket,
            settings.Host,
            settings.Port,
            settings.Security switch
            {
                "tls" => SecureSocketOptions.SslOnConnect,
                "none" => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            },
            cancellationToken
        );
        if (settings.User is not null)
        {
            await client.AuthenticateAsync(
                settings.User,
                settings.Password ?? "",
                cancellationToken
            );
        }
    }

    // MailKit stops a send at the first refused recipient; a mailbox refused for good (5xx) is noted instead, so the
    // other recipients still get the alert. A refusal for now (4xx) still stops it: the whole mail is tried again.
    private sealed class RefusalsCounted : SmtpClient
    {
        public List<string> Refused { get; } = [];

        protected override void OnRecipientNotAccepted(
            MimeMessage message,
            MailboxAddress mailbox,
            SmtpResponse response
        )
        {
            if ((int)response.StatusCode >= 500)
            {
                Refused.Add(mailbox.Address);
                return;
            }
            base.OnRecipientNotAccepted(message, mailbox, response);
        }
    }

    /// <summary>The MIME message of a stored mail.</summary>
    public static MimeMessage Build(OutboxMessage message, SmtpSettings settings)
    {
        using var document = JsonDocument.Parse(message.Payload);
        var root = document.RootElement;
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(settings.From));
        foreach (var address in root.GetProperty("to").EnumerateArray())
        {
            mime.To.Add(MailboxAddress.Parse(address.GetString()!));
        }
        if (root.TryGetProperty("replyTo", out var replyTo))
        {
            mime.ReplyTo.Add(MailboxAddress.Parse(replyTo.GetString()!));
        }
        mime.Subject = root.GetProperty("subject").GetString() ?? "";
        var domain = settings.From.Split('@').Last();
        mime.MessageId = $"{message.Id}@{domain}";
        mime.Date = message.CreatedAt;
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.Headers.Add("X-SurveyKit-Alert", message.Alert);
        mime.Body = new BodyBuilder
        {
            TextBody = root.GetProperty("text").GetString(),
            HtmlBody = root.GetProperty("html").GetString(),
        }.ToMessageBody();
        return mime;
    }
}
