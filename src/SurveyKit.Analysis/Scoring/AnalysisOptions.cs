using System.Collections.Generic;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Scoring;

/// <summary>How the analysis is done; the defaults are what the report states.</summary>
public sealed record AnalysisOptions
{
    /// <summary>The NPS interval method (adjusted Wald by default: it never leaves -100..100 and is never empty).</summary>
    public IntervalMethod Interval { get; init; } = IntervalMethod.AdjustedWald;

    /// <summary>The confidence level of every interval.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>Resamples for the bootstrap interval.</summary>
    public int BootstrapResamples { get; init; } = 2000;

    /// <summary>The seed of everything random (bootstrap, the model's subsample), so a report is reproducible.</summary>
    public int Seed { get; init; } = 20261123;

    /// <summary>The grade changes simulated per touchpoint.</summary>
    public IReadOnlyList<int> WhatIfDeltas { get; init; } = [-2, -1, 1, 2];

    /// <summary>The what-if model is fitted on at most this many respondents (a seeded random subset beyond it).</summary>
    public int MaxModelRows { get; init; } = 100_000;

    /// <summary>Drivers with fewer grades than this are left out of the driver analysis.</summary>
    public int MinDriverN { get; init; } = 10;

    /// <summary>The significance level used for the correlation method and in the report's wording.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Hears how long each part of the analysis took (for <c>surveykit analyze --timings</c>).</summary>
    public System.Action<string, System.TimeSpan>? Timing { get; init; }

    /// <summary>The method as summary.json names it.</summary>
    public string MethodName =>
        Interval switch
        {
            IntervalMethod.AdjustedWald => "adjusted-wald",
            IntervalMethod.Wald => "wald",
            IntervalMethod.Score => "score",
            _ => "bootstrap",
        };
}
