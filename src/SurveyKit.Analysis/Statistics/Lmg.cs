using System;
using System.Globalization;

namespace SurveyKit.Analysis.Statistics;

/// <summary>
/// LMG relative importance (Lindeman, Merenda and Gold; relaimpo's lmg; domir's general dominance): the Shapley
/// value of R² over all 2^p predictor subsets, computed from correlations alone.
/// </summary>
public static class Lmg
{
    /// <summary>Largest supported number of predictors: 2^15 subset regressions is still instant.</summary>
    public const int MaxPredictors = 15;

    /// <summary>Decomposes the R² of the regression of the outcome on the predictors.</summary>
    /// <param name="rxx">Predictor correlation matrix (p x p, positive definite).</param>
    /// <param name="rxy">Predictor-outcome correlations (p).</param>
    /// <exception cref="ArgumentException">
    /// Shape mismatch, more than <see cref="MaxPredictors"/> predictors, NaN entries, or Rxx not positive definite
    /// (collinear predictors, or pairwise deletion).
    /// </exception>
    public static LmgResult Compute(double[][] rxx, ReadOnlySpan<double> rxy)
    {
        int p = CheckInput(rxx, rxy);
        if (p > MaxPredictors)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"LMG needs 2^p regressions; {p} predictors is more than the supported {MaxPredictors}. Use relative weights or fewer drivers."
                ),
                nameof(rxx)
            );
        }

        if (!Matrix.TrySolveSpd(rxx, rxy, out double[]? beta))
        {
            throw new ArgumentException(
                "The predictor correlation matrix is not positive definite.",
                nameof(rxx)
            );
        }

        double[] r2 = SubsetR2(rxx, rxy, p);
        int full = (1 << p) - 1;

        // Shapley weight of a subset of size s not containing j: s!(p-s-1)!/p!.
        var weight = new double[p];
        for (int s = 0; s < p; s++)
        {
            weight[s] = Factorial(s) * Factorial(p - s - 1) / Factorial(p);
        }

        var lmg = new double[p];
        var first = new double[p];
        var last = new double[p];
        for (int j = 0; j < p; j++)
        {
            int bit = 1 << j;
            double sum = 0;
            for (int mask = 0; mask <= full; mask++)
            {
                if ((mask & bit) == 0)
                {
                    sum +=
                        weight[System.Numerics.BitOperations.PopCount((uint)mask)]
                        * (r2[mask | bit] - r2[mask]);
                }
            }

            lmg[j] = sum;
            first[j] = r2[bit];
            last[j] = r2[full] - r2[full & ~bit];
        }

        return new LmgResult(r2[full], lmg, first, last, beta);
    }

    /// <summary>R² = r_S' R_SS⁻¹ r_S of every subset S (bit mask), by Cholesky on the sub-matrix.</summary>
    private static double[] SubsetR2(double[][] rxx, ReadOnlySpan<double> rxy, int p)
    {
        var r2 = new double[1 << p];
        var index = new int[p];
        for (int mask = 1; mask < r2.Length; mask++)
        {
            int size = 0;
            for (int j = 0; j < p; j++)
            {
                if ((mask & (1 << j)) != 0)
                {
                    index[size++] = j;
                }
            }

            double[][] sub = Matrix.Create(size, size);
            var r = new double[size];
            for (int a = 0; a < size; a++)
            {
                r[a] = rxy[index[a]];
                for (int b = 0; b < size; b++)
                {
                    sub[a][b] = rxx[index[a]][index[b]];
                }
            }

            // Every principal sub-matrix of a positive definite matrix is positive definite.
            double[] x = Matrix.SolveSpd(sub, r);
            double value = 0;
            for (int a = 0; a < size; a++)
            {
                value += r[a] * x[a];
            }

            r2[mask] = value;
        }

        return r2;
    }

    private static double Factorial(int n)
    {
        double f = 1;
        for (int i = 2; i <= n; i++)
        {
            f *= i;
        }

        return f;
    }

    /// <summary>Shared shape and NaN checks of the key-driver methods; returns p.</summary>
    internal static int CheckInput(double[][] rxx, ReadOnlySpan<double> rxy)
    {
        ArgumentNullException.ThrowIfNull(rxx);
        int p = rxy.Length;
        if (p == 0 || rxx.Length != p)
        {
            throw new ArgumentException("Rxx must be p x p with p = rxy.Length >= 1.", nameof(rxx));
        }

        for (int i = 0; i < p; i++)
        {
            if (rxx[i] is null || rxx[i].Length != p)
            {
                throw new ArgumentException("Rxx must be square.", nameof(rxx));
            }

            if (double.IsNaN(rxy[i]))
            {
                throw new ArgumentException(
                    "rxy contains NaN (a constant or empty column?).",
                    nameof(rxy)
                );
            }

            for (int j = 0; j < p; j++)
            {
                if (double.IsNaN(rxx[i][j]))
                {
                    throw new ArgumentException(
                        "Rxx contains NaN (a constant or empty column?).",
                        nameof(rxx)
                    );
                }
            }
        }

        return p;
    }
}
