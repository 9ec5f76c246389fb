using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace SurveyKit.Analysis.Tests.Report;

/// <summary>
/// report.html as a manager gets it (a file, perhaps e-mailed, perhaps with JavaScript off) in Chromium: nothing is
/// loaded from anywhere, the languages switch with links alone, charts have their numbers as text, a phone needs no
/// sideways scrolling, and screenshots go to artifacts/ for a human to look at.
/// </summary>
[Collection("report-browser")]
public sealed class HtmlReportBrowserTests(ReportBrowser fixture)
{
    [BrowserTheory]
    [InlineData("")]
    [InlineData("#en")]
    public async Task Opens_from_a_file_with_no_request_no_error_and_no_csp_violation(
        string fragment
    )
    {
        var (context, page, watch) = await fixture.Open(fragment);
        await using var _ = context;

        Assert.Empty(await watch.Problems());
        // The document itself is the only request: styles and charts are inline.
        Assert.Equal([fixture.Url], watch.Requests.Select(u => u.Split('#')[0]).Distinct());
        // "No CSP violation" only means something with a strict policy in force.
        var csp = await page.Locator("meta[http-equiv=Content-Security-Policy]")
            .GetAttributeAsync("content");
        Assert.NotNull(csp);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
        Assert.Equal(
            0,
            await page.Locator("script, link, iframe, object, embed, img").CountAsync()
        );
        var html = await File.ReadAllTextAsync(fixture.ReportPath);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.True(await page.Locator("article.report:visible h1").IsVisibleAsync());
    }

    /// <summary>The test of the test above: the watch does see what it must report.</summary>
    [BrowserFact]
    public async Task The_watch_sees_csp_violations_failed_and_outgoing_requests()
    {
        const string external = "https://example.invalid/pixel.png";
        var strict = fixture.Variant(
            "variant-csp.html",
            html => html.Replace("<main>", $"<main><img src=\"{external}\" alt=\"\">")
        );
        var (context, page, watch) = await fixture.Open(url: strict);
        await using (context)
        {
            Assert.Contains(await watch.CspViolations(), v => v.Contains(external));
            Assert.Contains(watch.ConsoleErrors, e => e.Contains("Content Security Policy"));
        }

        var open = fixture.Variant(
            "variant-open.html",
            html =>
                html.Replace("http-equiv=\"Content-Security-Policy\"", "name=\"no-csp\"")
                    .Replace(
                        "<main>",
                        $"<main><img src=\"missing.png\" alt=\"\"><img src=\"{external}\" alt=\"\">"
                    )
        );
        (context, page, watch) = await fixture.Open(url: open, until: WaitUntilState.NetworkIdle);
        await using (context)
        {
            Assert.Contains(watch.Outgoing, u => u == external);
            Assert.Contains(watch.Failed, f => f.Contains("missing.png"));
            Assert.Contains(await watch.Problems(), p => p.StartsWith("outgoing request"));
        }
    }

    [BrowserFact]
    public async Task A_link_to_a_section_opens_the_report_in_its_language_at_that_section()
    {
        // A link someone shares ("see report.html#en-quality"), opened fresh, not clicked inside the report.
        var (context, page, _) = await fixture.Open("#en-quality", javaScript: false);
        await using var _ = context;
        Assert.False(await page.Locator("article#nl").IsVisibleAsync());
        Assert.True(await page.Locator("article#en").IsVisibleAsync());
        var heading = page.Locator("#en-quality");
        await Assertions.Expect(heading).ToBeInViewportAsync();
    }

    [BrowserFact]
    public async Task Languages_switch_with_links_alone_when_javascript_is_off()
    {
        var (context, page, watch) = await fixture.Open(javaScript: false);
        await using var _ = context;
        var nl = page.Locator("article#nl");
        var en = page.Locator("article#en");
        var englishTitle = fixture.Survey.Title!["en"];
        var dutchTitle = fixture.Survey.Title!["nl"];
        Assert.Equal(0, await page.Locator("script").CountAsync()); // no script to lean on

        // By default the first language, and only that.
        Assert.True(await nl.IsVisibleAsync());
        Assert.False(await en.IsVisibleAsync());
        Assert.StartsWith(dutchTitle, await page.Locator("h1:visible").InnerTextAsync());

        await page.Locator("nav.langs")
            .GetByRole(AriaRole.Link, new() { Name = "English" })
            .ClickAsync();
        Assert.EndsWith("#en", page.Url, StringComparison.Ordinal);
        Assert.False(await nl.IsVisibleAsync());
        Assert.True(await en.IsVisibleAsync());
        var h1 = page.Locator("h1:visible");
        Assert.Equal(1, await h1.CountAsync());
        Assert.Equal(await en.Locator("h1").InnerTextAsync(), await h1.InnerTextAsync());
        Assert.StartsWith(englishTitle, await h1.InnerTextAsync());

        // A table-of-contents link inside the English report targets a heading, not the article: English stays.
        var toc = en.Locator(".toc a[href='#en-drivers']");
        Assert.True(await toc.IsVisibleAsync());
        await toc.ClickAsync();
        Assert.EndsWith("#en-drivers", page.Url, StringComparison.Ordinal);
        Assert.False(await nl.IsVisibleAsync());
        Assert.True(await en.IsVisibleAsync());
        var heading = page.Locator("#en-drivers");
        Assert.True(await heading.IsVisibleAsync());
        Assert.True(
            await heading.EvaluateAsync<bool>(
                "h => { const r = h.getBoundingClientRect(); return r.top >= -1 && r.top < innerHeight; }"
            ),
            "the TOC link did not scroll to its heading"
        );

        // And back to Dutch.
        await page.Locator("nav.langs")
            .GetByRole(AriaRole.Link, new() { Name = "Nederlands" })
            .ClickAsync();
        Assert.True(await nl.IsVisibleAsync());
        Assert.False(await en.IsVisibleAsync());
        Assert.Empty(watch.ConsoleErrors);
    }

