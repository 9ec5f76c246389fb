using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;
using SurveyKit.Collector.Alerts;
using SurveyKit.Collector.Invitations;

namespace SurveyKit.Collector.Tests.Invitations;

/// <summary>
/// The invitation mail as the customer reads it, on a phone and on a desktop, in Chromium: the eleven score links fit
/// the width and are large enough to tap, every link carries the personal token, and the text stays readable. The
/// screenshots land beside the test assembly.
/// </summary>
public sealed class InvitationMailBrowserTests
{
    [BrowserTheory]
    [InlineData(375, "nl")]
    [InlineData(1280, "en")]
    public async Task The_mail_reads_and_taps_at_phone_and_desktop_width(int width, string lang)
    {
        var survey = InvitationTestSurveys.Load();
        var invitation = new Invitation(
            "inv1",
            "relatie",
            "C1",
            "c@example.com",
            lang,
            new Dictionary<string, string> { ["segment"] = "b2b" },
            DateTimeOffset.UtcNow
        );
        var link = $"https://surveys.example.org/relatie/?t=TOKEN\"<x>";
        var mime = InvitationMail
            .Load(null, p => p, [])
            .Build(
                survey,
                new PendingMail(invitation, MailKind.Invitation, false),
                link,
                "https://surveys.example.org/api/opt-out?t=TOKEN",
                new SmtpSettings("127.0.0.1", 25, "cx@example.org", "none", null, null),
                out var error
            );
        Assert.Null(error);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(
            new BrowserTypeLaunchOptions
            {
                ExecutablePath = BrowserFactAttribute.ChromiumPath,
                Args = BrowserFactAttribute.ChromiumArguments,
            }
        );
        var page = await browser.NewPageAsync(
            new BrowserNewPageOptions
            {
                ViewportSize = new ViewportSize { Width = width, Height = 900 },
            }
        );
        await page.SetContentAsync(mime!.HtmlBody ?? "");
        Assert.Equal(0, await page.Locator("x").CountAsync());
        Assert.True(
            await page.EvaluateAsync<bool>(
                "() => document.documentElement.scrollWidth <= window.innerWidth"
            ),
            "the mail is wider than the screen"
        );
        var scores = page.Locator("a[aria-label]");
        Assert.Equal(11, await scores.CountAsync());
        for (var i = 0; i <= 10; i++)
        {
            var score = scores.Nth(i);
            Assert.Equal(link + "&recommend=" + i, await score.GetAttributeAsync("href"));
            var box = await score.BoundingBoxAsync();
            // WCAG 2.2 target size (minimum): 24 by 24 CSS pixels.
            Assert.True(
                box!.Width >= 24 && box.Height >= 24,
                $"score {i} is {box.Width}x{box.Height}"
            );
        }
        var text = await page.InnerTextAsync("body");
        Assert.Contains(
            lang == "nl" ? "Aanbevelen?" : "Recommend?",
            text,
            StringComparison.Ordinal
        );
        var smallest = await page.EvaluateAsync<double>(
            "() => Math.min(...[...document.querySelectorAll('body *')].filter(e => e.childNodes.length && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())).map(e => parseFloat(getComputedStyle(e).fontSize)))"
        );
        Assert.True(smallest >= 13, $"text of {smallest} px");
        await page.ScreenshotAsync(
            new PageScreenshotOptions
            {
                Path = Path.Combine(AppContext.BaseDirectory, $"invitation-mail-{width}.png"),
                FullPage = true,
            }
        );
    }
}
