using System;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Tests.Statistics;

public class NpsBootstrapTests
{
    [Fact]
    public void Binomial_SmallNFrequenciesMatchThePmf()
    {
        const int n = 20;
        const double p = 0.3;
        const int draws = 200_000;
        var random = new Random(1);
        var frequency = new int[n + 1];
        for (int i = 0; i < draws; i++)
        {
            frequency[NpsBootstrap.Binomial(random, n, p)]++;
        }

        for (int k = 0; k <= n; k++)
        {
            double pmf = Math.Exp(
                SpecialFunctions.LogGamma(n + 1)
                    - SpecialFunctions.LogGamma(k + 1)
                    - SpecialFunctions.LogGamma(n - k + 1)
                    + k * Math.Log(p)
                    + (n - k) * Math.Log(1 - p)
            );
            // Binomial sampling SD of a frequency is at most 0.0012 here; allow 4 SD.
            Assert.Equal(pmf, frequency[k] / (double)draws, 0.005);
        }
    }

    [Fact]
    public void Binomial_LargeNHasTheRightMeanAndVariance()
    {
        const int n = 100_000;
        const double p = 0.3;
        const int draws = 20_000;
        var random = new Random(2);
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < draws; i++)
        {
            double x = NpsBootstrap.Binomial(random, n, p);
            sum += x;
            sumSquares += x * x;
        }

        double mean = sum / draws;
        double variance = sumSquares / draws - mean * mean;
        Assert.Equal(n * p, mean, 2.0);
        Assert.Equal(n * p * (1 - p), variance, 0.05 * n * p * (1 - p));
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(1.0, 7)]
    public void Binomial_DegenerateProbabilities(double p, int expected) =>
        Assert.Equal(expected, NpsBootstrap.Binomial(new Random(3), 7, p));

    [Fact]
    public void LargeSample_BootstrapAgreesWithWald()
    {
        var counts = new NpsCounts(3000, 4000, 3000);
        Interval bootstrap = NpsInterval.Compute(counts, IntervalMethod.Bootstrap);
        Interval wald = NpsInterval.Compute(counts, IntervalMethod.Wald);
        Assert.Equal(wald.Low, bootstrap.Low, 0.003);
        Assert.Equal(wald.High, bootstrap.High, 0.003);
    }
}
