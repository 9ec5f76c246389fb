using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace SurveyKit.Collector.Tests.Alerts;

/// <summary>
/// The alert mail as the owner reads it, on a phone and on a desktop, in Chromium: everything fits the width, every
/// answer is there, and a hostile answer is text, not markup. The screenshots land beside the test assembly.
/// </summary>
public sealed class AlertMailBrowserTests
{
    [BrowserTheory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task The_mail_reads_at_phone_and_desktop_width_with_hostile_answers_as_text(
        int width
    )
    {
        await using var harness = await AlertHarness.Start();
        var reason =
            "<img src=x onerror=\"document.title='pwned'\"> Ik heb drie keer gebeld en moest steeds heel lang wachten: onacceptabel.";
        await harness.Post(
            AlertHarness.Klantloyaliteit(
                Guid.NewGuid().ToString(),
                3,
                consent: true,
                reason: reason
            )
        );
        var mail = (await harness.Smtp.Until(1, TimeSpan.FromSeconds(15))).Single();

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
        await page.SetContentAsync(mail.HtmlBody ?? "");
        Assert.NotEqual("pwned", await page.TitleAsync());
        Assert.Equal(0, await page.Locator("img").CountAsync());
        Assert.True(
            await page.EvaluateAsync<bool>(
                "() => document.documentElement.scrollWidth <= window.innerWidth"
            ),
            "the mail is wider than the screen"
        );
        var text = await page.InnerTextAsync("body");
        Assert.Contains(reason, text, StringComparison.Ordinal);
        foreach (
            var label in new[]
            {
                "Hoe waarschijnlijk is het dat u ons aanbeveelt",
                "Onze website",
                "De klantenservice",
                "Klantsegment",
                "Particulier",
            }
        )
        {
            Assert.Contains(label, text, StringComparison.Ordinal);
        }
        // Body text stays readable on a phone: nothing under 13 px.
        var smallest = await page.EvaluateAsync<double>(
            "() => Math.min(...[...document.querySelectorAll('body *')].filter(e => e.childNodes.length && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())).map(e => parseFloat(getComputedStyle(e).fontSize)))"
        );
        Assert.True(smallest >= 13, $"text of {smallest} px");
        await page.ScreenshotAsync(
            new PageScreenshotOptions
            {
                Path = Path.Combine(AppContext.BaseDirectory, $"alert-mail-{width}.png"),
                FullPage = true,
            }
        );
    }
}
