namespace SurveyKit.Analysis.Statistics;

/// <summary>Johnson's relative weights.</summary>
/// <param name="R2">R² of the full model (= sum of the weights).</param>
/// <param name="Weights">Raw relative weights ε_j; they sum to R2.</param>
public sealed record RelativeWeightsResult(double R2, double[] Weights);
