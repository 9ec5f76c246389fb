using System;
using System.Linq;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Tests.Statistics;

public class WeightedNpsTests
{
    private static readonly int[] Scores = [10, 9, 9, 8, 7, 6, 5, 10, 3, 9];
    private static readonly double[] Weights = [1, 2, 1, 1, 2, 1, 1, 0.5, 3, 1];

    private static double[] ClassScores(int[] scores) =>
        scores.Select(s => NpsCounts.ClassScore(NpsCounts.Classify(s))).ToArray();

    [Fact]
    public void GoldenExample_MatchesLinearizationValues()
    {
        WeightedNpsResult result = WeightedNps.Compute(ClassScores(Scores), Weights);
        Approx.Equal(0.03704, result.Nps, 5);
        Approx.Equal(0.33638, result.StandardError, 5);
        Approx.Equal(7.839, result.EffectiveN, 3);
        Approx.Equal(7.839, Kish.EffectiveN(Weights), 3);
        Assert.Equal(10, result.N);
        Assert.Equal(13.5, result.SumOfWeights, 1e-12);
        double z = Normal.CriticalValue(0.95);
        Assert.Equal(result.Nps - z * result.StandardError, result.Interval.Low, 1e-12);
        Assert.True(result.AdjustedInterval.Contains(result.Nps));
    }

    [Fact]
    public void UnitWeights_ReproduceTheUnweightedNps()
    {
        double[] ones = Enumerable.Repeat(1.0, Scores.Length).ToArray();
        WeightedNpsResult result = WeightedNps.Compute(ClassScores(Scores), ones);
        Approx.Equal(0.2, result.Nps, 12);
        Assert.Equal(10, result.EffectiveN, 1e-12);
        // With unit weights the linearization variance is the n-1 sample variance of the scores over n.
        NpsCounts counts = NpsCounts.FromScores(Scores);
        Assert.Equal(Math.Sqrt(counts.Variance * 10 / 9 / 10), result.StandardError, 1e-12);
    }

    [Fact]
    public void Interval_IsClampedAndTooFewResponsesGiveTheFullRange()
    {
        WeightedNpsResult single = WeightedNps.Compute([1.0], [2.0]);
        Assert.True(double.IsNaN(single.StandardError));
        Assert.Equal(new Interval(-1, 1), single.Interval);
        WeightedNpsResult promoters = WeightedNps.Compute([1.0, 1.0, 1.0], [1.0, 2.0, 3.0]);
        Assert.Equal(new Interval(1, 1), promoters.Interval);
        Assert.True(promoters.AdjustedInterval.Low < 1);
    }

    [Fact]
    public void BadInput_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => WeightedNps.Compute([1.0, 0.0], [1.0]));
        Assert.Throws<ArgumentException>(() => WeightedNps.Compute([0.5], [1.0]));
        Assert.Throws<ArgumentException>(() => WeightedNps.Compute([1.0], [-1.0]));
    }
}
