using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using SurveyKit.Core.Responses;

namespace SurveyKit.Collector.Tests;

/// <summary>
/// The findings of the attack on the collector (issue 11), one test each: what once gave a bare 500, stored what it
/// should not, redirected elsewhere or leaked personal data now gets a 4xx problem body and stores nothing.
/// </summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private Collector collector = null!;

    public async Task InitializeAsync() => collector = await Collector.Start();

    public async Task DisposeAsync() => await collector.DisposeAsync();

    private async Task<(int Status, JsonElement? Problem)> Post(
        string json,
        string type = "application/json"
    )
    {
        var response = await collector.Http.PostAsync(
            "/api/responses",
            new StringContent(json, Encoding.UTF8, type)
        );
        var body = await response.Content.ReadAsStringAsync();
        JsonElement? problem = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            problem = JsonDocument.Parse(body).RootElement.Clone();
        }
        return ((int)response.StatusCode, problem);
    }

    private static string[] Paths(JsonElement? problem) =>
        problem!
            .Value.GetProperty("errors")
            .EnumerateArray()
            .Select(e => e.GetProperty("path").GetString()!)
            .ToArray();

    private async Task<long> Count()
    {
        using var json = JsonDocument.Parse(await collector.Http.GetStringAsync("/health"));
        return json.RootElement.GetProperty("responses").GetInt64();
    }

    // A lone surrogate escape anywhere once gave a 500 with no body.
    [Theory]
    [InlineData("\"recommend\":3,\"remarks\":\"ab\\ud800\"", "answers.remarks")]
    [InlineData("\"recommend\":3,\"re\\udc00marks\":\"x\"", "answers")]
    [InlineData(
        "\"recommend\":3,\"delivery\":{\"on_time\":\"\\ud800\"}",
        "answers.delivery.on_time"
    )]
    [InlineData("\"recommend\":3,\"delivery\":{\"\\ud800\":4}", "answers.delivery")]
    public async Task A_lone_surrogate_in_an_answer_or_key_is_a_422_naming_the_field(
        string answers,
        string path
    )
    {
        var (status, problem) = await Post(Collector.Submission(answers: answers));
        Assert.Equal(422, status);
        Assert.Contains(path, Paths(problem));
        Assert.Equal(0, await Count());
    }

    [Theory]
    [InlineData(
        "lang",
        "{ID,\"survey\":\"bezorging\",\"version\":1,\"lang\":\"n\\ud800\",ANSWERS}"
    )]
    [InlineData(
        "context.carrier",
        "{ID,\"survey\":\"bezorging\",\"version\":1,\"context\":{\"carrier\":\"\\ud800\"},ANSWERS}"
    )]
    [InlineData(
        "context",
        "{ID,\"survey\":\"bezorging\",\"version\":1,\"context\":{\"\\ud800\":\"x\"},ANSWERS}"
    )]
    [InlineData(
        "responseId",
        "{\"responseId\":\"\\ud800\",\"survey\":\"bezorging\",\"version\":1,ANSWERS}"
    )]
    [InlineData("survey", "{ID,\"survey\":\"\\ud800\",\"version\":1,ANSWERS}")]
    [InlineData("", "{ID,\"survey\":\"bezorging\",\"version\":1,\"\\ud800\":1,ANSWERS}")]
    public async Task A_lone_surrogate_in_the_envelope_is_a_4xx_naming_the_field(
        string path,
        string template
    )
    {
        var body = template
            .Replace("ID", "\"responseId\":\"" + Guid.NewGuid() + "\"", StringComparison.Ordinal)
            .Replace("ANSWERS", "\"answers\":{\"recommend\":3}", StringComparison.Ordinal);
        var (status, problem) = await Post(body);
        Assert.InRange(status, 400, 422);
        Assert.Contains(path, Paths(problem));
        Assert.Equal(0, await Count());
    }

    [Fact]
    public async Task A_lone_surrogate_in_meta_is_refused_with_a_body()
    {
        var body =
            Collector.Submission(answers: "\"recommend\":3")[..^1]
            + ",\"meta\":{\"durationMs\":\"\\ud800\"}}";
        var (status, problem) = await Post(body);
        Assert.Equal(422, status);
        Assert.Contains("meta.durationMs", Paths(problem));
    }

    // PostgreSQL cannot store a NUL; it once gave a 500 on every retry. Refused everywhere, by Core's rule.
    [Theory]
    [InlineData("\"recommend\":3,\"remarks\":\"a\\u0000b\"", "answers.remarks")]
    [InlineData("\"recommend\":3,\"remarks\":\"ok\",\"\\u0000\":1", "answers")]
    public async Task A_nul_in_a_json_text_is_a_422(string answers, string path)
    {
        var (status, problem) = await Post(Collector.Submission(answers: answers));
        Assert.Equal(422, status);
        Assert.Contains(path, Paths(problem));
        Assert.Equal(0, await Count());
    }

    [Fact]
    public async Task A_nul_in_a_form_post_is_a_422()
    {
        var response = await collector.PostForm(
            "survey=bezorging&version=1&lang=nl&recommend=3&remarks=a%00b"
        );
        Assert.Equal(422, (int)response.StatusCode);
        Assert.Contains(
            "answers.remarks",
            await response.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
        Assert.Equal(0, await Count());
    }

    // _next with a line break once stored the response, then failed with a 500.
    [Theory]
    [InlineData("%2Fthanks%0D%0ASet-Cookie%3A+x%3D1")]
    [InlineData("%2Fthanks%0A")]
    public async Task A_next_with_a_line_break_is_a_400_before_anything_is_stored(string next)
    {
        var response = await collector.PostForm(
            "survey=bezorging&version=1&lang=nl&recommend=8&_next=" + next
        );
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await Count());
    }

    // "/\t/other-host/path" once sent Chromium to another origin.
    [Theory]
    [InlineData("%2F%09%2Fother-host%2Fpath")]
    [InlineData("%2F%2Fevil.example%2F")]
    [InlineData("https%3A%2F%2Fevil.example%2F")]
    [InlineData("%2F%5Cevil.example")]
    [InlineData("%5C%5Cevil.example")]
    [InlineData("+%2F%2Fevil.example")]
    [InlineData("%2F%20%2Fevil.example")]
    [InlineData("javascript%3Aalert(1)")]
    [InlineData("%2F%E2%80%AE%2Fevil")] // a right-to-left override: a format character, not a path
    [InlineData("%2F.%2F%2Fevil.example%2Fx")] // dot segments that resolve to //evil.example/x
    [InlineData("%2F..%2F%2Fevil.example")]
    [InlineData("%2Fa%2F..%2F%2Fevil.example")]
    [InlineData("%2F%252e%252e%2F%2Fevil.example")]
    public async Task A_next_that_leaves_the_site_is_a_400_and_nothing_is_stored(string next)
    {
        var response = await collector.PostForm(
            "survey=bezorging&version=1&lang=nl&recommend=8&_next=" + next
        );
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal(0, await Count());
    }

    [Theory]
    [InlineData("%2Fbezorging%2Fen%2Fthanks.html", "/bezorging/en/thanks.html")]
    [InlineData("%2Fa%2F..%2Fbezorging%2Fthanks.html%3Fx%3D1", "/bezorging/thanks.html?x=1")]
    public async Task A_next_on_the_site_is_followed_as_a_browser_would_read_it(
        string next,
        string location
    )
    {
        var response = await collector.PostForm(
            "survey=bezorging&version=1&lang=nl&recommend=8&_next=" + next
        );
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("application/jsonp")]
    [InlineData("application/json-seq")]
    [InlineData("application/json; charset=latin1")]
    [InlineData("text/plainx")]
    [InlineData("application/x-www-form-urlencodedx")]
    public async Task A_content_type_is_matched_exactly(string type)
    {
        var content = new StringContent(Collector.Submission());
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", type);
        var response = await collector.Http.PostAsync("/api/responses", content);
        Assert.Equal(415, (int)response.StatusCode);
        Assert.Equal(0, await Count());
    }

    [Theory]
    [InlineData("Application/JSON")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("text/plain;charset=utf-8")]
    public async Task A_content_type_is_case_blind_and_may_say_utf8(string type)
    {
        var content = new StringContent(Collector.Submission());
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", type);
        Assert.Equal(
            HttpStatusCode.Created,
            (await collector.Http.PostAsync("/api/responses", content)).StatusCode
        );
    }

    [Fact]
    public async Task The_nil_uuid_is_not_a_response_id()
    {
        var (status, problem) = await Post(Collector.Submission(id: Guid.Empty.ToString()));
        Assert.Equal(422, status);
        Assert.Contains("responseId", Paths(problem));
        var form = await collector.PostForm(
            "survey=bezorging&version=1&lang=nl&recommend=8&responseId=00000000-0000-0000-0000-000000000000"
        );
        Assert.Equal(422, (int)form.StatusCode);
        Assert.Equal(0, await Count());
    }

    // A responseId reused for another survey once got 200 "duplicate" while nothing was stored for that survey.
    [Fact]
    public async Task A_response_id_used_by_another_survey_is_a_409()
    {
        var id = Guid.NewGuid().ToString();
        Assert.Equal(201, (await Post(Collector.Submission(id: id))).Status);
        var (status, problem) = await Post(
            Collector.Submission(
                id: id,
                survey: "klantloyaliteit",
                answers: "\"recommend\":8,\"satisfaction\":4,\"touchpoints\":{\"website\":8}"
            )
        );
        Assert.Equal(409, status);
        Assert.Contains("responseId", Paths(problem));
        Assert.Empty(await collector.Export("klantloyaliteit"));
        Assert.Equal(200, (await Post(Collector.Submission(id: id))).Status); // the same survey: a retry
    }

    [Theory]
    [InlineData("1e-400")]
    [InlineData("8.0")]
    [InlineData("8e0")]
    public async Task A_score_must_be_a_whole_number_literal(string literal)
    {
        var (status, problem) = await Post(
            Collector.Submission(answers: "\"recommend\":" + literal)
        );
        Assert.Equal(422, status);
        Assert.Contains("answers.recommend", Paths(problem));
        var form = await collector.PostForm(
            $"survey=bezorging&version=1&lang=nl&recommend={literal}"
        );
        Assert.Equal(422, (int)form.StatusCode);
        Assert.Equal(0, await Count());
    }

    [Fact]
    public async Task A_context_value_of_200000_characters_is_refused()
    {
        var body =
            Collector
                .Submission(answers: "\"recommend\":8")[..^1]
                .Replace(
                    "\"lang\":\"nl\"",
                    "\"lang\":\"nl\",\"context\":{\"carrier\":\""
                        + new string('x', 200_000)
                        + "\"}",
                    StringComparison.Ordinal
                ) + "}";
        var (status, problem) = await Post(body);
        Assert.Equal(422, status);
        Assert.Contains("context.carrier", Paths(problem));
        Assert.True(
            problem!.Value.GetRawText().Length < 4000,
            "the problem body repeats the value"
        );
    }

    // JSON Lines once carried e-mail addresses without personal=true.
    [Fact]
    public async Task Json_lines_leave_personal_data_out_unless_asked_and_say_so_first()
    {
        Assert.Equal(
            201,
            (
                await Post(
                    Collector.Submission(
                        answers: "\"recommend\":3,\"contact_ok\":true,\"email\":\"jan@example.org\""
                    )
                )
            ).Status
        );
        var request = new HttpRequestMessage(
            HttpMethod.Get,
            "/api/responses?survey=bezorging&format=jsonl"
        );
        request.Headers.Add("Authorization", "Bearer " + Collector.Token);
        var response = await collector.Http.SendAsync(request);
        var lines = (await response.Content.ReadAsStringAsync()).Split(
            '\n',
            StringSplitOptions.RemoveEmptyEntries
        );
        Assert.Equal(
            "context.order, answers.email",
            string.Join(",", response.Headers.GetValues("SurveyKit-Left-Out"))
        );
        Assert.Equal(2, lines.Length);
        using var note = JsonDocument.Parse(lines[0]);
        Assert.Equal(
            ["context.order", "answers.email"],
            note.RootElement.GetProperty("surveykit")
                .GetProperty("left_out")
                .EnumerateArray()
                .Select(e => e.GetString())
        );
        Assert.DoesNotContain("jan@example.org", lines[1], StringComparison.Ordinal);
        using var record = JsonDocument.Parse(lines[1]);
        Assert.True(
            record.RootElement.GetProperty("answers").GetProperty("contact_ok").GetBoolean()
        );
        var personal = await collector.Export("bezorging");
        Assert.Contains("jan@example.org", Assert.Single(personal), StringComparison.Ordinal);
    }

    // A leading tab or carriage return starts a formula in some spreadsheets (OWASP), as = + - @ do.
    [Fact]
    public async Task The_csv_export_guards_a_leading_tab_and_carriage_return()
    {
        Assert.Equal(
            201,
            (
                await Post(
                    Collector.Submission(
                        answers: "\"recommend\":3,\"remarks\":\"\\t=cmd|' /C calc'!A0\""
                    )
                )
            ).Status
        );
        Assert.Equal(
            201,
            (
                await Post(Collector.Submission(answers: "\"recommend\":3,\"remarks\":\"\\r=1+1\""))
            ).Status
        );
        var csv = string.Join("\n", await collector.Export("bezorging", "csv"));
        Assert.Contains(",\"'\t=cmd|' /C calc'!A0\",", csv, StringComparison.Ordinal);
        Assert.Contains(",\"'\r=1+1\",", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_answer_carries_headers_that_forbid_framing_and_sniffing()
    {
        var response = await collector.PostJson(Collector.Submission());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains(
            "frame-ancestors 'none'",
            response.Headers.GetValues("Content-Security-Policy").Single(),
            StringComparison.Ordinal
        );
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    // A chunked body with a broken chunk once gave a 500, without the security headers.
    [Fact]
    public async Task A_body_kestrel_cannot_read_is_a_400_with_a_problem_body_and_the_headers()
    {
        var uri = new Uri(collector.Url);
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port);
        using var stream = client.GetStream();
        var request =
            "POST /api/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new System.IO.StreamReader(stream, Encoding.UTF8);
        var answer = await reader.ReadToEndAsync();
        Assert.StartsWith("HTTP/1.1 400", answer, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", answer, StringComparison.Ordinal);
        Assert.Contains("X-Frame-Options: DENY", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await Count());
    }

    [Fact]
    public async Task The_page_for_a_person_lists_at_most_twenty_errors()
    {
        var fields = string.Join("&", Enumerable.Range(0, 5_000).Select(i => $"x{i}=1"));
        var response = await collector.PostForm(
            "survey=bezorging&version=1&lang=nl&recommend=3&" + fields,
            accept: "text/html"
        );
        Assert.Equal(422, (int)response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.Length < 10_000, $"{html.Length} characters");
        Assert.Contains("more like these", html, StringComparison.Ordinal);
    }

    // A value with a line break once forged a line of analyze's console; a key made of reordering characters
    // reached the report.
    [Fact]
    public async Task Values_and_keys_quoted_in_a_problem_cannot_break_or_reorder_a_line()
    {
        var (status, problem) = await Post(
            Collector.Submission(
                answers: "\"recommend\":\"9\\nRead 1: scored 1\",\"x\\u202eevil\":1"
            )
        );
        Assert.Equal(422, status);
        Assert.DoesNotContain('\n', problem!.Value.GetProperty("detail").GetString()!);
        var messages = problem
            .Value.GetProperty("errors")
            .EnumerateArray()
            .Select(e => e.GetProperty("message").GetString()!)
            .ToList();
        Assert.All(messages, m => Assert.DoesNotContain('\n', m));
        Assert.All(messages, m => Assert.DoesNotContain('\u202e', m));
        Assert.Contains(messages, m => m.Contains("\\n", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("\\u202E", StringComparison.Ordinal));
    }

    // 12345678901234567890 once came back from the store as 1.2345678901234567E+19, which analyze refused.
    [Fact]
    public void A_large_whole_number_is_stored_as_a_whole_number()
    {
        var data = new ResponseData
        {
            ResponseId = Guid.NewGuid().ToString(),
            Survey = "x",
            Version = 1,
        };
        data.Answers["n"] = AnswerValue.Of(12345678901234567890d);
        var body = SurveyKit.Submissions.SubmissionJson.Write(
            new SurveyKit.Submissions.Submission(data, null, null),
            null
        );
        Assert.Contains("\"n\":12345678901234567168", body, StringComparison.Ordinal);
        var read = SurveyKit.Submissions.SubmissionJson.Read(Encoding.UTF8.GetBytes(body));
        Assert.Null(read.Submission!.Data.Answers["n"].Written);
    }
}
