using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace SurveyKit.Site.Tests;

/// <summary>
/// A survey whose every text is an attack (TestData/xss.survey.yaml) is built and opened: nothing runs, nothing is
/// loaded from elsewhere, and every attack is shown as the text it is.
/// </summary>
public sealed class SecurityTests(XssSite fixture) : IClassFixture<XssSite>
{
    private TestSite Site => fixture.Site;
    private SiteHost Host => fixture.Host;
    private Browser Browser => fixture.Browser;

    [Fact]
    public void The_built_pages_hold_no_markup_from_the_survey()
    {
        foreach (
            var file in Site.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal))
        )
        {
            var html = System.Text.Encoding.UTF8.GetString(file.Content);
            Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<iframe", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
            // An attribute cannot be closed from a text: quotes arrive escaped.
            Assert.DoesNotContain("\" autofocus", html, StringComparison.Ordinal);
            Assert.DoesNotContain("' onmouseover='", html, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"javascript:", html, StringComparison.Ordinal);
            Assert.DoesNotContain("evil.example/logo.png", html, StringComparison.Ordinal);
        }
    }

    [BrowserTheory]
    [InlineData("/xss/?segment=b2b")]
    [InlineData("/xss/nl/?segment=b2b")]
    [InlineData("/xss/thanks.html")]
    [InlineData("/xss/nl/thanks.html")]
    [InlineData("/")]
    public async Task Nothing_in_any_text_runs_or_loads_and_each_attack_shows_as_text(string path)
    {
        await using var context = await Browser.Instance.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page, Host.Url);
        await page.GotoAsync(Host.Url + path);
        // Give handlers a chance: hover and click everything, focus every field, choose the option that reveals q5.
        foreach (
            var element in await page.Locator(
                    "label:not([for=sk-hp]), legend, h1, h2, p, a:not([href^=http])"
                )
                .AllAsync()
        )
        {
            if (await element.IsVisibleAsync())
            {
                await element.HoverAsync(new() { Force = true });
            }
        }
        if (path.Contains('?', StringComparison.Ordinal))
        {
            await page.CheckAsync("#q2-a");
            Assert.True(await page.Locator("#q-q5").IsVisibleAsync());
            await page.CheckAsync("#q3-web-3");
        }
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
        Assert.Empty(watch.Dialogs);
        Assert.Empty(watch.ThirdParty);
        Assert.True(watch.ConsoleErrors.IsEmpty, string.Join("\n", watch.ConsoleErrors));
        var found = await page.EvaluateAsync<string[]>(
            """
            () => {
              const bad = [];
              for (const s of document.scripts) if (!s.src || new URL(s.src).origin !== location.origin) bad.push('script ' + s.outerHTML);
              for (const el of document.querySelectorAll('*')) {
                for (const a of el.attributes) if (a.name.startsWith('on')) bad.push('handler ' + a.name + ' on ' + el.tagName);
                if (['IMG', 'SVG', 'IFRAME', 'STYLE', 'OBJECT', 'EMBED', 'MARQUEE', 'B', 'U'].includes(el.tagName.toUpperCase())) bad.push('element ' + el.tagName);
              }
              for (const a of document.querySelectorAll('a[href]')) if (!/^(https?:|mailto:|\/)/.test(a.getAttribute('href'))) bad.push('link ' + a.getAttribute('href'));
              return bad;
            }
            """
        );
        Assert.True(found.Length == 0, string.Join("\n", found));
        if (path == "/xss/?segment=b2b")
        {
            Assert.Equal("<script>window.__xss=1</script>Title", await page.InnerTextAsync("h1"));
            Assert.Contains("{{ 7 * 7 }}", await page.ContentAsync(), StringComparison.Ordinal);
            Assert.Equal(
                "https://example.org/a?b=1&c=2",
                await page.GetAttributeAsync(".sk-intro a", "href")
            );
        }
    }
}

/// <summary>The attack survey, built, hosted and opened in one browser for all of <see cref="SecurityTests"/>.</summary>
public sealed class XssSite : IAsyncLifetime
{
    public TestSite Site { get; private set; } = null!;
    public SiteHost Host { get; private set; } = null!;
    public Browser Browser { get; } = new();

    public async Task InitializeAsync()
    {
        Site = new TestSite([
            TestSite.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "xss.survey.yaml")),
        ]);
        Host = await SiteHost.Start(Site.Folder, Site.Surveys);
        await Browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Host.DisposeAsync();
        Site.Dispose();
    }
}
