using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using SurveyKit.Analysis.Report;
using SurveyKit.Analysis.Scoring;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Tests.Scoring;

/// <summary>
/// Every claim the report makes must be one a statistician would sign. Each test builds the data set that once made
/// the report say something it should not (issue 12) and checks the analysis and the words.
/// </summary>
public class ReportClaimsTests
{
    private static readonly Core.Model.Survey Survey = TestSurveys.Klantloyaliteit;

    /// <summary>A klantloyaliteit submission; the survey requires satisfaction and at least one grade.</summary>
    private static string Line(
        int recommend,
        string segment = "b2b",
        IReadOnlyDictionary<string, int>? grades = null,
        string? complaint = null
    )
    {
        var touchpoints = string.Join(
            ",",
            (grades ?? new Dictionary<string, int> { ["website"] = 8 }).Select(g =>
                $"\"{g.Key}\":{g.Value}"
            )
        );
        var complaintJson = complaint is null ? "" : $",\"complaint\":\"{complaint}\"";
        return $"{{\"responseId\":\"{Guid.NewGuid()}\",\"survey\":\"klantloyaliteit\",\"version\":1,\"context\":{{\"segment\":\"{segment}\"}},\"answers\":{{\"recommend\":{recommend},\"satisfaction\":4,\"touchpoints\":{{{touchpoints}}}{complaintJson}}}}}\n";
    }

    private static AnalysisResult Analyze(
        IEnumerable<string> lines,
        AnalysisOptions? options = null
    ) => SurveyAnalyzer.Analyze(TestSurveys.ReadJsonLines(Survey, string.Concat(lines)), options);

    private static string Report(AnalysisResult result, string language) =>
        ReportTemplates.BuiltIn.Markdown(ReportBuilder.Build(result, language));

    private static string Findings(AnalysisResult result, string language)
    {
        var report = Report(result, language);
        var start = report.IndexOf("\n## ", StringComparison.Ordinal);
        var end = report.IndexOf("\n## ", start + 4, StringComparison.Ordinal);
        return report[start..end];
    }

    /// <summary>Scores of a class mix: detractors 3, passives 7, promoters 10.</summary>
    private static IEnumerable<int> Scores(int detractors, int passives, int promoters) =>
        Enumerable
            .Repeat(3, detractors)
            .Concat(Enumerable.Repeat(7, passives))
            .Concat(Enumerable.Repeat(10, promoters));

    // 1. Tiny groups are never "significant".

