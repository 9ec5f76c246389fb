using System;
using System.Collections.Generic;
using System.Globalization;

namespace SurveyKit.Analysis.Statistics;

/// <summary>
/// Detractor, passive and promoter counts (doubles so weighted or adjusted counts fit too).
/// NPS is on the -1..1 scale here; the report multiplies by 100.
/// </summary>
/// <param name="Detractors">Number (or weight) of scores 0-6.</param>
/// <param name="Passives">Number (or weight) of scores 7-8.</param>
/// <param name="Promoters">Number (or weight) of scores 9-10.</param>
public readonly record struct NpsCounts(double Detractors, double Passives, double Promoters)
{
    /// <summary>Total number of responses.</summary>
    public double N => Detractors + Passives + Promoters;

    /// <summary>Share of promoters minus share of detractors; NaN when N = 0 (no responses, no score).</summary>
    public double Nps => N > 0 ? (Promoters - Detractors) / N : double.NaN;

    /// <summary>
    /// Per-response variance of the -1/0/1 class score, p+ + p- - NPS² (denominator n, the multinomial
    /// plug-in, as in the NPS R package); NaN when N = 0.
    /// </summary>
    public double Variance
    {
        get
        {
            double n = N;
            if (!(n > 0))
            {
                return double.NaN;
            }

            double nps = (Promoters - Detractors) / n;
            // Rounding can push a zero variance a hair below zero.
            return Math.Max(0, (Promoters + Detractors) / n - nps * nps);
        }
    }

    /// <summary>Standard error of the NPS, sqrt(Variance / N); NaN when N = 0.</summary>
    public double StandardError => N > 0 ? Math.Sqrt(Variance / N) : double.NaN;

    /// <summary>The NPS class of a 0-10 score: 0-6 detractor, 7-8 passive, 9-10 promoter.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The score is outside 0..10.</exception>
    public static NpsClass Classify(int score)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(score);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 10);
        return score <= 6 ? NpsClass.Detractor
            : score <= 8 ? NpsClass.Passive
            : NpsClass.Promoter;
    }

    /// <summary>The class score used by weighted NPS: detractor -1, passive 0, promoter +1.</summary>
    public static double ClassScore(NpsClass npsClass) =>
        npsClass switch
        {
            NpsClass.Detractor => -1,
            NpsClass.Passive => 0,
            NpsClass.Promoter => 1,
            _ => throw new ArgumentOutOfRangeException(
                nameof(npsClass),
                npsClass,
                "Unknown NPS class."
            ),
        };

    /// <summary>Counts of a sequence of 0-10 scores.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A score is outside 0..10.</exception>
    public static NpsCounts FromScores(IEnumerable<int> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var counts = default(NpsCounts);
        foreach (int score in scores)
        {
            counts = counts.Add(Classify(score));
        }

        return counts;
    }

    /// <summary>These counts with one more response (or <paramref name="weight"/>) in <paramref name="npsClass"/>.</summary>
    public NpsCounts Add(NpsClass npsClass, double weight = 1) =>
        npsClass switch
        {
            NpsClass.Detractor => this with { Detractors = Detractors + weight },
            NpsClass.Passive => this with { Passives = Passives + weight },
            NpsClass.Promoter => this with { Promoters = Promoters + weight },
            _ => throw new ArgumentOutOfRangeException(
                nameof(npsClass),
                npsClass,
                "Unknown NPS class."
            ),
        };

    /// <summary>Class-wise sum of two sets of counts (e.g. pooling segments).</summary>
    public NpsCounts Add(NpsCounts other) =>
        new(Detractors + other.Detractors, Passives + other.Passives, Promoters + other.Promoters);

    /// <summary>Class-wise difference, e.g. total minus a segment gives the segment's complement.</summary>
    public NpsCounts Subtract(NpsCounts other) =>
        new(Detractors - other.Detractors, Passives - other.Passives, Promoters - other.Promoters);

    /// <summary>Rocks' (2016) adjustment: 0.75 / 1.5 / 0.75 pseudo-responses added (n + 3).</summary>
    public NpsCounts Adjusted() => new(Detractors + 0.75, Passives + 1.5, Promoters + 0.75);

    internal void Validate(string paramName)
    {
        if (!(Detractors >= 0 && Passives >= 0 && Promoters >= 0) || double.IsInfinity(N))
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"NPS counts must be finite and non-negative (got {Detractors}/{Passives}/{Promoters})."
                ),
                paramName
            );
        }
    }
}
