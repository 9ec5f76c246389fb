using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace SurveyKit.Collector.Tests.Alerts;

/// <summary>
/// The report's follow-up view, read from the collector's database: alerts per rule, how many arrived, how fast,
/// in the report's language and without a trace of who they were about.
/// </summary>
public sealed class AlertReportTests
{
    [Fact]
    public async Task The_report_counts_the_alerts_per_rule_and_how_fast_they_arrived_without_personal_data()
    {
        await using var harness = await AlertHarness.Start();
        harness.Receiver.Answer = _ => 410; // every webhook delivery fails for good; the mails arrive
        var scores = new[] { 1, 3, 5, 6, 9, 10, 8, 2 };
        foreach (var (score, i) in scores.Select((s, i) => (s, i)))
        {
            await harness.Post(
                AlertHarness.Klantloyaliteit(
                    Guid.NewGuid().ToString(),
                    score,
                    consent: i != 7,
                    segment: i == 0 ? "b2b" : "b2c",
                    email: $"klant{i}@example.com"
                )
            );
        }
        // Detractors with consent: 1 (b2b: one mail), 3, 5, 6 (b2c: a webhook and a mail each); 2 has no consent.
        await harness.Smtp.Until(4, TimeSpan.FromSeconds(15));
        await harness.Receiver.Until(
            r => r.Deliveries.Count == 3,
            TimeSpan.FromSeconds(15),
            "three webhooks"
        );
        var outbox =
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Storage.IAlertOutbox>(
                harness.Collector.App.Services
            );
        await AlertRetryTests.Eventually(async () =>
            (await outbox.CountAlertsAsync(default)) is { Delivered: 4, Dead: 3 } ? "" : null
        );

        var folder = Path.Combine(harness.Collector.Folder, "report");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Cli.Commands.AnalyzeCommand.Run(
            new Cli.CliContext(output, error, harness.Collector.Folder),
            Path.Combine(
                AppContext.BaseDirectory,
                "TestData",
                "examples",
                "klantloyaliteit",
                "klantloyaliteit.survey.yaml"
            ),
            [Path.Combine(harness.Collector.Folder, "responses.db")],
            "report",
            "adjusted-wald"
        );
        Assert.True(code == 0, error.ToString());
        var summary = JsonDocument
            .Parse(File.ReadAllText(Path.Combine(folder, "summary.json")))
            .RootElement;
        var rule = summary.GetProperty("alerts").EnumerateArray().Single();
        Assert.Equal("detractor", rule.GetProperty("alert").GetString());
        Assert.Equal(4, rule.GetProperty("responses").GetInt32());
        Assert.Equal(7, rule.GetProperty("deliveries").GetInt32());
        Assert.Equal(4, rule.GetProperty("delivered").GetInt32());
        Assert.Equal(0, rule.GetProperty("pending").GetInt32());
        Assert.Equal(3, rule.GetProperty("failed").GetInt32());
        var median = rule.GetProperty("median_seconds").GetDouble();
        var p95 = rule.GetProperty("p95_seconds").GetDouble();
        Assert.InRange(median, 0, 2);
        Assert.InRange(p95, median, 2);

        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains("Meldingen per regel", html, StringComparison.Ordinal);
        Assert.Contains(
            "4 responsen leidden tot een melding aan een eigenaar; de collector deed 7 bezorgingen (een per webhook of mail), waarvan 4 zijn aangekomen.",
            html,
            StringComparison.Ordinal
        );
        Assert.Contains("3 bezorgingen zijn definitief mislukt", html, StringComparison.Ordinal);
        Assert.Contains("Alerts per rule", html, StringComparison.Ordinal); // the English half of the report
        foreach (var i in Enumerable.Range(0, 8))
        {
            Assert.DoesNotContain($"klant{i}@example.com", html, StringComparison.Ordinal);
        }
    }
}
