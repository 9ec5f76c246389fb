using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace SurveyKit.Site.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (which cannot download a browser here). Launched once for the browser
/// tests; the tests are skipped, and say so, on a machine without /usr/bin/chromium (.ci/run installs it).
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = SurveyKit.Tests.Shared.BrowserFactAttribute.ChromiumPath;

    public static bool Available => File.Exists(ChromiumPath);

    private IPlaywright? playwright;

    public IBrowser Instance { get; private set; } = null!;

    /// <summary>Where screenshots go: a folder beside the test assembly that CI keeps as an artifact.</summary>
    public static string Artifacts { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts");

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            return;
        }
        Directory.CreateDirectory(Artifacts);
        playwright = await Playwright.CreateAsync();
        Instance = await playwright.Chromium.LaunchAsync(
            new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = BrowserFactAttribute.ChromiumArguments,
            }
        );
    }

    public async Task DisposeAsync()
    {
        if (Instance is not null)
        {
            await Instance.CloseAsync();
        }
        playwright?.Dispose();
    }
}

/// <summary>The browser and the example site on a local host, shared by the browser tests.</summary>
public sealed class BrowserSite : IAsyncLifetime
{
    public Browser Browser { get; } = new();

    public TestSite Site { get; private set; } = null!;

    public SiteHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        // The examples, and a survey with a rating scale of every length, for the layout of scales.
        Site = new TestSite([.. TestSite.Examples(), TestSite.Parse(ScaleLayoutTests.Scales)]);
        Host = await SiteHost.Start(Site.Folder, Site.Surveys);
    }

    /// <summary>
    /// A fresh context (no storage shared between tests) at <paramref name="width"/> CSS pixels, opened at
    /// <paramref name="path"/> and waited for <paramref name="until"/> (in the navigation itself: a later
    /// WaitForLoadStateAsync can miss its event, see PageWaits).
    /// </summary>
    public async Task<(IBrowserContext Context, IPage Page, PageWatch Watch)> Open(
        string path,
        int width = 1280,
        bool javaScript = true,
        WaitUntilState until = WaitUntilState.Load
    )
    {
        var context = await Browser.Instance.NewContextAsync(
            new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = width, Height = 900 },
                JavaScriptEnabled = javaScript,
            }
        );
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page, Host.Url);
        await page.GotoAsync(Host.Url + path, new PageGotoOptions { WaitUntil = until });
        return (context, page, watch);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Site.Dispose();
        await Browser.DisposeAsync();
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserSite>;

/// <summary>
/// What a page did (recorded from Playwright's event threads, hence concurrent queues): requests to other origins, console errors (CSP violations among them), cookies set.</summary>
public sealed class PageWatch
{
    public PageWatch(IPage page, string origin)
    {
        page.Request += (_, request) =>
        {
            Requests.Enqueue(request.Url);
            if (
                !request.Url.StartsWith(origin, StringComparison.Ordinal)
                && !request.Url.StartsWith("data:", StringComparison.Ordinal)
            )
            {
                ThirdParty.Enqueue(request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Enqueue(message.Text);
            }
        };
        page.PageError += (_, error) => ConsoleErrors.Enqueue("page error: " + error);
        page.Response += async (_, response) =>
        {
            var headers = await response.AllHeadersAsync();
            if (headers.ContainsKey("set-cookie"))
            {
                Cookies.Enqueue(response.Url);
            }
        };
        page.Dialog += async (_, dialog) =>
        {
            Dialogs.Enqueue(dialog.Message);
            await dialog.DismissAsync();
        };
    }

    public ConcurrentQueue<string> Requests { get; } = new();
    public ConcurrentQueue<string> ThirdParty { get; } = new();
    public ConcurrentQueue<string> ConsoleErrors { get; } = new();
    public ConcurrentQueue<string> Cookies { get; } = new();
    public ConcurrentQueue<string> Dialogs { get; } = new();
}
