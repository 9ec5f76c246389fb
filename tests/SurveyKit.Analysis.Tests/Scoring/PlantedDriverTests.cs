using System;
using System.Linq;
using SurveyKit.Analysis.Scoring;

namespace SurveyKit.Analysis.Tests.Scoring;

/// <summary>Synthetic respondents whose loyalty follows chosen drivers: the analysis must find them again.</summary>
public class PlantedDriverTests
{
    private static readonly Lazy<AnalysisResult> Result = new(() =>
        SurveyAnalyzer.Analyze(
            TestSurveys.Table(
                TestSurveys.Klantloyaliteit,
                TestSurveys.Sample(TestSurveys.Klantloyaliteit, 4000, seed: 3)
            )
        )
    );

    [Fact]
    public void The_planted_drivers_come_back_in_order()
    {
        var drivers = Result.Value.Drivers!;
        Assert.Equal(["service", "delivery", "website"], drivers.Items.Take(3).Select(d => d.Id));
        Assert.Equal(drivers.R2, drivers.Items.Sum(d => d.Lmg), 10);
        Assert.Equal(100, drivers.Items.Sum(d => d.SharePercent), 8);
        Assert.InRange(drivers.R2, 0.3, 0.8);
        Assert.Equal("pairwise", drivers.Deletion); // stores are only shown to b2c: listwise would halve the data
        // Johnson's weights agree with LMG on the order of the planted drivers.
        Assert.Equal(
            ["service", "delivery", "website"],
            drivers.Items.OrderByDescending(d => d.RelativeWeight).Take(3).Select(d => d.Id)
        );
    }

    [Fact]
    public void Touchpoints_without_a_planted_weight_carry_little_importance()
    {
        var drivers = Result.Value.Drivers!;
        Assert.All(
            drivers.Items.Where(d => d.Id is "store" or "invoice"),
            d => Assert.InRange(d.SharePercent, 0, 10)
        );
    }

    [Fact]
    public void What_if_moves_the_NPS_most_for_the_strongest_driver_and_in_the_direction_of_the_change()
    {
        var whatIf = Result.Value.WhatIf!;
        double Change(string item, int delta) =>
            whatIf.Scenarios.Single(s => s.Item == item && s.Delta == delta).Change;
        Assert.True(Change("service", 1) > 0);
        Assert.True(Change("service", -1) < 0);
        Assert.True(Change("service", 2) > Change("service", 1));
        Assert.True(Change("service", 1) > Change("delivery", 1));
        Assert.True(Change("delivery", 1) > Change("website", 1));
        Assert.True(Math.Abs(Change("invoice", 1)) < Change("website", 1));
        var scenario = whatIf.Scenarios.First();
        Assert.Equal(Result.Value.Nps.Value + scenario.Change, scenario.Nps, 10);
    }

    [Fact]
    public void The_priority_list_orders_by_quadrant_then_score_and_a_planted_driver_leads_it()
    {
        var result = Result.Value;
        var top = result.Priorities[0];
        Assert.Contains(top.Id, new[] { "service", "delivery" });
        Assert.Equal(
            result
                .Priorities.OrderBy(p => SurveyAnalyzer.QuadrantRank(p.Quadrant))
                .ThenByDescending(p => p.Score)
                .Select(p => p.Id),
            result.Priorities.Select(p => p.Id)
        );
        // The quadrant and the list say the same: a touchpoint in "concentrate here" is never below one that is not.
        var ranks = result
            .Priorities.Select(p => SurveyAnalyzer.QuadrantRank(p.Quadrant))
            .ToArray();
        Assert.Equal(ranks.Order(), ranks);
    }

    [Fact]
    public void Resolved_complaints_score_higher_than_unresolved_ones()
    {
        var complaints = Result.Value.Complaints!;
        Assert.True(complaints.Resolved.Value > complaints.Unresolved.Value + 30);
        Assert.True(complaints.ResolvedVsUnresolved!.P < 0.001);
    }

    [Fact]
    public void Every_touchpoint_mean_counts_grades_only()
    {
        var result = Result.Value;
        for (var d = 0; d < result.Touchpoints.Count; d++)
        {
            var grades = result.Table.Drivers[d].Span.ToArray().Where(float.IsFinite).ToArray();
            var touchpoint = result.Touchpoints[d];
            Assert.Equal(grades.Average(g => (double)g), touchpoint.Mean, 10);
            Assert.Equal(grades.Length, touchpoint.N);
            Assert.Equal(
                result.Table.Drivers[d].Span.ToArray().Count(float.IsPositiveInfinity),
                touchpoint.NotApplicable
            );
            Assert.Equal(touchpoint.N, touchpoint.Distribution.Sum());
        }
        Assert.True(result.Touchpoints.Single(t => t.Driver.Id == "store").Unanswered > 1000); // hidden for b2b
    }
}
