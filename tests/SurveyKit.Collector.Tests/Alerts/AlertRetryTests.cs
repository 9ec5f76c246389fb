using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using SurveyKit.Collector.Alerts;
using SurveyKit.Collector.Storage;

namespace SurveyKit.Collector.Tests.Alerts;

/// <summary>
/// Failures are retried on the documented schedule with the same webhook-id; 410 Gone stops and is reported; a
/// receiver that is down for a while gets everything when it is back; redirects are never followed.
/// </summary>
public sealed class AlertRetryTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_receiver_that_fails_the_first_attempts_gets_the_alert_with_the_same_id_after_backing_off()
    {
        await using var harness = await AlertHarness.Start();
        harness.Receiver.Answer = attempt => attempt <= 3 ? 503 : 200;
        await harness.Post(
            AlertHarness.Klantloyaliteit(Guid.NewGuid().ToString(), 2, consent: true)
        );
        await harness.Receiver.Until(r => r.Accepted().Count == 1, Wait, "the fourth attempt");
        var attempts = harness.Receiver.Deliveries.ToList();
        Assert.Equal(4, attempts.Count);
        Assert.Single(attempts.Select(a => a.Id).Distinct());
        Assert.All(attempts, a => Assert.True(a.Verified));
        Assert.Single(attempts.Select(a => a.Body).Distinct());
        // About 1, 2 and 4 seconds apart (±20% jitter, plus up to half a second until the next look at the outbox).
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => (b.At - a.At).TotalSeconds).ToList();
        // A loaded machine adds to the upper bounds, never to the lower ones.
        Assert.InRange(gaps[0], 0.75, 2.8);
        Assert.InRange(gaps[1], 1.55, 4.0);
        Assert.InRange(gaps[2], 3.15, 6.4);
        var entry = await Eventually(async () =>
            (await Outbox(harness).ListAlertsAsync("delivered", 10, default)).SingleOrDefault(e =>
                e.Channel == AlertChannel.Webhook
            )
        );
        Assert.Equal(4, entry.Attempts);
    }

    [Fact]
    public async Task A_receiver_that_says_gone_is_not_tried_again_until_the_operator_retries()
    {
        await using var harness = await AlertHarness.Start();
        harness.Receiver.Answer = _ => 410;
        await harness.Post(
            AlertHarness.Klantloyaliteit(Guid.NewGuid().ToString(), 2, consent: true)
        );
        await harness.Receiver.Until(r => r.Deliveries.Count == 1, Wait, "the one attempt");
        await Task.Delay(2500);
        Assert.Single(harness.Receiver.Deliveries);
        var outbox = Outbox(harness);
        var gone = await Eventually(async () =>
            (await outbox.ListAlertsAsync("gone", 10, default)).SingleOrDefault()
        );
        Assert.Contains("410", gone.LastError, StringComparison.Ordinal);
        Assert.Equal(1, (await outbox.CountAlertsAsync(default)).Dead);
        Assert.Contains(
            "\"dead\":1",
            await harness.Collector.Http.GetStringAsync("/health"),
            StringComparison.Ordinal
        );

        harness.Receiver.Answer = _ => 204;
        Assert.Equal(1, await outbox.RequeueDeadAlertsAsync(DateTimeOffset.UtcNow, default));
        await harness.Receiver.Until(r => r.Accepted().Count == 1, Wait, "the retried alert");
        Assert.Single(harness.Receiver.Deliveries.Select(d => d.Id).Distinct());
    }

    [Fact]
    public async Task A_receiver_that_is_down_for_a_while_gets_every_alert_when_it_is_back()
    {
        var first = await WebhookReceiver.Start(AlertHarness.Secret);
        var port = first.Port;
        await using var harness = await AlertHarness.Start(receiver: first);
        await first.DisposeAsync(); // down: connections are refused
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid().ToString()).ToList();
        foreach (var id in ids)
        {
            await harness.Post(AlertHarness.Klantloyaliteit(id, 1, consent: true));
        }
        await Task.Delay(3000);
        await using var back = await WebhookReceiver.Start(AlertHarness.Secret, port);
        await back.Until(r => r.Accepted().Count == 5, Wait, "every alert after the outage");
        Assert.All(back.Deliveries, d => Assert.True(d.Verified));
        var responseIds = back.Accepted()
            .Select(d =>
                System
                    .Text.Json.JsonDocument.Parse(d.Body)
                    .RootElement.GetProperty("responseId")
                    .GetString()
            )
            .Order();
        Assert.Equal(ids.Order(), responseIds);
        await Eventually(async () =>
            (await Outbox(harness).CountAlertsAsync(default)).Pending == 0 ? "" : null
        );
    }

    [Fact]
    public async Task A_redirect_is_not_followed_to_an_address_the_config_does_not_name()
    {
        await using var elsewhere = await WebhookReceiver.Start(AlertHarness.Secret);
        await using var harness = await AlertHarness.Start();
        harness.Receiver.Answer = _ => 307;
        harness.Receiver.Location = elsewhere.Url; // a redirect to a receiver the config does not name
        await harness.Post(
            AlertHarness.Klantloyaliteit(Guid.NewGuid().ToString(), 2, consent: true)
        );
        await harness.Receiver.Until(
            r => r.Deliveries.Count >= 2,
            Wait,
            "a retry after the redirect"
        );
        Assert.Empty(elsewhere.Deliveries);
        var pending = await Eventually(async () =>
            (await Outbox(harness).ListAlertsAsync("pending", 10, default)).SingleOrDefault(e =>
                e.Channel == AlertChannel.Webhook && e.LastError is not null
            )
        );
        Assert.Contains("redirect", pending.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public void The_retry_schedule_starts_at_a_second_and_gives_up_after_24_hours()
    {
        var random = new Random(1);
        var start = DateTimeOffset.UnixEpoch;
        var now = start;
        var failures = 0;
        var delays = new System.Collections.Generic.List<double>();
        while (RetrySchedule.Next(++failures, now, start, random) is { } next)
        {
            delays.Add((next - now).TotalSeconds);
            now = next;
        }
        Assert.InRange(delays[0], 0.8, 1.2);
        Assert.InRange(delays[1], 1.6, 2.4);
        Assert.InRange(delays[12], 2880, 4320);
        Assert.All(delays.Skip(13), d => Assert.InRange(d, 5760, 8640));
        Assert.InRange((now - start).TotalHours, 22, 24);
        Assert.InRange(failures, 20, 30);
    }

    /// <summary>What <paramref name="find"/> finds once the dispatcher has written it back (outcomes go in batches).</summary>
    internal static async Task<T> Eventually<T>(Func<Task<T?>> find)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (await find() is { } found)
            {
                return found;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the outbox did not show it within 20 s");
            }
            await Task.Delay(50);
        }
    }

    private static IAlertOutbox Outbox(AlertHarness harness) =>
        harness.Collector.App.Services.GetRequiredService<IAlertOutbox>();
}
