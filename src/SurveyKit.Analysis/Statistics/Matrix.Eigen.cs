using System;

namespace SurveyKit.Analysis.Statistics;

/// <summary>Symmetric eigen decomposition (Jacobi), kept apart from the Cholesky routines.</summary>
public static partial class Matrix
{
    /// <summary>
    /// Eigen decomposition of a symmetric matrix by cyclic Jacobi rotations: slow in theory, exact to rounding
    /// and simple, which is what matters for p &lt;= 20. Only symmetry is assumed, so it also reveals a
    /// correlation matrix that is not positive definite (a negative eigenvalue).
    /// </summary>
    public static EigenDecomposition SymmetricEigen(double[][] a)
    {
        ArgumentNullException.ThrowIfNull(a);
        int n = a.Length;
        double[][] m = Copy(a);
        double[][] v = Identity(n);
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0;
            double diagonal = 0;
            for (int i = 0; i < n; i++)
            {
                diagonal += m[i][i] * m[i][i];
                for (int j = i + 1; j < n; j++)
                {
                    off += m[i][j] * m[i][j];
                }
            }

            if (off <= 1e-30 * Math.Max(diagonal, double.Epsilon))
            {
                break;
            }

            for (int p = 0; p < n; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    Rotate(m, v, p, q);
                }
            }
        }

        return Sorted(m, v);
    }

    // One Jacobi rotation in the (p, q) plane that zeroes m[p][q].
    private static void Rotate(double[][] m, double[][] v, int p, int q)
    {
        double apq = m[p][q];
        if (apq == 0)
        {
            return;
        }

        double theta = (m[q][q] - m[p][p]) / (2 * apq);
        double t = (theta >= 0 ? 1 : -1) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
        double c = 1 / Math.Sqrt(t * t + 1);
        double s = t * c;
        int n = m.Length;
        for (int k = 0; k < n; k++)
        {
            double mkp = m[k][p];
            double mkq = m[k][q];
            m[k][p] = c * mkp - s * mkq;
            m[k][q] = s * mkp + c * mkq;
        }

        for (int k = 0; k < n; k++)
        {
            double mpk = m[p][k];
            double mqk = m[q][k];
            m[p][k] = c * mpk - s * mqk;
            m[q][k] = s * mpk + c * mqk;
        }

        m[p][q] = 0;
        m[q][p] = 0;
        for (int k = 0; k < n; k++)
        {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    private static EigenDecomposition Sorted(double[][] m, double[][] v)
    {
        int n = m.Length;
        var order = new int[n];
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
            values[i] = m[i][i];
        }

        Array.Sort(order, (x, y) => values[y].CompareTo(values[x]));
        var sortedValues = new double[n];
        double[][] vectors = Create(n, n);
        for (int k = 0; k < n; k++)
        {
            sortedValues[k] = values[order[k]];
            for (int i = 0; i < n; i++)
            {
                vectors[i][k] = v[i][order[k]];
            }
        }

        return new EigenDecomposition(sortedValues, vectors);
    }
}
