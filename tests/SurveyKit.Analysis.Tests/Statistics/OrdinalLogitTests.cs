using System;
using System.Linq;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Tests.Statistics;

public class OrdinalLogitTests
{
    private static readonly double[] TrueThresholds = [-1.0, 1.2];
    private static readonly double[] TrueBeta = [0.8, -0.5];

    /// <summary>Simulates the latent-variable form: y* = x·β + logistic noise, cut at the thresholds.</summary>
    private static (double[][] Columns, int[] Y) Simulate(int n, int seed)
    {
#pragma warning disable CA5394 // Reproducible simulation, not security.
        var random = new Random(seed);
        var x1 = new double[n];
        var x2 = new double[n];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            // Box-Muller normal for x1; x2 uniform on [2, 6] so centring matters.
            double u1 = 1 - random.NextDouble();
            x1[i] = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * random.NextDouble());
            x2[i] = 2 + 4 * random.NextDouble();
            double u = random.NextDouble();
            double latent = TrueBeta[0] * x1[i] + TrueBeta[1] * x2[i] + Math.Log(u / (1 - u));
            y[i] =
                latent <= TrueThresholds[0] ? 0
                : latent <= TrueThresholds[1] ? 1
                : 2;
        }
#pragma warning restore CA5394

        // Thresholds are relative to x2 around 4, so shift them to keep all three classes well filled.
        return ([x1, x2], y);
    }

    [Fact]
    public void RecoversSimulatedParameters()
    {
        (double[][] columns, int[] y) = Simulate(20_000, 42);
        OrdinalLogitResult fit = OrdinalLogit.Fit(columns, y);
        Assert.True(fit.Converged);
        Assert.InRange(fit.Iterations, 1, 15);
        for (int j = 0; j < 2; j++)
        {
            Assert.Equal(TrueBeta[j], fit.Beta[j], 0.05);
            Assert.InRange(fit.BetaStandardErrors[j], 0.005, 0.05);
        }

        for (int k = 0; k < 2; k++)
        {
            Assert.Equal(TrueThresholds[k], fit.Thresholds[k], 0.1);
        }
    }

    [Fact]
    public void Probabilities_SumToOneAndFollowTheModel()
    {
        (double[][] columns, int[] y) = Simulate(5_000, 3);
        OrdinalLogitResult fit = OrdinalLogit.Fit(columns, y);
        double[] row = [0.3, 4.5];
        double[] p = fit.Probabilities(row);
        Assert.Equal(3, p.Length);
        Assert.Equal(1.0, p.Sum(), 1e-12);
        double eta = fit.LinearPredictor(row);
        Assert.Equal(OrdinalLogit.Logistic(fit.Thresholds[0] - eta), p[0], 1e-12);
        Assert.Equal(1 - OrdinalLogit.Logistic(fit.Thresholds[1] - eta), p[2], 1e-12);

        // Extreme rows still give valid probabilities.
        foreach (double[] extreme in new[] { new[] { 60.0, -60.0 }, new[] { -60.0, 60.0 } })
        {
            double[] q = fit.Probabilities(extreme);
            Assert.All(q, v => Assert.InRange(v, 0.0, 1.0));
            Assert.Equal(1.0, q.Sum(), 1e-12);
        }
    }

    [Fact]
    public void NoPredictors_ThresholdsReproduceCumulativeShares()
    {
        int[] y = [0, 0, 1, 1, 1, 2, 2, 2, 2, 2];
        OrdinalLogitResult fit = OrdinalLogit.Fit([], y);
        Assert.True(fit.Converged);
        Assert.Equal(0.2, OrdinalLogit.Logistic(fit.Thresholds[0]), 1e-12);
        Assert.Equal(0.5, OrdinalLogit.Logistic(fit.Thresholds[1]), 1e-12);
        // Multinomial log-likelihood at the observed shares.
        double expected = 2 * Math.Log(0.2) + 3 * Math.Log(0.3) + 5 * Math.Log(0.5);
        Assert.Equal(expected, fit.LogLikelihood, 1e-12);
        Assert.Equal([0.2, 0.3, 0.5], fit.Probabilities([]), (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void IntegerWeights_EqualDuplicatedRows()
    {
        (double[][] columns, int[] y) = Simulate(400, 11);
        double[] weights = Enumerable.Range(0, y.Length).Select(i => (double)(1 + i % 3)).ToArray();
        OrdinalLogitResult weighted = OrdinalLogit.Fit(columns, y, weights: weights);

        int[] repeat = weights.Select(w => (int)w).ToArray();
        double[][] expanded = columns
            .Select(c => c.SelectMany((v, i) => Enumerable.Repeat(v, repeat[i])).ToArray())
            .ToArray();
        int[] expandedY = y.SelectMany((v, i) => Enumerable.Repeat(v, repeat[i])).ToArray();
        OrdinalLogitResult duplicated = OrdinalLogit.Fit(expanded, expandedY);

        Assert.Equal(duplicated.LogLikelihood, weighted.LogLikelihood, 1e-8);
        for (int j = 0; j < 2; j++)
        {
            Assert.Equal(duplicated.Beta[j], weighted.Beta[j], 1e-7);
            Assert.Equal(duplicated.Thresholds[j], weighted.Thresholds[j], 1e-7);
        }
    }

    [Fact]
    public void BinaryOutcome_MatchesTheLogisticScoreEquations()
    {
        // With K = 2 the model is logistic regression of P(Y = 1) on x with intercept -θ: at the MLE the
        // residuals are orthogonal to the intercept and to x.
        (double[][] columns, int[] y3) = Simulate(2_000, 5);
        int[] y = y3.Select(v => v == 2 ? 1 : 0).ToArray();
        OrdinalLogitResult fit = OrdinalLogit.Fit(columns, y, categoryCount: 2);
        double sumResidual = 0;
        double sumResidualX = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double residual = y[i] - fit.Probabilities([columns[0][i], columns[1][i]])[1];
            sumResidual += residual;
            sumResidualX += residual * columns[0][i];
        }

        Assert.Equal(0, sumResidual, 1e-6);
        Assert.Equal(0, sumResidualX, 1e-6);
    }

    [Fact]
    public void BadInput_IsRejectedWithReasons()
    {
        double[] x = [1, 2, 3, 4];
        Assert.Throws<ArgumentException>(() => OrdinalLogit.Fit([x], [0, 0, 2, 2]));
        Assert.Throws<ArgumentException>(() => OrdinalLogit.Fit([x], [0, 1, 2, 3]));
        Assert.Throws<ArgumentException>(() =>
            OrdinalLogit.Fit([new double[] { 1, 1, 1, 1 }], [0, 1, 2, 2])
        );
        Assert.Throws<ArgumentException>(() =>
            OrdinalLogit.Fit([new[] { 1, double.NaN, 3, 4 }], [0, 1, 2, 2])
        );
        Assert.Throws<ArgumentException>(() => OrdinalLogit.Fit([x], [0, 1, 2]));
    }

    [Fact]
    public void PerfectSeparation_ReportsNotConverged()
    {
        double[] x = [1, 2, 3, 4, 5, 6];
        OrdinalLogitResult fit = OrdinalLogit.Fit([x], [0, 0, 1, 1, 2, 2], maxIterations: 30);
        Assert.False(fit.Converged);
        Assert.True(fit.Beta[0] > 5);
    }
}
