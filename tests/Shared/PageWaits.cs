using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace SurveyKit.Tests.Shared;

// Linked into each test project with browser tests.
//
// Not IPage.WaitForURLAsync or WaitForLoadStateAsync: in Playwright for .NET both check the page's state and then
// subscribe to the event that changes it, and the thread that delivers events can run in between; an event delivered
// there is lost and the wait runs to its timeout though the page arrived long before (microsoft/playwright-dotnet
// #3364; CI lost a thank-you page that way after 150 s). WaitUntil = Commit does not help: it is ignored when the
// address already matches (#3365). Web-first assertions poll the page instead, so they cannot miss anything.

/// <summary>Waits for what a respondent sees rather than for browser events.</summary>
public static class PageWaits
{
    /// <summary>
    /// Waits until <paramref name="page"/> shows the address ending in <paramref name="path"/> and its first heading is
    /// visible: the respondent has arrived (for the thank-you page, the answer was sent).
    /// </summary>
    public static async Task Arrived(
        IPage page,
        string path,
        float timeout = BrowserTimeouts.Expect
    )
    {
        await Assertions
            .Expect(page)
            .ToHaveURLAsync(
                new Regex(Regex.Escape(path) + "$"),
                new PageAssertionsToHaveURLOptions { Timeout = timeout }
            );
        await Assertions
            .Expect(page.Locator("h1").First)
            .ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = timeout });
    }
}
