using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using SurveyKit.Analysis.Report;
using SurveyKit.Analysis.Sampling;
using SurveyKit.Analysis.Scoring;
using SurveyKit.Analysis.Tests.Statistics;
using SurveyKit.Core;
using SurveyKit.Core.Model;

namespace SurveyKit.Analysis.Tests.Trend;

/// <summary>
/// Loyalty over time: periods made from the submission time (or the version, or the wave), every change between two
/// periods tested as R computes it independently (scripts in the comments), too few responses shown but never
/// compared, and a planted rise named by the findings.
/// </summary>
public class TrendTests
{
    private static Survey Survey => TestSurveys.Klantloyaliteit;

    /// <summary>A response to klantloyaliteit at <paramref name="at"/> (UTC) with one touchpoint grade.</summary>
    private static string Line(int recommend, string at, int service = 7, string segment = "b2b") =>
        $"{{\"responseId\":\"{Guid.NewGuid()}\",\"survey\":\"klantloyaliteit\",\"version\":1,\"submittedAt\":\"{at}\",\"context\":{{\"segment\":\"{segment}\"}},\"answers\":{{\"recommend\":{recommend},\"satisfaction\":4,\"touchpoints\":{{\"service\":{service}}}}}}}\n";

    /// <summary><paramref name="detractors"/> 3s, <paramref name="passives"/> 7s and <paramref name="promoters"/> 10s on one day.</summary>
    private static IEnumerable<string> Period(
        string day,
        int detractors,
        int passives,
        int promoters
    ) =>
        Enumerable
            .Repeat(3, detractors)
            .Concat(Enumerable.Repeat(7, passives))
            .Concat(Enumerable.Repeat(10, promoters))
            .Select(score => Line(score, day + "T12:00:00+00:00"));

    private static AnalysisResult Analyze(IEnumerable<string> lines, TrendBy by = TrendBy.Auto) =>
        SurveyAnalyzer.Analyze(
            TestSurveys.ReadJsonLines(Survey, string.Concat(lines)),
            new AnalysisOptions { By = by, DriverResamples = 0 }
        );

    private static string Findings(AnalysisResult result, string language)
    {
        var report = ReportTemplates.BuiltIn.Markdown(ReportBuilder.Build(result, language));
        var start = report.IndexOf("\n## ", StringComparison.Ordinal);
        return report[start..report.IndexOf("\n## ", start + 4, StringComparison.Ordinal)];
    }

