using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SurveyKit.Collector.Storage;
using SurveyKit.Core.Model;

namespace SurveyKit.Collector.Tests.Alerts;

/// <summary>
/// A detractor who agreed to be contacted reaches the owner's webhook and inbox within a second, signed, routed by
/// segment, with the answers; nothing goes out for responses the alert does not match, or twice for one response.
/// </summary>
public sealed class AlertDeliveryTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_detractor_who_consented_reaches_the_webhook_and_the_inbox_within_a_second()
    {
        await using var harness = await AlertHarness.Start();
        // The first alert of a fresh collector pays for its start (connections, compiling); the second is the one a
        // running collector sends, and it must arrive within a second.
        await harness.Post(
            AlertHarness.Klantloyaliteit(Guid.NewGuid().ToString(), 3, consent: true, lang: "en")
        );
        await harness.Receiver.Until(r => r.Accepted().Count == 1, Wait, "the first webhook");
        await harness.Smtp.Until(1, Wait);
        harness.Receiver.Deliveries.Clear();
        foreach (var file in Directory.GetFiles(harness.Smtp.Folder))
        {
            File.Delete(file);
        }
        var id = Guid.NewGuid().ToString();
        var clock = Stopwatch.StartNew();
        await harness.Post(AlertHarness.Klantloyaliteit(id, 3, consent: true, lang: "en"));
        var stored = clock.Elapsed;
        await harness.Receiver.Until(r => r.Accepted().Count == 1, Wait, "the webhook");
        var webhookAfter = clock.Elapsed - stored;
        var mail = (await harness.Smtp.Until(1, Wait)).Single();
        var mailAfter = clock.Elapsed - stored;
        Assert.True(webhookAfter < TimeSpan.FromSeconds(1), $"the webhook took {webhookAfter}");
        Assert.True(mailAfter < TimeSpan.FromSeconds(1), $"the mail took {mailAfter}");

        var delivery = harness.Receiver.Deliveries.Single();
        Assert.True(delivery.Verified, "the signature verifies with the Standard Webhooks library");
        Assert.StartsWith("msg_", delivery.Id, StringComparison.Ordinal);
        var body = JsonDocument.Parse(delivery.Body).RootElement;
        Assert.Equal("surveykit.alert", body.GetProperty("type").GetString());
        Assert.Equal("detractor", body.GetProperty("alert").GetString());
        Assert.Equal("klantloyaliteit", body.GetProperty("survey").GetString());
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        Assert.Equal(id, body.GetProperty("responseId").GetString());
        Assert.Equal("en", body.GetProperty("lang").GetString());
        Assert.Equal("b2c", body.GetProperty("context").GetProperty("segment").GetString());
        // They consented: the personal fields travel with the alert.
        Assert.Equal("C42", body.GetProperty("context").GetProperty("customer").GetString());
        Assert.Equal(
            "jan@example.com",
            body.GetProperty("answers").GetProperty("email").GetString()
        );
        Assert.Equal(3, body.GetProperty("answers").GetProperty("recommend").GetInt32());
        Assert.False(body.TryGetProperty("personalDataLeftOut", out _));

        Assert.Equal("klantenservice@example.com", mail.Headers["X-Envelope-To"]);
        Assert.Equal("cx@example.org", ((MailboxAddress)mail.From.Single()).Address);
        Assert.Equal("jan@example.com", ((MailboxAddress)mail.ReplyTo.Single()).Address);
        Assert.Equal("Detractor (3) would like to be contacted", mail.Subject);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        Assert.Contains(
            "How likely is it that you would recommend us",
            mail.TextBody,
            StringComparison.Ordinal
        );
        Assert.Contains("Te lang wachten", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Customer service", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(
            "reply to this mail to reach jan@example.com",
            mail.TextBody,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task A_business_customer_is_routed_to_the_account_team_only()
    {
        await using var harness = await AlertHarness.Start();
        await harness.Post(
            AlertHarness.Klantloyaliteit(
                Guid.NewGuid().ToString(),
                5,
                consent: true,
                segment: "b2b"
            )
        );
        var mail = (await harness.Smtp.Until(1, Wait)).Single();
        Assert.Equal("accountteam@example.com", mail.Headers["X-Envelope-To"]);
        Assert.Equal("Criticaster (5) wil graag contact", mail.Subject);
        Assert.Contains("Zakelijk", mail.TextBody, StringComparison.Ordinal);
        await Task.Delay(1500);
        Assert.Empty(harness.Receiver.Deliveries);
        Assert.Single(harness.Smtp.Messages());
    }

    [Fact]
    public async Task No_alert_goes_out_for_a_promoter_a_detractor_without_consent_or_a_repeated_post()
    {
        await using var harness = await AlertHarness.Start();
        await harness.Post(
            AlertHarness.Klantloyaliteit(Guid.NewGuid().ToString(), 9, consent: true)
        );
        await harness.Post(
            AlertHarness.Klantloyaliteit(Guid.NewGuid().ToString(), 2, consent: false)
        );
        var id = Guid.NewGuid().ToString();
        await harness.Post(AlertHarness.Klantloyaliteit(id, 4, consent: true, lang: "en"));
        var again = await harness.Collector.PostJson(
            AlertHarness.Klantloyaliteit(id, 4, consent: true, lang: "en")
        );
        Assert.Equal(System.Net.HttpStatusCode.OK, again.StatusCode);
        await harness.Receiver.Until(r => r.Accepted().Count == 1, Wait, "the one alert");
        await harness.Smtp.Until(1, Wait);
        await Task.Delay(1500);
        Assert.Single(harness.Receiver.Deliveries);
        Assert.Single(harness.Smtp.Messages());
        await AlertRetryTests.Eventually(async () =>
            (await harness.Collector.Http.GetStringAsync("/health")).Contains(
                "\"alerts\":{\"pending\":0,\"oldestPendingSeconds\":null,\"delivered\":2,\"dead\":0}",
                StringComparison.Ordinal
            )
                ? ""
                : null
        );
    }

    [Fact]
    public async Task Hostile_answers_stay_text_in_the_mail_and_cannot_add_a_header()
    {
        var survey = TestSurveys.Load(TestSurveys.Hostile);
        await using var harness = await AlertHarness.Start([survey]);
        var reason =
            "<img src=x onerror=alert(1)>\r\nBcc: victim@example.net\r\n\r\n\"quoted\" & 'single' 🙂";
        await harness.Post(
            "{\"responseId\":\""
                + Guid.NewGuid()
                + "\",\"survey\":\"hostile\",\"version\":1,\"lang\":\"en\","
                + "\"answers\":{\"recommend\":1,\"reason\":"
                + JsonSerializer.Serialize(reason)
                + "}}"
        );
        var mail = (await harness.Smtp.Until(1, Wait)).Single();
        Assert.Equal("cx@example.com", mail.Headers["X-Envelope-To"]);
        Assert.Null(mail.Headers["Bcc"]);
        Assert.DoesNotContain("\n", mail.Subject ?? "", StringComparison.Ordinal);
        Assert.StartsWith(
            "Detractor: <img src=x onerror=alert(1)> Bcc: victim@example.net",
            mail.Subject,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("<img", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(
            "&lt;img src=x onerror=alert(1)&gt;",
            mail.HtmlBody,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "&quot;quoted&quot; &amp; &#39;single&#39; 🙂",
            mail.HtmlBody,
            StringComparison.Ordinal
        );
        Assert.Contains("<img src=x onerror=alert(1)>", mail.TextBody, StringComparison.Ordinal);
        var delivery = harness.Receiver.Deliveries.Single();
        Assert.Equal(
            reason,
            JsonDocument
                .Parse(delivery.Body)
                .RootElement.GetProperty("answers")
                .GetProperty("reason")
                .GetString()
        );
    }

    [Fact]
    public async Task An_alert_written_personal_false_never_carries_personal_data()
    {
        var survey = TestSurveys.Load(TestSurveys.Hostile);
        await using var harness = await AlertHarness.Start([survey]);
        await harness.Post(
            "{\"responseId\":\""
                + Guid.NewGuid()
                + "\",\"survey\":\"hostile\",\"version\":1,\"lang\":\"en\","
                + "\"context\":{\"customer\":\"C77\"},"
                + "\"answers\":{\"recommend\":2,\"contact_ok\":true,\"email\":\"ann@example.com\"}}"
        );
        await harness.Receiver.Until(r => r.Accepted().Count == 1, Wait, "the webhook");
        var mail = (await harness.Smtp.Until(1, Wait)).Single();
        var body = harness.Receiver.Deliveries.Single().Body;
        Assert.DoesNotContain("ann@example.com", body, StringComparison.Ordinal);
        Assert.DoesNotContain("C77", body, StringComparison.Ordinal);
        Assert.Contains(
            "\"personalDataLeftOut\":[\"context.customer\",\"answers.email\"]",
            body,
            StringComparison.Ordinal
        );
        Assert.Empty(mail.ReplyTo);
        Assert.DoesNotContain(
            "ann@example.com",
            mail.TextBody + mail.HtmlBody + mail.Subject,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("C77", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Personal data was left out", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_receiver_holds_up_only_its_own_alerts()
    {
        await using var harness = await AlertHarness.Start();
        // The webhook answers after 8 s (its attempt still ends inside the 10 s timeout); the mail must not wait for it.
        // Measured against the slow answer, not a wall-clock limit, so a loaded machine's cold start does not count.
        harness.Receiver.Delay = TimeSpan.FromSeconds(8);
        await harness.Post(
            AlertHarness.Klantloyaliteit(Guid.NewGuid().ToString(), 1, consent: true)
        );
        await harness.Smtp.Until(1, Wait);
        Assert.True(
            harness.Receiver.Deliveries.IsEmpty,
            "the mail waited until the slow webhook had answered"
        );
        await harness.Receiver.Until(r => r.Accepted().Count == 1, Wait, "the slow webhook");
        Assert.Single(harness.Receiver.Deliveries);
    }

    [Fact]
    public async Task A_delivered_alert_keeps_no_payload_and_a_workspace_template_overrides_the_mail()
    {
        var workspace = Directory.CreateTempSubdirectory("surveykit-alert-templates-").FullName;
        Directory.CreateDirectory(Path.Combine(workspace, "alerts"));
        File.WriteAllText(
            Path.Combine(workspace, "alerts", "mail.sbn"),
            "Eigen sjabloon: {{ page.subject }} / {{ for row in page.answers }}{{ row.value }};{{ end }}"
        );
        var diagnostics = new System.Collections.Generic.List<Core.Diagnostics.Diagnostic>();
        var mail = SurveyKit.Collector.Alerts.AlertMail.Load(workspace, p => p, diagnostics);
        Assert.Empty(diagnostics);
        await using var smtp = await SmtpServer.Start();
        await using var receiver = await WebhookReceiver.Start(AlertHarness.Secret);
        await using var collector = await Collector.Start(o =>
            o with
            {
                Alerts = AlertHarness.Config(receiver.Url, smtp.Port),
                AlertMail = mail,
            }
        );
        await collector.PostJson(
            AlertHarness.Klantloyaliteit(Guid.NewGuid().ToString(), 2, consent: true)
        );
        var received = (await smtp.Until(1, Wait)).Single();
        Assert.StartsWith(
            "Eigen sjabloon: Criticaster (2) wil graag contact / 2;Te lang wachten;",
            received.TextBody,
            StringComparison.Ordinal
        );
        Assert.Contains("Antwoorden", received.HtmlBody, StringComparison.Ordinal); // the built-in HTML part stays
        await receiver.Until(r => r.Accepted().Count == 1, Wait, "the webhook");
        var outbox = collector.App.Services.GetRequiredService<IAlertOutbox>();
        await AlertRetryTests.Eventually(async () =>
            (await outbox.CountAlertsAsync(default)).Delivered == 2 ? "" : null
        );
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(
            "Data Source=" + Path.Combine(collector.Folder, "responses.db")
        );
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, length(payload) FROM alert_outbox;";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            Assert.Equal("delivered", reader.GetString(0));
            Assert.Equal(0, reader.GetInt32(1));
        }
        Assert.Equal(2, rows);
        Directory.Delete(workspace, true);
    }
}
