using System;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Tests.Statistics;

public class NpsComparisonTests
{
    private static readonly NpsCounts A = new(10, 20, 30);
    private static readonly NpsCounts B = new(20, 20, 20);

    [Fact]
    public void Wald_MatchesGoldenValues()
    {
        NpsDifference result = NpsComparison.Compare(A, B);
        Approx.Equal(0.3333, result.Difference, 4);
        Approx.Equal(0.1427, result.StandardError, 4);
        Approx.Equal(2.3355, result.Z, 4);
        Approx.Equal(0.0195, result.P, 4);
        Approx.Equal(0.0536, result.Interval.Low, 4);
        Approx.Equal(0.6131, result.Interval.High, 4);
    }

    [Fact]
    public void Adjusted_MatchesGoldenValues()
    {
        NpsDifference result = NpsComparison.Compare(A, B, adjusted: true);
        Approx.Equal(0.3175, result.Difference, 4);
        Approx.Equal(0.1390, result.StandardError, 4);
        Approx.Equal(2.2844, result.Z, 4);
        Approx.Equal(0.0223, result.P, 4);
    }

    [Fact]
    public void SwappingSamples_FlipsTheSignAndTheInterval()
    {
        // CRAN NPS 1.1 centred the interval on |d|; ours must follow the sign.
        NpsDifference forward = NpsComparison.Compare(A, B);
        NpsDifference backward = NpsComparison.Compare(B, A);
        Assert.Equal(-forward.Difference, backward.Difference, 1e-15);
        Assert.Equal(-forward.Interval.High, backward.Interval.Low, 1e-15);
        Assert.Equal(forward.P, backward.P, 1e-15);
        Assert.True(backward.Interval.High < 0);
    }

    [Fact]
    public void CompareWithComplement_SubtractsTheSegment()
    {
        NpsCounts total = A.Add(B);
        Assert.Equal(NpsComparison.Compare(A, B), NpsComparison.CompareWithComplement(A, total));
        Assert.Throws<ArgumentException>(() => NpsComparison.CompareWithComplement(total, A));
    }

    [Fact]
    public void EmptySample_GivesNaNAndFullRange()
    {
        NpsDifference result = NpsComparison.Compare(A, default);
        Assert.True(double.IsNaN(result.Difference) && double.IsNaN(result.P));
        Assert.Equal(new Interval(-2, 2), result.Interval);
    }

    [Fact]
    public void ZeroStandardError_GivesInfiniteZOrZero()
    {
        NpsDifference different = NpsComparison.Compare(
            new NpsCounts(0, 0, 5),
            new NpsCounts(5, 0, 0)
        );
        Assert.Equal(double.PositiveInfinity, different.Z);
        Assert.Equal(0.0, different.P);
        Assert.Equal(new Interval(2, 2), different.Interval);
        NpsDifference same = NpsComparison.Compare(new NpsCounts(0, 0, 5), new NpsCounts(0, 0, 3));
        Assert.Equal(0.0, same.Z);
        Assert.Equal(1.0, same.P);
    }
}
