using System;

namespace SurveyKit.Analysis.Statistics;

/// <summary>
/// Per-row pieces for log P with P = F(a) - F(b) (a = θ_k - η, b = θ_{k-1} - η; NaN = ±∞ edge):
/// Ga = f(a)/P, Gb = f(b)/P, Ha = 1 - 2F(a), Hb = 1 - 2F(b), so f'(u)/P = G·H.
/// </summary>
internal readonly record struct OrdinalLogitRowTerms(
    double LogP,
    double Ga,
    double Gb,
    double Ha,
    double Hb
)
{
    public static OrdinalLogitRowTerms Compute(double a, double b)
    {
        bool hasUpper = !double.IsNaN(a);
        bool hasLower = !double.IsNaN(b);
        if (hasUpper && !hasLower)
        {
            // P = F(a): log F(a) = -log(1 + e^-a) and f(a)/F(a) = 1 - F(a), both stable in the tails.
            double fa = OrdinalLogit.Logistic(a);
            double fac = OrdinalLogit.Logistic(-a);
            return new OrdinalLogitRowTerms(-Softplus(-a), fac, 0, fac - fa, 0);
        }

        if (hasLower && !hasUpper)
        {
            // P = 1 - F(b) = F(-b): f(b)/(1 - F(b)) = F(b).
            double fb = OrdinalLogit.Logistic(b);
            double fbc = OrdinalLogit.Logistic(-b);
            return new OrdinalLogitRowTerms(-Softplus(b), 0, fb, 0, fbc - fb);
        }

        double upperF = OrdinalLogit.Logistic(a);
        double upperC = OrdinalLogit.Logistic(-a);
        double lowerF = OrdinalLogit.Logistic(b);
        double lowerC = OrdinalLogit.Logistic(-b);
        // Subtract the smaller tail probabilities to keep precision when both points are far out.
        double p = b > 0 ? lowerC - upperC : upperF - lowerF;
        if (!(p > 0))
        {
            return new OrdinalLogitRowTerms(double.NegativeInfinity, 0, 0, 0, 0);
        }

        return new OrdinalLogitRowTerms(
            Math.Log(p),
            upperF * upperC / p,
            lowerF * lowerC / p,
            upperC - upperF,
            lowerC - lowerF
        );
    }

    private static double Softplus(double u) =>
        u > 0 ? u + Math.Log(1 + Math.Exp(-u)) : Math.Log(1 + Math.Exp(u));
}
