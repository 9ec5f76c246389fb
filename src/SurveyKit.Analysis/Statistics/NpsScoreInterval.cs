using System;

namespace SurveyKit.Analysis.Statistics;

/// <summary>
/// The iterative Tango-type score interval for a difference of two multinomial proportions (p+ - p-):
/// CI = { d : |Z(d)| &lt; z } where Z uses the variance at the MLE restricted to p+ - p- = d.
/// </summary>
internal static class NpsScoreInterval
{
    private const int MaxBisections = 200;

    public static Interval Compute(NpsCounts counts, double z)
    {
        double n = counts.N;
        double estimate = counts.Nps;

        // Z(d) is +∞ just above d = -1 and 0 at the estimate (and the mirror image on the upper side), so each
        // bound is the single crossing of |Z| = z, found by bisection. An estimate at the edge is its own bound.
        double low = estimate <= -1 ? -1 : Bisect(counts, n, lower: -1, upper: estimate, target: z);
        double high = estimate >= 1 ? 1 : Bisect(counts, n, lower: estimate, upper: 1, target: -z);
        return Interval.Clamped(low, high, -1, 1);
    }

    /// <summary>Z(d) of statistics.md; ±∞ where the restricted variance vanishes (d = ±1).</summary>
    internal static double Z(NpsCounts counts, double n, double d)
    {
        double xPlus = counts.Promoters;
        double xMinus = counts.Detractors;
        double a = 2 * n;
        double b = -xPlus - xMinus + (2 * n - xPlus + xMinus) * d;
        double c = -xMinus * d * (1 - d);

        // q is the restricted MLE of p-; the discriminant is non-negative in exact arithmetic.
        double discriminant = Math.Max(0, b * b - 4 * a * c);
        double q = (Math.Sqrt(discriminant) - b) / (2 * a);
        double variance = n * (2 * q + d * (1 - d));
        double numerator = xPlus - xMinus - n * d;
        if (!(variance > 0))
        {
            return numerator == 0 ? 0
                : numerator > 0 ? double.PositiveInfinity
                : double.NegativeInfinity;
        }

        return numerator / Math.Sqrt(variance);
    }

    // Z is decreasing in d: Z(lower) > target > Z(upper) on each side of the estimate.
    private static double Bisect(
        NpsCounts counts,
        double n,
        double lower,
        double upper,
        double target
    )
    {
        for (int i = 0; i < MaxBisections && upper - lower > 1e-13; i++)
        {
            double mid = 0.5 * (lower + upper);
            if (Z(counts, n, mid) > target)
            {
                lower = mid;
            }
            else
            {
                upper = mid;
            }
        }

        return 0.5 * (lower + upper);
    }
}
