using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Tests.Statistics;

public class RakingTests
{
    // Kalton's example (survey tests/kalton.R): cells (a, b) listed with a varying fastest, as expand.grid does.
    private static readonly int[] SampleCells =
    [
        20,
        50,
        100,
        30,
        40,
        140,
        50,
        100,
        40,
        310,
        50,
        70,
    ];
    private static readonly int[] PopulationCells =
    [
        80,
        60,
        170,
        55,
        40,
        150,
        60,
        165,
        55,
        340,
        200,
        125,
    ];

    private static readonly double[][] ExpectedCellWeights =
    [
        [1.8108, 1.4528, 2.0168],
        [1.0836, 0.8694, 1.2068],
        [2.1961, 1.7619, 2.4459],
        [1.8332, 1.4708, 2.0417],
    ];

    private static (int[] A, int[] B) ExpandSample()
    {
        var a = new List<int>();
        var b = new List<int>();
        for (int cell = 0; cell < SampleCells.Length; cell++)
        {
            a.AddRange(Enumerable.Repeat(cell % 4, SampleCells[cell]));
            b.AddRange(Enumerable.Repeat(cell / 4, SampleCells[cell]));
        }

        return (a.ToArray(), b.ToArray());
    }

    private static (double[] A, double[] B) PopulationMargins()
    {
        var a = new double[4];
        var b = new double[3];
        for (int cell = 0; cell < PopulationCells.Length; cell++)
        {
            a[cell % 4] += PopulationCells[cell];
            b[cell / 4] += PopulationCells[cell];
        }

        return (a, b);
    }

    [Fact]
    public void Kalton_ReproducesPublishedCellWeights()
    {
        (int[] a, int[] b) = ExpandSample();
        (double[] targetA, double[] targetB) = PopulationMargins();
        RakingResult result = Raking.Rake([
            new RakingMargin("a", a, targetA),
            new RakingMargin("b", b, targetB),
        ]);

        Assert.True(result.Succeeded);
        Assert.True(result.Converged);
        Assert.InRange(result.Iterations, 2, 50);
        Assert.True(result.MaxRelativeError <= 1e-6);
        for (int i = 0; i < a.Length; i++)
        {
            Approx.Equal(ExpectedCellWeights[a[i]][b[i]], result.Weights[i], 4);
        }

        Approx.Equal(909.35, Kish.EffectiveN(result.Weights), 2);
        Assert.Equal(1500, result.Weights.Sum(), 1e-3);
    }

    [Fact]
    public void Shares_GiveTheSameWeightsScaledToTheSampleSize()
    {
        (int[] a, int[] b) = ExpandSample();
        (double[] targetA, double[] targetB) = PopulationMargins();
        // Percentages, not fractions: shares are normalized.
        double[] percentA = targetA.Select(t => 100 * t / 1500).ToArray();
        RakingResult result = Raking.Rake(
            [new RakingMargin("a", a, percentA), new RakingMargin("b", b, targetB)],
            options: new RakingOptions { TargetKind = RakingTargetKind.Shares }
        );

        Assert.True(result.Converged);
        Assert.Equal(1000, result.Weights.Sum(), 1e-6);
        for (int i = 0; i < a.Length; i++)
        {
            Approx.Equal(ExpectedCellWeights[a[i]][b[i]] * 1000 / 1500, result.Weights[i], 4);
        }
    }

    [Fact]
    public void EmptyCategoryWithTarget_FailsWithAMessageNamingIt()
    {
        int[] region = [0, 0, 1, 1];
        int[] age = [0, 0, 0, 0];
        RakingResult result = Raking.Rake([
            new RakingMargin("region", region, [10, 10]),
            new RakingMargin("age", age, [15, 5]),
        ]);

        Assert.False(result.Succeeded);
        Assert.False(result.Converged);
        Assert.NotNull(result.Failure);
        Assert.Contains("'age'", result.Failure, StringComparison.Ordinal);
        Assert.Contains("category 1", result.Failure, StringComparison.Ordinal);
        Assert.Equal([1.0, 1.0, 1.0, 1.0], result.Weights);
    }

    [Fact]
    public void MissingCode_KeepsItsWeightInThatVariablesStep()
    {
        // Respondent 4 has no gender: only the region step may change its weight.
        int[] gender = [0, 1, 0, 1, -1];
        int[] region = [0, 0, 1, 1, 1];
        RakingResult result = Raking.Rake(
            [
                new RakingMargin("gender", gender, [2, 2]),
                new RakingMargin("region", region, [3, 3]),
            ],
            options: new RakingOptions { MaxIterations = 1000 }
        );

        // The gap makes this tiny example converge slowly (linearly), hence the higher limit.
        Assert.True(result.Converged);
        double[] w = result.Weights;
        Assert.Equal(2, w[0] + w[2], 1e-5);
        Assert.Equal(2, w[1] + w[3], 1e-5);
        Assert.Equal(3, w[0] + w[1], 1e-5);
        Assert.Equal(3, w[2] + w[3] + w[4], 1e-5);
        Assert.Equal(6, w.Sum(), 1e-5);

        // Shares: each step only redistributes weight, so the total stays the sample size (5) despite the gap.
        RakingResult shares = Raking.Rake(
            [
                new RakingMargin("gender", gender, [1, 1]),
                new RakingMargin("region", region, [1, 1]),
            ],
            options: new RakingOptions
            {
                TargetKind = RakingTargetKind.Shares,
                MaxIterations = 1000,
            }
        );
        Assert.True(shares.Converged);
        Assert.Equal(5, shares.Weights.Sum(), 1e-9);
        double[] s = shares.Weights;
        Assert.Equal(s[0] + s[2], s[1] + s[3], 1e-5);
        Assert.Equal(s[0] + s[1], s[2] + s[3] + s[4], 1e-5);
    }

    [Fact]
    public void InconsistentTotals_DoNotConverge()
    {
        int[] x = [0, 1, 0, 1];
        int[] y = [0, 0, 1, 1];
        RakingResult result = Raking.Rake(
            [new RakingMargin("x", x, [1, 1]), new RakingMargin("y", y, [5, 5])],
            options: new RakingOptions { MaxIterations = 5 }
        );

        Assert.True(result.Succeeded);
        Assert.False(result.Converged);
        Assert.Equal(5, result.Iterations);
    }

    [Fact]
    public void MalformedInput_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            Raking.Rake([new RakingMargin("x", [0, 2], [1, 1])])
        );
        Assert.Throws<ArgumentException>(() =>
            Raking.Rake([new RakingMargin("x", [0, 1], [1, -1])])
        );
        Assert.Throws<ArgumentException>(() =>
            Raking.Rake([new RakingMargin("x", [0, 1], [1, 1]), new RakingMargin("y", [0], [1])])
        );
    }
}
