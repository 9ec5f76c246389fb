using System;

namespace SurveyKit.Analysis.Statistics;

/// <summary>A closed confidence interval [Low, High].</summary>
/// <param name="Low">Lower bound.</param>
/// <param name="High">Upper bound.</param>
public readonly record struct Interval(double Low, double High)
{
    /// <summary>High - Low.</summary>
    public double Width => High - Low;

    /// <summary>Whether <paramref name="value"/> lies in [Low, High].</summary>
    public bool Contains(double value) => value >= Low && value <= High;

    /// <summary>The smallest interval that holds this one and <paramref name="value"/>.</summary>
    public Interval Including(double value) =>
        double.IsFinite(value) ? new(Math.Min(Low, value), Math.Max(High, value)) : this;

    /// <summary>
    /// The interval cut to [min, max] and never reversed: a Wald interval can leave the NPS range
    /// (e.g. 2/0/9 gives an upper bound of 1.09), which would be reported as an impossible score.
    /// </summary>
    public static Interval Clamped(double low, double high, double min, double max)
    {
        double lo = Math.Clamp(low, min, max);
        double hi = Math.Clamp(high, min, max);
        return lo <= hi ? new Interval(lo, hi) : new Interval(hi, lo);
    }
}
