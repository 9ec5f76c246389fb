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
    IReadOnlyList<AnalysisNote> Notes
)
{
    /// <summary>The raking weight of each scored response, when the survey gives population shares.</summary>
    public IReadOnlyList<double>? RowWeights { get; init; }

    /// <summary>
    /// How many comparisons the report makes (segment values against their rest, complaint handling): the m of Holm's
    /// correction, a comparison seen from both sides counted once.
    /// </summary>
    public int Comparisons { get; init; }

    /// <summary>The NPS, touchpoints, segments and drivers per period; null when there is no trend to show.</summary>
    public TrendSummary? Trend { get; init; }

    /// <summary>The roll-up per account (<c>analysis.account</c>); null when the survey names no account.</summary>
    public AccountSummary? Accounts { get; init; }

    /// <summary>What the collector did with the survey's alerts; null when the input is not a collector's database.</summary>
    public AlertActivity? Alerts { get; init; }

    /// <summary>The response rate of the survey's invitations; null when the input is not a collector's database or none were made.</summary>
    public InvitationActivity? Invitations { get; init; }

    /// <summary>What the open answers are about, when the survey has a codebook (<c>analysis.themes</c>).</summary>
    public ThemesSummary? Themes { get; init; }
}

/// <summary>NPS of a group: the value, the class counts, and the interval.</summary>
/// <param name="Ci95">The interval; it always contains <paramref name="Value"/> (see <paramref name="Extended"/>).</param>
/// <param name="Extended">
/// The method's interval left out the observed NPS and was extended to it. The adjusted Wald interval is centred on
/// the adjusted NPS, so with a handful of responses all in one class (one promoter: +100) it can end below the
/// observed value; the union of the interval and the estimate covers at least as often as the interval.
/// </param>
/// <param name="Fallback">
/// The chosen method gave an interval of width 0 (every response in one class: Wald's variance and every bootstrap
/// resample are then degenerate), so the adjusted Wald interval is shown instead.
/// </param>
public sealed record NpsSummary(
    double Value,
    int N,
    int Promoters,
    int Passives,
    int Detractors,
    Interval Ci95,
    string Method,
    bool Extended = false,
    bool Fallback = false
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
        var fallback = counts.N > 0 && interval.Width == 0;
        if (fallback)
        {
            interval = NpsInterval.Compute(counts, IntervalMethod.AdjustedWald, options.Confidence);
        }
        var value = counts.N > 0 ? counts.Nps * 100 : double.NaN;
        var scaled = new Interval(interval.Low * 100, interval.High * 100);
        var extended = counts.N > 0 && !scaled.Contains(value);
        return new NpsSummary(
            value,
            (int)counts.N,
            (int)counts.Promoters,
            (int)counts.Passives,
            (int)counts.Detractors,
            extended ? scaled.Including(value) : scaled,
            options.MethodName,
            extended,
            fallback
        );
    }

    /// <summary>The class counts again, for a comparison.</summary>
    public NpsCounts Counts => new(Detractors, Passives, Promoters);
}

/// <summary>NPS after raking to the population shares in the survey.</summary>
/// <param name="Fallback">
/// Every weighted response is in one class, so the linearized variance is 0: the interval is the adjusted Wald
/// interval of the weighted shares at the effective sample size instead.
/// </param>
public sealed record WeightedSummary(
    double Value,
    Interval Ci95,
    double EffectiveN,
    int N,
    bool Converged,
    int Iterations,
    IReadOnlyList<string> Variables,
    bool Fallback = false
)
{
    /// <summary>
    /// Values with a target share but fewer than <see cref="AnalysisOptions.MinGroupN"/> respondents: the weighted NPS
    /// leans on them, so the report warns and keeps it out of the key findings.
    /// </summary>
    public IReadOnlyList<WeightingCell> SmallCells { get; init; } = [];

    /// <summary>The largest weight as a multiple of the mean weight.</summary>
    public double LargestWeight { get; init; } = double.NaN;

    /// <summary>The shares raked to, per variable and value, as written or as found among the invited.</summary>
    public IReadOnlyList<(
        string Variable,
        IReadOnlyList<(string Value, double Share)> Shares
    )> Targets { get; init; } = [];

    /// <summary>Some shares are those among the invited customers (<c>weights: { segment: invited }</c>).</summary>
    public bool FromInvited { get; init; }
}

/// <summary>A value of a weighting variable and how many respondents have it.</summary>
public sealed record WeightingCell(string Variable, string Value, int N);

/// <summary>NPS per value of one segment, each tested against the rest of the sample.</summary>
public sealed record SegmentSummary(
    string Id,
    LocalizedText? Label,
    IReadOnlyList<SegmentValue> Values
);

/// <summary>One segment value: its own NPS, the NPS of everyone else, and the comparison of the two.</summary>
/// <param name="Rest">Everyone else with an outcome.</param>
/// <param name="VsRest">
/// The comparison with the rest; null when either side has fewer than <see cref="AnalysisOptions.MinGroupN"/>
/// responses: too few to compare, so no p-value is given.
/// </param>
public sealed record SegmentValue(
    string Value,
    LocalizedText? Label,
    NpsSummary Nps,
    NpsSummary Rest,
    GroupComparison? VsRest
);

