using System;
using System.Collections.Generic;
using SurveyKit.Analysis.Data;
using SurveyKit.Analysis.Statistics;
using SurveyKit.Core.Model;

namespace SurveyKit.Analysis.Scoring;

/// <summary>
/// Everything the report shows, computed once by <see cref="SurveyAnalyzer"/>. NPS values here are on the conventional
/// -100..100 scale; shares are fractions 0..1 unless the name says percent.
/// </summary>
public sealed record AnalysisResult(
    Survey Survey,
    ResponseTable Table,
    AnalysisOptions Options,
    NpsSummary Nps,
    WeightedSummary? Weighted,
    IReadOnlyList<SegmentSummary> Segments,
    IReadOnlyList<TouchpointSummary> Touchpoints,
    DriverSummary? Drivers,
    WhatIfSummary? WhatIf,
    LoyaltyQuadrant? SatisfactionLoyalty,
    IReadOnlyList<PriorityItem> Priorities,
    ComplaintSummary? Complaints,
    DataQuality Quality,
    IReadOnlyList<string> Notes
)
{
    /// <summary>The raking weight of each scored response, when the survey gives population shares.</summary>
    public IReadOnlyList<double>? RowWeights { get; init; }
}

/// <summary>NPS of a group: the value, the class counts, and the interval.</summary>
public sealed record NpsSummary(
    double Value,
    int N,
    int Promoters,
    int Passives,
    int Detractors,
    Interval Ci95,
    string Method
)
{
    /// <summary>The summary of <paramref name="counts"/> with an interval by <paramref name="options"/>.</summary>
    public static NpsSummary Of(NpsCounts counts, AnalysisOptions options)
    {
        var interval = NpsInterval.Compute(
            counts,
            options.Interval,
            options.Confidence,
            options.BootstrapResamples,
            options.Seed
        );
        return new NpsSummary(
            counts.N > 0 ? counts.Nps * 100 : double.NaN,
            (int)counts.N,
            (int)counts.Promoters,
            (int)counts.Passives,
            (int)counts.Detractors,
            new Interval(interval.Low * 100, interval.High * 100),
            options.MethodName
        );
    }
}

/// <summary>NPS after raking to the population shares in the survey.</summary>
public sealed record WeightedSummary(
    double Value,
    Interval Ci95,
    double EffectiveN,
    int N,
    bool Converged,
    int Iterations,
    IReadOnlyList<string> Variables
);

/// <summary>NPS per value of one segment, each tested against the rest of the sample.</summary>
public sealed record SegmentSummary(
    string Id,
    LocalizedText? Label,
    IReadOnlyList<SegmentValue> Values
);

/// <summary>One segment value.</summary>
/// <param name="PVsRest">Two-sided p of the two-sample test of this value against everyone else (NaN when a side is empty).</param>
public sealed record SegmentValue(
    string Value,
    LocalizedText? Label,
    NpsSummary Nps,
    double DifferenceVsRest,
    double PVsRest
);

/// <summary>A touchpoint's grades, its importance for loyalty and where it stands.</summary>
public sealed record TouchpointSummary(
    DriverColumn Driver,
    double Mean,
    int N,
    int NotApplicable,
    int Unanswered,
    int[] Distribution,
    double TopTwoBox,
    IReadOnlyList<GradeLevel> NpsByGrade,
    ComparisonCounts? Comparison,
    double Importance,
    double SharePercent,
    string Quadrant
);

/// <summary>The NPS of the respondents who gave one grade: what each level of a touchpoint is worth.</summary>
public sealed record GradeLevel(int Grade, int N, double Nps);

/// <summary>How respondents compare a touchpoint with other providers.</summary>
public sealed record ComparisonCounts(int Worse, int Same, int Better)
{
    /// <summary>Respondents who compared.</summary>
    public int N => Worse + Same + Better;

    /// <summary>Better minus worse, as a share of those who compared.</summary>
    public double Net => N == 0 ? 0 : (double)(Better - Worse) / N;
}

/// <summary>The key driver analysis.</summary>
/// <param name="R2">The share of the outcome's variance the drivers explain together.</param>
/// <param name="Deletion">"pairwise" or "listwise": how unanswered and not-applicable grades were left out.</param>
/// <param name="N">Respondents used (listwise), or the smallest pair count (pairwise).</param>
public sealed record DriverSummary(
    double R2,
    string Deletion,
    int N,
    IReadOnlyList<DriverImportance> Items,
    double ImportanceCrosshair,
    double PerformanceCrosshair
);

/// <summary>One driver's importance by three methods.</summary>
/// <param name="Lmg">Shapley/LMG share of R2 (primary).</param>
/// <param name="SharePercent">LMG as a share of 100.</param>
/// <param name="Sign">+1 or -1: the sign of the standardized regression coefficient.</param>
/// <param name="RelativeWeight">Johnson's relative weight (NaN when the correlation matrix is not positive definite).</param>
/// <param name="Correlation">Pearson r with the outcome.</param>
/// <param name="CorrelationP">The p-value of r.</param>
public sealed record DriverImportance(
    string Id,
    LocalizedText Label,
    double Lmg,
    double SharePercent,
    int Sign,
    double RelativeWeight,
    double Correlation,
    double CorrelationP
);

/// <summary>The what-if simulation: the predicted NPS when one touchpoint's grades move, from an ordinal model.</summary>
public sealed record WhatIfSummary(
    int ModelN,
    double Baseline,
    IReadOnlyList<WhatIfScenario> Scenarios,
    OrdinalLogitResult Model
);

/// <summary>One scenario: every respondent who graded <paramref name="Item"/> grades it <paramref name="Delta"/> points differently.</summary>
/// <param name="Nps">The observed NPS plus the predicted change.</param>
/// <param name="Change">The predicted change in NPS points.</param>
public sealed record WhatIfScenario(string Item, int Delta, double Nps, double Change);

/// <summary>Satisfaction against loyalty: satisfaction is not loyalty.</summary>
public sealed record LoyaltyQuadrant(
    int Loyal,
    int SatisfiedNotLoyal,
    int LoyalNotSatisfied,
    int Neither,
    int SatisfiedFrom
)
{
    /// <summary>Respondents with both answers.</summary>
    public int N => Loyal + SatisfiedNotLoyal + LoyalNotSatisfied + Neither;
}

/// <summary>A touchpoint on the priority list.</summary>
/// <param name="Score">Importance x (headroom + the gap behind competitors), 0..100.</param>
public sealed record PriorityItem(
    string Id,
    LocalizedText Label,
    double Score,
    double SharePercent,
    double Headroom,
    double Gap,
    string Quadrant
);

/// <summary>Complaint handling: NPS of complainers whose complaint was resolved against those whose was not.</summary>
public sealed record ComplaintSummary(
    NpsSummary Resolved,
    NpsSummary Unresolved,
    NpsSummary? NoComplaint,
    NpsDifference ResolvedVsUnresolved
);

/// <summary>What in the data deserves a second look.</summary>
/// <param name="SpeederThresholdMs">Half the median duration: faster respondents are flagged (kept in the scores).</param>
public sealed record DataQuality(
    long Duplicates,
    int StraightLiners,
    int Speeders,
    double SpeederThresholdMs,
    long OtherVersions,
    int Measured
);
