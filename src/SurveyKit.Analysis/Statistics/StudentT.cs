using System;

namespace SurveyKit.Analysis.Statistics;

/// <summary>Student's t distribution, through the regularized incomplete beta function.</summary>
public static class StudentT
{
    /// <summary>P(T &lt;= t) for <paramref name="degreesOfFreedom"/> &gt; 0.</summary>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        if (double.IsNaN(t) || !(degreesOfFreedom > 0))
        {
            return double.NaN;
        }

        if (double.IsInfinity(t))
        {
            return t > 0 ? 1 : 0;
        }

        // P(|T| >= |t|) = I_{df/(df+t^2)}(df/2, 1/2); each tail is half of it.
        double tail = 0.5 * TwoSidedTail(t, degreesOfFreedom);
        return t > 0 ? 1 - tail : tail;
    }

    /// <summary>Two-sided p-value P(|T| &gt;= |t|).</summary>
    public static double TwoSidedP(double t, double degreesOfFreedom)
    {
        if (double.IsNaN(t) || !(degreesOfFreedom > 0))
        {
            return double.NaN;
        }

        return double.IsInfinity(t) ? 0 : TwoSidedTail(t, degreesOfFreedom);
    }

    private static double TwoSidedTail(double t, double df) =>
        SpecialFunctions.RegularizedIncompleteBeta(df / 2, 0.5, df / (df + t * t));

    /// <summary>
    /// The t with P(T &lt;= t) = <paramref name="p"/> (0 &lt; p &lt; 1), by bisection on the CDF: used a few times per
    /// report, where 60 halvings (an interval of 1e-15 of the bracket) cost nothing.
    /// </summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        if (!(p > 0 && p < 1) || !(degreesOfFreedom > 0))
        {
            return double.NaN;
        }
        var (low, high) = (-1e3, 1e3);
        for (var i = 0; i < 200 && high - low > 1e-12; i++)
        {
            var mid = 0.5 * (low + high);
            if (Cdf(mid, degreesOfFreedom) < p)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }
        return 0.5 * (low + high);
    }
}
