using System;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Tests.Statistics;

public class DistributionTests
{
    // References: Python's math.erfc (correctly rounded to ~1 ulp), Φ(z) = erfc(-z/√2)/2.
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.8413447460685429)]
    [InlineData(1.96, 0.9750021048517795)]
    [InlineData(-1.0, 0.15865525393145707)]
    [InlineData(-3.0, 0.0013498980316300957)]
    [InlineData(-5.0, 2.866515718791946e-07)]
    [InlineData(-10.0, 7.619853024160593e-24)]
    [InlineData(-20.0, 2.7536241186063314e-89)]
    [InlineData(3.0, 0.9986501019683699)]
    public void NormalCdf_MatchesReferenceToRelativePrecision(double z, double expected) =>
        Approx.Relative(expected, Normal.Cdf(z), 1e-13);

    [Theory]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.9, 1.2815515655446004)]
    [InlineData(0.01, -2.3263478740408408)]
    [InlineData(1e-10, -6.361340902404056)]
    public void NormalQuantile_MatchesReference(double p, double expected) =>
        Assert.Equal(expected, Normal.Quantile(p), 1e-12);

    [Fact]
    public void NormalQuantile_InvertsCdfAcrossTheRange()
    {
        foreach (
            double p in new[]
            {
                1e-300,
                1e-15,
                1e-6,
                0.001,
                0.02425,
                0.1,
                0.3,
                0.5,
                0.7,
                0.97575,
                0.999,
                1 - 1e-12,
            }
        )
        {
            double z = Normal.Quantile(p);
            double back = p <= 0.5 ? Normal.Cdf(z) : 1 - Normal.Cdf(z);
            Approx.Relative(p <= 0.5 ? p : 1 - p, back, 1e-9);
        }
    }

    [Fact]
    public void NormalQuantile_EdgesAndBadInput()
    {
        Assert.Equal(double.NegativeInfinity, Normal.Quantile(0));
        Assert.Equal(double.PositiveInfinity, Normal.Quantile(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Normal.Quantile(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Normal.CriticalValue(1));
    }

    [Fact]
    public void NormalTwoSidedP_IsSymmetric()
    {
        Approx.Relative(0.04999579029644087, Normal.TwoSidedP(1.96), 1e-13);
        Assert.Equal(Normal.TwoSidedP(2.5), Normal.TwoSidedP(-2.5));
        Assert.Equal(1.0, Normal.TwoSidedP(0));
    }

    // Closed forms: t1 is Cauchy, t2 has F(t) = 1/2 + t / (2 sqrt(2 + t²)).
    [Theory]
    [InlineData(-3.0)]
    [InlineData(-0.4)]
    [InlineData(0.7)]
    [InlineData(12.0)]
    public void StudentTCdf_MatchesClosedFormsForOneAndTwoDf(double t)
    {
        Assert.Equal(0.5 + Math.Atan(t) / Math.PI, StudentT.Cdf(t, 1), 1e-13);
        Assert.Equal(0.5 + t / (2 * Math.Sqrt(2 + t * t)), StudentT.Cdf(t, 2), 1e-13);
    }

    [Fact]
    public void StudentTCdf_KnownQuantileAndNormalLimit()
    {
        // qt(0.975, 10) = 2.228138851986274 (standard table value).
        Assert.Equal(0.975, StudentT.Cdf(2.228138851986274, 10), 1e-12);
        Assert.Equal(Normal.Cdf(1.3), StudentT.Cdf(1.3, 1e7), 1e-7);
        Assert.Equal(0.05, StudentT.TwoSidedP(2.228138851986274, 10), 1e-12);
    }

    [Fact]
    public void IncompleteBeta_MatchesClosedForms()
    {
        // I_x(1, b) = 1 - (1 - x)^b and I_x(a, 1) = x^a.
        Assert.Equal(
            1 - Math.Pow(0.7, 3.5),
            SpecialFunctions.RegularizedIncompleteBeta(1, 3.5, 0.3),
            1e-14
        );
        Assert.Equal(
            Math.Pow(0.8, 2.5),
            SpecialFunctions.RegularizedIncompleteBeta(2.5, 1, 0.8),
            1e-14
        );
        Assert.Equal(Math.Log(24), SpecialFunctions.LogGamma(5), 1e-13);
    }
}
