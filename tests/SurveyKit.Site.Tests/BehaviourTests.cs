using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace SurveyKit.Site.Tests;

/// <summary>What a respondent does with the example pages, in Chromium: keyboard only, without JavaScript, offline.</summary>
[Collection("browser")]
public sealed class BehaviourTests(BrowserSite fixture)
{
    private SiteHost Host => fixture.Host;

    [BrowserFact]
    public async Task The_relationship_survey_can_be_completed_and_sent_with_the_keyboard_alone()
    {
        var (context, page, watch) = await fixture.Open(
            "/klantloyaliteit/?segment=b2c&customer=C123",
            390
        );
        await using var _ = context;
        var before = Host.Stored.Count;
        var sent = false;
        for (var presses = 0; presses < 400 && !sent; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<JsonElement>(
                """
                () => {
                  const el = document.activeElement;
                  const group = el.name ? [...document.getElementsByName(el.name)] : [];
                  return { tag: el.tagName, type: el.type || '', name: el.name || '', value: el.value || '',
                           answered: group.some(i => i.checked), send: el.hasAttribute('data-send'), next: el.hasAttribute('data-next') };
                }
                """
            );
            var type = focus.GetProperty("type").GetString();
            var answered = focus.GetProperty("answered").GetBoolean();
            if (focus.GetProperty("next").GetBoolean())
            {
                await page.Keyboard.PressAsync("Enter");
            }
            else if (focus.GetProperty("send").GetBoolean())
            {
                await page.Keyboard.PressAsync("Enter");
                sent = true;
            }
            else if (type is "radio" or "checkbox" && !answered)
            {
                await page.Keyboard.PressAsync("Space");
            }
            else if (
                type is "text" or "email" or "textarea"
                && focus.GetProperty("value").GetString() == ""
            )
            {
                var name = focus.GetProperty("name").GetString();
                await page.Keyboard.TypeAsync(
                    type == "email" ? "iemand@example.org"
                    : name == "years_customer" ? "4"
                    : "Sneller antwoord op mijn vraag"
                );
            }
        }
        Assert.True(sent, "the send button was never reached");
        await PageWaits.Arrived(page, "/klantloyaliteit/thanks.html");
        Assert.Equal(before + 1, Host.Stored.Count);
        var stored = Host.Stored.Values.Last(r =>
            r.GetProperty("survey").GetString() == "klantloyaliteit"
        );
        Assert.Equal("b2c", stored.GetProperty("context").GetProperty("segment").GetString());
        Assert.Equal(0, stored.GetProperty("answers").GetProperty("recommend").GetInt32());
        // The first grade of every item, and "store" only because the link says b2c.
        Assert.Equal(
            1,
            stored.GetProperty("answers").GetProperty("touchpoints").GetProperty("store").GetInt32()
        );
        Assert.Empty(Host.Rejected);
        Assert.Empty(watch.ThirdParty);
        Assert.Empty(watch.Cookies);
        Assert.Empty(await context.CookiesAsync());
        Assert.True(watch.ConsoleErrors.IsEmpty, string.Join("\n", watch.ConsoleErrors));
        // Sent means gone from the device: nothing waits in the outbox, no progress is kept.
        Assert.Equal("0", await page.EvaluateAsync<string>("() => String(localStorage.length)"));
    }

    [BrowserFact]
    public async Task A_piped_answer_appears_in_a_later_text_follows_changes_and_stays_text()
    {
        var (context, page, _) = await fixture.Open("/bezorging/", 375);
        await using var __ = context;
        Assert.Equal("cijfer", await page.InnerTextAsync("#q-remarks [data-pipe=recommend]"));
        await page.CheckAsync("#recommend-5");
        Assert.StartsWith(
            "U gaf ons een 5. Heeft u nog opmerkingen",
            (await page.InnerTextAsync("#q-remarks .sk-legend")).Trim(),
            StringComparison.Ordinal
        );
        await page.CheckAsync("#recommend-3");
        Assert.Equal("3", await page.InnerTextAsync("#q-remarks [data-pipe=recommend]"));
        // A text answer piped into a later help stays text, whatever it holds.
        Assert.Equal("nog niets", await page.InnerTextAsync("[data-pipe=remarks]"));
        var remark = "<img src=x onerror=\"document.title='pwned'\"> & \"quoted\"";
        await page.FillAsync("#remarks", remark);
        await page.Locator("#remarks").DispatchEventAsync("change");
        Assert.Equal(remark, await page.InnerTextAsync("[data-pipe=remarks]"));
        Assert.Equal(0, await page.Locator("#q-contact_ok img").CountAsync());
        Assert.NotEqual("pwned", await page.TitleAsync());
    }

