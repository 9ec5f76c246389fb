using System;

namespace SurveyKit.Analysis.Statistics;

/// <summary>Two-sample NPS comparison with a normal (Wald) test.</summary>
public static class NpsComparison
{
    /// <summary>
    /// Compares NPS(a) with NPS(b). When either sample is empty every number is NaN and the interval is the full
    /// range [-2, 2], so "P &lt; 0.05" is false rather than an exception in the middle of a report.
    /// </summary>
    /// <param name="a">First sample (e.g. a segment).</param>
    /// <param name="b">Second sample (e.g. its complement).</param>
    /// <param name="adjusted">Add Rocks' 0.75 / 1.5 / 0.75 pseudo-responses to each sample first.</param>
    /// <param name="confidence">Confidence level of the interval.</param>
    /// <exception cref="ArgumentException">Negative or non-finite counts.</exception>
    public static NpsDifference Compare(
        NpsCounts a,
        NpsCounts b,
        bool adjusted = false,
        double confidence = 0.95
    )
    {
        a.Validate(nameof(a));
        b.Validate(nameof(b));
        double z = Normal.CriticalValue(confidence);
        if (!(a.N > 0 && b.N > 0))
        {
            return new NpsDifference(
                double.NaN,
                double.NaN,
                double.NaN,
                double.NaN,
                new Interval(-2, 2)
            );
        }

        if (adjusted)
        {
            a = a.Adjusted();
            b = b.Adjusted();
        }

        double difference = a.Nps - b.Nps;
        double se = Math.Sqrt(a.Variance / a.N + b.Variance / b.N);
        double statistic =
            se > 0 ? difference / se
            : difference == 0 ? 0
            : difference > 0 ? double.PositiveInfinity
            : double.NegativeInfinity;
        return new NpsDifference(
            difference,
            se,
            statistic,
            Normal.TwoSidedP(statistic),
            Interval.Clamped(difference - z * se, difference + z * se, -2, 2)
        );
    }

    /// <summary>Compares a segment with the rest of the sample (total minus segment).</summary>
    /// <exception cref="ArgumentException">The segment has more responses in some class than the total.</exception>
    public static NpsDifference CompareWithComplement(
        NpsCounts segment,
        NpsCounts total,
        bool adjusted = false,
        double confidence = 0.95
    )
    {
        segment.Validate(nameof(segment));
        total.Validate(nameof(total));
        NpsCounts complement = total.Subtract(segment);
        // Allow rounding noise from weighted counts, but not a segment larger than the whole.
        const double slack = 1e-9;
        if (
            complement.Detractors < -slack
            || complement.Passives < -slack
            || complement.Promoters < -slack
        )
        {
            throw new ArgumentException(
                "The segment cannot contain more responses than the total.",
                nameof(segment)
            );
        }

        complement = new NpsCounts(
            Math.Max(0, complement.Detractors),
            Math.Max(0, complement.Passives),
            Math.Max(0, complement.Promoters)
        );
        return Compare(segment, complement, adjusted, confidence);
    }
}
