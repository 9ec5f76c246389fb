using System.Linq;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Tests.Statistics;

/// <summary>Welch's t-test and the t quantile against R 4 (t.test with var.equal = FALSE, qt).</summary>
public class WelchTestTests
{
    private static (double N, double Sum, double Squares) Moments(double[] values) =>
        (values.Length, values.Sum(), values.Sum(v => v * v));

    [Theory]
    // t.test(c(7,8,9,8,9,7,8,10,9), c(6,7,7,8,5,6,9,7))$p.value
    [InlineData(
        new double[] { 6, 7, 7, 8, 5, 6, 9, 7 },
        new double[] { 7, 8, 9, 8, 9, 7, 8, 10, 9 },
        0.0199570989482
    )]
    // t.test(c(8,9,9,10,10,9), c(3,4,5,5,6))$p.value
    [InlineData(
        new double[] { 3, 4, 5, 5, 6 },
        new double[] { 8, 9, 9, 10, 10, 9 },
        0.000146186334668
    )]
    public void The_p_value_is_R_s(double[] a, double[] b, double expected)
    {
        var (nA, sumA, squaresA) = Moments(a);
        var (nB, sumB, squaresB) = Moments(b);

        Approx.Relative(expected, WelchTest.P(nA, sumA, squaresA, nB, sumB, squaresB), 1e-9);
        // The test is symmetric.
        Approx.Relative(expected, WelchTest.P(nB, sumB, squaresB, nA, sumA, squaresA), 1e-9);
    }

    [Fact]
    public void Too_few_values_give_no_p_and_two_constant_samples_give_zero_or_one()
    {
        Assert.True(double.IsNaN(WelchTest.P(1, 5, 25, 10, 50, 260)));
        Assert.Equal(1, WelchTest.P(3, 15, 75, 4, 20, 100));
        Assert.Equal(0, WelchTest.P(3, 15, 75, 4, 24, 144));
    }

    [Theory]
    [InlineData(0.975, 10, 2.22813885198627)]
    [InlineData(0.975, 3, 3.18244630528371)]
    [InlineData(0.025, 29, -2.0452296421327)]
    public void The_t_quantile_is_R_s_qt(double p, double df, double expected) =>
        Approx.Relative(expected, StudentT.Quantile(p, df), 1e-9);
}
