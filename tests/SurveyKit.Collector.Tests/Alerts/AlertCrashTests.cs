using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using SurveyKit.Collector.Alerts;

namespace SurveyKit.Collector.Tests.Alerts;

/// <summary>A collector killed with SIGKILL in the middle of delivering loses no alert: they resume on start.</summary>
public sealed class AlertCrashTests
{
    [Fact]
    public async Task A_collector_killed_mid_delivery_delivers_every_alert_after_a_restart_with_the_same_ids()
    {
        var folder = Directory.CreateTempSubdirectory("surveykit-alert-crash-").FullName;
        await using var receiver = await WebhookReceiver.Start(AlertHarness.Secret);
        await using var smtp = await SmtpServer.Start();
        // Every alert fails twice and each attempt is slow, so the kill finds deliveries in flight and retries waiting.
        receiver.Answer = attempt => attempt <= 2 ? 500 : 204;
        receiver.Delay = TimeSpan.FromMilliseconds(300);
        File.WriteAllText(Path.Combine(folder, "token"), Collector.Token);
        File.WriteAllText(Path.Combine(folder, "cx-hook.secret"), AlertHarness.Secret);
        File.WriteAllText(
            Path.Combine(folder, "alerts.json"),
            "{\"webhooks\":{\"cx-hook\":{\"url\":\""
                + receiver.Url
                + "\",\"secretFile\":\"cx-hook.secret\"}},"
                + "\"smtp\":{\"host\":\"127.0.0.1\",\"port\":"
                + smtp.Port
                + ",\"from\":\"cx@example.org\",\"security\":\"none\"}}"
        );
        var survey = Path.Combine(
            AppContext.BaseDirectory,
            "TestData",
            "examples",
            "klantloyaliteit",
            "klantloyaliteit.survey.yaml"
        );
        var database = Path.Combine(folder, "responses.db");
        var port = DurabilityTests.FreePort();
        var acknowledged = new ConcurrentBag<string>();
        using (
            var process = DurabilityTests.StartCollect(
                survey,
                database,
                port,
                folder,
                "--alerts",
                "alerts.json"
            )
        )
        {
            await DurabilityTests.WaitForHealth(port);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            for (var i = 0; i < 20; i++)
            {
                var id = Guid.NewGuid().ToString();
                var response = await http.PostAsync(
                    "/api/responses",
                    new StringContent(
                        AlertHarness.Klantloyaliteit(id, i % 7, consent: true),
                        Encoding.UTF8,
                        "application/json"
                    )
                );
                Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
                acknowledged.Add(id);
            }
            await receiver.Until(
                r => r.Deliveries.Count >= 10,
                TimeSpan.FromSeconds(20),
                "deliveries under way"
            );
            process.Kill(entireProcessTree: true); // SIGKILL
            await process.WaitForExitAsync();
        }
        Assert.True(
            receiver.Accepted().Count < 20,
            "the kill came before every alert was delivered"
        );
        using (
            var restarted = DurabilityTests.StartCollect(
                survey,
                database,
                port,
                folder,
                "--alerts",
                "alerts.json"
            )
        )
        {
            await receiver.Until(
                r => r.Accepted().Count == 20,
                TimeSpan.FromSeconds(60),
                "every alert after the restart"
            );
            await smtp.Until(20, TimeSpan.FromSeconds(30));
            restarted.Kill(entireProcessTree: true);
            await restarted.WaitForExitAsync();
        }
        Assert.All(receiver.Deliveries, d => Assert.True(d.Verified));
        foreach (var delivery in receiver.Accepted())
        {
            var responseId = JsonDocument
                .Parse(delivery.Body)
                .RootElement.GetProperty("responseId")
                .GetString()!;
            Assert.Equal(
                AlertPlanner.MessageId(responseId, "detractor", AlertChannel.Webhook, "cx-hook"),
                delivery.Id
            );
        }
        Assert.Equal(
            acknowledged.Order(),
            receiver
                .Accepted()
                .Select(d =>
                    JsonDocument.Parse(d.Body).RootElement.GetProperty("responseId").GetString()
                )
                .Order()
        );
        // At least once: a delivery the kill interrupted may come again, always with its own webhook-id.
        Assert.Equal(
            20,
            receiver.Deliveries.Where(d => d.Answered == 204).Select(d => d.Id).Distinct().Count()
        );
        var mails = smtp.Messages();
        Assert.Equal(20, mails.Select(m => m.MessageId).Distinct().Count());
        Directory.Delete(folder, true);
    }
}