    [BrowserFact]
    public async Task Without_JavaScript_a_piped_answer_reads_as_its_fallback()
    {
        var (context, page, _) = await fixture.Open("/bezorging/en/", 1280, javaScript: false);
        await using var __ = context;
        Assert.Contains(
            "You gave us a score. Do you have any other remarks",
            await page.InnerTextAsync("#q-remarks"),
            StringComparison.Ordinal
        );
    }

    [BrowserFact]
    public async Task Without_JavaScript_the_form_posts_every_answer_to_the_endpoint()
    {
        var (context, page, _) = await fixture.Open("/bezorging/en/", 1280, javaScript: false);
        await using var __ = context;
        var before = Host.FormPosts.Count;
        await page.CheckAsync("#recommend-3");
        await page.CheckAsync("#delivery-on_time-4");
        await page.CheckAsync("#delivery-packaging-na");
        await page.FillAsync("#remarks", "Late & \"wet\" <box>");
        await page.CheckAsync("#contact_ok-true");
        await page.FillAsync("#email", "someone@example.org");
        await page.ClickAsync("[data-send]");
        await PageWaits.Arrived(page, "/bezorging/en/thanks.html");
        Assert.Equal(before + 1, Host.FormPosts.Count);
        var fields = Host.FormPosts.Last().ToLookup(f => f.Key, f => f.Value);
        Assert.Equal("bezorging", fields["survey"].Single());
        Assert.Equal("en", fields["lang"].Single());
        Assert.Equal("3", fields["recommend"].Single());
        Assert.Equal("4", fields["delivery.on_time"].Single());
        Assert.Equal("na", fields["delivery.packaging"].Single());
        Assert.Equal("Late & \"wet\" <box>", fields["remarks"].Single());
        Assert.Equal("true", fields["contact_ok"].Single());
        Assert.Equal("someone@example.org", fields["email"].Single());
        Assert.Equal("", fields["_hp"].Single());
        Assert.False(
            fields.Contains("context.segment"),
            "context fields need JavaScript and stay disabled without it"
        );
    }

    [BrowserFact]
    public async Task Sent_while_offline_the_response_waits_on_the_device_and_arrives_exactly_once()
    {
        var (context, page, _) = await fixture.Open("/bezorging/", 390);
        await using var __ = context;
        await page.CheckAsync("#recommend-9");
        await context.SetOfflineAsync(true);
        await page.ClickAsync("[data-send]");
        await Assertions.Expect(page.Locator("#sk-status")).ToContainTextAsync("bewaard");
        var waiting = await Outbox(page);
        Assert.Single(waiting);
        var id = waiting[0].GetProperty("response").GetProperty("responseId").GetString()!;
        Assert.False(Host.Stored.ContainsKey(id));

        // The respondent closes the tab; a later visit, back online, delivers it.
        await page.CloseAsync();
        await context.SetOfflineAsync(false);
        var later = await context.NewPageAsync();
        await later.GotoAsync(Host.Url + "/bezorging/thanks.html");
        await WaitUntil(() => Host.Stored.ContainsKey(id));
        await WaitUntil(async () => (await Outbox(later)).Length == 0);
        Assert.Single(Host.Posts, p => p.Contains(id, StringComparison.Ordinal));
        Assert.Equal(9, Host.Stored[id].GetProperty("answers").GetProperty("recommend").GetInt32());
    }

