using System;

namespace SurveyKit.Analysis.Statistics;

/// <summary>
/// Confidence intervals for an NPS (-1..1 scale). Every result is clamped to [-1, 1] with Low &lt;= High, and
/// N = 0 gives the uninformative (-1, 1).
/// </summary>
public static class NpsInterval
{
    /// <summary>The full NPS range: the honest answer when there are no responses.</summary>
    public static readonly Interval FullRange = new(-1, 1);

    /// <summary>Seed used when the caller does not give one, so reports are reproducible.</summary>
    public const int DefaultSeed = 20261123;

    /// <summary>A confidence interval for the NPS of <paramref name="counts"/>.</summary>
    /// <param name="counts">Class counts (non-negative).</param>
    /// <param name="method">Interval method; adjusted Wald by default.</param>
    /// <param name="confidence">Confidence level strictly between 0 and 1.</param>
    /// <param name="resamples">Bootstrap resamples (bootstrap only, at least 10).</param>
    /// <param name="seed">Bootstrap seed (bootstrap only): the same seed gives the same interval.</param>
    /// <exception cref="ArgumentException">Negative or non-finite counts.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Bad confidence, method or resample count.</exception>
    public static Interval Compute(
        NpsCounts counts,
        IntervalMethod method = IntervalMethod.AdjustedWald,
        double confidence = 0.95,
        int resamples = 2000,
        int seed = DefaultSeed
    )
    {
        counts.Validate(nameof(counts));
        double z = Normal.CriticalValue(confidence);
        if (method == IntervalMethod.Bootstrap)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 10);
        }

        if (!(counts.N > 0))
        {
            return method switch
            {
                IntervalMethod.AdjustedWald
                or IntervalMethod.Wald
                or IntervalMethod.Score
                or IntervalMethod.Bootstrap => FullRange,
                _ => throw new ArgumentOutOfRangeException(
                    nameof(method),
                    method,
                    "Unknown interval method."
                ),
            };
        }

        return method switch
        {
            IntervalMethod.AdjustedWald => WaldCore(counts.Adjusted(), z),
            IntervalMethod.Wald => WaldCore(counts, z),
            IntervalMethod.Score => NpsScoreInterval.Compute(counts, z),
            IntervalMethod.Bootstrap => NpsBootstrap.Compute(counts, confidence, resamples, seed),
            _ => throw new ArgumentOutOfRangeException(
                nameof(method),
                method,
                "Unknown interval method."
            ),
        };
    }

    /// <summary>
    /// Rocks' adjusted Wald interval with its centre and standard error. N = 0 is fine here: the pseudo-counts
    /// alone give centre 0, which is why the interval is reported as the full range instead.
    /// </summary>
    public static AdjustedWaldResult AdjustedWald(NpsCounts counts, double confidence = 0.95)
    {
        counts.Validate(nameof(counts));
        double z = Normal.CriticalValue(confidence);
        NpsCounts adjusted = counts.Adjusted();
        Interval interval = counts.N > 0 ? WaldCore(adjusted, z) : FullRange;
        return new AdjustedWaldResult(adjusted.Nps, adjusted.StandardError, interval);
    }

    private static Interval WaldCore(NpsCounts counts, double z)
    {
        double nps = counts.Nps;
        double halfWidth = z * counts.StandardError;
        return Interval.Clamped(nps - halfWidth, nps + halfWidth, -1, 1);
    }
}
