using System;
using System.Linq;
using SurveyKit.Analysis.Data;
using SurveyKit.Analysis.Scoring;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Tests.Scoring;

public class SurveyAnalyzerTests
{
    private static readonly Core.Model.Survey Survey = TestSurveys.Klantloyaliteit;

    private static string Response(
        int recommend,
        string segment = "b2b",
        string extra = "",
        string id = "",
        int version = 1,
        long duration = 180000
    ) =>
        "{\"responseId\":\""
        + (id.Length > 0 ? id : Guid.NewGuid().ToString())
        + "\",\"survey\":\"klantloyaliteit\",\"version\":"
        + version
        + ",\"context\":{\"segment\":\""
        + segment
        + "\"},\"answers\":{\"recommend\":"
        + recommend
        + extra
        // The survey requires these: a response without them is refused, as the collector refuses it.
        + (
            extra.Contains("\"satisfaction\"", StringComparison.Ordinal)
                ? ""
                : ",\"satisfaction\":4"
        )
        + (
            extra.Contains("\"touchpoints\"", StringComparison.Ordinal)
                ? ""
                : ",\"touchpoints\":{\"website\":8}"
        )
        + "},\"meta\":{\"durationMs\":"
        + duration
        + "}}\n";

    private static AnalysisResult Analyze(string lines) =>
        SurveyAnalyzer.Analyze(TestSurveys.ReadJsonLines(Survey, lines));

    [Fact]
    public void The_NPS_counts_classes_and_gives_the_adjusted_Wald_interval_on_the_100_scale()
    {
        // 10 detractors, 20 passives, 30 promoters: statistics.md gives adjusted Wald [.1330, .5019].
        var lines = string.Concat(
            Enumerable
                .Range(0, 60)
                .Select(i =>
                    Response(
                        i < 10 ? 3
                        : i < 30 ? 7
                        : 10
                    )
                )
        );
        var nps = Analyze(lines).Nps;
        Assert.Equal((10, 20, 30, 60), (nps.Detractors, nps.Passives, nps.Promoters, nps.N));
        Assert.Equal(100.0 / 3, nps.Value, 10);
        Assert.Equal(13.30, nps.Ci95.Low, 2);
        Assert.Equal(50.19, nps.Ci95.High, 2);
        Assert.Equal("adjusted-wald", nps.Method);
    }

    [Fact]
    public void A_segment_is_tested_against_the_rest_with_the_adjusted_two_sample_test()
    {
        // b2b 10/20/30 against b2c 20/20/20: statistics.md gives d .3333, and for Rocks' adjusted Wald test
        // d .3175, SE .1390, p .0223. The report shows the observed difference with the adjusted interval.
        var b2b = Enumerable
            .Range(0, 60)
            .Select(i =>
                Response(
                    i < 10 ? 3
                        : i < 30 ? 7
                        : 10,
                    "b2b"
                )
            );
        var b2c = Enumerable
            .Range(0, 60)
            .Select(i =>
                Response(
                    i < 20 ? 3
                        : i < 40 ? 7
                        : 10,
                    "b2c"
                )
            );
        var segment = Analyze(string.Concat(b2b.Concat(b2c)))
            .Segments.Single(s => s.Id == "segment");
        var value = segment.Values.Single(v => v.Value == "b2b");
        var comparison = value.VsRest!;
        Assert.Equal(33.33, comparison.Difference, 2);
        Assert.Equal(0.0223, comparison.P, 4);
        Assert.Equal(31.75 - 1.959964 * 13.90, comparison.Ci95.Low, 1);
        Assert.Equal(31.75 + 1.959964 * 13.90, comparison.Ci95.High, 1);
        // Two values that split everyone are one comparison: Holm leaves its p as it is.
        Assert.Equal(comparison.P, comparison.PAdjusted, 10);
    }