/// <summary>
/// Group a against group b: the observed difference in NPS points with Rocks' adjusted Wald interval and test (the
/// interval extended to the observed difference when it falls outside), and whether it is significant after Holm's
/// correction over every comparison of the report.
/// </summary>
/// <param name="Difference">NPS(a) - NPS(b), observed, in points (-200..200).</param>
/// <param name="Ci95">The interval of the difference in points; contains <paramref name="Difference"/>.</param>
/// <param name="P">The two-sided p-value of this comparison alone.</param>
/// <param name="PAdjusted">The p-value after Holm's correction for the number of comparisons made.</param>
/// <param name="Significant">PAdjusted below alpha.</param>
/// <param name="Family">
/// Which comparison of the report this is: two rows that are one comparison seen from both sides share it.
/// </param>
public sealed record GroupComparison(
    double Difference,
    Interval Ci95,
    double P,
    double PAdjusted,
    bool Significant,
    int Family
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
)
{
    /// <summary>
    /// The touchpoint whose driver stands for this one too (they were graded nearly identically, so the models
    /// analyse them as one); null when it is its own driver or not a driver.
    /// </summary>
    public string? AnalysedWith { get; init; }
}

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
/// <param name="P">The p-value of the overall F-test of R² with the drivers as predictors on N cases.</param>
/// <param name="Informative">
/// The drivers explain enough to name one: R² of at least <see cref="AnalysisOptions.MinDriverR2"/> and the F-test
/// significant. When false the report shows the numbers with that warning and keeps drivers, priorities and the
/// what-if out of its key findings.
/// </param>
public sealed record DriverSummary(
    double R2,
    string Deletion,
    int N,
    IReadOnlyList<DriverImportance> Items,
    double ImportanceCrosshair,
    double PerformanceCrosshair,
    double P,
    bool Informative
)
{
    /// <summary>
    /// In what share of the bootstrap resamples the top driver stays ahead of the second (NaN without a bootstrap). The
    /// report names a single driver as the one that weighs most only from 0.95.
    /// </summary>
    public double TopAhead { get; init; } = double.NaN;
}

/// <summary>One driver's importance by three methods.</summary>
/// <param name="Lmg">Shapley/LMG share of R2 (primary).</param>
/// <param name="SharePercent">LMG as a share of 100.</param>
/// <param name="Sign">+1 or -1: the sign of the standardized regression coefficient.</param>
/// <param name="RelativeWeight">Johnson's relative weight (NaN when the correlation matrix is not positive definite).</param>
/// <param name="Correlation">Pearson r with the outcome.</param>
/// <param name="CorrelationP">The p-value of r.</param>
/// <param name="Also">Touchpoints analysed as one with this one (graded nearly identically); usually empty.</param>
public sealed record DriverImportance(
    string Id,
    LocalizedText Label,
    double Lmg,
    double SharePercent,
    int Sign,
    double RelativeWeight,
    double Correlation,
    double CorrelationP,
    IReadOnlyList<string> Also
)
{
    /// <summary>The bootstrap 95% interval of <see cref="SharePercent"/> (NaN without a bootstrap).</summary>
    public Interval ShareCi95 { get; init; } = new(double.NaN, double.NaN);
}

/// <summary>The what-if simulation: the predicted NPS when one touchpoint's grades move, from an ordinal model.</summary>
/// <param name="ModelN">Respondents the model was fitted on.</param>
/// <param name="Answered">Respondents with an outcome: more than ModelN when the model was fitted on a subsample.</param>
/// <param name="Classes">NPS classes in the model: 3, or 2 when one class has no respondents.</param>
public sealed record WhatIfSummary(
    int ModelN,
    int Answered,
    double Baseline,
    IReadOnlyList<WhatIfScenario> Scenarios,
    OrdinalLogitResult Model,
    int Classes
);

/// <summary>One scenario: every respondent who graded <paramref name="Item"/> grades it <paramref name="Delta"/> points differently.</summary>
/// <param name="Nps">The observed NPS plus the predicted change.</param>
/// <param name="Change">The predicted change in NPS points.</param>
/// <param name="ChangeCi95">
/// The 95% interval of the change by the delta method from the model's covariance: the precision of the model's
/// estimate, including the noise of a subsample.
/// </param>
public sealed record WhatIfScenario(
    string Item,
    int Delta,
    double Nps,
    double Change,
    Interval ChangeCi95
);

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
/// <param name="Quadrant">The quadrant, which orders the list before the score does (docs/analysis.md).</param>
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
/// <param name="ResolvedVsUnresolved">Null when either group has too few responses to compare.</param>
public sealed record ComplaintSummary(
    NpsSummary Resolved,
    NpsSummary Unresolved,
    NpsSummary? NoComplaint,
    GroupComparison? ResolvedVsUnresolved
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
