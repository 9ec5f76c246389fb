using System.Linq;
using System.Threading.Tasks;

namespace SurveyKit.Site.Tests;

/// <summary>
/// The scales on a phone and on a desktop (issue 12): every point of a scale is a cell of the same width, at least
/// 44 by 44 px; the end labels sit at their ends (the low one flush with the first cell, the high one with the last);
/// one row where it fits, two rows (first half on top) where it does not; and nothing is wider than the window. All
/// pages of every example, with JavaScript off so that every page is on screen.
/// </summary>
[Collection("browser")]
public sealed class ScaleLayoutTests(BrowserSite fixture)
{
    /// <summary>A rating scale of every length SurveyKit allows (2 to 11 points), each with end labels.</summary>
    public static readonly string Scales =
        "survey: scales\nversion: 1\nlanguages: [en]\ntitle: Scales\nquestions:\n"
        + string.Concat(
            Enumerable
                .Range(2, 10)
                .Select(n =>
                    $"  - id: r{n}\n    type: rating\n    scale: {{ min: 1, max: {n} }}\n    text: {n} points\n"
                    + $"    labels:\n      1: Not at all\n      {n}: Completely\n"
                )
        );

    public static TheoryData<string, string, int> Pages()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var survey in TestSite.Examples().Append(TestSite.Parse(Scales)))
        {
            foreach (var width in new[] { 320, 375, 768, 1280 })
            {
                data.Add(survey.Id, survey.Languages[0], width);
            }
        }
        return data;
    }

    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public async Task Scales_have_equal_cells_of_44_px_with_their_end_labels_at_the_ends(
        string survey,
        string lang,
        int width
    )
    {
        var folder = TestSite.PageFolder(fixture.Site.Surveys.Single(s => s.Id == survey), lang);
        var (context, page, _) = await fixture.Open("/" + folder, width, javaScript: false);
        await using var _ = context;

        var problems = await page.EvaluateAsync<string[]>(Checks, width);

        Assert.True(problems.Length == 0, string.Join("\n", problems));
        Assert.True(await page.Locator(".sk-scale-box").CountAsync() > 0, "no scale on " + folder);
    }

    private const string Checks = """
        width => {
          const problems = [];
          if (document.scrollingElement.scrollWidth > width + 1) problems.push(`the page is ${document.scrollingElement.scrollWidth}px wide`);
          for (const box of document.querySelectorAll('.sk-scale-box')) {
            const name = box.querySelector('input').name;
            const cells = [...box.querySelectorAll('.sk-scale > .sk-pt > label')].map(l => l.getBoundingClientRect());
            const widths = cells.map(c => c.width);
            if (Math.max(...widths) - Math.min(...widths) > 1) problems.push(`${name}: cells of ${Math.min(...widths).toFixed(1)} to ${Math.max(...widths).toFixed(1)}px`);
            for (const c of cells) {
              if (c.width < 44 || c.height < 44) { problems.push(`${name}: a cell of ${c.width.toFixed(1)}x${c.height.toFixed(1)}px`); break; }
              if (c.right > width) { problems.push(`${name}: a cell ends at ${c.right}px`); break; }
            }
            const tops = [...new Set(cells.map(c => Math.round(c.top)))];
            if (tops.length > 2) problems.push(`${name}: ${tops.length} rows`);
            if (tops.length === 2) {
              const first = cells.filter(c => Math.round(c.top) === tops[0]).length;
              if (first !== Math.ceil(cells.length / 2)) problems.push(`${name}: ${first} of ${cells.length} points in the first row`);
            }
            const low = box.querySelector('.sk-low'), high = box.querySelector('.sk-high');
            if (low && high) {
              const l = low.getBoundingClientRect(), h = high.getBoundingClientRect();
              const first = cells[0], last = cells[cells.length - 1];
              const range = document.createRange(); range.selectNodeContents(high); const text = range.getBoundingClientRect();
              if (Math.abs(l.left - first.left) > 1) problems.push(`${name}: the low label starts at ${l.left}, its end at ${first.left}`);
              if (Math.abs(text.right - last.right) > 1.5) problems.push(`${name}: the high label ends at ${text.right}, its end at ${last.right}`);
              if (!(l.bottom <= first.top + 1 || l.top >= first.bottom - 1)) problems.push(`${name}: the low label overlaps the scale`);
              if (h.top < last.bottom - 1) problems.push(`${name}: the high label is not under the last point`);
            }
          }
          return problems;
        }
        """;
}
