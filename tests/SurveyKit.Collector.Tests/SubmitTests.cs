using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace SurveyKit.Collector.Tests;

/// <summary>POST /api/responses against a real Kestrel: what is stored, what is refused and why.</summary>
public sealed class SubmitTests : IAsyncLifetime
{
    private Collector collector = null!;

    public async Task InitializeAsync() => collector = await Collector.Start();

    public async Task DisposeAsync() => await collector.DisposeAsync();

    public static TheoryData<string, string, int, string, string> BadInput() =>
        new()
        {
            // content type, body, status, rule, path
            { "application/json", "{\"responseId\":", 400, "syntax", "" },
            { "application/json", "[1,2]", 400, "syntax", "" },
            {
                "application/json",
                "{\"responseId\":\"x\",\"responseId\":\"y\",\"survey\":\"bezorging\",\"version\":1,\"answers\":{}}",
                400,
                "syntax",
                ""
            },
            {
                "application/json",
                Collector.Submission(id: "not-a-uuid"),
                422,
                "type",
                "responseId"
            },
            {
                "application/json",
                "{\"survey\":\"bezorging\",\"version\":1,\"answers\":{}}",
                422,
                "missing",
                "responseId"
            },
            { "application/json", Collector.Submission(survey: "other"), 422, "survey", "survey" },
            { "application/json", Collector.Submission(version: 2), 422, "version", "version" },
            {
                "application/json",
                Collector.Submission(answers: "\"recommend\":\"8\""),
                422,
                "type",
                "answers.recommend"
            },
            {
                "application/json",
                Collector.Submission(answers: "\"recommend\":11"),
                422,
                "range",
                "answers.recommend"
            },
            {
                "application/json",
                Collector.Submission(answers: "\"recommend\":7.5"),
                422,
                "range",
                "answers.recommend"
            },
            {
                "application/json",
                Collector.Submission(answers: "\"recommend\":null"),
                422,
                "type",
                "answers.recommend"
            },
            {
                "application/json",
                Collector.Submission(answers: "\"recommend\":8,\"delivery\":{\"on_time\":0}"),
                422,
                "range",
                "answers.delivery.on_time"
            },
            {
                "application/json",
                Collector.Submission(answers: "\"recommend\":8,\"delivery\":{\"drone\":5}"),
                422,
                "unknown",
                "answers.delivery.drone"
            },
            {
                "application/json",
                Collector.Submission(answers: "\"recommend\":8,\"colour\":\"blue\""),
                422,
                "unknown",
                "answers.colour"
            },
            {
                "application/json",
                Collector.Submission(answers: "\"recommend\":9,\"contact_ok\":true"),
                422,
                "hidden",
                "answers.contact_ok"
            },
            {
                "application/json",
                Collector.Submission(answers: "\"recommend\":3,\"contact_ok\":true"),
                422,
                "required",
                "answers.email"
            },
            {
                "application/json",
                Collector.Submission(
                    answers: "\"recommend\":3,\"contact_ok\":true,\"email\":\"nope\""
                ),
                422,
                "email",
                "answers.email"
            },
            {
                "application/json",
                Collector.Submission(
                    answers: "\"recommend\":3,\"remarks\":\"" + new string('x', 1001) + "\""
                ),
                422,
                "length",
                "answers.remarks"
            },
            {
                "application/json",
                Collector.Submission(answers: "\"ease\":3"),
                422,
                "required",
                "answers.recommend"
            },
            {
                "application/json",
                "{\"responseId\":\""
                    + Guid.NewGuid()
                    + "\",\"survey\":\"bezorging\",\"version\":1,\"answers\":{},\"extra\":1}",
                422,
                "unknown",
                "extra"
            },
            {
                "application/json",
                Collector.Submission(
                    survey: "klantloyaliteit",
                    answers: "\"recommend\":8,\"satisfaction\":4,\"touchpoints\":{\"website\":8},\"channels\":[\"fax\"]"
                ),
                422,
                "option",
                "answers.channels"
            },
            { "text/xml", "<response/>", 415, "content-type", "" },
            { "application/octet-stream", "{}", 415, "content-type", "" },
        };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_a_4xx_naming_the_field_and_the_rule_and_nothing_is_stored(
        string type,
        string body,
        int status,
        string rule,
        string path
    )
    {
        var response = await collector.Http.PostAsync(
            "/api/responses",
            new StringContent(body, Encoding.UTF8, type)
        );
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(
            errors,
            e =>
                e.GetProperty("rule").GetString() == rule
                && e.GetProperty("path").GetString() == path
        );
        Assert.False(
            string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString())
        );
        Assert.Equal(0, await Count());
    }

    [Fact]
    public async Task Invalid_utf8_and_oversized_bodies_are_refused()
    {
        var bytes = Encoding.UTF8.GetBytes(
            Collector.Submission(answers: "\"recommend\":3,\"remarks\":\"XX\"")
        );
        var at = Array.IndexOf(bytes, (byte)'X');
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28; // an invalid two-byte sequence
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(
            "application/json"
        );
        Assert.Equal(
            HttpStatusCode.BadRequest,
            (await collector.Http.PostAsync("/api/responses", content)).StatusCode
        );
        var big = Collector.Submission(
            answers: "\"recommend\":3,\"remarks\":\"" + new string('x', 300_000) + "\""
        );
        Assert.Equal(
            HttpStatusCode.RequestEntityTooLarge,
            (await collector.PostJson(big)).StatusCode
        );
        Assert.Equal(0, await Count());
    }

    [Fact]
    public async Task A_response_is_stored_once_and_a_repeat_is_acknowledged_as_a_duplicate()
    {
        var id = Guid.NewGuid().ToString();
        var first = await collector.PostJson(
            Collector.Submission(
                id,
                "\"recommend\":3,\"delivery\":{\"on_time\":4,\"packaging\":\"na\"},\"contact_ok\":true,\"email\":\"a@example.org\""
            )
        );
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var again = await collector.PostJson(
            Collector.Submission(
                id,
                "\"recommend\":3,\"delivery\":{\"on_time\":4,\"packaging\":\"na\"},\"contact_ok\":true,\"email\":\"a@example.org\""
            )
        );
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(
            "\"duplicate\":true",
            await again.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
        var lines = await collector.Export("bezorging");
        var stored = Assert.Single(lines);
        using var json = JsonDocument.Parse(stored);
        Assert.Equal(id, json.RootElement.GetProperty("responseId").GetString());
        Assert.Equal(
            "na",
            json.RootElement.GetProperty("answers")
                .GetProperty("delivery")
                .GetProperty("packaging")
                .GetString()
        );
        Assert.True(json.RootElement.TryGetProperty("receivedAt", out _));
    }

    [Fact]
    public async Task Reading_responses_needs_the_token_and_csv_leaves_personal_data_out_unless_asked()
    {
        var posted = await collector.PostJson(
            Collector.Submission(
                answers: "\"recommend\":3,\"remarks\":\"=1+2\",\"contact_ok\":true,\"email\":\"a@example.org\""
            )
        );
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (await collector.Http.GetAsync("/api/responses?survey=bezorging")).StatusCode
        );
        var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/responses?survey=bezorging");
        wrong.Headers.Add("Authorization", "Bearer wrong");
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (await collector.Http.SendAsync(wrong)).StatusCode
        );
        var csv = await collector.Export("bezorging", "csv", personal: false);
        Assert.Equal(
            "response_id,survey,version,submitted_at,lang,carrier,recommend,delivery.on_time,delivery.driver,delivery.packaging,ease,remarks,contact_ok,duration_ms",
            csv[0].TrimEnd('\r')
        );
        Assert.Contains(",3,,,,,\"'=1+2\",true,", csv[1], StringComparison.Ordinal); // a formula is never run by a spreadsheet
        Assert.DoesNotContain("a@example.org", string.Join("\n", csv), StringComparison.Ordinal);
        var personal = await collector.Export("bezorging", "csv");
        Assert.Contains("a@example.org", personal[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_post_without_JavaScript_is_stored_and_redirected_to_the_thank_you_page()
    {
        var response = await collector.PostForm(
            "survey=bezorging&version=1&lang=en&_next=%2Fbezorging%2Fen%2Fthanks.html&_hp=&recommend=9&delivery.on_time=8&delivery.driver=na&delivery.packaging="
                + "&ease=4&remarks=Fine+%26+fast&contact_ok=true&email=a%40example.org"
        );
        Assert.True(
            response.StatusCode == HttpStatusCode.Redirect,
            await response.Content.ReadAsStringAsync()
        );
        Assert.Equal("/bezorging/en/thanks.html", response.Headers.Location?.ToString());
        using var json = JsonDocument.Parse(Assert.Single(await collector.Export("bezorging")));
        var answers = json.RootElement.GetProperty("answers");
        Assert.Equal(9, answers.GetProperty("recommend").GetDouble());
        Assert.Equal("na", answers.GetProperty("delivery").GetProperty("driver").GetString());
        Assert.Equal("Fine & fast", answers.GetProperty("remarks").GetString());
        // A promoter is never asked for consent: the page showed the question without JavaScript, the answer is dropped.
        Assert.False(answers.TryGetProperty("contact_ok", out _));
        Assert.False(answers.TryGetProperty("email", out _));
    }

    [Fact]
    public async Task A_filled_honeypot_stores_nothing_and_is_answered_as_if_stored()
    {
        var bot = await collector.PostForm(
            "survey=bezorging&version=1&recommend=5&_next=%2Fthanks&_hp=http%3A%2F%2Fspam.example"
        );
        Assert.Equal(HttpStatusCode.Redirect, bot.StatusCode);
        Assert.Equal(0, await Count());
    }

    [Fact]
    public async Task A_form_post_with_a_mistake_shows_a_page_that_says_what_to_fix()
    {
        var response = await collector.PostForm(
            "survey=bezorging&version=1&recommend=&_next=%2Fthanks",
            accept: "text/html"
        );
        Assert.Equal(422, (int)response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(
            "'recommend' is required.",
            WebUtility.HtmlDecode(html),
            StringComparison.Ordinal
        );
        Assert.Contains("Back", html, StringComparison.Ordinal);
        Assert.Equal(0, await Count());
    }

    [Fact]
    public async Task Health_answers_with_the_store_and_its_count()
    {
        await collector.PostJson(Collector.Submission());
        var health = await collector.Http.GetStringAsync("/health");
        Assert.Equal(
            "{\"status\":\"ok\",\"store\":\"sqlite\",\"responses\":1,\"alerts\":{\"pending\":0,\"oldestPendingSeconds\":null,\"delivered\":0,\"dead\":0},\"invitations\":{\"invited\":0,\"opened\":0,\"responded\":0,\"reminded\":0,\"optedOut\":0}}",
            health
        );
    }

    [Fact]
    public async Task Posts_above_the_limit_per_client_get_429()
    {
        await using var limited = await Collector.Start(o => o with { PostsPerMinute = 3 });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(
                HttpStatusCode.Created,
                (await limited.PostJson(Collector.Submission())).StatusCode
            );
        }
        var refused = await limited.PostJson(Collector.Submission());
        Assert.Equal(429, (int)refused.StatusCode);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
    }

    [Fact]
    public async Task Only_configured_origins_may_post_from_a_browser()
    {
        await using var cors = await Collector.Start(o =>
            o with
            {
                AllowedOrigins = ["https://surveys.example.org"],
            }
        );
        async Task<string?> Preflight(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, "/api/responses");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "content-type");
            var response = await cors.Http.SendAsync(request);
            return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values)
                ? values.Single()
                : null;
        }
        Assert.Equal("https://surveys.example.org", await Preflight("https://surveys.example.org"));
        Assert.Null(await Preflight("https://evil.example"));
    }

    private async Task<long> Count()
    {
        using var json = JsonDocument.Parse(await collector.Http.GetStringAsync("/health"));
        return json.RootElement.GetProperty("responses").GetInt64();
    }
}
