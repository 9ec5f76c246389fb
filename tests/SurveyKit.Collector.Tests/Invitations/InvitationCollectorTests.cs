using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using SurveyKit.Collector.Invitations;
using SurveyKit.Collector.Storage;
using SurveyKit.Submissions.Invitations;

namespace SurveyKit.Collector.Tests.Invitations;

/// <summary>
/// The collector and personal links: a valid token is stored once, a second response to it is 409, a changed token
/// or context is 403, and a survey that requires invitations refuses responses without one. Nothing refused is stored.
/// </summary>
public sealed class InvitationCollectorTests
{
    internal static readonly byte[] Key = Enumerable
        .Range(0, 32)
        .Select(i => (byte)(255 - i))
        .ToArray();

    internal static async Task<(Collector Collector, string Token)> Start(
        string customer = "C100",
        Dictionary<string, string>? context = null,
        string? database = null
    )
    {
        context ??= new() { ["segment"] = "b2b", ["account"] = "A7" };
        var collector = await Collector.Start(
            o =>
                o with
                {
                    Surveys = [.. Collector.Examples(), InvitationTestSurveys.Load()],
                    InvitationKey = Key,
                },
            database
        );
        var id = InvitationToken.NewId();
        var store = collector.App.Services.GetRequiredService<IResponseStore>();
        await store.AddInvitationsAsync(
            [
                new Invitation(
                    id,
                    "relatie",
                    customer,
                    "c@example.com",
                    "nl",
                    context,
                    DateTimeOffset.UtcNow
                ),
            ],
            false,
            default
        );
        return (collector, InvitationToken.Create(Key, "relatie", id, customer, context));
    }

    internal static string Response(
        string? token,
        string context = "{\"segment\":\"b2b\",\"account\":\"A7\"}",
        string? id = null
    ) =>
        "{\"responseId\":\""
        + (id ?? Guid.NewGuid().ToString())
        + "\",\"survey\":\"relatie\",\"version\":1,\"lang\":\"nl\","
        + "\"context\":"
        + context
        + ",\"answers\":{\"recommend\":7,\"business\":\"Bouw\"}"
        + (token is null ? "" : ",\"invitation\":" + JsonSerializer.Serialize(token))
        + "}";

    private static async Task<string> Rule(System.Net.Http.HttpResponseMessage response) =>
        JsonDocument
            .Parse(await response.Content.ReadAsStringAsync())
            .RootElement.GetProperty("type")
            .GetString()!
            .Split('/')
            .Last();

    [Fact]
    public async Task An_invitation_takes_one_response_and_a_retry_of_it_is_not_a_second()
    {
        var (collector, token) = await Start();
        await using var _ = collector;
        var id = Guid.NewGuid().ToString();
        Assert.Equal(
            HttpStatusCode.Created,
            (await collector.PostJson(Response(token, id: id))).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await collector.PostJson(Response(token, id: id))).StatusCode
        ); // the page's retry
        var second = await collector.PostJson(Response(token));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("invitation-used", await Rule(second));
        Assert.Single(await collector.Export("relatie"));
        var health = await collector.Http.GetStringAsync("/health");
        Assert.Contains(
            "\"invitations\":{\"invited\":1,\"opened\":0,\"responded\":1,\"reminded\":0,\"optedOut\":0}",
            health,
            StringComparison.Ordinal
        );
        // The stored response does not carry the token: the ledger links it to the invitation.
        Assert.DoesNotContain(
            token,
            Assert.Single(await collector.Export("relatie")),
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData("no token", "invitation-required")]
    [InlineData("changed context", "invitation-context")]
    [InlineData("added context", "invitation-context")]
    [InlineData("forged token", "invitation-invalid")]
    [InlineData("unknown invitation", "invitation-invalid")]
    [InlineData("other survey", "invitation-invalid")]
    public async Task A_response_that_is_not_through_its_invitation_is_refused_and_not_stored(
        string how,
        string rule
    )
    {
        var (collector, token) = await Start();
        await using var _ = collector;
        var claims = InvitationToken.Read(token, out var __)!;
        var body = how switch
        {
            "no token" => Response(null),
            "changed context" => Response(token, "{\"segment\":\"b2c\",\"account\":\"A7\"}"),
            "added context" => Response(
                token,
                "{\"segment\":\"b2b\",\"account\":\"A7\",\"extra\":\"x\"}"
            ),
            "forged token" => Response(
                InvitationToken.Create(new byte[32], "relatie", claims.Id, "C100", claims.Context)
            ),
            "unknown invitation" => Response(
                InvitationToken.Create(Key, "relatie", "nope", "C100", claims.Context)
            ),
            _ => Response(
                InvitationToken.Create(Key, "bezorging", claims.Id, "C100", claims.Context)
            ),
        };
        var response = await collector.PostJson(body);
        Assert.True(
            (int)response.StatusCode is 403 or 422,
            $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}"
        );
        if ((int)response.StatusCode == 403)
        {
            Assert.Equal(rule, await Rule(response));
        }
        Assert.Empty(await collector.Export("relatie"));
        // The real one still works afterwards.
        Assert.Equal(
            HttpStatusCode.Created,
            (await collector.PostJson(Response(token))).StatusCode
        );
    }

    [Fact]
    public async Task A_form_post_cannot_answer_a_survey_that_requires_an_invitation()
    {
        var (collector, _) = await Start();
        await using var __ = collector;
        var response = await collector.PostForm(
            "responseId=" + Guid.NewGuid() + "&survey=relatie&version=1&lang=nl&recommend=7",
            "application/json"
        );
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await collector.Export("relatie"));
    }

    [PostgresFact]
    public async Task On_PostgreSQL_two_collectors_store_one_response_per_invitation()
    {
        await using var database = await PostgresTests.TestDatabase.Create();
        var (first, token) = await Start(database: database.ConnectionString);
        await using var _ = first;
        await using var second = await Collector.Start(
            o =>
                o with
                {
                    Surveys = [.. Collector.Examples(), InvitationTestSurveys.Load()],
                    InvitationKey = Key,
                },
            database.ConnectionString
        );
        var results = await Task.WhenAll(
            Enumerable
                .Range(0, 8)
                .Select(i => (i % 2 == 0 ? first : second).PostJson(Response(token)))
        );
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(7, results.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Single(await first.Export("relatie"));
    }
}