    [Fact]
    public void Raking_weights_the_segments_to_the_population_shares_of_the_survey()
    {
        // The sample is half b2b; the survey says 35% b2b, 65% b2c.
        var lines = string.Concat(
            Enumerable
                .Range(0, 100)
                .Select(i => Response(i % 2 == 0 ? 9 : 5, i < 50 ? "b2b" : "b2c"))
                .Concat(Enumerable.Range(0, 50).Select(_ => Response(10, "b2c")))
                .Concat(Enumerable.Range(0, 50).Select(_ => Response(2, "b2b")))
        );
        var result = Analyze(lines);
        var weights = result.RowWeights!;
        var codes = result.Table.Segments[0].Span.ToArray();
        var b2bShare = weights.Where((_, i) => codes[i] == 0).Sum() / weights.Sum();
        Assert.Equal(0.35, b2bShare, 6);
        // b2b NPS -50, b2c NPS +50: weighted 0.35 * -50 + 0.65 * 50 = 15.
        Assert.Equal(15, result.Weighted!.Value, 6);
        Assert.Equal(0, result.Nps.Value, 6);
        Assert.Equal(Kish.EffectiveN(weights.ToArray()), result.Weighted.EffectiveN, 6);
    }

    [Fact]
    public void Satisfaction_and_loyalty_fall_into_four_groups_by_the_stated_rule()
    {
        var lines =
            Response(10, extra: ",\"satisfaction\":5")
            + Response(10, extra: ",\"satisfaction\":4")
            + Response(10, extra: ",\"satisfaction\":2")
            + Response(8, extra: ",\"satisfaction\":5")
            + Response(3, extra: ",\"satisfaction\":1");
        var quadrant = Analyze(lines).SatisfactionLoyalty!;
        Assert.Equal(4, quadrant.SatisfiedFrom);
        Assert.Equal(
            (2, 1, 1, 1),
            (
                quadrant.Loyal,
                quadrant.SatisfiedNotLoyal,
                quadrant.LoyalNotSatisfied,
                quadrant.Neither
            )
        );
    }

    [Fact]
    public void Data_quality_flags_straight_lining_speeders_duplicates_and_other_versions()
    {
        var same = ",\"touchpoints\":{\"website\":7,\"service\":7,\"delivery\":7}";
        var varied = ",\"touchpoints\":{\"website\":7,\"service\":8,\"delivery\":7}";
        var id = Guid.NewGuid().ToString();
        var lines =
            Response(8, extra: same, id: id)
            + Response(8, extra: same, id: id)
            + Response(8, extra: varied, duration: 20000)
            + Response(8, extra: varied, version: 2)
            + Response(8, extra: varied);
        var result = Analyze(lines);
        Assert.Equal(1, result.Quality.StraightLiners);
        Assert.Equal(1, result.Quality.Duplicates);
        Assert.Equal(1, result.Quality.OtherVersions);
        Assert.Equal(1, result.Quality.Speeders);
        Assert.Equal(90000, result.Quality.SpeederThresholdMs);
        Assert.Equal(4, result.Table.Count);
    }

    [Fact]
    public void Only_detractors_who_consented_are_on_the_follow_up_list()
    {
        var lines =
            Response(
                2,
                extra: ",\"contact_ok\":true,\"email\":\"a@example.org\",\"reason\":\"Te duur\""
            )
            + Response(2, extra: ",\"contact_ok\":false")
            + Response(8, extra: ",\"contact_ok\":true,\"email\":\"b@example.org\"")
            + Response(6, extra: ",\"contact_ok\":true,\"email\":\"c@example.org\"");
        var followUps = Analyze(lines).Table.FollowUps;
        Assert.Equal(["a@example.org", "c@example.org"], followUps.Select(f => f.Contact));
        Assert.Equal("Te duur", followUps[0].Comments.Single(c => c.Id == "reason").Text);
        Assert.Contains(("segment", "b2b"), followUps[0].Context);
    }

    [Fact]
    public void The_importance_performance_quadrant_follows_the_data_mean_crosshair()
    {
        var drivers = new DriverSummary(
            0.5,
            "pairwise",
            100,
            [],
            ImportanceCrosshair: 25,
            PerformanceCrosshair: 0.6,
            P: 0.001,
            Informative: true
        );
        Assert.Equal("concentrate", SurveyAnalyzer.Quadrant(30, 0.5, drivers));
        Assert.Equal("keep_up", SurveyAnalyzer.Quadrant(30, 0.7, drivers));
        Assert.Equal("low_priority", SurveyAnalyzer.Quadrant(10, 0.5, drivers));
        Assert.Equal("overkill", SurveyAnalyzer.Quadrant(10, 0.7, drivers));
    }