    [BrowserFact]
    public async Task A_server_that_fails_gets_the_same_response_again_until_it_accepts_it_and_stores_it_once()
    {
        var (context, page, _) = await fixture.Open("/bezorging/en/", 1280);
        await using var __ = context;
        await page.CheckAsync("#recommend-10");
        Host.Down = true;
        try
        {
            await page.ClickAsync("[data-send]");
            await Assertions
                .Expect(page.Locator("#sk-status"))
                .ToContainTextAsync("saved on this device");
            var id = (await Outbox(page))[0]
                .GetProperty("response")
                .GetProperty("responseId")
                .GetString()!;
            Host.Down = false;
            await page.EvaluateAsync("() => window.dispatchEvent(new Event('online'))");
            // Generous: CI runs the browser suites of several test assemblies at once on two cores.
            await PageWaits.Arrived(page, "/bezorging/en/thanks.html", 90_000);
            Assert.True(Host.Stored.ContainsKey(id));
            Assert.True(
                Host.Posts.Count(p => p.Contains(id, StringComparison.Ordinal)) >= 2,
                "retried with the same id"
            );
            // A replay of the acknowledged response (another tab, a retry whose answer was lost) is stored once.
            var replay = await page.EvaluateAsync<int>(
                "async body => (await fetch('/api/responses', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })).status",
                Host.Stored[id].GetRawText()
            );
            Assert.Equal(200, replay);
            Assert.Single(Host.Stored.Keys, k => k == id);
        }
        finally
        {
            Host.Down = false;
        }
    }

    [BrowserFact]
    public async Task The_error_state_has_a_prefixed_title_a_focused_summary_with_working_links_and_keeps_every_answer()
    {
        var (context, page, _) = await fixture.Open("/klantloyaliteit/en/", 1280);
        await using var __ = context;
        var title = await page.TitleAsync();
        await page.CheckAsync("#stay-4");
        await page.FillAsync("#years_customer", "seven");
        await page.ClickAsync("[data-next]");
        Assert.Equal("Error: " + title, await page.TitleAsync());
        Assert.Equal(
            "sk-errors",
            await page.EvaluateAsync<string>("() => document.activeElement.id")
        );
        var links = await page.Locator("#sk-errors a").AllAsync();
        Assert.Equal(3, links.Count); // recommend, satisfaction (required), years_customer (not a number)
        Assert.Contains(
            "Enter a number",
            await page.Locator("#sk-errors").InnerTextAsync(),
            StringComparison.Ordinal
        );
        foreach (var link in links)
        {
            var target = (await link.GetAttributeAsync("href"))!.TrimStart('#');
            await link.ClickAsync();
            Assert.Equal(
                target,
                await page.EvaluateAsync<string>("() => document.activeElement.id")
            );
        }
        var described = await page.GetAttributeAsync("#q-recommend fieldset", "aria-describedby");
        Assert.Contains("sk-recommend-error", described!, StringComparison.Ordinal);
        Assert.True(await page.IsCheckedAsync("#stay-4"));
        Assert.Equal("seven", await page.InputValueAsync("#years_customer"));

        // Fixed, the title and the summary go back to normal and the next step shows.
        await page.CheckAsync("#recommend-8");
        await page.CheckAsync("#satisfaction-4");
        await page.FillAsync("#years_customer", "7");
        await page.ClickAsync("[data-next]");
        Assert.Equal(title, await page.TitleAsync());
        Assert.True(await page.Locator("#q-touchpoints").IsVisibleAsync());
        Assert.Equal("Step 2 of 4", await page.InnerTextAsync("#sk-progress"));
    }

