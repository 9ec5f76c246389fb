using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;

namespace SurveyKit.Collector.Tests.Alerts;

/// <summary>Two collectors on one PostgreSQL database share the outbox: every alert delivered, none by both at once.</summary>
public sealed class AlertPostgresTests
{
    [PostgresFact]
    public async Task Two_collectors_on_one_database_deliver_each_alert_once_and_never_at_the_same_time()
    {
        await using var database = await PostgresTests.TestDatabase.Create();
        await using var receiver = await WebhookReceiver.Start(AlertHarness.Secret);
        receiver.Delay = TimeSpan.FromMilliseconds(30);
        await using var smtp = await SmtpServer.Start();
        var config = AlertHarness.Config(receiver.Url, smtp.Port);
        await using var first = await Collector.Start(
            o => o with { Alerts = config },
            database.ConnectionString
        );
        await using var second = await Collector.Start(
            o => o with { Alerts = config },
            database.ConnectionString
        );
        var ids = Enumerable.Range(0, 60).Select(_ => Guid.NewGuid().ToString()).ToList();
        await Task.WhenAll(
            ids.Select(
                async (id, i) =>
                {
                    var response = await (i % 2 == 0 ? first : second).PostJson(
                        AlertHarness.Klantloyaliteit(id, i % 7, consent: true)
                    );
                    Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                }
            )
        );
        await receiver.Until(
            r => r.Accepted().Count == 60,
            TimeSpan.FromSeconds(30),
            "every alert"
        );
        await smtp.Until(60, TimeSpan.FromSeconds(30));
        await Task.Delay(1500);
        Assert.Equal(0, receiver.Overlaps);
        Assert.Equal(60, receiver.Deliveries.Count);
        Assert.All(receiver.Deliveries, d => Assert.True(d.Verified));
        Assert.Equal(
            ids.Order(),
            receiver
                .Deliveries.Select(d =>
                    JsonDocument.Parse(d.Body).RootElement.GetProperty("responseId").GetString()
                )
                .Order()
        );
        Assert.Equal(60, smtp.Messages().Count);
        await AlertRetryTests.Eventually(async () =>
            (await first.Http.GetStringAsync("/health")).Contains(
                "\"delivered\":120",
                StringComparison.Ordinal
            )
                ? ""
                : null
        );
    }
}
