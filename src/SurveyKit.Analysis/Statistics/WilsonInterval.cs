using System;

namespace SurveyKit.Analysis.Statistics;

/// <summary>
/// The Wilson score interval of a proportion (R's <c>prop.test(x, n, correct = FALSE)</c>): it stays inside 0..1,
/// holds the estimate, and behaves at 0 and n, where the Wald interval collapses.
/// </summary>
public static class WilsonInterval
{
    /// <summary>The 95% interval of <paramref name="successes"/> out of <paramref name="n"/>, as proportions; NaN for n = 0.</summary>
    public static Interval Of(long successes, long n)
    {
        if (n <= 0)
        {
            return new Interval(double.NaN, double.NaN);
        }
        const double z = 1.959963984540054;
        var p = (double)successes / n;
        var z2 = z * z;
        var center = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new Interval(Math.Max(0, center - half), Math.Min(1, center + half));
    }
}