    [BrowserFact]
    public async Task Skip_logic_shows_follow_up_questions_only_when_their_condition_holds_and_never_sends_a_hidden_answer()
    {
        var (context, page, _) = await fixture.Open("/klantloyaliteit/", 1280);
        await using var __ = context;
        Assert.False(await page.Locator("#q-reason").IsVisibleAsync());
        await page.CheckAsync("#recommend-5");
        Assert.True(await page.Locator("#q-reason").IsVisibleAsync());
        await page.FillAsync("#reason", "Te duur");
        await page.CheckAsync("#recommend-9");
        Assert.False(await page.Locator("#q-reason").IsVisibleAsync());
        var answers = await page.EvaluateAsync<JsonElement>(
            "() => { const f = document.getElementById('sk-form'); return Object.fromEntries([...f.querySelectorAll('.sk-q')].filter(q => !q.hidden).map(q => [q.dataset.q, true])); }"
        );
        Assert.False(answers.TryGetProperty("reason", out JsonElement _));
        // store is only for consumers (segment == 'b2c'); without the link parameter it stays hidden.
        await page.CheckAsync("#satisfaction-3");
        await page.ClickAsync("[data-next]");
        Assert.False(await page.Locator("[data-item=store]").IsVisibleAsync());
        Assert.False(await page.Locator("#q-service_improve").IsVisibleAsync());
        await page.CheckAsync("#touchpoints-service-4");
        Assert.True(await page.Locator("#q-service_improve").IsVisibleAsync());
        await page.CheckAsync("#touchpoints-service-na");
        Assert.False(
            await page.Locator("#q-service_improve").IsVisibleAsync(),
            "'na' is never a grade"
        );
        // The comparison appears for graded items only.
        Assert.False(await page.Locator("[data-compare=service]").IsVisibleAsync());
        await page.CheckAsync("#touchpoints-website-8");
        Assert.True(await page.Locator("[data-compare=website]").IsVisibleAsync());
        await page.ScreenshotAsync(
            new()
            {
                Path = System.IO.Path.Combine(
                    Browser.Artifacts,
                    "klantloyaliteit-nl-1280-step2.png"
                ),
                FullPage = true,
            }
        );
    }

    [BrowserFact]
    public async Task Progress_is_kept_on_the_device_where_the_survey_opts_in_and_comes_back_after_a_reload()
    {
        var (context, page, _) = await fixture.Open("/klantloyaliteit/en/", 1280);
        await using var __ = context;
        await page.CheckAsync("#recommend-6");
        await page.FillAsync("#reason", "Half-finished thought");
        await page.ReloadAsync();
        Assert.True(await page.IsCheckedAsync("#recommend-6"));
        Assert.Equal("Half-finished thought", await page.InputValueAsync("#reason"));
        await Assertions.Expect(page.Locator("#sk-status")).ToContainTextAsync("restored");

        // bezorging does not opt in: nothing of it is stored.
        await page.GotoAsync(Host.Url + "/bezorging/en/");
        await page.CheckAsync("#recommend-6");
        Assert.Null(
            await page.EvaluateAsync<string?>(
                "() => Object.keys(localStorage).find(k => k.includes('bezorging'))"
            )
        );
    }

    [BrowserFact]
    public async Task Every_example_page_with_everything_it_requests_fits_in_one_round_trip()
    {
        foreach (var survey in fixture.Site.Surveys)
        {
            foreach (var lang in survey.Languages)
            {
                var (context, page, watch) = await fixture.Open(
                    "/" + TestSite.PageFolder(survey, lang),
                    390,
                    until: WaitUntilState.NetworkIdle
                );
                await using var _ = context;
                var total = 0;
                foreach (var url in watch.Requests.Distinct())
                {
                    var path = new Uri(url).AbsolutePath.TrimStart('/');
                    var file = fixture.Site.Files.Single(f =>
                        f.Path
                        == (path.EndsWith('/') || path.Length == 0 ? path + "index.html" : path)
                    );
                    total += SiteBuilderTests.Gzip(file.Content);
                }
                Assert.True(watch.Requests.Count >= 3, string.Join(", ", watch.Requests));
                Assert.True(
                    total <= SiteBuilderTests.Budget,
                    $"{survey.Id}/{lang}: {total} bytes gzip over {watch.Requests.Count} requests"
                );
            }
        }
    }

    private static async Task<JsonElement[]> Outbox(IPage page) =>
        (
            await page.EvaluateAsync<JsonElement>(
                "() => JSON.parse(localStorage.getItem('surveykit:outbox') || '[]')"
            )
        )
            .EnumerateArray()
            .ToArray();

    private static Task WaitUntil(Func<bool> condition) =>
        WaitUntil(() => Task.FromResult(condition()));

    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(100);
        }
    }
}
