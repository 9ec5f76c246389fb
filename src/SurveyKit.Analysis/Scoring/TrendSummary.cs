using System.Collections.Generic;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Scoring;

/// <summary>How the periods of a trend are made (<c>analyze --by</c>).</summary>
public enum TrendBy
{
    /// <summary>By quarter when the responses span more than one quarter, else no trend.</summary>
    Auto,

    /// <summary>No trend.</summary>
    None,

    /// <summary>Calendar months of the submission time (UTC).</summary>
    Month,

    /// <summary>Calendar quarters.</summary>
    Quarter,

    /// <summary>ISO weeks.</summary>
    Week,

    /// <summary>Versions of the survey.</summary>
    Version,

    /// <summary>The waves of <c>analysis.wave</c>, in the order they started.</summary>
    Wave,
}

/// <summary>The NPS and the touchpoints per period, with the significance of every change.</summary>
/// <param name="By">How the periods were made: month, quarter, week, version or wave.</param>
/// <param name="Periods">In time order.</param>
/// <param name="Undated">Responses in no period (no submission time, or no wave).</param>
/// <param name="Changes">How many period-to-period changes were tested: the m of their Holm correction.</param>
public sealed record TrendSummary(
    TrendBy By,
    IReadOnlyList<TrendPeriod> Periods,
    long Undated,
    int Changes
);

/// <summary>One period of a trend.</summary>
/// <param name="Key">The period as summary.json names it: 2026-Q1, 2026-03, 2026-W09, v3, or the wave.</param>
/// <param name="VsPrevious">
/// The change from the previous period (later minus earlier), tested when both have at least
/// <see cref="AnalysisOptions.MinGroupN"/> responses, and judged after Holm's correction over all such changes.
/// </param>
/// <param name="VsFirst">
/// The change from the first period, tested the same way; its Holm family is the changes from the first period.
/// </param>
/// <param name="Drivers">Each driver's share of the explained part in this period, when the period alone says enough.</param>
public sealed record TrendPeriod(
    string Key,
    NpsSummary Nps,
    GroupComparison? VsPrevious,
    GroupComparison? VsFirst,
    IReadOnlyList<TrendTouchpoint> Touchpoints,
    IReadOnlyList<TrendSegment> Segments,
    IReadOnlyDictionary<string, double>? Drivers
);

/// <summary>A touchpoint in one period: its mean grade and n, and how it moved from the previous period.</summary>
/// <param name="Ci95">The t interval of the mean, cut to the scale (NaN bounds with fewer than two grades).</param>
/// <param name="Change">Mean minus the previous period's mean (NaN when either has too few grades).</param>
/// <param name="P">Welch's two-sided p of that change alone (NaN when not tested).</param>
/// <param name="PAdjusted">
/// After Holm's correction over every touchpoint change of the trend (all touchpoints, all periods): one family, so
/// that twelve months of four touchpoints do not make a chance finding likely.
/// </param>
/// <param name="Significant"><paramref name="PAdjusted"/> below alpha.</param>
public sealed record TrendTouchpoint(
    string Id,
    double Mean,
    int N,
    Interval Ci95,
    double Change,
    double P,
    double PAdjusted,
    bool Significant
);

/// <summary>A segment value in one period.</summary>
public sealed record TrendSegment(string Segment, string Value, double Nps, int N);
