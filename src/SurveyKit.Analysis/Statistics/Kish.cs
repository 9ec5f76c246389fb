using System;

namespace SurveyKit.Analysis.Statistics;

/// <summary>Kish's design-effect approximations for unequal weights.</summary>
public static class Kish
{
    /// <summary>Effective sample size (Σw)² / Σw²; 0 for no weights or all-zero weights.</summary>
    public static double EffectiveN(ReadOnlySpan<double> weights)
    {
        double sum = 0;
        double sumSquares = 0;
        foreach (double w in weights)
        {
            sum += w;
            sumSquares += w * w;
        }

        return sumSquares > 0 ? sum * sum / sumSquares : 0;
    }

    /// <summary>Design effect due to weighting, n / n_eff = n Σw² / (Σw)² (1 for equal weights).</summary>
    public static double DesignEffect(ReadOnlySpan<double> weights)
    {
        double effective = EffectiveN(weights);
        return effective > 0 ? weights.Length / effective : double.NaN;
    }
}
