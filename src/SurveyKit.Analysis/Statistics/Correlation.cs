using System;
using System.Collections.Generic;

namespace SurveyKit.Analysis.Statistics;

/// <summary>Pearson correlations with NaN as missing, and their significance.</summary>
public static class Correlation
{
    /// <summary>Pearson r over the rows where both values are present (not NaN).</summary>
    /// <returns>r, or NaN with fewer than 2 complete pairs or a constant column.</returns>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y) =>
        Pearson(x, y, out _);

    /// <summary>Pearson r, also returning the number of complete pairs used.</summary>
    /// <exception cref="ArgumentException">The columns differ in length.</exception>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y, out int n)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException("Both columns must have the same length.", nameof(y));
        }

        return PearsonCore(x, y, null, out n);
    }

    /// <summary>Correlation matrix of k columns with listwise or pairwise deletion of NaN.</summary>
    /// <exception cref="ArgumentException">Columns of different lengths.</exception>
    public static CorrelationMatrix Compute(
        IReadOnlyList<double[]> columns,
        MissingDeletion deletion = MissingDeletion.Listwise
    )
    {
        ArgumentNullException.ThrowIfNull(columns);
        int k = columns.Count;
        int rows = k == 0 ? 0 : columns[0].Length;
        foreach (double[] column in columns)
        {
            ArgumentNullException.ThrowIfNull(column, nameof(columns));
            if (column.Length != rows)
            {
                throw new ArgumentException(
                    "All columns must have the same length.",
                    nameof(columns)
                );
            }
        }

        bool[]? complete =
            deletion == MissingDeletion.Listwise ? CompleteRows(columns, rows) : null;
        double[][] r = Matrix.Create(k, k);
        var counts = new int[k][];
        for (int i = 0; i < k; i++)
        {
            counts[i] = new int[k];
        }

        for (int i = 0; i < k; i++)
        {
            for (int j = i; j < k; j++)
            {
                double value = PearsonCore(columns[i], columns[j], complete, out int n);
                // A column correlates 1 with itself whenever its correlation is defined at all.
                r[i][j] = r[j][i] = i == j && !double.IsNaN(value) ? 1 : value;
                counts[i][j] = counts[j][i] = n;
            }
        }

        return new CorrelationMatrix(r, counts);
    }

    /// <summary>
    /// Two-sided p-value of r under H0: ρ = 0, from t = r sqrt((n-2)/(1-r²)) with n - 2 degrees of freedom
    /// (as cor.test). NaN for n &lt; 3 or NaN r; 0 for |r| = 1.
    /// </summary>
    public static double PValue(double r, int n)
    {
        if (double.IsNaN(r) || n < 3)
        {
            return double.NaN;
        }

        double oneMinusR2 = 1 - r * r;
        if (!(oneMinusR2 > 0))
        {
            return 0;
        }

        // P(|T| >= |t|) = I_{df/(df+t²)}(df/2, 1/2) and df/(df+t²) simplifies to 1 - r².
        return SpecialFunctions.RegularizedIncompleteBeta((n - 2) / 2.0, 0.5, oneMinusR2);
    }

    private static bool[] CompleteRows(IReadOnlyList<double[]> columns, int rows)
    {
        var complete = new bool[rows];
        Array.Fill(complete, true);
        foreach (double[] column in columns)
        {
            for (int i = 0; i < rows; i++)
            {
                if (double.IsNaN(column[i]))
                {
                    complete[i] = false;
                }
            }
        }

        return complete;
    }

    // Two passes (means, then centred sums) to avoid the cancellation of the one-pass formula.
    private static double PearsonCore(
        ReadOnlySpan<double> x,
        ReadOnlySpan<double> y,
        bool[]? rowMask,
        out int n
    )
    {
        n = 0;
        double sumX = 0;
        double sumY = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (Use(x[i], y[i], rowMask, i))
            {
                n++;
                sumX += x[i];
                sumY += y[i];
            }
        }

        if (n < 2)
        {
            return double.NaN;
        }

        double meanX = sumX / n;
        double meanY = sumY / n;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (Use(x[i], y[i], rowMask, i))
            {
                double dx = x[i] - meanX;
                double dy = y[i] - meanY;
                sxx += dx * dx;
                syy += dy * dy;
                sxy += dx * dy;
            }
        }

        if (!(sxx > 0 && syy > 0))
        {
            return double.NaN;
        }

        return Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }

    private static bool Use(double x, double y, bool[]? rowMask, int i) =>
        !double.IsNaN(x) && !double.IsNaN(y) && (rowMask is null || rowMask[i]);
}
