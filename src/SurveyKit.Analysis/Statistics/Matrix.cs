using System;
using System.Diagnostics.CodeAnalysis;

namespace SurveyKit.Analysis.Statistics;

/// <summary>
/// Small dense linear algebra on jagged arrays (row-major, double[row][column]) for the p &lt;= 20 problems of
/// key-driver analysis: Cholesky, SPD solve and inverse, Jacobi eigen decomposition.
/// </summary>
public static partial class Matrix
{
    // A pivot below this fraction of the largest diagonal entry counts as singular: guards against
    // "positive definite by rounding" correlation matrices (e.g. from pairwise deletion).
    private const double PivotTolerance = 1e-12;

    /// <summary>A rows x columns matrix of zeros.</summary>
    public static double[][] Create(int rows, int columns)
    {
        var m = new double[rows][];
        for (int i = 0; i < rows; i++)
        {
            m[i] = new double[columns];
        }

        return m;
    }

    /// <summary>The n x n identity.</summary>
    public static double[][] Identity(int n)
    {
        double[][] m = Create(n, n);
        for (int i = 0; i < n; i++)
        {
            m[i][i] = 1;
        }

        return m;
    }

    /// <summary>Deep copy.</summary>
    public static double[][] Copy(double[][] a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return Array.ConvertAll(a, row => (double[])row.Clone());
    }

    /// <summary>Matrix product a · b.</summary>
    public static double[][] Multiply(double[][] a, double[][] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int inner = b.Length;
        int columns = inner == 0 ? 0 : b[0].Length;
        double[][] result = Create(a.Length, columns);
        for (int i = 0; i < a.Length; i++)
        {
            for (int k = 0; k < inner; k++)
            {
                double aik = a[i][k];
                for (int j = 0; j < columns; j++)
                {
                    result[i][j] += aik * b[k][j];
                }
            }
        }

        return result;
    }

    /// <summary>Matrix-vector product a · x.</summary>
    public static double[] Multiply(double[][] a, ReadOnlySpan<double> x)
    {
        ArgumentNullException.ThrowIfNull(a);
        var result = new double[a.Length];
        for (int i = 0; i < a.Length; i++)
        {
            double sum = 0;
            for (int j = 0; j < x.Length; j++)
            {
                sum += a[i][j] * x[j];
            }

            result[i] = sum;
        }

        return result;
    }

    /// <summary>
    /// Cholesky factor L (lower triangular, A = L L') of a symmetric matrix; false when A is not (numerically)
    /// positive definite. Only the lower triangle of A is read.
    /// </summary>
    public static bool TryCholesky(double[][] a, [NotNullWhen(true)] out double[][]? lower)
    {
        ArgumentNullException.ThrowIfNull(a);
        int n = a.Length;
        double scale = 0;
        for (int i = 0; i < n; i++)
        {
            scale = Math.Max(scale, Math.Abs(a[i][i]));
        }

        double[][] l = Create(n, n);
        for (int j = 0; j < n; j++)
        {
            double diagonal = a[j][j];
            for (int k = 0; k < j; k++)
            {
                diagonal -= l[j][k] * l[j][k];
            }

            if (!(diagonal > PivotTolerance * scale))
            {
                lower = null;
                return false;
            }

            double pivot = Math.Sqrt(diagonal);
            l[j][j] = pivot;
            for (int i = j + 1; i < n; i++)
            {
                double sum = a[i][j];
                for (int k = 0; k < j; k++)
                {
                    sum -= l[i][k] * l[j][k];
                }

                l[i][j] = sum / pivot;
            }
        }

        lower = l;
        return true;
    }

    /// <summary>Solves L L' x = b given the Cholesky factor L.</summary>
    public static double[] CholeskySolve(double[][] lower, ReadOnlySpan<double> b)
    {
        ArgumentNullException.ThrowIfNull(lower);
        int n = lower.Length;
        var x = b.ToArray();
        for (int i = 0; i < n; i++)
        {
            double sum = x[i];
            for (int k = 0; k < i; k++)
            {
                sum -= lower[i][k] * x[k];
            }

            x[i] = sum / lower[i][i];
        }

        for (int i = n - 1; i >= 0; i--)
        {
            double sum = x[i];
            for (int k = i + 1; k < n; k++)
            {
                sum -= lower[k][i] * x[k];
            }

            x[i] = sum / lower[i][i];
        }

        return x;
    }

    /// <summary>Whether a symmetric matrix is numerically positive definite.</summary>
    public static bool IsPositiveDefinite(double[][] a) => TryCholesky(a, out _);

    /// <summary>Solves A x = b for symmetric positive definite A; false when A is not positive definite.</summary>
    public static bool TrySolveSpd(
        double[][] a,
        ReadOnlySpan<double> b,
        [NotNullWhen(true)] out double[]? x
    )
    {
        if (!TryCholesky(a, out double[][]? lower))
        {
            x = null;
            return false;
        }

        x = CholeskySolve(lower, b);
        return true;
    }

    /// <summary>Solves A x = b for symmetric positive definite A.</summary>
    /// <exception cref="ArgumentException">A is not positive definite.</exception>
    public static double[] SolveSpd(double[][] a, ReadOnlySpan<double> b) =>
        TrySolveSpd(a, b, out double[]? x)
            ? x
            : throw new ArgumentException("The matrix is not positive definite.", nameof(a));

    /// <summary>Inverse of a symmetric positive definite matrix; false when it is not positive definite.</summary>
    public static bool TryInvertSpd(double[][] a, [NotNullWhen(true)] out double[][]? inverse)
    {
        if (!TryCholesky(a, out double[][]? lower))
        {
            inverse = null;
            return false;
        }

        int n = a.Length;
        inverse = Create(n, n);
        var unit = new double[n];
        for (int j = 0; j < n; j++)
        {
            Array.Clear(unit);
            unit[j] = 1;
            double[] column = CholeskySolve(lower, unit);
            for (int i = 0; i < n; i++)
            {
                inverse[i][j] = column[i];
            }
        }

        return true;
    }
}
