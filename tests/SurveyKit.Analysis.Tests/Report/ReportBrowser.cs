using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Playwright;
using SurveyKit.Analysis.Data;
using SurveyKit.Analysis.Report;
using SurveyKit.Analysis.Sampling;
using SurveyKit.Analysis.Scoring;
using SurveyKit.Core;
using SurveyKit.Core.Model;

namespace SurveyKit.Analysis.Tests.Report;

/// <summary>
/// One report made once for the browser tests: 1500 sample submissions of the klantloyaliteit example with planted
/// drivers, analysed and written with <see cref="ReportFiles"/>, opened from a file:// URL in Debian's Chromium
/// (Playwright cannot download a browser here). Without /usr/bin/chromium the tests are skipped and say so.
/// </summary>
public sealed class ReportBrowser : IAsyncLifetime
{
    public const string SurveyId = "klantloyaliteit";

    public const int Responses = 1500;

    /// <summary>The planted driver structure: customer service matters most, the website least.</summary>
    public static IReadOnlyDictionary<string, double> PlantedDrivers { get; } =
        new Dictionary<string, double>
        {
            ["service"] = 0.6,
            ["delivery"] = 0.35,
            ["website"] = 0.15,
        };

    /// <summary>Where screenshots and the report go: a folder beside the test assembly that CI keeps as an artifact.</summary>
    public static string Artifacts { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts");

    private IPlaywright? playwright;

    private IBrowser? browser;

    public Survey Survey { get; private set; } = null!;

    public AnalysisResult Result { get; private set; } = null!;

    /// <summary>The folder <see cref="ReportFiles.Write"/> wrote into.</summary>
    public string Folder { get; private set; } = null!;

    public string ReportPath => Path.Combine(Folder, "report.html");

    /// <summary>The folder of the report of 45 responses with every caveat.</summary>
    public string SmallFolder { get; private set; } = null!;

    /// <summary>That report as a file:// URL.</summary>
    public string SmallUrl => new Uri(Path.Combine(SmallFolder, "report.html")).AbsoluteUri;

    /// <summary>Responses in the trend report's last month: too few to compare.</summary>
    public const int TrendFewResponses = 12;

    /// <summary>The analysis of the trend report.</summary>
    public AnalysisResult TrendResult { get; private set; } = null!;

    /// <summary>The folder of the report by month, with a planted rise and a month of a few responses.</summary>
    public string TrendFolder { get; private set; } = null!;

    /// <summary>The report of <paramref name="name"/> ("main", "small" or "trend") as a file:// URL.</summary>
    public string UrlOf(string name) =>
        name switch
        {
            "small" => SmallUrl,
            "trend" => new Uri(Path.Combine(TrendFolder, "report.html")).AbsoluteUri,
            _ => Url,
        };

    /// <summary>report.html as a file:// URL, the way a manager opens an e-mailed report.</summary>
    public string Url => new Uri(ReportPath).AbsoluteUri;

    public IBrowser Browser =>
        browser ?? throw new InvalidOperationException("Chromium is not available.");

    public async Task InitializeAsync()
    {
        var path = TestSurveys.ExamplePath(SurveyId);
        var loaded = SurveyLoader.LoadFile(path);
        Survey =
            loaded.Survey
            ?? throw new InvalidOperationException(string.Join("\n", loaded.Diagnostics));
        var builder = new ResponseTableBuilder(AnalysisPlan.For(Survey));
        var line = 0L;
        foreach (
            var response in SampleGenerator.Generate(
                Survey,
                new SampleOptions(Responses, 20260105, PlantedDrivers)
            )
        )
        {
            builder.Add(response.Data, response.SubmittedAt, response.DurationMs, "sample", ++line);
        }
        Result = SurveyAnalyzer.Analyze(builder.Build());
        Folder = Path.Combine(Artifacts, SurveyId + "-report");
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
        ReportFiles.Write(Result, Folder);

        // A second report from data that provokes every caveat: 45 responses (groups too small to compare, a
        // weighting cell of a few), touchpoints that explain next to nothing.
        var small = new ResponseTableBuilder(AnalysisPlan.For(Survey));
        line = 0;
        foreach (
            var response in SampleGenerator.Generate(
                Survey,
                new SampleOptions(45, 7, new Dictionary<string, double> { ["invoice"] = 0.01 })
            )
        )
        {
            small.Add(response.Data, response.SubmittedAt, response.DurationMs, "sample", ++line);
        }
        SmallFolder = Path.Combine(Artifacts, SurveyId + "-small-report");
        if (Directory.Exists(SmallFolder))
        {
            Directory.Delete(SmallFolder, recursive: true);
        }
        ReportFiles.Write(SurveyAnalyzer.Analyze(small.Build()), SmallFolder);

        // A third report, over time: six months with a planted rise of customer service from April, and a seventh
        // month of a dozen responses (drawn and labelled, never compared), by month.
        var trend = new ResponseTableBuilder(AnalysisPlan.For(Survey));
        line = 0;
        var months = SampleGenerator
            .Generate(
                Survey,
                new SampleOptions(1800, 20260105, PlantedDrivers)
                {
                    Start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
                    End = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero),
                    Shifts =
                    [
                        new SampleShift(
                            "service",
                            1.0,
                            new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero)
                        ),
                    ],
                }
            )
            .Concat(
                SampleGenerator.Generate(
                    Survey,
                    new SampleOptions(TrendFewResponses, 20260105, PlantedDrivers)
                    {
                        Start = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero),
                        End = new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero),
                    }
                )
            );
        foreach (var response in months)
        {
            trend.Add(response.Data, response.SubmittedAt, response.DurationMs, "sample", ++line);
        }
        TrendResult = SurveyAnalyzer.Analyze(
            trend.Build(),
            new AnalysisOptions { By = TrendBy.Month }
        );
        TrendFolder = Path.Combine(Artifacts, SurveyId + "-trend-report");
        if (Directory.Exists(TrendFolder))
        {
            Directory.Delete(TrendFolder, recursive: true);
        }
        ReportFiles.Write(TrendResult, TrendFolder);

        if (!File.Exists(BrowserFactAttribute.ChromiumPath))
        {
            return;
        }
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(
            new BrowserTypeLaunchOptions
            {
                ExecutablePath = BrowserFactAttribute.ChromiumPath,
                Headless = true,
                Args = BrowserFactAttribute.ChromiumArguments,
            }
        );
    }

    /// <summary>
    /// A fresh context at <paramref name="width"/> CSS pixels with report.html (or <paramref name="url"/>) opened at
    /// <paramref name="fragment"/>, watched from before the first request, and waited for <paramref name="until"/> in the
    /// navigation itself (Playwright for .NET's WaitForLoadStateAsync can miss its event: microsoft/playwright-dotnet#3364).
    /// </summary>
    public async Task<(IBrowserContext Context, IPage Page, ReportWatch Watch)> Open(
        string fragment = "",
        int width = 1280,
        bool javaScript = true,
        string? url = null,
        WaitUntilState until = WaitUntilState.Load
    )
    {
        var context = await Browser.NewContextAsync(
            new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = width, Height = 900 },
                JavaScriptEnabled = javaScript,
            }
        );
        var page = await context.NewPageAsync();
        var watch = await ReportWatch.Start(context, page);
        await page.GotoAsync((url ?? Url) + fragment, new PageGotoOptions { WaitUntil = until });
        return (context, page, watch);
    }

    /// <summary>A copy of report.html changed by <paramref name="edit"/>, in a folder of its own (for the tests of the tests).</summary>
    public string Variant(string name, Func<string, string> edit)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Artifacts, "watch-controls")).FullName;
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, edit(File.ReadAllText(ReportPath)));
        return new Uri(path).AbsoluteUri;
    }

    /// <summary>The path of screenshot <paramref name="name"/> in <see cref="Artifacts"/>.</summary>
    public static string Artifact(string name) => Path.Combine(Artifacts, name);

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }
        playwright?.Dispose();
    }
}