    [Fact]
    public void A_group_of_three_promoters_is_shown_but_not_compared()
    {
        var lines = Scores(60, 80, 57)
            .Select(s => Line(s, "b2c"))
            .Concat(Enumerable.Repeat(10, 3).Select(s => Line(s, "b2b")));
        var result = Analyze(lines);
        var b2b = result
            .Segments.Single(s => s.Id == "segment")
            .Values.Single(v => v.Value == "b2b");
        Assert.Equal(3, b2b.Nps.N);
        Assert.Null(b2b.VsRest); // before: p < 0.001 from a group with zero variance
        var report = Report(result, "en");
        Assert.Contains("| Business | 3 | +100.0", report, StringComparison.Ordinal);
        Assert.Contains("too few to compare", report, StringComparison.Ordinal);
        Assert.DoesNotContain(
            "differs significantly",
            Findings(result, "en"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_rest_of_one_respondent_is_not_compared_either()
    {
        var lines = Scores(40, 40, 40).Select(s => Line(s, "b2c")).Append(Line(0, "b2b"));
        var result = Analyze(lines);
        var segment = result.Segments.Single(s => s.Id == "segment");
        Assert.All(segment.Values, v => Assert.Null(v.VsRest)); // b2c's rest is the one b2b respondent
        Assert.DoesNotContain("significantly", Findings(result, "en"), StringComparison.Ordinal);
    }

    [Fact]
    public void Holm_adjusts_like_R()
    {
        // p.adjust(c(0.01, 0.04, 0.03, 0.2), "holm") = 0.04 0.09 0.09 0.20; c(0.001, 0.02, 0.5): 0.003 0.040 0.500.
        Assert.Equal(
            [0.04, 0.09, 0.09, 0.20],
            SurveyAnalyzer
                .Holm([(0, 0.01), (1, 0.04), (2, 0.03), (3, 0.2)])
                .Select(p => Math.Round(p, 10))
        );
        Assert.Equal(
            [0.003, 0.04, 0.5],
            SurveyAnalyzer.Holm([(0, 0.001), (1, 0.02), (2, 0.5)]).Select(p => Math.Round(p, 10))
        );
        // A family (two values that split everyone) counts once and keeps one p-value.
        Assert.Equal(
            [0.04, 0.04, 0.04],
            SurveyAnalyzer.Holm([(0, 0.02), (0, 0.02), (2, 0.03)]).Select(p => Math.Round(p, 10))
        );
    }

    [Fact]
    public void A_comparison_seen_from_two_sides_is_counted_once_and_said_once()
    {
        // Business far below consumers; complaints resolved or not for everyone: two comparisons, each seen from both
        // sides (the complaint test is the complaint segment's own pair).
        var random = new Random(3);
        var lines = Enumerable
            .Range(0, 160)
            .Select(i =>
                Line(
                    i < 80 ? random.Next(0, 7) : random.Next(7, 11),
                    i < 80 ? "b2b" : "b2c",
                    complaint: i % 2 == 0 ? "resolved" : "unresolved"
                )
            );
        var result = Analyze(lines);
        Assert.Equal(2, result.Comparisons);
        var segment = result.Segments.Single(s => s.Id == "segment").Values;
        Assert.Equal(segment[0].VsRest!.Family, segment[1].VsRest!.Family);
        var complaint = result.Segments.Single(s => s.Id == "complaint").Values;
        var pair = complaint
            .Where(v => v.VsRest is not null)
            .Select(v => v.VsRest!.Family)
            .Distinct();
        Assert.Equal([result.Complaints!.ResolvedVsUnresolved!.Family], pair);
        // Holm with m = 2: the smaller p doubled, the larger kept (but never below the smaller's adjusted value).
        var (p, other) = (segment[0].VsRest!.P, result.Complaints.ResolvedVsUnresolved.P);
        var expected =
            p <= other ? Math.Min(1, 2 * p) : Math.Max(Math.Min(1, 2 * other), Math.Min(1, p));
        Assert.Equal(expected, segment[0].VsRest!.PAdjusted, 12);
        var report = Report(result, "en");
        Assert.Contains(
            "Holm's correction for the 2 comparisons",
            report,
            StringComparison.Ordinal
        );
        var findings = Findings(result, "en");
        Assert.Single(
            findings.Split('\n'),
            l => l.Contains("differs significantly", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void A_lone_comparison_is_said_to_be_the_only_one()
    {
        var random = new Random(4);
        var lines = Enumerable
            .Range(0, 100)
            .Select(i => Line(random.Next(0, 11), i < 50 ? "b2b" : "b2c"));
        var result = Analyze(lines);
        Assert.Equal(1, result.Comparisons);
        var b2b = result.Segments.Single(s => s.Id == "segment").Values[0].VsRest!;
        Assert.Equal(b2b.P, b2b.PAdjusted, 12);
        Assert.Contains(
            "this is the only comparison in this report",
            Report(result, "en"),
            StringComparison.Ordinal
        );
    }

    // 2. No driver headline without signal.

    [Fact]
    public void With_only_passives_the_findings_name_no_driver_and_no_priority()
    {
        var random = new Random(4);
        var lines = Enumerable
            .Range(0, 600)
            .Select(_ =>
                Line(
                    random.Next(7, 9),
                    grades: new Dictionary<string, int>
                    {
                        ["website"] = random.Next(4, 11),
                        ["service"] = random.Next(4, 11),
                        ["delivery"] = random.Next(4, 11),
                    }
                )
            );
        var result = Analyze(lines);
        var drivers = result.Drivers!;
        Assert.False(drivers.Informative);
        Assert.True(drivers.R2 < 0.10);
        var findings = Findings(result, "en");
        Assert.DoesNotContain("drives loyalty most", findings, StringComparison.Ordinal);
        Assert.DoesNotContain("First priority", findings, StringComparison.Ordinal);
        Assert.DoesNotContain("One point more", findings, StringComparison.Ordinal);
        Assert.Contains(
            "too little to say what drives loyalty",
            findings,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "Note: together the touchpoints explain only",
            Report(result, "en"),
            StringComparison.Ordinal
        );
        // No quadrant and no priority from a model that explains nothing: "concentrate here" is a recommendation.
        var report = Report(result, "en");
        Assert.All(
            result.Touchpoints,
            t => Assert.Equal(SurveyAnalyzer.Quadrants.Unknown, t.Quadrant)
        );
        Assert.Empty(result.Priorities);
        Assert.DoesNotContain("## Importance and performance", report, StringComparison.Ordinal);
        Assert.DoesNotContain("## Priorities", report, StringComparison.Ordinal);
        if (result.WhatIf is not null)
        {
            Assert.Contains("these predictions are uncertain", report, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Drivers_that_weigh_alike_are_not_ranked_in_the_findings()
    {
        // Three touchpoints with the same planted weight: their shares differ by chance, and the bootstrap says so.
        var random = new Random(11);
        var lines = Enumerable
            .Range(0, 400)
            .Select(_ =>
            {
                var (a, b, c) = (random.Next(1, 11), random.Next(1, 11), random.Next(1, 11));
                var recommend = Math.Clamp(
                    (int)Math.Round((a + b + c) / 3.0 + random.Next(-2, 3)),
                    0,
                    10
                );
                return Line(
                    recommend,
                    grades: new Dictionary<string, int>
                    {
                        ["website"] = a,
                        ["service"] = b,
                        ["delivery"] = c,
                    }
                );
            });
        var result = Analyze(lines);
        var drivers = result.Drivers!;
        Assert.True(drivers.Informative);
        Assert.True(drivers.TopAhead < 0.95, $"top ahead in {drivers.TopAhead:P0}");
        Assert.All(
            drivers.Items,
            d => Assert.True(d.ShareCi95.Contains(d.SharePercent) && d.ShareCi95.Width > 5)
        );
        var findings = Findings(result, "en");
        Assert.Contains("weigh about the same for loyalty", findings, StringComparison.Ordinal);
        Assert.DoesNotContain("drives loyalty most", findings, StringComparison.Ordinal);
    }

    [Fact]
    public void A_weighting_cell_of_five_keeps_the_weighted_NPS_out_of_the_findings_and_says_why()
    {
        var random = new Random(12);
        var lines = Enumerable
            .Range(0, 130)
            .Select(i =>
                $"{{\"responseId\":\"{Guid.NewGuid()}\",\"survey\":\"bezorging\",\"version\":1,\"context\":{{\"carrier\":\"{(i < 5 ? "dhl" : i < 70 ? "own" : "postnl")}\"}},\"answers\":{{\"recommend\":{random.Next(0, 11)}}}}}\n"
            );
        var survey = TestSurveys.Example("bezorging");
        var result = SurveyAnalyzer.Analyze(
            TestSurveys.ReadJsonLines(survey, string.Concat(lines))
        );
        var weighted = result.Weighted!;
        var cell = Assert.Single(weighted.SmallCells);
        Assert.Equal(("carrier", "dhl", 5), (cell.Variable, cell.Value, cell.N));
        var report = ReportTemplates.BuiltIn.Markdown(ReportBuilder.Build(result, "en"));
        Assert.Contains(
            "Careful: fewer than 30 respondents for a target share at Carrier 'DHL' (n = 5)",
            report,
            StringComparison.Ordinal
        );
        var findings = report[..report.IndexOf("## Net Promoter Score", StringComparison.Ordinal)];
        Assert.DoesNotContain(
            "Weighted to the known distribution",
            findings,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Every_segment_value_of_the_examples_has_a_label_in_every_language()
    {
        // A value without a label shows its id ("strategic") in the Dutch report as well.
        foreach (var id in new[] { "klantloyaliteit", "bezorging", "accountmonitor" })
        {
            var survey = TestSurveys.Example(id);
            foreach (var segment in SurveyKit.Analysis.Data.AnalysisPlan.For(survey).Segments)
            {
                Assert.All(
                    segment.ValueLabels,
                    label =>
                        Assert.True(
                            label is not null
                                && survey.Languages.All(l => label.Languages.Contains(l)),
                            $"{id}: a value of {segment.Id} has no label in every language"
                        )
                );
            }
        }
    }

    [Theory]
    [InlineData(3.85, 5, 994, 0.00184562035259)] // pf(3.85, 5, 994, lower.tail = FALSE) in R 4.2
    [InlineData(2.5, 3, 40, 0.0732543520179)]
    [InlineData(0.8, 4, 100, 0.527984682262)]
    [InlineData(19.76106, 5, 41, 5.59379854114e-10)] // summary(lm(Fertility ~ ., swiss))
    public void The_F_test_agrees_with_R(double f, int numerator, int denominator, double p) =>
        Assert.Equal(p, FDistribution.UpperTail(f, numerator, denominator), p * 1e-5);

    [Fact]
    public void The_regression_F_test_of_swiss_agrees_with_R() =>
        // R² .7067350 (statistics.md) with 5 predictors on 47 provinces: F 19.76 on 5 and 41 df.
        Assert.Equal(5.59379854114e-10, FDistribution.RegressionP(0.7067350, 5, 47), 1e-13);

    // 3. Collinear and sparse touchpoints.

    [Fact]
    public void Two_touchpoints_graded_identically_are_analysed_as_one_and_the_rest_goes_on()
    {
        var random = new Random(5);
        var lines = Enumerable
            .Range(0, 500)
            .Select(_ =>
            {
                var service = random.Next(2, 11);
                var delivery = random.Next(2, 11);
                var recommend = Math.Clamp((service + delivery) / 2 + random.Next(-2, 3), 0, 10);
                return Line(
                    recommend,
                    grades: new Dictionary<string, int>
                    {
                        ["service"] = service,
                        ["invoice"] = service, // the same grade, every time
                        ["delivery"] = delivery,
                    }
                );
            });
        var result = Analyze(lines);
        var drivers = result.Drivers!;
        var service = drivers.Items.Single(d => d.Id == "service");
        Assert.Equal(["invoice"], service.Also);
        Assert.DoesNotContain(drivers.Items, d => d.Id == "invoice");
        Assert.Contains(result.Notes, n => n.Key == "drivers_same");
        Assert.NotNull(result.WhatIf);
        Assert.DoesNotContain(result.Notes, n => n.Key == "whatif_no_model");
        Assert.All(
            result.WhatIf!.Scenarios,
            s => Assert.True(s.Delta > 0 ? s.Change > 0 : s.Change < 0)
        );
        Assert.Equal(
            "service",
            result.Touchpoints.Single(t => t.Driver.Id == "invoice").AnalysedWith
        );
        var report = Report(result, "en");
        Assert.Contains(
            "'Customer service' and 'The invoice' got the same grade from 100% of the 500 respondents who graded both; their importance cannot be told apart, so they are analysed as one (under 'Customer service').",
            report,
            StringComparison.Ordinal
        );
        Assert.Contains("| Customer service + The invoice |", report, StringComparison.Ordinal);
    }

    [Fact]
    public void A_touchpoint_graded_by_twelve_is_left_out_by_name_and_the_others_are_analysed()
    {
        var random = new Random(6);
        var lines = Enumerable
            .Range(0, 600)
            .Select(i =>
            {
                var service = random.Next(2, 11);
                var grades = new Dictionary<string, int>
                {
                    ["service"] = service,
                    ["delivery"] = random.Next(2, 11),
                };
                if (i < 12)
                {
                    grades["invoice"] = 11 - service;
                }
                return Line(Math.Clamp(service + random.Next(-2, 2), 0, 10), grades: grades);
            });
        var result = Analyze(lines);
        Assert.NotNull(result.Drivers);
        Assert.True(result.Drivers!.R2 is > 0 and < 1);
        Assert.DoesNotContain(result.Drivers.Items, d => d.Id == "invoice");
        var note = Assert.Single(
            result.Notes,
            n => n.Key == "driver_few" && n.Arguments[0] is NoteDriver { Id: "invoice" }
        );
        Assert.Equal(12, note.Arguments[1]);
        Assert.Contains(
            "'The invoice' was graded by 12 respondents",
            Report(result, "en"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Pairwise_correlations_that_fit_no_data_set_leave_out_the_sparsest_touchpoint()
    {
        // 700 respondents grade the website and the service alike; 300 more grade them oppositely and grade the invoice
        // like the website: pairwise, the invoice goes with one and against the other, which no data set can do
        // (the matrix is not positive definite), and only 30% graded everything, too few to go listwise.
        var random = new Random(7);
        var lines = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            var website = random.Next(3, 10);
            var opposite = i >= 700;
            var service = Math.Clamp(
                (opposite ? 12 - website : website) + random.Next(-1, 2),
                1,
                10
            );
            var grades = new Dictionary<string, int>
            {
                ["website"] = website,
                ["service"] = service,
                ["delivery"] = random.Next(1, 11),
            };
            if (opposite)
            {
                grades["invoice"] = Math.Clamp(website - 1 + random.Next(-1, 2), 1, 10);
            }
            lines.Add(Line(Math.Clamp(website + random.Next(-2, 2), 0, 10), grades: grades));
        }
        var result = Analyze(lines);
        Assert.NotNull(result.Drivers);
        Assert.DoesNotContain(result.Drivers!.Items, d => d.Id == "invoice");
        Assert.Contains(
            result.Notes,
            n => n.Key == "driver_sparse" && n.Arguments[0] is NoteDriver { Id: "invoice" }
        );
        Assert.Equal("pairwise", result.Drivers.Deletion);
        Assert.True(result.Drivers.R2 is > 0 and < 1);
    }

    [Fact]
    public void When_everyone_recommends_with_a_ten_the_report_says_so_not_that_grades_do_not_vary()
    {
        var random = new Random(8);
        var lines = Enumerable
            .Range(0, 200)
            .Select(_ =>
                Line(10, grades: new Dictionary<string, int> { ["service"] = random.Next(1, 11) })
            );
        var result = Analyze(lines);
        Assert.Null(result.Drivers);
        Assert.Null(result.WhatIf);
        Assert.Contains(result.Notes, n => n.Key == "outcome_constant");
        Assert.DoesNotContain(
            result.Notes,
            n => n.Key.StartsWith("driver", StringComparison.Ordinal)
        );
        var report = Report(result, "en");
        Assert.Contains(
            "Everyone gave a 10 on the recommendation question",
            report,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("do not vary", report, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_that_does_not_fit_gives_no_what_if()
    {
        // The service grade separates the classes completely: the maximum likelihood lies at infinity.
        var random = new Random(9);
        var lines = Enumerable
            .Range(0, 300)
            .Select(_ =>
            {
                var service = random.Next(1, 11);
                var recommend =
                    service <= 4 ? 2
                    : service <= 7 ? 7
                    : 10;
                return Line(
                    recommend,
                    grades: new Dictionary<string, int>
                    {
                        ["service"] = service,
                        ["delivery"] = random.Next(1, 11),
                    }
                );
            });
        var result = Analyze(lines);
        Assert.Null(result.WhatIf);
        Assert.Contains(result.Notes, n => n.Key == "whatif_no_model");
        Assert.DoesNotContain("What if?", Report(result, "en"), StringComparison.Ordinal);
    }

    // 4. Intervals.

    [Fact]
    public void One_promoter_gets_an_interval_that_holds_plus_100()
    {
        var result = Analyze([Line(10)]);
        var nps = result.Nps;
        Assert.Equal(100, nps.Value);
        Assert.True(nps.Extended);
        Assert.Equal(100, nps.Ci95.High);
        Assert.Equal(-48.5, nps.Ci95.Low, 1);
        var report = Report(result, "en");
        Assert.Contains("95% interval -48.5 to +100.0", report, StringComparison.Ordinal);
        Assert.Contains(
            "The interval is extended to the measured NPS",
            report,
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData(IntervalMethod.Wald)]
    [InlineData(IntervalMethod.Bootstrap)]
    public void All_promoters_do_not_collapse_the_interval_to_a_point(IntervalMethod method)
    {
        var result = Analyze(
            Enumerable.Repeat(10, 40).Select(s => Line(s)),
            new AnalysisOptions { Interval = method }
        );
        var nps = result.Nps;
        Assert.True(nps.Fallback);
        Assert.True(nps.Ci95.Width > 5);
        Assert.True(nps.Ci95.Contains(100));
        Assert.Contains(
            "Every response is in one NPS class",
            Report(result, "en"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_weighted_NPS_of_only_promoters_has_a_width()
    {
        var lines = Enumerable.Range(0, 60).Select(i => Line(9 + i % 2, i < 20 ? "b2b" : "b2c"));
        var weighted = Analyze(lines).Weighted!;
        Assert.Equal(100, weighted.Value, 8);
        Assert.True(weighted.Fallback);
        Assert.True(weighted.Ci95.Width > 5 && weighted.Ci95.Contains(100));
    }

    [Fact]
    public void Every_interval_holds_its_estimate_for_every_method_and_any_counts()
    {
        var random = new Random(10);
        foreach (var method in Enum.GetValues<IntervalMethod>())
        {
            for (var trial = 0; trial < 150; trial++)
            {
                var counts = new NpsCounts(random.Next(0, 8), random.Next(0, 8), random.Next(0, 8));
                if (counts.N == 0)
                {
                    continue;
                }
                var summary = NpsSummary.Of(
                    counts,
                    new AnalysisOptions { Interval = method, BootstrapResamples = 200 }
                );
                Assert.True(
                    summary.Ci95.Contains(summary.Value),
                    $"{method} {counts}: {summary.Value} outside {summary.Ci95}"
                );
                Assert.True(summary.Ci95.Width > 0, $"{method} {counts}: {summary.Ci95}");
            }
        }
    }

    [Fact]
    public void A_segment_shows_its_own_interval_and_the_interval_of_its_difference()
    {
        // b2b 10/20/30 against b2c 20/20/20 (statistics.md): the group's own adjusted Wald interval [.1330, .5019], and
        // the difference .3333 with Rocks' adjusted interval .3175 +- 1.959964 * .1390 = [.0451, .5899].
        var lines = Scores(10, 20, 30)
            .Select(s => Line(s, "b2b"))
            .Concat(Scores(20, 20, 20).Select(s => Line(s, "b2c")));
        var b2b = Analyze(lines)
            .Segments.Single(s => s.Id == "segment")
            .Values.Single(v => v.Value == "b2b");
        Assert.Equal(13.30, b2b.Nps.Ci95.Low, 2);
        Assert.Equal(50.19, b2b.Nps.Ci95.High, 2);
        Assert.Equal(33.33, b2b.VsRest!.Difference, 2);
        Assert.Equal(4.51, b2b.VsRest.Ci95.Low, 1);
        Assert.Equal(58.99, b2b.VsRest.Ci95.High, 1);
    }

    [Fact]
    public void A_difference_the_adjusted_interval_leaves_out_is_inside_its_extended_interval()
    {
        // 30 promoters against 30 detractors: +200 points observed, while the adjusted estimate is 2 * 30/33 = 1.818
        // with SE sqrt(2 * (30.75/33 + .75/33 - (30/33)^2) / 33) = .08811: the interval is [1.6455, 1.9909], extended
        // up to 2 (+200 points); its lower bound stays.
        var lines = Enumerable
            .Repeat(10, 30)
            .Select(s => Line(s, "b2b"))
            .Concat(Enumerable.Repeat(2, 30).Select(s => Line(s, "b2c")));
        var b2b = Analyze(lines)
            .Segments.Single(s => s.Id == "segment")
            .Values.Single(v => v.Value == "b2b");
        Assert.Equal(200, b2b.VsRest!.Difference, 8);
        Assert.Equal(200, b2b.VsRest.Ci95.High, 8);
        Assert.Equal(164.55, b2b.VsRest.Ci95.Low, 2);
    }

    // 5. What-if precision.

    [Fact]
    public void The_what_if_does_not_depend_on_the_order_of_the_rows()
    {
        var responses = TestSurveys.Sample(Survey, 3000, seed: 12);
        var options = new AnalysisOptions { MaxModelRows = 1000 };
        var inOrder = SurveyAnalyzer.Analyze(TestSurveys.Table(Survey, responses), options).WhatIf!;
        var shuffled = responses.OrderBy(_ => Guid.NewGuid()).ToList();
        var reordered = SurveyAnalyzer
            .Analyze(TestSurveys.Table(Survey, shuffled), options)
            .WhatIf!;
        Assert.Equal(1000, inOrder.ModelN);
        Assert.Equal(3000, inOrder.Answered);
        Assert.Equal(
            inOrder.Scenarios.Select(s => (s.Item, s.Delta, Math.Round(s.Change, 9))),
            reordered.Scenarios.Select(s => (s.Item, s.Delta, Math.Round(s.Change, 9)))
        );
    }

    /// <summary>
    /// The delta-method interval of a change is checked against a bootstrap: refitting on 60 resamples of the rows
    /// gives changes whose standard deviation is the standard error the delta method claims, within sampling noise.
    /// </summary>
    [Fact]
    public void The_what_if_interval_agrees_with_a_bootstrap()
    {
        var responses = TestSurveys.Sample(Survey, 1500, seed: 13);
        var lines = TestSurveys.JsonLines(responses).Split('\n')[..^1];
        var id = new System.Text.RegularExpressions.Regex("\"responseId\":\"[^\"]*\"");
        var result = SurveyAnalyzer.Analyze(TestSurveys.Table(Survey, responses));
        var claimed = result.WhatIf!.Scenarios.Single(s => s.Item == "service" && s.Delta == 1);
        var se = claimed.ChangeCi95.Width / 2 / 1.959964;
        var random = new Random(14);
        var changes = new List<double>();
        for (var b = 0; b < 60; b++)
        {
            // Drawn with replacement; each copy gets its own id, or it would be rejected as a repeat.
            var resample = Enumerable
                .Range(0, lines.Length)
                .Select(_ =>
                    id.Replace(
                        lines[random.Next(lines.Length)],
                        $"\"responseId\":\"{Guid.NewGuid()}\"",
                        1
                    ) + "\n"
                );
            var whatIf = Analyze(resample).WhatIf!;
            changes.Add(whatIf.Scenarios.Single(s => s.Item == "service" && s.Delta == 1).Change);
        }
        var mean = changes.Average();
        var sd = Math.Sqrt(changes.Sum(c => (c - mean) * (c - mean)) / (changes.Count - 1));
        // With 60 resamples the bootstrap SD itself is uncertain by about 9%; allow 35%.
        Assert.InRange(sd / se, 0.65, 1.35);
        Assert.InRange(mean, claimed.Change - 4 * se, claimed.Change + 4 * se);
    }

    [Fact]
    public void Without_detractors_the_what_if_fits_the_two_classes_there_are()
    {
        var random = new Random(15);
        var lines = Enumerable
            .Range(0, 400)
            .Select(_ =>
            {
                var service = random.Next(5, 11);
                return Line(
                    service + random.Next(-1, 2) >= 9 ? 9 + random.Next(2) : 7 + random.Next(2),
                    grades: new Dictionary<string, int>
                    {
                        ["service"] = service,
                        ["delivery"] = random.Next(5, 11),
                    }
                );
            });
        var result = Analyze(lines);
        Assert.Equal(0, result.Nps.Detractors);
        var whatIf = result.WhatIf!;
        Assert.Equal(2, whatIf.Classes);
        Assert.True(whatIf.Scenarios.Single(s => s.Item == "service" && s.Delta == 1).Change > 0);
        Assert.Contains(
            "No respondent is a detractor",
            Report(result, "en"),
            StringComparison.Ordinal
        );
    }

    // 6. summary.json keeps its contract.

    [Fact]
    public void Summary_json_writes_null_for_what_cannot_be_computed()
    {
        var result = Analyze([Line(10), Line(3)]);
        using var stream = new MemoryStream();
        SummaryJson.Write(result, stream);
        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;
        Assert.Null(result.Drivers);
        foreach (var key in new[] { "driver_model", "weighted_nps" })
        {
            Assert.True(root.TryGetProperty(key, out var value), key + " is missing");
            Assert.Equal(JsonValueKind.Null, value.ValueKind);
        }
        Assert.Equal(JsonValueKind.Array, root.GetProperty("drivers").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("what_if").ValueKind);
        Assert.False(root.GetProperty("complaints").GetProperty("compared").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("complaints").GetProperty("p").ValueKind);
        var b2b = root.GetProperty("segments").GetProperty("segment").GetProperty("b2b");
        Assert.False(b2b.GetProperty("compared").GetBoolean());
        Assert.Equal(JsonValueKind.Null, b2b.GetProperty("p_vs_rest").ValueKind);
    }

    // 9. One recommendation.

    [Fact]
    public void When_nothing_is_important_and_lagging_the_findings_say_keep_up_not_first_priority()
    {
        // Service weighs most and is graded best: "keep up", never "first priority".
        var random = new Random(16);
        var lines = Enumerable
            .Range(0, 800)
            .Select(_ =>
            {
                var service = random.Next(6, 11);
                var website = random.Next(2, 9);
                var recommend = Math.Clamp(service - 2 + random.Next(-1, 2), 0, 10);
                return Line(
                    recommend,
                    grades: new Dictionary<string, int>
                    {
                        ["service"] = service,
                        ["website"] = website,
                    }
                );
            });
        var result = Analyze(lines);
        Assert.True(result.Drivers!.Informative);
        Assert.Equal("service", result.Drivers.Items[0].Id);
        Assert.Equal(
            SurveyAnalyzer.Quadrants.KeepUp,
            result.Touchpoints.Single(t => t.Driver.Id == "service").Quadrant
        );
        var findings = Findings(result, "en");
        Assert.DoesNotContain("First priority", findings, StringComparison.Ordinal);
        Assert.Contains("keep up **Customer service**", findings, StringComparison.Ordinal);
    }

    // 10. Every word in the report's language.

    [Theory]
    [InlineData("nl", "en")]
    [InlineData("en", "nl")]
    public void No_sentence_of_one_language_appears_in_the_report_of_the_other(
        string language,
        string other
    )
    {
        // A data set that brings out notes: a sparse touchpoint, two graded alike, a weighting that cannot be done.
        var random = new Random(17);
        var lines = Enumerable
            .Range(0, 400)
            .Select(i =>
            {
                var service = random.Next(2, 11);
                var grades = new Dictionary<string, int>
                {
                    ["service"] = service,
                    ["invoice"] = service,
                    ["delivery"] = random.Next(2, 11),
                };
                if (i < 5)
                {
                    grades["website"] = random.Next(1, 11);
                }
                return Line(
                    Math.Clamp(service + random.Next(-2, 2), 0, 10),
                    "b2c",
                    grades,
                    i % 3 == 0 ? "resolved" : "no"
                );
            })
            .Append("{broken\n");
        var result = Analyze(lines);
        Assert.NotEmpty(result.Notes);
        var report =
            Report(result, language)
            + ReportTemplates.BuiltIn.Html([ReportBuilder.Build(result, language)]);
        var leaks = ReportTexts
            .All(other)
            .Where(text => text.Value != ReportTexts.All(language)[text.Key])
            .SelectMany(text => System.Text.RegularExpressions.Regex.Split(text.Value, @"\{\d\}"))
            .Select(fragment => fragment.Trim(' ', '.', ',', ':', '(', ')'))
            .Where(fragment => fragment.Length >= 12)
            .Where(fragment => report.Contains(fragment, StringComparison.Ordinal))
            .ToArray();
        Assert.True(leaks.Length == 0, string.Join("\n", leaks));
        Assert.Equal(ReportTexts.All(other).Keys.Order(), ReportTexts.All(language).Keys.Order());
    }
}
