using System;

namespace SurveyKit.Analysis.Statistics;

/// <summary>Welch's two-sample t-test of a difference of means with unequal variances (R's <c>t.test</c> default).</summary>
public static class WelchTest
{
    /// <summary>
    /// The two-sided p-value of mean(b) - mean(a), from each sample's n, sum and sum of squares; NaN when a sample has
    /// fewer than two values or neither varies.
    /// </summary>
    public static double P(
        double nA,
        double sumA,
        double squaresA,
        double nB,
        double sumB,
        double squaresB
    )
    {
        if (nA < 2 || nB < 2)
        {
            return double.NaN;
        }
        var (meanA, meanB) = (sumA / nA, sumB / nB);
        var varianceA = Math.Max(0, (squaresA - nA * meanA * meanA) / (nA - 1));
        var varianceB = Math.Max(0, (squaresB - nB * meanB * meanB) / (nB - 1));
        var (a, b) = (varianceA / nA, varianceB / nB);
        if (a + b <= 0)
        {
            return meanA == meanB ? 1 : 0;
        }
        var t = (meanB - meanA) / Math.Sqrt(a + b);
        // Welch-Satterthwaite degrees of freedom.
        var df = (a + b) * (a + b) / (a * a / (nA - 1) + b * b / (nB - 1));
        return StudentT.TwoSidedP(t, df);
    }
}