[CollectionDefinition("report-browser")]
public sealed class ReportBrowserCollection : ICollectionFixture<ReportBrowser>;

/// <summary>
/// What the report did in the browser (recorded from Playwright's event threads, hence concurrent queues): every
/// request, requests that left the file system, failed requests, console errors and CSP violations.
/// </summary>
public sealed class ReportWatch
{
    private const string ViolationListener = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
          window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')));
        """;

    private readonly IPage page;

    private ReportWatch(IPage page) => this.page = page;

    public static async Task<ReportWatch> Start(IBrowserContext context, IPage page)
    {
        var watch = new ReportWatch(page);
        // Nothing may leave the machine: any http(s) request is recorded and aborted.
        await context.RouteAsync(
            url => !url.StartsWith("file:", StringComparison.Ordinal),
            async route =>
            {
                watch.Outgoing.Enqueue(route.Request.Url);
                await route.AbortAsync();
            }
        );
        // Runs before the document's own content; CSP does not apply to it (measured by the tests of the tests).
        await context.AddInitScriptAsync(ViolationListener);
        page.Request += (_, request) =>
        {
            watch.Requests.Enqueue(request.Url);
            if (
                !request.Url.StartsWith("file:", StringComparison.Ordinal)
                && !request.Url.StartsWith("data:", StringComparison.Ordinal)
            )
            {
                watch.Outgoing.Enqueue(request.Url);
            }
        };
        page.RequestFailed += (_, request) =>
            watch.Failed.Enqueue(request.Url + " " + request.Failure);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                watch.ConsoleErrors.Enqueue(message.Type + ": " + message.Text);
            }
        };
        page.PageError += (_, error) => watch.ConsoleErrors.Enqueue("page error: " + error);
        return watch;
    }

    public ConcurrentQueue<string> Requests { get; } = new();

    public ConcurrentQueue<string> Outgoing { get; } = new();

    public ConcurrentQueue<string> Failed { get; } = new();

    public ConcurrentQueue<string> ConsoleErrors { get; } = new();

    /// <summary>The securitypolicyviolation events the page saw (only with JavaScript on).</summary>
    public async Task<string[]> CspViolations() =>
        await page.EvaluateAsync<string[]>("() => window.__cspViolations ?? ['listener missing']");

    /// <summary>Everything that went wrong, one line each; empty when the page behaved.</summary>
    public async Task<IReadOnlyList<string>> Problems()
    {
        var csp = await CspViolations();
        return Outgoing
            .Select(u => "outgoing request: " + u)
            .Concat(Failed.Select(f => "failed request: " + f))
            .Concat(ConsoleErrors.Select(e => "console " + e))
            .Concat(csp.Select(v => "CSP violation: " + v))
            .Distinct()
            .ToArray();
    }
}
