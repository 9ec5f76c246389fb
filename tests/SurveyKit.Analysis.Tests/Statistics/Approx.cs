using System;
using System.Globalization;

namespace SurveyKit.Analysis.Tests.Statistics;

/// <summary>Assertions "equal at the printed precision": within half a unit of the last printed digit.</summary>
internal static class Approx
{
    public static void Equal(double expected, double actual, int decimals)
    {
        // A hair of slack for binary rounding of the printed decimal itself.
        double tolerance = 0.5 * Math.Pow(10, -decimals) + 1e-12;
        Assert.True(
            Math.Abs(expected - actual) <= tolerance,
            string.Create(
                CultureInfo.InvariantCulture,
                $"Expected {expected} ± {tolerance:G3}, got {actual} (diff {actual - expected:G3})."
            )
        );
    }

    public static void Relative(double expected, double actual, double relativeTolerance)
    {
        Assert.True(
            Math.Abs(expected - actual) <= relativeTolerance * Math.Abs(expected),
            string.Create(CultureInfo.InvariantCulture, $"Expected {expected:R}, got {actual:R}.")
        );
    }
}
