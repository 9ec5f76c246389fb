using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Tests.Statistics;

public class MatrixTests
{
    private static readonly double[][] Spd =
    [
        [4, 2, 0.6],
        [2, 5, 1],
        [0.6, 1, 3],
    ];

    [Fact]
    public void Cholesky_ReconstructsTheMatrix()
    {
        Assert.True(Matrix.TryCholesky(Spd, out double[][]? lower));
        double[][] product = Matrix.Multiply(lower, Transpose(lower));
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(Spd[i][j], product[i][j], 1e-13);
            }
        }
    }

    [Fact]
    public void SolveAndInverse_AreConsistent()
    {
        double[] x = Matrix.SolveSpd(Spd, [1, 2, 3]);
        double[] back = Matrix.Multiply(Spd, x);
        Assert.Equal([1, 2, 3], back, (a, b) => System.Math.Abs(a - b) < 1e-12);
        Assert.True(Matrix.TryInvertSpd(Spd, out double[][]? inverse));
        double[][] identity = Matrix.Multiply(Spd, inverse);
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(i == j ? 1.0 : 0.0, identity[i][j], 1e-13);
            }
        }
    }

    [Fact]
    public void SingularMatrix_IsReportedNotPositiveDefinite()
    {
        double[][] singular =
        [
            [1, 1],
            [1, 1],
        ];
        Assert.False(Matrix.TryCholesky(singular, out _));
        Assert.False(Matrix.TrySolveSpd(singular, [1, 1], out _));
        Assert.Throws<System.ArgumentException>(() => Matrix.SolveSpd(singular, [1, 1]));
    }

    [Fact]
    public void SymmetricEigen_DecomposesAndSortsDescending()
    {
        double[][] a =
        [
            [2, 1, 0],
            [1, 2, 0],
            [0, 0, -1],
        ];
        EigenDecomposition eigen = Matrix.SymmetricEigen(a);
        Assert.Equal(3, eigen.Values[0], 1e-13);
        Assert.Equal(1, eigen.Values[1], 1e-13);
        Assert.Equal(-1, eigen.Values[2], 1e-13);

        // A v = λ v for every column, and V is orthonormal.
        for (int k = 0; k < 3; k++)
        {
            double[] v = [eigen.Vectors[0][k], eigen.Vectors[1][k], eigen.Vectors[2][k]];
            double[] av = Matrix.Multiply(a, v);
            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(eigen.Values[k] * v[i], av[i], 1e-12);
            }
        }

        double[][] vtv = Matrix.Multiply(Transpose(eigen.Vectors), eigen.Vectors);
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(i == j ? 1.0 : 0.0, vtv[i][j], 1e-12);
            }
        }
    }

    private static double[][] Transpose(double[][] a)
    {
        double[][] t = Matrix.Create(a[0].Length, a.Length);
        for (int i = 0; i < a.Length; i++)
        {
            for (int j = 0; j < a[0].Length; j++)
            {
                t[j][i] = a[i][j];
            }
        }

        return t;
    }
}
