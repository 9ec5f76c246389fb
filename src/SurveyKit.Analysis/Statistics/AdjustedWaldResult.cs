namespace SurveyKit.Analysis.Statistics;

/// <summary>An adjusted-Wald NPS interval with the numbers behind it.</summary>
/// <param name="Center">Adjusted NPS (x+ + 0.75 - x- - 0.75) / (n + 3): the interval's centre, not the raw NPS.</param>
/// <param name="StandardError">sqrt(adjusted variance / (n + 3)).</param>
/// <param name="Interval">Center ± z·SE, clamped to [-1, 1].</param>
public readonly record struct AdjustedWaldResult(
    double Center,
    double StandardError,
    Interval Interval
);
