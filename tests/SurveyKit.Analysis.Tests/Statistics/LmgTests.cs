using System;
using System.Linq;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Tests.Statistics;

public class LmgTests
{
    private static readonly double[][] Rxx =
    [
        [1.0, 0.2, 0.3, 0.4],
        [0.2, 1.0, 0.5, 0.1],
        [0.3, 0.5, 1.0, 0.2],
        [0.4, 0.1, 0.2, 1.0],
    ];
    private static readonly double[] Rxy = [-0.4, 0.1, -0.3, 0.4];

    [Fact]
    public void Shares_SumToR2AndBetaSolvesTheNormalEquations()
    {
        LmgResult result = Lmg.Compute(Rxx, Rxy);
        Assert.Equal(result.R2, result.Lmg.Sum(), 1e-12);
        double[] fitted = Matrix.Multiply(Rxx, result.Beta);
        for (int i = 0; i < Rxy.Length; i++)
        {
            Assert.Equal(Rxy[i], fitted[i], 1e-12);
            Assert.Equal(Rxy[i] * Rxy[i], result.First[i], 1e-12);
        }

        Assert.Equal(result.R2, Rxy.Zip(result.Beta, (r, b) => r * b).Sum(), 1e-12);
    }

    [Fact]
    public void UncorrelatedPredictors_ShareTheirSquaredCorrelations()
    {
        double[][] identity = Matrix.Identity(3);
        double[] rxy = [0.5, -0.3, 0.1];
        LmgResult result = Lmg.Compute(identity, rxy);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(rxy[i] * rxy[i], result.Lmg[i], 1e-14);
            Assert.Equal(rxy[i] * rxy[i], result.Last[i], 1e-14);
            Assert.Equal(rxy[i], result.Beta[i], 1e-14);
        }
    }

    [Fact]
    public void TwoPredictors_LmgIsTheAverageOfFirstAndLast()
    {
        double[][] rxx =
        [
            [1, 0.6],
            [0.6, 1],
        ];
        double[] rxy = [0.5, 0.4];
        LmgResult result = Lmg.Compute(rxx, rxy);
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal((result.First[i] + result.Last[i]) / 2, result.Lmg[i], 1e-14);
        }
    }

    [Fact]
    public void TooManyPredictors_Throw()
    {
        double[][] identity = Matrix.Identity(16);
        var error = Assert.Throws<ArgumentException>(() => Lmg.Compute(identity, new double[16]));
        Assert.Contains("15", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotPositiveDefinite_Throws()
    {
        // Pairwise deletion can produce this: three variables that cannot all correlate this way.
        double[][] rxx =
        [
            [1, 0.9, -0.9],
            [0.9, 1, 0.9],
            [-0.9, 0.9, 1],
        ];
        Assert.False(Matrix.IsPositiveDefinite(rxx));
        Assert.Throws<ArgumentException>(() => Lmg.Compute(rxx, [0.1, 0.2, 0.3]));
        Assert.Throws<ArgumentException>(() => RelativeWeights.Compute(rxx, [0.1, 0.2, 0.3]));
    }

    [Fact]
    public void FifteenPredictors_StillSumToR2()
    {
        const int p = 15;
        double[][] rxx = Matrix.Create(p, p);
        var rxy = new double[p];
        for (int i = 0; i < p; i++)
        {
            rxy[i] = 0.05 * ((i % 5) + 1);
            for (int j = 0; j < p; j++)
            {
                rxx[i][j] = i == j ? 1 : 0.3;
            }
        }

        LmgResult result = Lmg.Compute(rxx, rxy);
        Assert.Equal(result.R2, result.Lmg.Sum(), 1e-10);
        Assert.Equal(result.R2, RelativeWeights.Compute(rxx, rxy).Weights.Sum(), 1e-10);
    }
}
