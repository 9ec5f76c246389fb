using System;

namespace SurveyKit.Analysis.Statistics;

/// <summary>NPS of weighted responses (e.g. after raking), with a design-based standard error.</summary>
public static class WeightedNps
{
    /// <summary>Weighted NPS of class scores (-1 detractor, 0 passive, +1 promoter).</summary>
    /// <param name="classScores">One class score per response: exactly -1, 0 or 1.</param>
    /// <param name="weights">One non-negative, finite weight per response; zero-weight responses are ignored.</param>
    /// <param name="confidence">Confidence level of the intervals.</param>
    /// <exception cref="ArgumentException">Length mismatch, a score not in {-1, 0, 1}, or a bad weight.</exception>
    public static WeightedNpsResult Compute(
        ReadOnlySpan<double> classScores,
        ReadOnlySpan<double> weights,
        double confidence = 0.95
    )
    {
        if (classScores.Length != weights.Length)
        {
            throw new ArgumentException(
                "Each class score needs exactly one weight.",
                nameof(weights)
            );
        }

        double z = Normal.CriticalValue(confidence);
        var counts = default(NpsCounts);
        int n = 0;
        for (int i = 0; i < classScores.Length; i++)
        {
            double w = weights[i];
            if (!(w >= 0) || double.IsInfinity(w))
            {
                throw new ArgumentException(
                    "Weights must be finite and non-negative.",
                    nameof(weights)
                );
            }

            NpsClass npsClass = classScores[i] switch
            {
                -1 => NpsClass.Detractor,
                0 => NpsClass.Passive,
                1 => NpsClass.Promoter,
                _ => throw new ArgumentException(
                    "Class scores must be -1, 0 or 1.",
                    nameof(classScores)
                ),
            };
            if (w > 0)
            {
                n++;
                counts = counts.Add(npsClass, w);
            }
        }

        double sum = counts.N;
        double nps = counts.Nps;
        double se = double.NaN;
        if (n >= 2)
        {
            // svymean's linearization with the with-replacement n/(n-1) factor.
            double squares = 0;
            for (int i = 0; i < classScores.Length; i++)
            {
                double residual = weights[i] * (classScores[i] - nps);
                squares += residual * residual;
            }

            se = Math.Sqrt(n / (n - 1.0) * squares) / sum;
        }

        double effectiveN = Kish.EffectiveN(weights);
        Interval wald = double.IsNaN(se)
            ? NpsInterval.FullRange
            : Interval.Clamped(nps - z * se, nps + z * se, -1, 1);
        Interval adjusted =
            sum > 0
                ? NpsInterval.Compute(
                    Scale(counts, effectiveN / sum),
                    IntervalMethod.AdjustedWald,
                    confidence
                )
                : NpsInterval.FullRange;
        return new WeightedNpsResult(nps, se, effectiveN, n, sum, counts, wald, adjusted);
    }

    private static NpsCounts Scale(NpsCounts counts, double factor) =>
        new(counts.Detractors * factor, counts.Passives * factor, counts.Promoters * factor);
}
