using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Tests.Statistics;

/// <summary>LMG and relative weights on R's datasets against relaimpo / domir / rwa / iopsych values.</summary>
public class KeyDriverGoldenTests
{
    private static void AllEqual(double[] expected, double[] actual, int decimals)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Approx.Equal(expected[i], actual[i], decimals);
        }
    }

    [Fact]
    public void Mtcars_LmgMatchesDomirReadme()
    {
        PredictorCorrelations c = GoldenData
            .Load("mtcars.csv")
            .Correlations("mpg", "am", "vs", "cyl");
        LmgResult result = Lmg.Compute(c.Rxx, c.Rxy);
        Approx.Equal(0.7619773, result.R2, 7);
        AllEqual([0.1774892, 0.2027032, 0.3817849], result.Lmg, 7);
    }

    [Fact]
    public void Swiss_LmgFirstLastAndRelativeWeights()
    {
        PredictorCorrelations c = GoldenData
            .Load("swiss.csv")
            .Correlations(
                "Fertility",
                "Agriculture",
                "Examination",
                "Education",
                "Catholic",
                "Infant.Mortality"
            );
        LmgResult lmg = Lmg.Compute(c.Rxx, c.Rxy);
        Approx.Equal(0.7067350, lmg.R2, 7);
        AllEqual([0.057091, 0.171173, 0.260135, 0.105570, 0.112766], lmg.Lmg, 6);
        AllEqual([0.124665, 0.417164, 0.440616, 0.215004, 0.173519], lmg.First, 6);
        AllEqual([0.042870, 0.007387, 0.161963, 0.062373, 0.056945], lmg.Last, 6);

        RelativeWeightsResult rw = RelativeWeights.Compute(c.Rxx, c.Rxy);
        AllEqual([0.048417, 0.154708, 0.271964, 0.114680, 0.116966], rw.Weights, 6);
        Approx.Equal(0.7067350, rw.R2, 7);

        // lm(Fertility ~ ., swiss): Agriculture, Examination and Education lower fertility; Catholic and
        // infant mortality raise it.
        Assert.True(lmg.Beta[0] < 0 && lmg.Beta[1] < 0 && lmg.Beta[2] < 0);
        Assert.True(lmg.Beta[3] > 0 && lmg.Beta[4] > 0);
    }

    [Fact]
    public void Attitude_LmgAndRelativeWeights()
    {
        PredictorCorrelations c = GoldenData
            .Load("attitude.csv")
            .Correlations(
                "rating",
                "complaints",
                "privileges",
                "learning",
                "raises",
                "critical",
                "advance"
            );
        LmgResult lmg = Lmg.Compute(c.Rxx, c.Rxy);
        Approx.Equal(0.732602, lmg.R2, 6);
        AllEqual([0.370816, 0.050904, 0.155766, 0.120345, 0.006589, 0.028182], lmg.Lmg, 6);

        RelativeWeightsResult rw = RelativeWeights.Compute(c.Rxx, c.Rxy);
        AllEqual([0.362760, 0.056002, 0.163611, 0.121780, 0.008255, 0.020193], rw.Weights, 6);
    }

    [Fact]
    public void Iopsych_RelWtExample()
    {
        // iopsych::relWt documentation example: 5 x 5 matrix, outcome column 5, predictors 1..4.
        double[][] rxx =
        [
            [1.0, 0.2, 0.3, 0.4],
            [0.2, 1.0, 0.5, 0.1],
            [0.3, 0.5, 1.0, 0.2],
            [0.4, 0.1, 0.2, 1.0],
        ];
        double[] rxy = [-0.4, 0.1, -0.3, 0.4];
        RelativeWeightsResult rw = RelativeWeights.Compute(rxx, rxy);
        AllEqual([0.24066119, 0.05492664, 0.12143476, 0.28158189], rw.Weights, 8);
        Approx.Equal(Lmg.Compute(rxx, rxy).R2, rw.R2, 12);
    }

    [Fact]
    public void Rwa_DiamondsTwoPredictorCase()
    {
        double[][] rxx =
        [
            [1, 0.02822431],
            [0.02822431, 1],
        ];
        double[] rxy = [-0.0106474, 0.9215913];
        RelativeWeightsResult rw = RelativeWeights.Compute(rxx, rxy);
        // rwa prints 9 decimals, but its inputs here are rounded to 7 digits (ry2 ± 5e-8 moves ε2 by ~1e-7),
        // so 7 decimals is the most the printed inputs can reproduce.
        AllEqual([0.000729149, 0.849946308], rw.Weights, 7);
        Approx.Equal(0.000729149, rw.Weights[0], 9);
        Approx.Equal(0.8506755, rw.R2, 7);
    }
}
