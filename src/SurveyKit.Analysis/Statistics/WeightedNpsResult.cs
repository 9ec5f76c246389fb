namespace SurveyKit.Analysis.Statistics;

/// <summary>A weighted NPS (-1..1 scale) with its uncertainty.</summary>
/// <param name="Nps">Σ w s / Σ w with s = -1, 0, +1; NaN when Σ w = 0.</param>
/// <param name="StandardError">Linearization SE (survey::svymean): sqrt(n/(n-1) Σ w² (s - NPS)² / (Σ w)²); NaN when n &lt; 2.</param>
/// <param name="EffectiveN">Kish's (Σw)² / Σw².</param>
/// <param name="N">Number of responses with a positive weight (the n of the n/(n-1) factor).</param>
/// <param name="SumOfWeights">Σ w.</param>
/// <param name="Counts">Weighted class totals (Σ w per class).</param>
/// <param name="Interval">Wald interval NPS ± z·SE, clamped to [-1, 1]; the full range when the SE is undefined.</param>
/// <param name="AdjustedInterval">
/// Adjusted Wald (Rocks) applied to the effective counts n_eff × weighted class shares: never zero-width, at the
/// price of using Kish's n_eff instead of the linearization variance.
/// </param>
public sealed record WeightedNpsResult(
    double Nps,
    double StandardError,
    double EffectiveN,
    int N,
    double SumOfWeights,
    NpsCounts Counts,
    Interval Interval,
    Interval AdjustedInterval
);
