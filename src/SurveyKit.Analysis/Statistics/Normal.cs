using System;

namespace SurveyKit.Analysis.Statistics;

/// <summary>The standard normal distribution: CDF, quantile and two-sided p-values.</summary>
public static class Normal
{
    private static readonly double Sqrt2 = Math.Sqrt(2);
    private static readonly double Sqrt2Pi = Math.Sqrt(2 * Math.PI);

    // Acklam's rational approximation (relative error 1.15e-9); refined below by Halley steps.
    private static readonly double[] A =
    [
        -3.969683028665376e+01,
        2.209460984245205e+02,
        -2.759285104469687e+02,
        1.383577518672690e+02,
        -3.066479806614716e+01,
        2.506628277459239e+00,
    ];
    private static readonly double[] B =
    [
        -5.447609879822406e+01,
        1.615858368580409e+02,
        -1.556989798598866e+02,
        6.680131188771972e+01,
        -1.328068155288572e+01,
    ];
    private static readonly double[] C =
    [
        -7.784894002430293e-03,
        -3.223964580411365e-01,
        -2.400758277161838e+00,
        -2.549732539343734e+00,
        4.374664141464968e+00,
        2.938163982698783e+00,
    ];
    private static readonly double[] D =
    [
        7.784695709041462e-03,
        3.224671290700398e-01,
        2.445134137142996e+00,
        3.754408661907416e+00,
    ];

    /// <summary>Standard normal density.</summary>
    public static double Density(double z) => Math.Exp(-0.5 * z * z) / Sqrt2Pi;

    /// <summary>P(Z &lt;= z), accurate to full relative precision in both tails.</summary>
    public static double Cdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Sqrt2);

    /// <summary>Two-sided p-value P(|Z| &gt;= |z|); NaN for NaN.</summary>
    public static double TwoSidedP(double z) =>
        double.IsNaN(z) ? double.NaN : Math.Min(1, SpecialFunctions.Erfc(Math.Abs(z) / Sqrt2));

    /// <summary>
    /// The z with Cdf(z) = <paramref name="p"/>: Acklam's approximation polished by Halley steps
    /// (about 1e-15 relative). p = 0 and p = 1 give -∞ and +∞.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">p outside [0, 1].</exception>
    public static double Quantile(double p)
    {
        if (double.IsNaN(p))
        {
            return double.NaN;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1.0);
        if (p == 0)
        {
            return double.NegativeInfinity;
        }

        if (p == 1)
        {
            return double.PositiveInfinity;
        }

        // Work in the lower half so the refinement compares tail probabilities, not numbers close to 1.
        return p <= 0.5 ? LowerQuantile(p) : -LowerQuantile(1 - p);
    }

    /// <summary>The two-sided critical value z_{1-α/2} for a confidence level such as 0.95.</summary>
    /// <exception cref="ArgumentOutOfRangeException">confidence not strictly between 0 and 1.</exception>
    public static double CriticalValue(double confidence)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(confidence),
                confidence,
                "The confidence level must be strictly between 0 and 1, e.g. 0.95."
            );
        }

        return Quantile(0.5 + confidence / 2);
    }

    private static double LowerQuantile(double p)
    {
        const double pLow = 0.02425;
        double x;
        if (p < pLow)
        {
            double q = Math.Sqrt(-2 * Math.Log(p));
            x =
                (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }
        else
        {
            double q = p - 0.5;
            double r = q * q;
            x =
                (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5])
                * q
                / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
        }

        // Halley refinement against the accurate CDF; two steps are cheap insurance.
        for (int i = 0; i < 2; i++)
        {
            double e = Cdf(x) - p;
            double u = e * Sqrt2Pi * Math.Exp(0.5 * x * x);
            x -= u / (1 + 0.5 * x * u);
        }

        return x;
    }
}
