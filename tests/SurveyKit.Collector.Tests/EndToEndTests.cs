using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Playwright;
using SurveyKit.Core.Workspace;
using SurveyKit.Site;

namespace SurveyKit.Collector.Tests;

/// <summary>
/// A respondent in Chromium fills an example page that the collector serves; the collector stores it; and
/// <c>surveykit analyze</c> reads the collector's database and counts it in the report.
/// </summary>
public sealed class EndToEndTests
{
    [BrowserFact]
    public async Task A_response_from_a_real_browser_lands_in_the_collectors_database_and_in_the_report()
    {
        var surveys = Collector.Examples();
        var site = new Pages.SiteContent(
            new SiteBuilder(new SiteOptions("/", SubmitConfig.Default, null))
                .Build(surveys)
                .Files.Select(f => (f.Path, f.Content))
        );
        await using var collector = await Collector.Start(o => o with { Site = site });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(
            new()
            {
                ExecutablePath = BrowserFactAttribute.ChromiumPath,
                Args = BrowserFactAttribute.ChromiumArguments,
            }
        );
        var page = await browser.NewPageAsync();
        await page.GotoAsync(collector.Url + "/bezorging/en/?carrier=own");
        await page.CheckAsync("#recommend-4");
        await page.CheckAsync("#delivery-on_time-3");
        await page.CheckAsync("#contact_ok-true");
        await page.FillAsync("#email", "respondent@example.org");
        await page.ClickAsync("[data-send]");
        try
        {
            // Generous: CI runs the browser suites of several test assemblies at once on two cores.
            await PageWaits.Arrived(page, "/bezorging/en/thanks.html", 150_000);
        }
        catch (PlaywrightException)
        {
            Assert.Fail(
                $"no thank-you page after 150 s at {page.Url}; the page says: '{await page.InnerTextAsync("#sk-status")}'; "
                    + $"outbox: {await page.EvaluateAsync<string?>("() => localStorage.getItem('surveykit:outbox')")}; "
                    + $"stored: {(await collector.Export("bezorging")).Length}"
            );
        }
        using var stored = JsonDocument.Parse(Assert.Single(await collector.Export("bezorging")));
        var root = stored.RootElement;
        Assert.Equal("en", root.GetProperty("lang").GetString());
        Assert.Equal("own", root.GetProperty("context").GetProperty("carrier").GetString());
        Assert.Equal(4, root.GetProperty("answers").GetProperty("recommend").GetInt32());
        Assert.Equal(
            "respondent@example.org",
            root.GetProperty("answers").GetProperty("email").GetString()
        );
        Assert.True(root.GetProperty("meta").GetProperty("durationMs").GetInt64() > 0);

        // The report counts it: analyze reads the database the collector is still writing to.
        var work = Directory.CreateTempSubdirectory("surveykit-e2e-").FullName;
        var report = Path.Combine(work, "report");
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Cli.Commands.AnalyzeCommand.Run(
            new Cli.CliContext(output, error, work),
            Path.Combine(
                AppContext.BaseDirectory,
                "TestData",
                "examples",
                "bezorging",
                "bezorging.survey.yaml"
            ),
            [Path.Combine(collector.Folder, "responses.db")],
            report,
            "adjusted-wald"
        );
        Assert.True(code == 0, error.ToString());
        Assert.Contains(
            "Read 1: scored 1, rejected 0",
            output.ToString(),
            StringComparison.Ordinal
        );
        using var summary = JsonDocument.Parse(
            File.ReadAllBytes(Path.Combine(report, "summary.json"))
        );
        var nps = summary.RootElement.GetProperty("nps");
        Assert.Equal(1, nps.GetProperty("n").GetInt32());
        Assert.Equal(1, nps.GetProperty("detractors").GetInt32());
        Assert.Equal(1, summary.RootElement.GetProperty("follow_up").GetInt32());
        Assert.Contains(
            "respondent@example.org",
            File.ReadAllText(Path.Combine(report, "follow-up.csv")),
            StringComparison.Ordinal
        );
        Assert.DoesNotContain(
            "respondent@example.org",
            File.ReadAllText(Path.Combine(report, "report.html")),
            StringComparison.Ordinal
        );
        Directory.Delete(work, true);
    }
}