/// <summary>The opt-out link: a page with one button (a GET changes nothing), a POST that records it, and a forged link refused.</summary>
public sealed class OptOutTests
{
    [Fact]
    public async Task The_opt_out_link_asks_first_records_on_the_button_and_refuses_a_forged_link()
    {
        var (collector, token) = await InvitationCollectorTests.Start();
        await using var _ = collector;
        var store = collector.App.Services.GetRequiredService<IResponseStore>();
        var url = "/api/opt-out?t=" + Uri.EscapeDataString(token);
        var ask = await collector.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        var html = await ask.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"nl\">", html, StringComparison.Ordinal);
        Assert.Contains("Stuur mij geen uitnodigingen meer", html, StringComparison.Ordinal);
        Assert.Contains(
            "style-src 'unsafe-inline'",
            ask.Headers.GetValues("Content-Security-Policy").Single(),
            StringComparison.Ordinal
        );
        Assert.Equal(0, (await store.CountInvitationsAsync(null, default)).OptedOut);

        var done = await collector.Http.PostAsync(
            "/api/opt-out",
            new System.Net.Http.FormUrlEncodedContent([new("t", token)])
        );
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains(
            "U ontvangt geen uitnodigingen meer",
            await done.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
        var history = await store.InvitationHistoryAsync(DateTimeOffset.UtcNow, default);
        Assert.True(history["C100"].OptedOut);

        var claims = InvitationToken.Read(token, out var __)!;
        var forged = InvitationToken.Create(
            new byte[32],
            "relatie",
            claims.Id,
            "C100",
            claims.Context
        );
        var refused = await collector.Http.PostAsync(
            "/api/opt-out",
            new System.Net.Http.FormUrlEncodedContent([new("t", forged)])
        );
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(
            "This link is not valid",
            await refused.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task A_mail_programs_one_click_unsubscribe_posts_to_the_link_and_is_recorded()
    {
        var (collector, token) = await InvitationCollectorTests.Start();
        await using var _ = collector;
        var done = await collector.Http.PostAsync(
            "/api/opt-out?t=" + Uri.EscapeDataString(token),
            new System.Net.Http.FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])
        );
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var store = collector.App.Services.GetRequiredService<IResponseStore>();
        Assert.Equal(1, (await store.CountInvitationsAsync(null, default)).OptedOut);
    }
}

/// <summary>/api/opened: a page opened with a valid token is counted once; a forged or oversized body is refused.</summary>
public sealed class OpenedTests
{
    [Fact]
    public async Task An_opening_is_counted_once_and_a_forged_token_is_refused()
    {
        var (collector, token) = await InvitationCollectorTests.Start();
        await using var _ = collector;
        var store = collector.App.Services.GetRequiredService<IResponseStore>();
        for (var i = 0; i < 2; i++)
        {
            var opened = await collector.Http.PostAsync(
                "/api/opened",
                new System.Net.Http.StringContent(token)
            );
            Assert.Equal(HttpStatusCode.NoContent, opened.StatusCode);
        }
        Assert.Equal(1, (await store.CountInvitationsAsync("relatie", default)).Opened);

        var forged = await collector.Http.PostAsync(
            "/api/opened",
            new System.Net.Http.StringContent(token[..^2] + (token[^2] == 'A' ? "BB" : "AA"))
        );
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains(
            "invitation-invalid",
            await forged.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
        var huge = await collector.Http.PostAsync(
            "/api/opened",
            new System.Net.Http.StringContent(new string('x', 100_000))
        );
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }
}
