using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Tests.Statistics;

/// <summary>The Wilson interval against R: prop.test(x, n, correct = FALSE)$conf.int.</summary>
public sealed class WilsonIntervalTests
{
    [Theory]
    [InlineData(37, 120, 0.232727369889163, 0.395829977238007)]
    [InlineData(0, 15, 0.0, 0.203883301035849)]
    [InlineData(15, 15, 0.796116698964151, 1.0)]
    public void It_matches_R(long x, long n, double low, double high)
    {
        var interval = WilsonInterval.Of(x, n);
        Assert.Equal(low, interval.Low, 12);
        Assert.Equal(high, interval.High, 12);
        Assert.True(interval.Contains((double)x / n));
    }

    [Fact]
    public void Nobody_invited_has_no_interval()
    {
        Assert.True(double.IsNaN(WilsonInterval.Of(0, 0).Low));
    }
}
