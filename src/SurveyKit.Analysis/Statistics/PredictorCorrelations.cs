using System;

namespace SurveyKit.Analysis.Statistics;

/// <summary>The inputs of key-driver analysis: predictor intercorrelations and predictor-outcome correlations.</summary>
/// <param name="Rxx">p x p predictor correlation matrix.</param>
/// <param name="Rxy">p predictor-outcome correlations.</param>
public sealed record PredictorCorrelations(double[][] Rxx, double[] Rxy)
{
    /// <summary>Splits a full correlation matrix into predictors (all other columns, in order) and outcome.</summary>
    public static PredictorCorrelations FromMatrix(double[][] r, int outcomeIndex)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentOutOfRangeException.ThrowIfNegative(outcomeIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(outcomeIndex, r.Length);
        int p = r.Length - 1;
        double[][] rxx = Matrix.Create(p, p);
        var rxy = new double[p];
        for (int i = 0, a = 0; i < r.Length; i++)
        {
            if (i == outcomeIndex)
            {
                continue;
            }

            rxy[a] = r[i][outcomeIndex];
            for (int j = 0, b = 0; j < r.Length; j++)
            {
                if (j != outcomeIndex)
                {
                    rxx[a][b++] = r[i][j];
                }
            }

            a++;
        }

        return new PredictorCorrelations(rxx, rxy);
    }
}
