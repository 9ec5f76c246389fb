using System;

namespace SurveyKit.Analysis.Statistics;

/// <summary>
/// Johnson's (2000) relative weights: regress the outcome on the closest orthogonal approximation of the
/// predictors, then map the shares back. Cheap for any p, but an approximation of LMG (Thomas et al. 2014
/// recommend against it); kept because vendors report it.
/// </summary>
public static class RelativeWeights
{
    /// <summary>Relative weights from predictor intercorrelations and predictor-outcome correlations.</summary>
    /// <param name="rxx">Predictor correlation matrix (p x p, positive definite, unit diagonal).</param>
    /// <param name="rxy">Predictor-outcome correlations.</param>
    /// <exception cref="ArgumentException">Shape mismatch, NaN entries, or Rxx not positive definite.</exception>
    public static RelativeWeightsResult Compute(double[][] rxx, ReadOnlySpan<double> rxy)
    {
        int p = Lmg.CheckInput(rxx, rxy);
        EigenDecomposition eigen = Matrix.SymmetricEigen(rxx);
        double largest = eigen.Values[0];
        if (!(eigen.Values[p - 1] > 1e-12 * Math.Max(largest, 1)))
        {
            throw new ArgumentException(
                "The predictor correlation matrix is not positive definite.",
                nameof(rxx)
            );
        }

        // Λ = V L^{1/2} V' (the loadings of X on the orthogonal Z) and β* = Λ⁻¹ rxy = V L^{-1/2} V' rxy.
        double[][] v = eigen.Vectors;
        double[][] lambda = Matrix.Create(p, p);
        var projected = new double[p];
        for (int k = 0; k < p; k++)
        {
            double sum = 0;
            for (int i = 0; i < p; i++)
            {
                sum += v[i][k] * rxy[i];
            }

            projected[k] = sum / Math.Sqrt(eigen.Values[k]);
        }

        var betaStar = new double[p];
        for (int i = 0; i < p; i++)
        {
            double b = 0;
            for (int k = 0; k < p; k++)
            {
                b += v[i][k] * projected[k];
                double loading = 0;
                for (int m = 0; m < p; m++)
                {
                    loading += v[i][m] * Math.Sqrt(eigen.Values[m]) * v[k][m];
                }

                lambda[i][k] = loading;
            }

            betaStar[i] = b;
        }

        // ε_j = Σ_k Λ_jk² β*_k².
        var weights = new double[p];
        double r2 = 0;
        for (int j = 0; j < p; j++)
        {
            double e = 0;
            for (int k = 0; k < p; k++)
            {
                e += lambda[j][k] * lambda[j][k] * betaStar[k] * betaStar[k];
            }

            weights[j] = e;
            r2 += e;
        }

        return new RelativeWeightsResult(r2, weights);
    }
}
