namespace SurveyKit.Analysis.Statistics;

/// <summary>Fisher's F distribution, through the regularized incomplete beta function.</summary>
public static class FDistribution
{
    /// <summary>
    /// P(F &gt;= f) with <paramref name="numerator"/> and <paramref name="denominator"/> degrees of freedom: the p-value
    /// of an F-test. NaN for degrees of freedom that are not positive or an f that is NaN.
    /// </summary>
    public static double UpperTail(double f, double numerator, double denominator)
    {
        if (double.IsNaN(f) || !(numerator > 0) || !(denominator > 0))
        {
            return double.NaN;
        }
        if (f <= 0)
        {
            return 1;
        }
        if (double.IsPositiveInfinity(f))
        {
            return 0;
        }
        // P(F >= f) = I_{d2/(d2+d1 f)}(d2/2, d1/2).
        return SpecialFunctions.RegularizedIncompleteBeta(
            denominator / 2,
            numerator / 2,
            denominator / (denominator + numerator * f)
        );
    }

    /// <summary>
    /// The p-value of the overall F-test of a linear regression with <paramref name="predictors"/> predictors on
    /// <paramref name="n"/> cases that explains <paramref name="r2"/>: F = (R²/p) / ((1 - R²)/(n - p - 1)).
    /// </summary>
    public static double RegressionP(double r2, int predictors, int n)
    {
        var residualDf = n - predictors - 1;
        if (predictors < 1 || residualDf < 1 || double.IsNaN(r2))
        {
            return double.NaN;
        }
        if (r2 >= 1)
        {
            return 0;
        }
        var f = r2 / predictors / ((1 - r2) / residualDf);
        return UpperTail(f, predictors, residualDf);
    }
}