    [BrowserFact]
    public async Task Every_chart_is_a_titled_image_with_its_numbers_in_a_table_and_every_table_has_headers()
    {
        var (context, page, _) = await fixture.Open();
        await using var _ = context;

        var counts = await page.EvaluateAsync<int[]>(
            "() => ['nl', 'en'].map(l => document.querySelectorAll(`#${l} svg`).length)"
        );
        // nps, a segment, drivers, importance-performance, what-if, competitors: in both languages.
        Assert.True(counts[0] >= 6, $"only {counts[0]} charts in the Dutch report");
        Assert.Equal(counts[0], counts[1]);
        Assert.Equal(counts.Sum(), await page.Locator("svg").CountAsync());

        var problems = await page.EvaluateAsync<string[]>(StructuralChecks);
        Assert.True(problems.Length == 0, string.Join("\n", problems));
    }

    [BrowserTheory]
    [InlineData("")]
    [InlineData("#en")]
    public async Task A_phone_needs_no_sideways_scrolling(string fragment)
    {
        const int phone = 375;
        var (context, page, _) = await fixture.Open(fragment, phone);
        await using var _ = context;

        var width = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        var culprits = await page.EvaluateAsync<string[]>(
            """
            w => [...document.querySelectorAll('article.report *')]
              .filter(e => e.getClientRects().length && !e.closest('.table-wrap') && e.getBoundingClientRect().right > w + 1)
              .map(e => e.tagName.toLowerCase() + '.' + e.className + ' ' + (e.textContent || '').trim().slice(0, 60) + ' right=' + Math.round(e.getBoundingClientRect().right))
              .slice(0, 10)
            """,
            phone
        );
        Assert.True(
            width <= phone + 1,
            $"page is {width}px wide at {phone}px:\n" + string.Join("\n", culprits)
        );
        // Wide tables scroll inside their wrapper instead of widening the page.
        var wraps = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('article.report .table-wrap')]
              .filter(w => w.getClientRects().length && w.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
              .map(w => w.querySelector('caption').textContent)
            """
        );
        Assert.Empty(wraps);
    }

    [BrowserTheory]
    [InlineData("")]
    [InlineData("#en")]
    public async Task On_a_desktop_no_table_scrolls_sideways(string fragment)
    {
        var (context, page, _) = await fixture.Open(fragment, 1280);
        await using var _ = context;

        var wide = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('article.report .table-wrap')]
              .filter(w => w.getClientRects().length && w.scrollWidth > w.clientWidth + 1)
              .map(w => w.querySelector('caption').textContent + ': ' + w.scrollWidth + 'px in ' + w.clientWidth + 'px')
            """
        );

