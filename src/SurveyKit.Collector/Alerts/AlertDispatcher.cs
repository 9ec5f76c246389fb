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

    /// <summary>How long one attempt may take, all of it (waiting for a connection too): well inside the lease.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(10);
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
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Task, byte> inFlight =
        new();

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
            // Stopping: the attempts under way may finish (for a while), so their outcomes are written and they are
            // not sent again after the restart; what does not finish stays pending.
        }
        await Task.WhenAny(Task.WhenAll(inFlight.Keys), Task.Delay(Drain, CancellationToken.None));
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
                var task = Task.Run(() => Deliver(alert, stoppingToken), CancellationToken.None);
                inFlight[task] = 0;
                _ = task.ContinueWith(t => inFlight.TryRemove(t, out _), TaskScheduler.Default);
            }
        }
    }

    private async Task Deliver(ClaimedAlert claimed, CancellationToken stoppingToken)
    {
        // Each attempt ends within its own deadline, so it never outlives its lease; a shutdown does not cut it off
        // (the drain above waits for it), so its outcome is written.
        using var attempt = new CancellationTokenSource(AttemptTimeout);
        var message = claimed.Message;
        try
        {
            (DeliveryResult Result, string? Error) sent;
            try
            {
                sent =
                    message.Channel == AlertChannel.Email
                        ? await mail.Send(message, attempt.Token)
                        : await webhooks.Send(message, attempt.Token);
            }
            catch (OperationCanceledException) when (attempt.IsCancellationRequested)
            {
                sent = (
                    DeliveryResult.Retry,
                    $"the attempt did not finish within {AttemptTimeout.TotalSeconds:0} seconds"
                );
            }
            Record(claimed, sent.Result, sent.Error);
        }
        catch (Exception exception)
        {
            // A failure of SurveyKit itself: logged, and the message is tried again like any failed attempt.
            log.WriteLine(
                $"{clock.GetUtcNow():O} alert {message.Alert} ({message.Id}) failed in the collector: {StoreFailure.Describe(exception)}"
            );
            Record(claimed, DeliveryResult.Retry, "internal error");
        }
        finally
        {
            slots.Release();
        }
    }

    private void Record(ClaimedAlert claimed, DeliveryResult result, string? error)
    {
        var message = claimed.Message;
        var now = clock.GetUtcNow();
        DateTimeOffset? next = null;
        if (result == DeliveryResult.Retry)
        {
            lock (random)
            {
                next = RetrySchedule.Next(claimed.Attempts + 1, now, claimed.WindowStart, random);
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
        outcomes.Writer.TryWrite(
            new AlertOutcome(message.Id, result, error, now, next) { Claim = claimed.Claim }
        );
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
}
