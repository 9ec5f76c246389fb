using System;

namespace SurveyKit.Analysis.Statistics;

/// <summary>
/// Percentile bootstrap for the NPS: multinomial resamples of round(N) responses at the observed class shares,
/// from a seeded generator so the same input and seed always give the same interval.
/// </summary>
internal static class NpsBootstrap
{
    public static Interval Compute(NpsCounts counts, double confidence, int resamples, int seed)
    {
        // Weighted counts are not integers: resample the rounded total at the observed shares.
        int n = (int)Math.Max(1, Math.Round(counts.N));
        double pMinus = counts.Detractors / counts.N;
        double pPlusGivenNotMinus =
            pMinus < 1 ? Math.Clamp(counts.Promoters / counts.N / (1 - pMinus), 0, 1) : 0;

        // A seeded System.Random is version-stable: what reproducibility needs (this is not about secrecy).
#pragma warning disable CA5394 // Do not use insecure randomness
        var random = new Random(seed);
        var statistics = new double[resamples];
        for (int r = 0; r < resamples; r++)
        {
            // Multinomial as a chain of binomials: detractors, then promoters among the rest.
            int detractors = Binomial(random, n, pMinus);
            int promoters = Binomial(random, n - detractors, pPlusGivenNotMinus);
            statistics[r] = (promoters - detractors) / (double)n;
        }

        Array.Sort(statistics);
        double alpha = 1 - confidence;
        return Interval.Clamped(
            Percentile(statistics, alpha / 2),
            Percentile(statistics, 1 - alpha / 2),
            -1,
            1
        );
    }

    /// <summary>
    /// Exact Binomial(n, p) draw by inversion, visiting outcomes outward from the mode (m, m+1, m-1, …): any fixed
    /// order of outcomes is a valid inversion, and this one needs O(sqrt(n p q)) steps instead of O(n) draws.
    /// </summary>
    internal static int Binomial(Random random, int n, double p)
    {
        if (n == 0 || p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return n;
        }

        int mode = Math.Min(n, (int)Math.Floor((n + 1) * p));
        double logPmf =
            SpecialFunctions.LogGamma(n + 1.0)
            - SpecialFunctions.LogGamma(mode + 1.0)
            - SpecialFunctions.LogGamma(n - mode + 1.0)
            + mode * Math.Log(p)
            + (n - mode) * Math.Log(1 - p);
        double u = random.NextDouble() - Math.Exp(logPmf);
        if (u < 0)
        {
            return mode;
        }

        double odds = p / (1 - p);
        int up = mode;
        int down = mode;
        double pmfUp = Math.Exp(logPmf);
        double pmfDown = pmfUp;
        while (up < n || down > 0)
        {
            if (up < n)
            {
                pmfUp *= (n - up) / (up + 1.0) * odds;
                up++;
                u -= pmfUp;
                if (u < 0)
                {
                    return up;
                }
            }

            if (down > 0)
            {
                pmfDown *= down / (n - down + 1.0) / odds;
                down--;
                u -= pmfDown;
                if (u < 0)
                {
                    return down;
                }
            }
        }

        // Only reachable through rounding in the pmf sum (u within ~1e-12 of 1).
        return mode;
    }
#pragma warning restore CA5394

    /// <summary>Linear interpolation between order statistics (R's type 7 quantile).</summary>
    internal static double Percentile(double[] sorted, double probability)
    {
        double position = probability * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
