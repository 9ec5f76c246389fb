using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using SurveyKit.Collector.Http;
using SurveyKit.Collector.Storage;

namespace SurveyKit.Collector.Alerts;

/// <summary>
/// Delivers the outbox. It wakes when a response with alerts is stored (and polls twice a second for retries and for
/// alerts stored by other collectors), leases due messages, sends each on its own (a slow receiver holds up only its
/// own alerts), and writes the outcomes back in batches. Failures are retried on <see cref="RetrySchedule"/>; a
/// message still failing after 24 hours is dead-lettered. Delivery is at least once: a receiver deduplicates by
/// <c>webhook-id</c>.
/// </summary>
public sealed class AlertDispatcher : BackgroundService
{
    /// <summary>How long a claimed message is this collector's: longer than any attempt can take.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    private const int MaxInFlight = 64;

    private readonly IAlertOutbox outbox;
    private readonly AlertSignal signal;
    private readonly WebhookSender webhooks;
    private readonly MailSender mail;
    private readonly TimeProvider clock;
    private readonly TextWriter log;
    private readonly SemaphoreSlim slots = new(MaxInFlight, MaxInFlight);
    private readonly Channel<AlertOutcome> outcomes = Channel.CreateUnbounded<AlertOutcome>();
    private readonly Random random = new();

    public AlertDispatcher(
        IAlertOutbox outbox,
        AlertSignal signal,
        WebhookSender webhooks,
        MailSender mail,
        TimeProvider clock,
        TextWriter log
    )
    {
        this.outbox = outbox;
        this.signal = signal;
        this.webhooks = webhooks;
        this.mail = mail;
        this.clock = clock;
        this.log = log;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Storage(() => outbox.ReleaseLeasesAsync(stoppingToken), stoppingToken);
        var completer = Task.Run(() => Complete(stoppingToken), CancellationToken.None);
        try
        {
            await Claim(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is in flight finishes or stays leased, and is due again after a restart.
        }
        outcomes.Writer.TryComplete();
        await completer;
    }

    private async Task Claim(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var free = slots.CurrentCount;
            IReadOnlyList<ClaimedAlert> claimed = [];
            if (free > 0)
            {
                await Storage(
                    async () =>
                        claimed = await outbox.ClaimAlertsAsync(
                            free,
                            Lease,
                            clock.GetUtcNow(),
                            stoppingToken
                        ),
                    stoppingToken
                );
            }
            if (claimed.Count == 0)
            {
                await signal.WaitAsync(Poll, stoppingToken);
                continue;
            }
            foreach (var alert in claimed)
            {
                await slots.WaitAsync(stoppingToken);
                _ = Task.Run(() => Deliver(alert, stoppingToken), CancellationToken.None);
            }
        }
    }

    private async Task Deliver(ClaimedAlert claimed, CancellationToken stoppingToken)
    {
        try
        {
            var message = claimed.Message;
            var (result, error) =
                message.Channel == AlertChannel.Email
                    ? await mail.Send(message, stoppingToken)
                    : await webhooks.Send(message, stoppingToken);
            var now = clock.GetUtcNow();
            DateTimeOffset? next = null;
            if (result == DeliveryResult.Retry)
            {
                lock (random)
                {
                    next = RetrySchedule.Next(
                        claimed.Attempts + 1,
                        now,
                        claimed.WindowStart,
                        random
                    );
                }
                log.WriteLine(
                    $"{now:O} alert {message.Alert} ({message.Id}) attempt {claimed.Attempts + 1} failed: {error}"
                        + (
                            next is null
                                ? "; dead-lettered after 24 hours of tries"
                                : $"; next try at {next:O}"
                        )
                );
            }
            else if (result == DeliveryResult.Gone)
            {
                log.WriteLine($"{now:O} alert {message.Alert} ({message.Id}) stopped: {error}");
            }
            outcomes.Writer.TryWrite(new AlertOutcome(message.Id, result, error, now, next));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Left leased; due again after the restart.
        }
        catch (Exception exception)
        {
            // A failure of SurveyKit itself: logged, and the message is tried again like any failed attempt.
            var now = clock.GetUtcNow();
            log.WriteLine(
                $"{now:O} alert {claimed.Message.Alert} ({claimed.Message.Id}) failed in the collector: {StoreFailure.Describe(exception)}"
            );
            DateTimeOffset? next;
            lock (random)
            {
                next = RetrySchedule.Next(claimed.Attempts + 1, now, claimed.WindowStart, random);
            }
            outcomes.Writer.TryWrite(
                new AlertOutcome(
                    claimed.Message.Id,
                    DeliveryResult.Retry,
                    "internal error",
                    now,
                    next
                )
            );
        }
        finally
        {
            slots.Release();
        }
    }

    // Outcomes are written in batches: whatever finished while the last batch was being written.
    private async Task Complete(CancellationToken stoppingToken)
    {
        var batch = new List<AlertOutcome>();
        while (await outcomes.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < 512 && outcomes.Reader.TryRead(out var outcome))
            {
                batch.Add(outcome);
            }
            var written = false;
            while (!written)
            {
                try
                {
                    await outbox.CompleteAlertsAsync(batch, CancellationToken.None);
                    written = true;
                }
                catch (Exception exception) when (StoreFailure.IsStorage(exception))
                {
                    // Not written: the messages stay leased and become due again, so nothing is lost; a few
                    // deliveries may be repeated, with the same webhook-id.
                    log.WriteLine(
                        $"{clock.GetUtcNow():O} alerts: could not record {batch.Count} delivery outcomes: {StoreFailure.Describe(exception)}"
                    );
                    if (stoppingToken.IsCancellationRequested)
                    {
                        break;
                    }
                    await Task.Delay(1000, CancellationToken.None);
                }
            }
            batch.Clear();
        }
    }

    private async Task Storage(Func<Task> action, CancellationToken stoppingToken)
    {
        try
        {
            await action();
        }
        catch (Exception exception)
            when (StoreFailure.IsStorage(exception) && !stoppingToken.IsCancellationRequested)
        {
            log.WriteLine(
                $"{clock.GetUtcNow():O} alerts: the outbox cannot be read: {StoreFailure.Describe(exception)}"
            );
            await Task.Delay(1000, stoppingToken);
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        slots.Dispose();
        base.Dispose();
    }
}
