using System;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Tests.Statistics;

public class NpsIntervalTests
{
    private static readonly IntervalMethod[] AllMethods =
    [
        IntervalMethod.AdjustedWald,
        IntervalMethod.Wald,
        IntervalMethod.Score,
        IntervalMethod.Bootstrap,
    ];

    [Fact]
    public void TalkStats_NpsAndMarginOfError()
    {
        // talkstats thread 58500: 395/476/291 → NPS -0.09, 95% margin of error 0.044.
        var counts = new NpsCounts(395, 476, 291);
        Approx.Equal(-0.09, counts.Nps, 2);
        Approx.Equal(0.044, Normal.CriticalValue(0.95) * counts.StandardError, 3);
        Approx.Equal(0.02239, counts.StandardError, 5);
    }

    // [comp] rows of statistics.md: Wald and score intervals at four decimals (three where printed so).
    [Theory]
    [InlineData(395, 476, 291, -0.1334, -0.0456, 4)]
    [InlineData(10, 20, 30, 0.1447, 0.5219, 4)]
    [InlineData(0, 3, 7, 0.416, 0.984, 3)]
    public void Wald_MatchesGoldenValues(
        double d,
        double p,
        double pr,
        double low,
        double high,
        int decimals
    )
    {
        Interval interval = NpsInterval.Compute(new NpsCounts(d, p, pr), IntervalMethod.Wald);
        Approx.Equal(low, interval.Low, decimals);
        Approx.Equal(high, interval.High, decimals);
    }

    [Theory]
    [InlineData(395, 476, 291, -0.1332, -0.0455)]
    [InlineData(10, 20, 30, 0.1317, 0.5056)]
    [InlineData(2, 0, 9, 0.0460, 0.8973)]
    [InlineData(0, 3, 7, 0.2282, 0.8922)]
    [InlineData(1, 2, 3, -0.3111, 0.7540)]
    public void Score_MatchesGoldenValues(double d, double p, double pr, double low, double high)
    {
        Interval interval = NpsInterval.Compute(new NpsCounts(d, p, pr), IntervalMethod.Score);
        Approx.Equal(low, interval.Low, 4);
        Approx.Equal(high, interval.High, 4);
    }

    [Theory]
    [InlineData(10, 20, 30, 0.1330, 0.5019)]
    [InlineData(2, 0, 9, 0.0800, 0.9200)]
    [InlineData(0, 3, 7, 0.2105, 0.8664)]
    [InlineData(1, 2, 3, -0.2674, 0.7119)]
    public void AdjustedWald_MatchesGoldenValues(
        double d,
        double p,
        double pr,
        double low,
        double high
    )
    {
        var counts = new NpsCounts(d, p, pr);
        Interval interval = NpsInterval.Compute(counts);
        Approx.Equal(low, interval.Low, 4);
        Approx.Equal(high, interval.High, 4);
        Assert.Equal(interval, NpsInterval.AdjustedWald(counts, 0.95).Interval);
    }

    [Fact]
    public void AdjustedWald_ReportsCentreAndStandardError()
    {
        AdjustedWaldResult result = NpsInterval.AdjustedWald(new NpsCounts(10, 20, 30), 0.95);
        Approx.Equal(0.3175, result.Center, 4);
        Approx.Equal(0.0941, result.StandardError, 4);
        Approx.Equal(0.1330, result.Interval.Low, 4);
        Approx.Equal(0.5019, result.Interval.High, 4);
    }

    [Fact]
    public void Wald_IsClampedWhereTheRawIntervalExceedsOne()
    {
        var counts = new NpsCounts(2, 0, 9);
        double rawHigh = counts.Nps + Normal.CriticalValue(0.95) * counts.StandardError;
        Approx.Equal(1.0922, rawHigh, 4);
        Interval interval = NpsInterval.Compute(counts, IntervalMethod.Wald);
        Approx.Equal(0.1805, interval.Low, 4);
        Assert.Equal(1.0, interval.High);
    }

    [Theory]
    [InlineData(IntervalMethod.AdjustedWald)]
    [InlineData(IntervalMethod.Wald)]
    [InlineData(IntervalMethod.Score)]
    [InlineData(IntervalMethod.Bootstrap)]
    public void NoResponses_GiveTheFullRange(IntervalMethod method) =>
        Assert.Equal(new Interval(-1, 1), NpsInterval.Compute(default, method));

    [Fact]
    public void Intervals_StayInRangeAndOrderedForEverySmallSample()
    {
        for (int n = 0; n <= 12; n++)
        {
            for (int d = 0; d <= n; d++)
            {
                for (int p = 0; p <= n - d; p++)
                {
                    var counts = new NpsCounts(d, p, n - d - p);
                    foreach (IntervalMethod method in AllMethods)
                    {
                        Interval interval = NpsInterval.Compute(counts, method, resamples: 200);
                        Assert.InRange(interval.Low, -1.0, 1.0);
                        Assert.InRange(interval.High, -1.0, 1.0);
                        Assert.True(
                            interval.Low <= interval.High,
                            $"{method} {d}/{p}/{n - d - p}: {interval}"
                        );
                        if (n > 0 && method != IntervalMethod.AdjustedWald)
                        {
                            // Wald, score and percentile intervals always cover their own estimate.
                            Assert.True(
                                interval.Contains(counts.Nps),
                                $"{method} {d}/{p}/{n - d - p}: {interval}"
                            );
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void Score_AllInOneClassReachesTheEdgeOnlyOnThatSide()
    {
        Interval allPromoters = NpsInterval.Compute(new NpsCounts(0, 0, 10), IntervalMethod.Score);
        Assert.Equal(1.0, allPromoters.High);
        Assert.InRange(allPromoters.Low, 0.3, 0.99);
        Interval allDetractors = NpsInterval.Compute(new NpsCounts(10, 0, 0), IntervalMethod.Score);
        Assert.Equal(-1.0, allDetractors.Low);
        Assert.Equal(-allPromoters.Low, allDetractors.High, 1e-12);
    }

    [Fact]
    public void Bootstrap_IsDeterministicForASeedAndCoversTheEstimate()
    {
        var counts = new NpsCounts(10, 20, 30);
        Interval first = NpsInterval.Compute(counts, IntervalMethod.Bootstrap, seed: 7);
        Interval again = NpsInterval.Compute(counts, IntervalMethod.Bootstrap, seed: 7);
        Interval other = NpsInterval.Compute(counts, IntervalMethod.Bootstrap, seed: 8);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.True(first.Contains(counts.Nps));
        // Close to the Wald interval [.1447, .5219] for a sample this size.
        Assert.InRange(first.Low, 0.10, 0.19);
        Assert.InRange(first.High, 0.48, 0.57);
    }

    [Fact]
    public void Compute_RejectsBadInput()
    {
        Assert.Throws<ArgumentException>(() => NpsInterval.Compute(new NpsCounts(-1, 2, 3)));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            NpsInterval.Compute(new NpsCounts(1, 2, 3), confidence: 1.2)
        );
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            NpsInterval.Compute(new NpsCounts(1, 2, 3), IntervalMethod.Bootstrap, resamples: 1)
        );
    }

    [Fact]
    public void HigherConfidence_GivesAWiderInterval()
    {
        var counts = new NpsCounts(10, 20, 30);
        Interval narrow = NpsInterval.Compute(counts, IntervalMethod.Score, 0.80);
        Interval wide = NpsInterval.Compute(counts, IntervalMethod.Score, 0.99);
        Assert.True(wide.Low < narrow.Low && wide.High > narrow.High);
    }
}
