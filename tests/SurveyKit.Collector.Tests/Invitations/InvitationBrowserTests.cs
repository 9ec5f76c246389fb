using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SurveyKit.Collector.Invitations;
using SurveyKit.Collector.Storage;
using SurveyKit.Core.Workspace;
using SurveyKit.Site;
using SurveyKit.Submissions.Invitations;

namespace SurveyKit.Collector.Tests.Invitations;

/// <summary>
/// A customer opens their personal link in Chromium: the page takes its context from the token (a segment edited
/// into the link changes nothing), the mail's score link chooses the score (one the page does not offer chooses
/// nothing), the page reports that it was opened, the response is stored through the invitation, and a second attempt
/// with the same link is told, in the page's language, that they already answered.
/// </summary>
public sealed class InvitationBrowserTests
{
    [BrowserFact]
    public async Task A_personal_link_answers_once_and_the_second_attempt_is_told_it_already_answered()
    {
        var surveys = new[] { InvitationTestSurveys.Load() };
        var site = new Pages.SiteContent(
            new SiteBuilder(new SiteOptions("/", SubmitConfig.Default, null))
                .Build(surveys)
                .Files.Select(f => (f.Path, f.Content))
        );
        await using var collector = await Collector.Start(o =>
            o with
            {
                Surveys = surveys,
                Site = site,
                InvitationKey = InvitationCollectorTests.Key,
            }
        );
        var context = new Dictionary<string, string> { ["segment"] = "b2b", ["account"] = "Ä-7" };
        var id = InvitationToken.NewId();
        await collector
            .App.Services.GetRequiredService<IResponseStore>()
            .AddInvitationsAsync(
                [
                    new Invitation(
                        id,
                        "relatie",
                        "C100",
                        "c@example.com",
                        "nl",
                        context,
                        DateTimeOffset.UtcNow
                    ),
                ],
                false,
                default
            );
        var token = InvitationToken.Create(
            InvitationCollectorTests.Key,
            "relatie",
            id,
            "C100",
            context
        );
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(
            new()
            {
                ExecutablePath = BrowserFactAttribute.ChromiumPath,
                Args = BrowserFactAttribute.ChromiumArguments,
            }
        );
        // The respondent edits the segment in the link: the signed one counts. The mail's score link chose 9.
        var link = $"{collector.Url}/relatie/?t={token}&segment=b2c";
        var page = await browser.NewPageAsync();
        await page.GotoAsync(link + "&recommend=9");
        Assert.True(await page.IsCheckedAsync("#recommend-9"), "the link's score is chosen");
        // The page reported the opening, once.
        var store = collector.App.Services.GetRequiredService<IResponseStore>();
        for (
            var i = 0;
            i < 200 && (await store.CountInvitationsAsync("relatie", default)).Opened == 0;
            i++
        )
        {
            await Task.Delay(50);
        }
        Assert.Equal(1, (await store.CountInvitationsAsync("relatie", default)).Opened);
        await page.CheckAsync("#recommend-8");
        Assert.True(
            await page.IsVisibleAsync("#business"),
            "the b2b question shows: the token's segment counts"
        );
        await page.FillAsync("#business", "Bouw");
        await page.ClickAsync("[data-send]");
        await PageWaits.Arrived(page, "/relatie/thanks.html", 150_000);
        using var stored = JsonDocument.Parse(Assert.Single(await collector.Export("relatie")));
        Assert.Equal(
            "b2b",
            stored.RootElement.GetProperty("context").GetProperty("segment").GetString()
        );
        Assert.Equal(
            "Ä-7",
            stored.RootElement.GetProperty("context").GetProperty("account").GetString()
        );

        var again = await browser.NewPageAsync();
        // A score the page does not offer chooses nothing.
        await again.GotoAsync(link + "&recommend=11");
        Assert.Equal(0, await again.Locator("input[name=recommend]:checked").CountAsync());
        await again.CheckAsync("#recommend-3");
        await again.FillAsync("#business", "Nog eens");
        await again.ClickAsync("[data-send]");
        await again.WaitForFunctionAsync(
            "() => document.getElementById('sk-status').textContent.includes('al ingevuld')",
            null,
            new PageWaitForFunctionOptions { Timeout = 60_000 }
        );
        Assert.Equal(
            "U heeft deze enquête al ingevuld. Dank u wel!",
            (await again.InnerTextAsync("#sk-status")).Trim()
        );
        Assert.Single(await collector.Export("relatie"));
    }
}
