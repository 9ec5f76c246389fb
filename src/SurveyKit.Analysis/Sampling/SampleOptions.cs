using System;
using System.Collections.Generic;

namespace SurveyKit.Analysis.Sampling;

/// <summary>What <see cref="SampleGenerator"/> makes.</summary>
/// <param name="Count">How many submissions.</param>
/// <param name="Seed">The same seed gives the same submissions.</param>
/// <param name="DriverWeights">
/// The planted driver structure: the weight of each driver (touchpoint item or rating id) in the respondents' loyalty.
/// Drivers left out weigh nothing; null plants descending weights (the first driver matters most).
/// </param>
public sealed record SampleOptions(
    int Count,
    int Seed,
    IReadOnlyDictionary<string, double>? DriverWeights = null
)
{
    /// <summary>When the fieldwork starts; submissions are spread over the 14 days after it.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// When set, the submissions are spread evenly from <see cref="Start"/> to this moment (several months, for a
    /// trend) instead of over 14 days.
    /// </summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>Planted changes: from a moment on, a touchpoint is graded higher or lower (and loyalty follows).</summary>
    public IReadOnlyList<SampleShift> Shifts { get; init; } = [];

    /// <summary>How much of the loyalty the drivers explain (the correlation of the planted index with loyalty).</summary>
    public double DriverStrength { get; init; } = 0.75;
}

/// <summary>A planted change: from <paramref name="From"/> on, driver <paramref name="Driver"/> is graded <paramref name="Delta"/> points differently.</summary>
public sealed record SampleShift(string Driver, double Delta, DateTimeOffset From);

/// <summary>One synthetic submission: what a page would send.</summary>
public sealed record SampleResponse(
    SurveyKit.Core.Responses.ResponseData Data,
    DateTimeOffset SubmittedAt,
    long DurationMs
);
