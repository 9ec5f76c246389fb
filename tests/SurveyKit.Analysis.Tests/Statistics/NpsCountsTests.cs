using System;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Tests.Statistics;

public class NpsCountsTests
{
    // brendan-r/NPS tests/testthat/test_01_basics.R: variance and SE of small samples.
    [Theory]
    [InlineData(1, 2, 3, 5.0 / 9, 0.304, 3)]
    [InlineData(1, 0, 1, 1.0, 0.707, 3)]
    [InlineData(0, 1, 1, 0.25, 0.354, 3)]
    [InlineData(1, 1, 1, 2.0 / 3, 0.471, 3)]
    [InlineData(1, 0, 0, 0.0, 0.0, 3)]
    public void VarianceAndStandardError_MatchPublishedValues(
        double detractors,
        double passives,
        double promoters,
        double variance,
        double se,
        int decimals
    )
    {
        var counts = new NpsCounts(detractors, passives, promoters);
        Assert.Equal(variance, counts.Variance, 1e-12);
        Approx.Equal(se, counts.StandardError, decimals);
    }

    [Fact]
    public void Nps_OfOneTwoThreeIsOneThird() =>
        Assert.Equal(1.0 / 3, new NpsCounts(1, 2, 3).Nps, 1e-15);

    [Fact]
    public void FromScores_ClassifiesAndCounts()
    {
        NpsCounts counts = NpsCounts.FromScores([0, 7, 7, 9, 9, 9]);
        Assert.Equal(new NpsCounts(1, 2, 3), counts);
        Assert.Equal(1.0 / 3, counts.Nps, 1e-15);
    }

    [Theory]
    [InlineData(0, NpsClass.Detractor)]
    [InlineData(6, NpsClass.Detractor)]
    [InlineData(7, NpsClass.Passive)]
    [InlineData(8, NpsClass.Passive)]
    [InlineData(9, NpsClass.Promoter)]
    [InlineData(10, NpsClass.Promoter)]
    public void Classify_UsesTheStandardCutPoints(int score, NpsClass expected) =>
        Assert.Equal(expected, NpsCounts.Classify(score));

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Classify_RejectsScoresOutsideZeroToTen(int score) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NpsCounts.Classify(score));

    [Fact]
    public void EmptyCounts_HaveNoScore()
    {
        var empty = default(NpsCounts);
        Assert.Equal(0, empty.N);
        Assert.True(double.IsNaN(empty.Nps));
        Assert.True(double.IsNaN(empty.StandardError));
    }

    [Fact]
    public void Add_AccumulatesWeights()
    {
        NpsCounts counts = default(NpsCounts).Add(NpsClass.Promoter, 2.5).Add(NpsClass.Detractor);
        Assert.Equal(new NpsCounts(1, 0, 2.5), counts);
        Assert.Equal(new NpsCounts(2, 2, 5), counts.Add(new NpsCounts(1, 2, 2.5)));
        Assert.Equal(-1.0, NpsCounts.ClassScore(NpsClass.Detractor));
    }
}
