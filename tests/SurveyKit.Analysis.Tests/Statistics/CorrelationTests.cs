using System;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Tests.Statistics;

public class CorrelationTests
{
    [Fact]
    public void Pearson_HandComputedExample()
    {
        // x = 1..5, y = 2,4,5,4,5: Sxy = 6, Sxx = 10, Syy = 6 → r = 6 / sqrt(60).
        double r = Correlation.Pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5], out int n);
        Assert.Equal(6 / Math.Sqrt(60), r, 1e-15);
        Assert.Equal(5, n);
    }

    [Fact]
    public void Pearson_SkipsIncompletePairsAndFlagsConstants()
    {
        double r = Correlation.Pearson(
            [1, 2, double.NaN, 3, 4, 5],
            [2, 4, 100, 5, 4, 5],
            out int n
        );
        Assert.Equal(6 / Math.Sqrt(60), r, 1e-15);
        Assert.Equal(5, n);
        Assert.True(double.IsNaN(Correlation.Pearson([1, 1, 1], [1, 2, 3])));
        Assert.Equal(-1, Correlation.Pearson([1, 2, 3], [3, 2, 1]), 1e-15);
    }

    [Fact]
    public void Matrix_ListwiseAndPairwiseDiffer()
    {
        double[] a = [1, 2, 3, 4, 5];
        double[] b = [2, 4, 5, 4, double.NaN];
        double[] c = [5, 3, double.NaN, 2, 1];
        CorrelationMatrix listwise = Correlation.Compute([a, b, c], MissingDeletion.Listwise);
        CorrelationMatrix pairwise = Correlation.Compute([a, b, c], MissingDeletion.Pairwise);

        // Listwise keeps rows 0, 1, 3 only; pairwise keeps every complete pair.
        Assert.Equal(3, listwise.N[0][1]);
        Assert.Equal(4, pairwise.N[0][1]);
        Assert.Equal(3, pairwise.N[1][2]);
        Assert.Equal(Correlation.Pearson([1, 2, 4], [2, 4, 4]), listwise.R[0][1], 1e-15);
        Assert.Equal(Correlation.Pearson([1, 2, 3, 4], [2, 4, 5, 4]), pairwise.R[0][1], 1e-15);
        Assert.Equal(1.0, pairwise.R[2][2]);
        Assert.Equal(listwise.R[0][2], listwise.R[2][0]);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(-0.9)]
    public void PValue_MatchesTheCauchyClosedFormForThreeRows(double r)
    {
        // n = 3: t = r / sqrt(1 - r²) with 1 df, P(|T| >= |t|) = 1 - 2 atan(|t|) / π.
        double t = r / Math.Sqrt(1 - r * r);
        Assert.Equal(1 - 2 * Math.Atan(Math.Abs(t)) / Math.PI, Correlation.PValue(r, 3), 1e-13);
    }

    [Fact]
    public void PValue_EdgesAndConsistencyWithStudentT()
    {
        Assert.True(double.IsNaN(Correlation.PValue(0.3, 2)));
        Assert.Equal(0.0, Correlation.PValue(1, 10));
        Assert.Equal(1.0, Correlation.PValue(0, 10), 1e-15);
        double r = 0.42;
        int n = 47;
        double t = r * Math.Sqrt((n - 2) / (1 - r * r));
        Assert.Equal(StudentT.TwoSidedP(t, n - 2), Correlation.PValue(r, n), 1e-13);
        Assert.InRange(Correlation.PValue(r, n), 0.001, 0.01);
    }
}
