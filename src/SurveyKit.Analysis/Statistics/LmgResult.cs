namespace SurveyKit.Analysis.Statistics;

/// <summary>LMG (Shapley) decomposition of R² with the simpler importance measures beside it.</summary>
/// <param name="R2">R² of the full model.</param>
/// <param name="Lmg">Each predictor's average R² increase over all orders of entry; sums to R2.</param>
/// <param name="First">R² of the predictor alone (its squared correlation with the outcome).</param>
/// <param name="Last">R² increase when the predictor enters last.</param>
/// <param name="Beta">Standardized regression coefficients Rxx⁻¹ rxy: the sign of each driver's effect.</param>
public sealed record LmgResult(
    double R2,
    double[] Lmg,
    double[] First,
    double[] Last,
    double[] Beta
);
