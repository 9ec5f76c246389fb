namespace SurveyKit.Analysis.Statistics;

/// <summary>How <see cref="RakingMargin.Targets"/> are read.</summary>
public enum RakingTargetKind
{
    /// <summary>
    /// Population totals: after a variable's step the weights of respondents with a known code sum to the
    /// category totals (so the weights sum to the population size when nobody is missing).
    /// </summary>
    Totals,

    /// <summary>
    /// Shares (normalized to sum to 1, so percentages work too): each step redistributes the current weight total
    /// of the respondents with a known code over the categories. The overall weight total is therefore preserved,
    /// i.e. it stays the sum of the base weights (the sample size for unit weights).
    /// </summary>
    Shares,
}

/// <summary>Raking settings.</summary>
public sealed record RakingOptions
{
    /// <summary>Maximum number of full cycles over all variables.</summary>
    public int MaxIterations { get; init; } = 50;

    /// <summary>
    /// Convergence: largest |margin - target| / target over all variables and categories (target &gt; 0) after a
    /// cycle. Stricter than survey::rake's default (absolute 1) on purpose.
    /// </summary>
    public double Tolerance { get; init; } = 1e-6;

    /// <summary>Whether targets are totals or shares.</summary>
    public RakingTargetKind TargetKind { get; init; } = RakingTargetKind.Totals;
}
