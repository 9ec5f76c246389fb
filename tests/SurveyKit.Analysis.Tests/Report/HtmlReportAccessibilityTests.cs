using System.Linq;
using System.Threading.Tasks;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace SurveyKit.Analysis.Tests.Report;

/// <summary>
/// report.html in each language view, on a desktop and a phone: axe with the WCAG 2.1 A/AA and best-practice rules
/// finds nothing. axe skips what is hidden, so each view is checked with its own article on screen.
/// </summary>
[Collection("report-browser")]
public sealed class HtmlReportAccessibilityTests(ReportBrowser fixture)
{
    private static readonly AxeRunOptions Axe = new()
    {
        RunOnly = RunOnlyOptions.Tags("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"),
    };

    [BrowserTheory]
    [InlineData("nl", 1280)]
    [InlineData("nl", 375)]
    [InlineData("en", 1280)]
    [InlineData("en", 375)]
    public async Task Each_language_view_passes_axe(string lang, int width)
    {
        var fragment = lang == "nl" ? "" : "#" + lang; // the first language is the default view
        var (context, page, _) = await fixture.Open(fragment, width);
        await using var _ = context;
        Assert.True(await page.Locator($"article#{lang}").IsVisibleAsync(), lang + " not shown");
        Assert.Equal(1, await page.Locator("article.report:visible").CountAsync());

        var result = await page.RunAxe(Axe);

        Assert.True(result.Passes.Length > 0, "axe ran no rule");
        Assert.True(
            result.Violations.Length == 0,
            $"{lang} at {width}px:\n"
                + string.Join(
                    "\n",
                    result.Violations.Select(v =>
                        $"{v.Id} ({v.Impact}): {v.Help}\n    "
                        + string.Join(
                            "\n    ",
                            v.Nodes.Take(5)
                                .Select(n =>
                                    n.Target + " " + n.Html[..System.Math.Min(120, n.Html.Length)]
                                )
                        )
                    )
                )
        );
    }
}
