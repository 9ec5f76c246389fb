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
        Assert.Contains(dutchTitle, await page.Locator("h1:visible").InnerTextAsync());

        await page.Locator("nav.langs")
            .GetByRole(AriaRole.Link, new() { Name = "English" })
            .ClickAsync();
        Assert.EndsWith("#en", page.Url, StringComparison.Ordinal);
        Assert.False(await nl.IsVisibleAsync());
        Assert.True(await en.IsVisibleAsync());
        var h1 = page.Locator("h1:visible");
        Assert.Equal(1, await h1.CountAsync());
        Assert.Equal(await en.Locator("h1").InnerTextAsync(), await h1.InnerTextAsync());
        Assert.Contains(englishTitle, await h1.InnerTextAsync());

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
            "() => ['nl', 'en'].map(l => document.querySelectorAll(`#${l} figure.chart`).length)"
        );
        // nps, a segment, drivers, importance-performance, what-if, competitors: in both languages.
        Assert.True(counts[0] >= 6, $"only {counts[0]} charts in the Dutch report");
        Assert.Equal(counts[0], counts[1]);
        Assert.Equal(counts.Sum(), await page.Locator("figure.chart").CountAsync());

        var problems = await page.EvaluateAsync<string[]>(StructuralChecks);
        Assert.True(problems.Length == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// At phone width and at desktop width nothing is wider than the window: not the page, not a figure, not a table
    /// (wide tables turn into a card per row on a phone), and no chart needs a sideways scroll.
    /// </summary>
    [BrowserTheory]
    [InlineData("", 320, "main")]
    [InlineData("", 375, "main")]
    [InlineData("#en", 375, "main")]
    [InlineData("", 1280, "main")]
    [InlineData("#en", 1280, "main")]
    [InlineData("", 320, "small")]
    [InlineData("#en", 375, "small")]
    [InlineData("", 1280, "small")]
    [InlineData("", 320, "trend")]
    [InlineData("#en", 375, "trend")]
    [InlineData("", 1280, "trend")]
    public async Task Nothing_is_wider_than_the_window(string fragment, int width, string report)
    {
        var (context, page, _) = await fixture.Open(fragment, width, url: fixture.UrlOf(report));
        await using var _ = context;

        var scroll = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        var culprits = await page.EvaluateAsync<string[]>(
            """
            w => [...document.querySelectorAll('article.report *')]
              // Visually hidden elements (a phone card table's header, 1px and clipped) are read, not seen.
              .filter(e => e.getClientRects().length && e.getBoundingClientRect().width > 1 && (e.getBoundingClientRect().right > w + 1 || e.getBoundingClientRect().left < -1 || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible' && !e.matches('.stack span')))
              .map(e => e.tagName.toLowerCase() + '.' + e.className + ' ' + (e.textContent || '').trim().slice(0, 60) + ' right=' + Math.round(e.getBoundingClientRect().right) + ' scroll=' + e.scrollWidth + '/' + e.clientWidth)
              .slice(0, 10)
            """,
            width
        );
        Assert.True(
            scroll <= width + 1 && culprits.Length == 0,
            $"page is {scroll}px wide at {width}px:\n" + string.Join("\n", culprits)
        );
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
    /// At phone and desktop width every chart label is readable (10 px or more on a phone, 12 on a desktop), whole,
    /// inside its chart, and clear of the other labels, the bars and the points: overlapping or cut text is the first
    /// thing a manager notices.
    /// </summary>
    [BrowserTheory]
    [InlineData("", 320, "main")]
    [InlineData("", 375, "main")]
    [InlineData("#en", 375, "main")]
    [InlineData("", 1280, "main")]
    [InlineData("#en", 1280, "main")]
    [InlineData("", 320, "small")]
    [InlineData("#en", 1280, "small")]
    [InlineData("", 320, "trend")]
    [InlineData("#en", 375, "trend")]
    [InlineData("", 1280, "trend")]
    [InlineData("#en", 1280, "trend")]
    public async Task Chart_labels_are_readable_inside_their_chart_and_do_not_overlap(
        string fragment,
        int width,
        string report
    )
    {
        var (context, page, _) = await fixture.Open(fragment, width, url: fixture.UrlOf(report));
        await using var _ = context;

        var problems = await page.EvaluateAsync<string[]>(LabelChecks, width < 600 ? 10 : 12);

        Assert.True(problems.Length == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// The trend as a manager sees it on a phone and a desktop: a dot per month with its band, the month of a dozen
    /// responses an open dot with its n, the planted rise of customer service marked in the NPS line and in its small
    /// multiple, the month labels thinned on a phone (never overlapping), and a screenshot of the section to look at.
    /// </summary>
    [BrowserTheory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task The_trend_shows_every_month_its_band_the_few_and_the_planted_rise(int width)
    {
        var (context, page, _) = await fixture.Open("#en", width, url: fixture.UrlOf("trend"));
        await using var _ = context;
        var months = fixture.TrendResult.Trend!.Periods.Count;
        Assert.Equal(7, months);

        var nps = page.Locator("#en figure.chart")
            .Filter(new() { HasText = "NPS per month" })
            .First;
        Assert.Equal(months, await nps.Locator(".pt").CountAsync());
        Assert.Equal(1, await nps.Locator(".pt.few").CountAsync());
        Assert.Equal(
            $"n = {ReportBrowser.TrendFewResponses}",
            (await nps.Locator(".pt-note").InnerTextAsync()).Trim()
        );
        Assert.True(await nps.Locator("polygon.band").CountAsync() >= 1);
        // The rise from March to April is planted: its mark is drawn, and nothing falls.
        Assert.True(await nps.Locator(".mark-up").IsVisibleAsync());
        Assert.Equal(0, await nps.Locator(".mark-down").CountAsync());
        var shown = await nps.Locator(".periods span:visible").CountAsync();
        Assert.True(
            width < 600 ? shown <= 5 : shown == months,
            $"{shown} month labels at {width}px"
        );

        var service = page.Locator("#en .multiple").Filter(new() { HasText = "Customer service" });
        Assert.True(await service.Locator(".mark-up").CountAsync() == 1);
        var others = page.Locator("#en .multiple")
            .Filter(new() { HasNotText = "Customer service" });
        Assert.Equal(0, await others.Locator(".mark-up, .mark-down").CountAsync());

        var section = page.Locator("#en section[aria-labelledby=en-trend]");
        var path = ReportBrowser.Artifact($"trend-en-{width}.png");
        await section.ScreenshotAsync(new() { Path = path });
        Assert.True(new FileInfo(path).Length > 10_000, path + " is (nearly) empty");
    }

    [BrowserTheory]
    [InlineData("nl", 1280)]
    [InlineData("en", 1280)]
    [InlineData("nl", 375)]
    [InlineData("en", 375)]
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
    /// Size, clipping and overlap of the text in the visible charts, measured on screen (so a scaled SVG counts as
    /// drawn): every text at least <c>minimum</c> px, whole (not cut by its box), inside its figure and the window,
    /// and clear of the other texts and of the marks (bars, dots, points) of its chart. A label holding a value is one
    /// text; a number inside its own point is the point's.
    /// </summary>
    internal const string LabelChecks = """
        minimum => {
          const problems = [];
          const overlap = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
          const size = e => {
            const svg = e.closest('svg');
            const px = parseFloat(getComputedStyle(e).fontSize);
            return svg ? px * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : px;
          };
          const textBox = e => {
            if (e.closest('svg')) return e.getBoundingClientRect();
            const range = document.createRange();
            range.selectNodeContents(e);
            return range.getBoundingClientRect();
          };
          for (const figure of document.querySelectorAll('article.report figure.chart')) {
            if (!figure.getClientRects().length) continue;
            const name = figure.querySelector('figcaption').textContent;
            const box = figure.getBoundingClientRect();
            const texts = [...figure.querySelectorAll('.label, .value, .axis span, .stack span, .legend li, svg text:not(.ipa-n), .periods span, .ytick, .pt-note, .mark, .m-head')]
              .filter(e => e.textContent.trim() && e.getClientRects().length)
              .map(e => ({ e, text: '"' + e.textContent.trim() + '"', box: textBox(e) }));
            // Numbered points: never on top of each other, and on the side of both crosshair lines where they belong.
            const svg = figure.querySelector('svg.ipa');
            if (svg) {
              const [vertical, horizontal] = [...svg.querySelectorAll('.ipa-cross')];
              const cx = +vertical.getAttribute('x1'), cy = +horizontal.getAttribute('y1');
              const points = [...svg.querySelectorAll('circle.ipa-pt')];
              for (const [i, c] of points.entries()) {
                const [px, py] = c.dataset.at.split(' ').map(Number), x = +c.getAttribute('cx'), y = +c.getAttribute('cy');
                const side = (p, q, line) => Math.abs(p - line) < 0.5 || Math.sign(p - line) === Math.sign(q - line);
                if (!side(px, x, cx) || !side(py, y, cy)) problems.push(`${name}: point ${i + 1} is drawn in another quadrant than it belongs to`);
                for (const other of points.slice(i + 1)) {
                  if (Math.hypot(x - other.getAttribute('cx'), y - other.getAttribute('cy')) < 2 * +c.getAttribute('r') - 0.5) problems.push(`${name}: points ${i + 1} and ${points.indexOf(other) + 1} overlap`);
                }
              }
            }
            const marks = [...figure.querySelectorAll('.chart-bars .bar, .centred .bar, .dot, svg circle, .pt')]
              .filter(e => e.getClientRects().length)
              .map(e => ({ e, text: 'a ' + (e.getAttribute('class') || e.tagName), box: e.getBoundingClientRect() }));
            for (const [i, a] of texts.entries()) {
              const px = size(a.e);
              if (px < minimum - 0.05) problems.push(`${name}: ${a.text} is ${px.toFixed(1)}px on screen`);
              const b = a.box;
              if (b.left < box.left - 1 || b.right > box.right + 1 || b.right > innerWidth || b.left < 0)
                problems.push(`${name}: ${a.text} falls outside the chart (${Math.round(b.left)}..${Math.round(b.right)} of ${Math.round(box.left)}..${Math.round(box.right)})`);
              if (!a.e.closest('svg') && a.e.scrollWidth > a.e.clientWidth + 1 && a.e.matches('.stack span'))
                problems.push(`${name}: ${a.text} is cut off`);
              for (const other of [...texts.slice(i + 1), ...marks]) {
                if (a.e.contains(other.e) || other.e.contains(a.e)) continue;
                if (a.e.matches('.stack span') && other.e.matches('.stack span')) continue; // parts that touch
                if (overlap(a.box, other.box)) problems.push(`${name}: ${a.text} overlaps ${other.text}`);
              }
            }
          }
          return problems;
        }
        """;

    /// <summary>
    /// Charts: a figure with a caption, followed by a table that holds every number the chart writes (axis ticks and
    /// the numbers of points aside), so a screen reader or a copy-paste gets them too; an SVG is role=img with a title.
    /// Tables: a caption, a scope on every header, a row header on every row.
    /// </summary>
    internal const string StructuralChecks = """
        () => {
          const problems = [];
          const where = el => (el.closest('article')?.id ?? '?') + '/' + (el.closest('section')?.getAttribute('aria-labelledby') ?? '?');
          // Numbers as written: 7,4 / 7.4 / -12 / +4,1 / 23% / 1.234 (thousands). Signs and % are dropped for the match.
          const numbers = text => (text.match(/\d+(?:[.,]\d+)*/g) ?? []);
          for (const figure of document.querySelectorAll('figure.chart')) {
            const at = where(figure);
            const caption = figure.querySelector(':scope > figcaption');
            if (!caption || !caption.textContent.trim()) { problems.push(at + ': figure without a figcaption'); continue; }
            for (const lines of figure.querySelectorAll('.lines')) {
              if (lines.getAttribute('role') !== 'img' || !lines.getAttribute('aria-label')?.trim()) problems.push(at + ': a line chart without role=img and a label');
            }
            // An SVG inside a line chart or a legend is drawing only (aria-hidden); the rest are images with a title.
            for (const svg of figure.querySelectorAll('svg:not([aria-hidden=true])')) {
              if (svg.getAttribute('role') !== 'img') problems.push(at + ': svg without role=img');
              const title = svg.querySelector(':scope > title');
              if (!title || !title.textContent.trim()) problems.push(at + ': svg without a title');
            }
            const next = figure.nextElementSibling;
            const table = next?.matches('.table-wrap') ? next.querySelector('table') : null;
            if (!table) { problems.push(at + ': chart "' + caption.textContent + '" not followed by a table'); continue; }
            // Cell by cell: textContent runs neighbouring cells together ("978" + "17%" reads as 97817).
            const cells = [...table.querySelectorAll('caption, th, td')].map(c => c.textContent);
            const written = new Set(numbers(cells.join(' ') + ' ' + caption.textContent));
            for (const text of figure.querySelectorAll('.value, .stack span, .label')) {
              for (const n of numbers(text.textContent)) {
                if (!written.has(n)) problems.push(at + ': chart "' + caption.textContent + '" shows ' + text.textContent + ' but its table does not have ' + n);
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
