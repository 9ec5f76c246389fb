using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CsCheck;
using SurveyKit.Core.Responses;
using SurveyKit.Submissions;

namespace SurveyKit.Collector.Tests;

/// <summary>
/// Thousands of generated hostile posts (JSON and form) against a real collector: never a 5xx from input alone, every
/// refusal a problem body that does not echo what was sent, each answer within a time bound, and everything stored
/// valid by Core's rules. Generation is seeded, so a failure names the input that caused it.
/// </summary>
public sealed class FuzzTests : IAsyncLifetime
{
    private const int Iterations = 1500;

    private Collector collector = null!;
    private readonly ConcurrentBag<string> failures = [];
    private readonly ConcurrentDictionary<int, int> statuses = new();
    private double slowest;

    public async Task InitializeAsync() =>
        collector = await Collector.Start(o => o with { Log = System.IO.TextWriter.Null });

    public async Task DisposeAsync() => await collector.DisposeAsync();

    private void Post(string contentType, string body)
    {
        var watch = Stopwatch.StartNew();
        using var response = collector
            .Http.PostAsync("/api/responses", new StringContent(body, Encoding.UTF8, contentType))
            .GetAwaiter()
            .GetResult();
        var seconds = watch.Elapsed.TotalSeconds;
        lock (failures)
        {
            slowest = Math.Max(slowest, seconds);
        }
        var status = (int)response.StatusCode;
        statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        string? failure =
            status >= 500 ? $"{status} for this body"
            : seconds > 2 ? $"{seconds:F1} s for this body"
            : status >= 400 ? Problem(response, text)
            : null;
        if (failure is not null)
        {
            failures.Add(failure + ": " + Cut(body));
            throw new InvalidOperationException(failure);
        }
    }

    private static string? Problem(HttpResponseMessage response, string text)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return
                (int)response.StatusCode == 422
                && response.Content.Headers.ContentType?.MediaType == "text/html"
                ? null // a form post's page for a person
                : $"{(int)response.StatusCode} without a problem body";
        }
        using var problem = JsonDocument.Parse(text);
        if (
            problem.RootElement.GetProperty("errors").GetArrayLength() == 0
            || string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString())
        )
        {
            return "a problem body without errors or detail";
        }
        return text.Length > 8_000 ? $"a problem body of {text.Length} characters" : null;
    }

    private static string Cut(string body) => body.Length > 300 ? body[..300] + "…" : body;

    [Fact]
    public async Task Generated_json_submissions_never_get_a_5xx_and_only_valid_ones_are_stored()
    {
        HostileInput.Submission.Sample(
            body => Post("application/json", body),
            iter: Iterations,
            threads: 2
        );
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(5)));
        AssertReachedEveryAnswer(201, 400, 422);
        Assert.True(slowest < 2, $"the slowest answer took {slowest:F2} s");
        await AssertStoredIsValid();
    }

    [Fact]
    public async Task Generated_form_posts_never_get_a_5xx_and_only_valid_ones_are_stored()
    {
        HostileInput.Form.Sample(
            body => Post("application/x-www-form-urlencoded", body),
            iter: Iterations,
            threads: 2
        );
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(5)));
        AssertReachedEveryAnswer(200, 400, 422);
        await AssertStoredIsValid();
    }

    [Fact]
    public void A_body_of_ever_more_keys_is_answered_in_time_in_proportion_to_it() =>
        Growth.IsLinear(
            n =>
                Post(
                    "application/json",
                    Collector.Submission(
                        answers: string.Join(
                            ",",
                            Enumerable.Range(0, n).Select(i => $"\"k{i}\":\"\\u0000\"")
                        )
                    )
                ),
            1_000
        );

    // What the collector refuses, analyze rejects, with the same reason (issue 11): one rule set, one reader.
    [Fact]
    public void Analyze_rejects_what_the_collector_refuses_with_the_same_reason()
    {
        var survey = Collector.Examples().Single(s => s.Id == "bezorging");
        var plan = SurveyKit.Analysis.Data.AnalysisPlan.For(survey);
        var compared = 0;
        HostileInput.Submission.Sample(
            body =>
            {
                if (
                    !body.Contains(
                        "\"survey\":\"bezorging\",\"version\":1,",
                        StringComparison.Ordinal
                    ) || body.Contains('\n', StringComparison.Ordinal)
                )
                {
                    return;
                }
                using var response = collector
                    .Http.PostAsync(
                        "/api/responses",
                        new StringContent(body, Encoding.UTF8, "application/json")
                    )
                    .GetAwaiter()
                    .GetResult();
                var status = (int)response.StatusCode;
                if (status is 409 or 413)
                {
                    return; // an id another survey took, a body over the collector's size: not the rules
                }
                var builder = new SurveyKit.Analysis.Data.ResponseTableBuilder(plan);
                builder.AddJson(Encoding.UTF8.GetBytes(body), "fuzz.jsonl", 1);
                var table = builder.Build();
                if (status is 200 or 201)
                {
                    Assert.True(
                        table.Count == 1,
                        $"the collector took it, analyze did not: {table.Rejections.FirstOrDefault()?.Reason}\n{Cut(body)}"
                    );
                }
                else
                {
                    using var problem = JsonDocument.Parse(
                        response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
                    );
                    var detail = problem.RootElement.GetProperty("detail").GetString();
                    var rejection = Assert.Single(table.Rejections);
                    Assert.True(
                        detail == rejection.Reason,
                        $"collector: {detail}\nanalyze:   {rejection.Reason}\n{Cut(body)}"
                    );
                }
                System.Threading.Interlocked.Increment(ref compared);
            },
            iter: Iterations,
            threads: 1
        );
        Assert.True(compared > 200, $"only {compared} bodies compared");
    }

    // The generator must get past the first checks often enough to reach the deeper ones (and to store some).
    private void AssertReachedEveryAnswer(params int[] expected)
    {
        var seen = string.Join(
            ", ",
            statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")
        );
        Assert.True(statuses.Values.Sum() >= Iterations, seen);
        Assert.All(
            expected,
            status => Assert.True((statuses.TryGetValue(status, out var n) ? n : 0) >= 10, seen)
        );
    }

    // What was stored meets Core's rules, read back as the analysis reads it.
    private async Task AssertStoredIsValid()
    {
        foreach (var survey in Collector.Examples())
        {
            foreach (var line in await collector.Export(survey.Id))
            {
                var read = SubmissionJson.Read(Encoding.UTF8.GetBytes(line));
                Assert.True(read.Submission is not null, line);
                Assert.Empty(ResponseValidator.Validate(survey, read.Submission!.Data));
            }
        }
    }
}
