namespace SurveyKit.Analysis.Statistics;

/// <summary>Outcome of <see cref="Raking.Rake"/>.</summary>
/// <param name="Succeeded">False when raking was impossible (see <paramref name="Failure"/>).</param>
/// <param name="Weights">Raked weights per respondent (the base weights when raking failed).</param>
/// <param name="Converged">Whether the margins met the tolerance within the iteration limit.</param>
/// <param name="Iterations">Number of full cycles performed.</param>
/// <param name="MaxRelativeError">Largest relative margin error after the last cycle.</param>
/// <param name="Failure">Why raking was impossible, naming the variable and category; null on success.</param>
public sealed record RakingResult(
    bool Succeeded,
    double[] Weights,
    bool Converged,
    int Iterations,
    double MaxRelativeError,
    string? Failure
)
{
    /// <summary>The margin (index into the margins) that could not be raked; -1 on success.</summary>
    public int FailedMargin { get; init; } = -1;

    /// <summary>The category of <see cref="FailedMargin"/> with a target but no respondents; -1 on success.</summary>
    public int FailedCategory { get; init; } = -1;
}
