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

    /// <summary>
    /// The what-if model is fitted on at most this many respondents: beyond it, a subset chosen by a hash of the response
    /// id (so the same responses in any order give the same subset, and the same report).
    /// </summary>
    public int MaxModelRows { get; init; } = 100_000;

    /// <summary>
    /// Groups smaller than this are shown but not compared (no p-value, never a key finding), and touchpoints graded by
    /// fewer are left out of the driver and what-if models. 30 is the usual floor for a normal approximation of a
    /// difference of proportions; docs/analysis.md states it.
    /// </summary>
    public int MinGroupN { get; init; } = 30;

    /// <summary>
    /// The driver model must explain at least this share of the outcome's variance (and pass its F-test) before the
    /// report names a driver, a first priority or a what-if in its key findings.
    /// </summary>
    public double MinDriverR2 { get; init; } = 0.10;

    /// <summary>
    /// Two touchpoints graded identically by at least this share of the respondents who graded both are analysed as
    /// one: separately their importance cannot be told apart.
    /// </summary>
    public double SameGradesShare { get; init; } = 0.95;

    /// <summary>Two touchpoints that correlate at least this much are analysed as one, for the same reason.</summary>
    public double SameGradesCorrelation { get; init; } = 0.95;

    /// <summary>
    /// A touchpoint graded by fewer than this share of the respondents with an outcome is left out of the driver and
    /// what-if models: its correlations, from a few, do not fit with the others', from nearly all.
    /// </summary>
    public double MinGradedShare { get; init; } = 0.25;

    /// <summary>Bootstrap resamples for the intervals of the drivers' shares (0: none).</summary>
    public int DriverResamples { get; init; } = 200;

    /// <summary>How the trend's periods are made (<c>analyze --by</c>); by default by quarter when the data spans more than one.</summary>
    public TrendBy By { get; init; } = TrendBy.Auto;

    /// <summary>
    /// The shares of each context field's values among the customers invited to the survey (from the collector's
    /// ledger), for weights written <c>segment: invited</c>; null when the input has no ledger.
    /// </summary>
    public IReadOnlyDictionary<
        string,
        IReadOnlyDictionary<string, double>
    >? InvitedShares { get; init; }

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