        Assert.True(
            wide.Length == 0,
            "tables wider than the page at 1280px:\n" + string.Join("\n", wide)
        );
    }

    /// <summary>
    /// At 1280 px every chart label is readable (12 px or more on screen), inside its chart, and clear of the other
    /// labels and of the points: overlapping text is the first thing a manager notices.
    /// </summary>
    [BrowserTheory]
    [InlineData("")]
    [InlineData("#en")]
    public async Task Chart_labels_are_readable_inside_their_chart_and_do_not_overlap(
        string fragment
    )
    {
        var (context, page, _) = await fixture.Open(fragment, 1280);
        await using var _ = context;

        var problems = await page.EvaluateAsync<string[]>(LabelChecks);

        Assert.True(problems.Length == 0, string.Join("\n", problems));
    }

    [BrowserTheory]
    [InlineData("nl", 1280)]
    [InlineData("en", 1280)]
    [InlineData("nl", 375)]
    public async Task Full_page_screenshots_go_to_artifacts(string lang, int width)
    {
        var (context, page, _) = await fixture.Open(lang == "nl" ? "" : "#" + lang, width);
        await using var _ = context;
        var path = ReportBrowser.Artifact($"report-{lang}-{width}.png");
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        await page.ScreenshotAsync(new() { Path = path, FullPage = true });

        Assert.True(new FileInfo(path).Length > 10_000, path + " is (nearly) empty");
    }

    /// <summary>
    /// Size, clipping and overlap of the text in the visible charts, measured on screen (so rotated labels count as
    /// drawn).
    /// </summary>
    internal const string LabelChecks = """
        () => {
          const problems = [];
          const overlap = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
          for (const svg of document.querySelectorAll('article.report svg')) {
            if (!svg.getClientRects().length) continue;
            const name = svg.querySelector('title').textContent;
            const chart = svg.getBoundingClientRect();
            const scale = chart.width / svg.viewBox.baseVal.width;
            const texts = [...svg.querySelectorAll('text')].map(t => ({ text: '"' + t.textContent + '"', box: t.getBoundingClientRect(), size: +t.getAttribute('font-size') * scale }));
            const dots = [...svg.querySelectorAll('circle')].map(c => ({ text: 'a point', box: c.getBoundingClientRect() }));
            for (const [i, a] of texts.entries()) {
              if (a.size < 12) problems.push(`${name}: ${a.text} is ${a.size.toFixed(1)}px on screen`);
              const b = a.box;
              if (b.left < chart.left - 1 || b.top < chart.top - 1 || b.right > chart.right + 1 || b.bottom > chart.bottom + 1)
                problems.push(`${name}: ${a.text} falls outside the chart`);
              for (const other of [...texts.slice(i + 1), ...dots]) {
                if (overlap(a.box, other.box)) problems.push(`${name}: ${a.text} overlaps ${other.text}`);
              }
            }
          }
          return problems;
        }
        """;

    /// <summary>
    /// Charts: svg[role=img] with a title, in a figure with a caption, followed by a table that holds every number
    /// the chart writes (axis ticks aside), so a screen reader or a copy-paste gets them too. Tables: a caption, a
    /// scope on every header, a row header on every row.
    /// </summary>
    internal const string StructuralChecks = """
        () => {
          const problems = [];
          const where = el => (el.closest('article')?.id ?? '?') + '/' + (el.closest('section')?.getAttribute('aria-labelledby') ?? '?');
          // Numbers as written: 7,4 / 7.4 / -12 / +4,1 / 23% / 1.234 (thousands). Signs and % are dropped for the match.
          const numbers = text => (text.match(/\d+(?:[.,]\d+)*/g) ?? []);
          for (const svg of document.querySelectorAll('svg')) {
            const at = where(svg);
            if (svg.getAttribute('role') !== 'img') problems.push(at + ': svg without role=img');
            const title = svg.querySelector(':scope > title');
            if (!title || !title.textContent.trim()) problems.push(at + ': svg without a title');
            const figure = svg.parentElement;
            if (figure.tagName !== 'FIGURE') { problems.push(at + ': svg outside a figure'); continue; }
            const caption = figure.querySelector(':scope > figcaption');
            if (!caption || !caption.textContent.trim()) problems.push(at + ': figure without a figcaption');
            const next = figure.nextElementSibling;
            const table = next?.matches('.table-wrap') ? next.querySelector('table') : null;
            if (!table) { problems.push(at + ': chart "' + title?.textContent + '" not followed by a table'); continue; }
            // Cell by cell: textContent runs neighbouring cells together ("978" + "17%" reads as 97817).
            const cells = [...table.querySelectorAll('caption, th, td')].map(c => c.textContent);
            const written = new Set(numbers(cells.join(' ') + ' ' + (caption?.textContent ?? '')));
            for (const text of svg.querySelectorAll('text')) {
              if (text.getAttribute('fill') === '#505a5f') continue; // muted: axis ticks and quadrant names
              for (const n of numbers(text.textContent)) {
                if (!written.has(n)) problems.push(at + ': chart "' + title.textContent + '" shows ' + text.textContent + ' but its table does not have ' + n);
              }
            }
          }
          for (const table of document.querySelectorAll('table')) {
            const at = where(table);
            const caption = table.querySelector(':scope > caption');
            if (!caption || !caption.textContent.trim()) problems.push(at + ': table without a caption');
            for (const th of table.querySelectorAll('thead th')) {
              if (th.getAttribute('scope') !== 'col') problems.push(at + ': column header without scope=col: ' + th.textContent);
            }
            if (!table.querySelector('thead th')) problems.push(at + ': table without column headers');
            for (const row of table.querySelectorAll('tbody tr')) {
              const first = row.cells[0];
              if (first?.tagName !== 'TH' || first.getAttribute('scope') !== 'row') problems.push(at + ': row without a row header: ' + row.textContent.slice(0, 40));
            }
            if (table.querySelector('tbody th:not([scope])')) problems.push(at + ': th without scope');
          }
          return problems;
        }
        """;
}