    /// <summary>
    /// Three quarters of 1000: NPS 0, +10, +10. In R, with Rocks' adjusted Wald difference (0.75 detractor, 1.5
    /// passive and 0.75 promoter added to each group):
    /// <code>
    /// adj &lt;- function(det, pas, pro) { n &lt;- det+pas+pro+3; pp &lt;- (pro+.75)/n; pd &lt;- (det+.75)/n
    ///   c(nps = pp-pd, v = pp+pd-(pp-pd)^2, n = n) }
    /// A &lt;- adj(300,400,300); B &lt;- adj(250,400,350); se &lt;- sqrt(A["v"]/A["n"] + B["v"]/B["n"])
    /// d &lt;- B["nps"]-A["nps"]; 2*pnorm(-abs(d/se)); d + c(-1,1)*qnorm(.975)*se
    /// p.adjust(c(0.00378951118069288, 0.999999999999999), "holm")
    /// </code>
    /// gives p 0.00378951118069288, the interval 3.22057073480 .. 16.7196087264 points, and after Holm over the two
    /// changes 0.00757902236138576.
    /// </summary>
    [Fact]
    public void A_change_between_quarters_is_Rocks_adjusted_test_with_Holm_over_the_changes()
    {
        var result = Analyze(
            Period("2026-02-10", 300, 400, 300)
                .Concat(Period("2026-05-10", 250, 400, 350))
                .Concat(Period("2026-08-10", 260, 380, 360))
        );

        var trend = result.Trend!;
        Assert.Equal(TrendBy.Quarter, trend.By);
        Assert.Equal(["2026-Q1", "2026-Q2", "2026-Q3"], trend.Periods.Select(p => p.Key));
        Assert.Equal(2, trend.Changes);
        Assert.Null(trend.Periods[0].VsPrevious);
        var rise = trend.Periods[1].VsPrevious!;
        Approx.Equal(10, rise.Difference, 9);
        Approx.Relative(0.00378951118069288, rise.P, 1e-9);
        Approx.Relative(0.00757902236138576, rise.PAdjusted, 1e-9);
        Approx.Equal(3.22057073480, rise.Ci95.Low, 6);
        Approx.Equal(16.7196087264, rise.Ci95.High, 6);
        Assert.True(rise.Significant);
        var flat = trend.Periods[2].VsPrevious!;
        Approx.Equal(0, flat.Difference, 9);
        Assert.Equal(1, flat.PAdjusted, 9);
        Assert.False(flat.Significant);
        // The change from the first period is its own family: Q2 and Q3 against Q1.
        Assert.True(trend.Periods[2].VsFirst!.Significant);

        var en = Findings(result, "en");
        Assert.True(
            en.Contains(
                "The NPS rose from 0.0 to **+10.0** between Q1\u00A02026 and Q2\u00A02026 (p = 0.008 after Holm's correction).",
                StringComparison.Ordinal
            ),
            en
        );
        Assert.Contains(
            "De NPS steeg van 0,0 naar **+10,0** tussen K1\u00A02026 en K2\u00A02026 (p = 0,008 na Holm-correctie).",
            Findings(result, "nl"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_period_with_too_few_responses_is_shown_but_never_compared_or_a_finding()
    {
        var result = Analyze(
            Period("2026-02-10", 100, 100, 100).Concat(Period("2026-05-10", 0, 0, 20))
        );

        var few = result.Trend!.Periods[1];
        Assert.Equal(20, few.Nps.N);
        Assert.Equal(100, few.Nps.Value);
        Assert.Null(few.VsPrevious);
        Assert.Null(few.VsFirst);
        Assert.Equal(0, result.Trend.Changes);
        var findings = Findings(result, "en");
        Assert.Contains(
            "Per quarter there are too few responses to test changes (at least 30 per period).",
            findings,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("rose", findings, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_within_one_quarter_has_no_trend_unless_asked_and_none_turns_it_off()
    {
        var lines = Period("2026-01-10", 50, 50, 50)
            .Concat(Period("2026-03-20", 50, 50, 50))
            .ToList();

        Assert.Null(Analyze(lines).Trend);
        Assert.Equal(
            ["2026-01", "2026-03"],
            Analyze(lines, TrendBy.Month).Trend!.Periods.Select(p => p.Key)
        );
        Assert.Null(Analyze(lines.Concat(Period("2026-04-01", 5, 5, 5)), TrendBy.None).Trend);
    }

    [Fact]
    public void Months_and_iso_weeks_are_keyed_in_time_order()
    {
        // 29 December 2025 is a Monday in ISO week 1 of 2026.
        var lines = Period("2026-03-02", 10, 10, 10)
            .Concat(Period("2025-12-29", 10, 10, 10))
            .Concat(Period("2026-01-05", 10, 10, 10))
            .ToList();

        Assert.Equal(
            ["2026-W01", "2026-W02", "2026-W10"],
            Analyze(lines, TrendBy.Week).Trend!.Periods.Select(p => p.Key)
        );
        Assert.Equal(
            ["2025-12", "2026-01", "2026-03"],
            Analyze(lines, TrendBy.Month).Trend!.Periods.Select(p => p.Key)
        );
        Assert.Equal(
            ["2025-Q4", "2026-Q1"],
            Analyze(lines, TrendBy.Quarter).Trend!.Periods.Select(p => p.Key)
        );
    }

    [Fact]
    public void Responses_without_a_submission_time_are_counted_as_undated_and_kept_in_the_rest()
    {
        var lines = Period("2026-02-10", 40, 40, 40)
            .Concat(Period("2026-05-10", 40, 40, 40))
            .Append(Line(10, "").Replace(",\"submittedAt\":\"\"", "", StringComparison.Ordinal))
            .ToList();

        var result = Analyze(lines);

        Assert.Equal(1, result.Trend!.Undated);
        Assert.Equal(241, result.Nps.N);
        Assert.Contains(
            "1 responses have no submission time and are not in the trend",
            ReportTemplates.BuiltIn.Markdown(ReportBuilder.Build(result, "en")),
            StringComparison.Ordinal
        );
    }

    /// <summary>
    /// Customer service's grades drop by 0.9 and its change is Welch's test, as R computes it: one grade per response,
    /// 300 of 8 against 300 of 7 with the spread below.
    /// </summary>
    [Fact]
    public void A_touchpoint_change_is_Welch_s_test_and_said_when_the_nps_holds()
    {
        var random = new Random(5);
        var before = Enumerable.Range(0, 300).Select(_ => 7 + random.Next(0, 3)).ToList();
        var after = Enumerable.Range(0, 300).Select(_ => 6 + random.Next(0, 3)).ToList();
        var lines = before
            .Select(
                (grade, i) =>
                    Line(
                        i % 3 == 0 ? 3
                            : i % 3 == 1 ? 7
                            : 10,
                        "2026-02-10T10:00:00Z",
                        grade
                    )
            )
            .Concat(
                after.Select(
                    (grade, i) =>
                        Line(
                            i % 3 == 0 ? 3
                                : i % 3 == 1 ? 7
                                : 10,
                            "2026-05-10T10:00:00Z",
                            grade
                        )
                )
            );

        var result = Analyze(lines);

        var service = result.Trend!.Periods[1].Touchpoints.Single(t => t.Id == "service");
        Approx.Equal(after.Average() - before.Average(), service.Change, 9);
        Approx.Relative(
            SurveyKit.Analysis.Statistics.WelchTest.P(
                before.Count,
                before.Sum(),
                before.Sum(g => (double)g * g),
                after.Count,
                after.Sum(),
                after.Sum(g => (double)g * g)
            ),
            service.P,
            1e-12
        );
        Assert.True(service.Significant);
        Assert.False(result.Trend.Periods[1].VsPrevious?.Significant ?? false);
        var findings = Findings(result, "en");
        Assert.Contains("The NPS did not change significantly", findings, StringComparison.Ordinal);
        Assert.True(
            findings.Contains(
                $"Customer service fell significantly from {before.Average():0.0} to {after.Average():0.0} between Q1\u00A02026 and Q2\u00A02026",
                StringComparison.Ordinal
            ),
            findings
        );
    }

    /// <summary>
    /// The issue's golden test: a sample over two quarters with delivery graded a point higher from April, through the
    /// planted drivers. The findings name delivery, and no other touchpoint changed.
    /// </summary>
    [Fact]
    public void A_planted_rise_in_one_touchpoint_in_one_quarter_is_named_by_the_findings()
    {
        var responses = SampleGenerator
            .Generate(
                Survey,
                new SampleOptions(4000, 3, TestSurveys.PlantedDrivers)
                {
                    Start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
                    End = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero),
                    Shifts =
                    [
                        new SampleShift(
                            "delivery",
                            1.0,
                            new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero)
                        ),
                    ],
                }
            )
            .ToList();
        var result = SurveyAnalyzer.Analyze(
            TestSurveys.Table(Survey, responses),
            new AnalysisOptions { DriverResamples = 0 }
        );

        var q2 = result.Trend!.Periods[1];
        Assert.Equal("2026-Q2", q2.Key);
        var changed = q2.Touchpoints.Where(t => t.Significant).Select(t => t.Id).ToList();
        Assert.Equal(["delivery"], changed);
        Assert.InRange(q2.Touchpoints.Single(t => t.Id == "delivery").Change, 0.7, 1.2);
        Assert.True(q2.VsPrevious!.Significant && q2.VsPrevious.Difference > 0);
        Assert.Contains(
            "Delivery rose most in that period",
            Findings(result, "en"),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "De bezorging steeg in die periode het meest",
            Findings(result, "nl"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Summary_json_carries_the_trend_as_formats_md_says()
    {
        var result = Analyze(
            Period("2026-02-10", 300, 400, 300).Concat(Period("2026-05-10", 250, 400, 350))
        );
        using var stream = new MemoryStream();
        SummaryJson.Write(result, stream);
        using var json = JsonDocument.Parse(stream.ToArray());
        var trend = json.RootElement.GetProperty("trend");

        Assert.Equal("quarter", trend.GetProperty("by").GetString());
        var periods = trend.GetProperty("periods").EnumerateArray().ToList();
        Assert.Equal(
            ["2026-Q1", "2026-Q2"],
            periods.Select(p => p.GetProperty("period").GetString())
        );
        Assert.Equal(JsonValueKind.Null, periods[0].GetProperty("change").ValueKind);
        Assert.Equal(JsonValueKind.Null, periods[0].GetProperty("p_change").ValueKind);
        Assert.Equal(10.0, periods[1].GetProperty("change").GetDouble());
        Assert.Equal(0.00379, periods[1].GetProperty("p_change").GetDouble());
        Assert.Equal(1000, periods[1].GetProperty("n").GetInt32());
        Assert.Equal(10.0, periods[1].GetProperty("nps").GetDouble());
        var ci = periods[1]
            .GetProperty("ci95")
            .EnumerateArray()
            .Select(v => v.GetDouble())
            .ToList();
        Assert.True(ci[0] < 10 && 10 < ci[1]);
        Assert.Equal(
            1000,
            periods[1].GetProperty("touchpoints").GetProperty("service").GetProperty("n").GetInt32()
        );
        Assert.Equal(
            1000,
            periods[1]
                .GetProperty("segments")
                .GetProperty("segment")
                .GetProperty("b2b")
                .GetProperty("n")
                .GetInt32()
        );
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("accounts").ValueKind);
    }

    [Fact]
    public void Without_a_trend_summary_json_says_null()
    {
        var result = Analyze(Period("2026-02-10", 30, 30, 30));
        using var stream = new MemoryStream();
        SummaryJson.Write(result, stream);
        using var json = JsonDocument.Parse(stream.ToArray());

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("trend").ValueKind);
    }

    /// <summary>Waves come in the order they started, whatever their names, and a response without one is undated.</summary>
    [Fact]
    public void Waves_are_ordered_by_when_they_started()
    {
        var survey = SurveyLoader
            .Parse(
                "waves.survey.yaml",
                """
                survey: waves
                version: 1
                languages: [en]
                title: Waves
                context:
                  - id: wave
                questions:
                  - id: recommend
                    type: nps
                    text: How likely are you to recommend us?
                analysis:
                  wave: wave
                """
            )
            .Survey!;
        string WaveLine(string? wave, string at, int score) =>
            $"{{\"responseId\":\"{Guid.NewGuid()}\",\"survey\":\"waves\",\"version\":1,\"submittedAt\":\"{at}\",\"context\":{{{(wave is null ? "" : $"\"wave\":\"{wave}\"")}}},\"answers\":{{\"recommend\":{score}}}}}\n";
        var lines = Enumerable
            .Range(0, 40)
            .Select(i => WaveLine("spring", "2026-03-01T10:00:00Z", i % 11))
            .Concat(
                Enumerable
                    .Range(0, 40)
                    .Select(i => WaveLine("autumn", "2026-09-01T10:00:00Z", i % 11))
            )
            .Concat(
                Enumerable
                    .Range(0, 40)
                    .Select(i => WaveLine("a-pilot", "2026-01-15T10:00:00Z", i % 11))
            )
            .Append(WaveLine(null, "2026-03-02T10:00:00Z", 9));

        var result = SurveyAnalyzer.Analyze(
            TestSurveys.ReadJsonLines(survey, string.Concat(lines)),
            new AnalysisOptions { By = TrendBy.Wave }
        );

        Assert.Equal(["a-pilot", "spring", "autumn"], result.Trend!.Periods.Select(p => p.Key));
        Assert.Equal(1, result.Trend.Undated);
    }

    /// <summary>The trend, the touchpoints per month and the accounts in one language only (as the main report's test).</summary>
    [Theory]
    [InlineData("nl", "en")]
    [InlineData("en", "nl")]
    public void The_trend_and_the_accounts_speak_only_the_report_language(
        string language,
        string other
    )
    {
        var survey = TestSurveys.Example("accountmonitor");
        var responses = SampleGenerator
            .Generate(
                survey,
                new SampleOptions(900, 4)
                {
                    Start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
                    End = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero),
                    Shifts =
                    [
                        new SampleShift(
                            "support",
                            1.5,
                            new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero)
                        ),
                    ],
                }
            )
            .ToList();
        var result = SurveyAnalyzer.Analyze(
            TestSurveys.Table(survey, responses),
            new AnalysisOptions { By = TrendBy.Month, DriverResamples = 0 }
        );
        Assert.NotNull(result.Trend);
        Assert.NotNull(result.Accounts);
        var report =
            ReportTemplates.BuiltIn.Markdown(ReportBuilder.Build(result, language))
            + ReportTemplates.BuiltIn.Html([ReportBuilder.Build(result, language)]);
        Assert.Contains(
            language == "nl" ? "per maand" : "per month",
            report,
            StringComparison.Ordinal
        );

        var leaks = ReportTexts
            .All(other)
            .Where(text => text.Value != ReportTexts.All(language)[text.Key])
            .SelectMany(text => System.Text.RegularExpressions.Regex.Split(text.Value, @"\{\d\}"))
            .Select(fragment => fragment.Trim(' ', '.', ',', ':', '(', ')'))
            .Where(fragment => fragment.Length >= 12)
            .Where(fragment => report.Contains(fragment, StringComparison.Ordinal))
            .ToArray();
        Assert.True(leaks.Length == 0, string.Join("\n", leaks));
    }
}