    [Fact]
    public void A_touchpoint_everyone_graded_the_same_is_left_out_with_a_note_not_a_crash()
    {
        var random = new Random(2);
        var lines = string.Concat(
            Enumerable
                .Range(0, 400)
                .Select(_ =>
                {
                    var service = random.Next(3, 11);
                    var delivery = random.Next(3, 11);
                    var recommend = Math.Clamp(
                        (service + delivery) / 2 + random.Next(-2, 3),
                        0,
                        10
                    );
                    return Response(
                        recommend,
                        extra: $",\"touchpoints\":{{\"service\":{service},\"delivery\":{delivery},\"invoice\":8}}"
                    );
                })
        );
        var result = Analyze(lines);
        Assert.NotNull(result.Drivers);
        Assert.DoesNotContain(result.Drivers.Items, d => d.Id == "invoice");
        Assert.NotNull(result.WhatIf);
        Assert.Contains(
            result.Notes,
            n => n.Key == "driver_constant" && n.Arguments[0] is NoteDriver { Id: "invoice" }
        );
    }

    [Fact]
    public void No_responses_give_an_empty_analysis_not_an_error()
    {
        var result = Analyze("");
        Assert.Equal(0, result.Nps.N);
        Assert.True(double.IsNaN(result.Nps.Value));
        Assert.Null(result.Drivers);
        Assert.Null(result.WhatIf);
    }
}

public class FastPathTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(1000)]
    [InlineData(1001)]
    public void The_median_by_selection_is_the_median_of_the_sorted_values(int count)
    {
        var random = new Random(count);
        var values = Enumerable.Range(0, count).Select(_ => (float)random.Next(0, 50)).ToArray();
        var sorted = values.Order().ToArray();
        var expected =
            count % 2 == 1
                ? sorted[count / 2]
                : (sorted[count / 2 - 1] + (double)sorted[count / 2]) / 2;
        Assert.Equal(expected, SurveyAnalyzer.Median(values.ToArray()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_one_pass_pairwise_correlations_equal_the_two_pass_ones(bool wholeNumbers)
    {
        var random = new Random(3);
        var columns = Enumerable
            .Range(0, 5)
            .Select(c =>
                Enumerable
                    .Range(0, 200_000)
                    .Select(i =>
                        random.NextDouble() < 0.1 ? float.NaN
                        : random.NextDouble() < 0.05 ? float.PositiveInfinity
                        : wholeNumbers ? random.Next(1, 11) + (c > 0 ? 0 : 0)
                        : (float)(random.NextDouble() * 10)
                    )
                    .ToArray()
            )
            .ToArray();
        // Make the columns correlate: the outcome follows the first two.
        for (var i = 0; i < columns[0].Length; i++)
        {
            if (
                float.IsFinite(columns[0][i])
                && float.IsFinite(columns[1][i])
                && float.IsFinite(columns[2][i])
            )
            {
                columns[0][i] = wholeNumbers
                    ? MathF.Round((columns[1][i] + columns[2][i]) / 2)
                    : (columns[1][i] + columns[2][i]) / 2 + (float)random.NextDouble();
            }
        }
        var fast = PairwiseCorrelation.Compute(
            columns.Select(c => (ReadOnlyMemory<float>)c).ToArray()
        );
        var reference = Correlation.Compute(
            columns
                .Select(c => c.Select(v => float.IsFinite(v) ? v : double.NaN).ToArray())
                .ToArray(),
            MissingDeletion.Pairwise
        );
        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                Assert.Equal(reference.N[i][j], fast.N[i][j]);
                Assert.Equal(reference.R[i][j], fast.R[i][j], 10);
            }
        }
        Assert.True(fast.R[0][1] > 0.5);
    }
}
