using System;

namespace SurveyKit.Analysis.Statistics;

/// <summary>
/// A fitted proportional-odds model P(Y &lt;= k | x) = logistic(θ_k - x·β), k = 0..K-2, on the caller's original
/// (uncentred) predictor scale.
/// </summary>
public sealed class OrdinalLogitResult
{
    internal OrdinalLogitResult(
        double[] thresholds,
        double[] beta,
        double[] betaStandardErrors,
        double logLikelihood,
        int iterations,
        bool converged
    )
    {
        Thresholds = thresholds;
        Beta = beta;
        BetaStandardErrors = betaStandardErrors;
        LogLikelihood = logLikelihood;
        Iterations = iterations;
        Converged = converged;
    }

    /// <summary>Cut points θ_0 &lt; … &lt; θ_{K-2}.</summary>
    public double[] Thresholds { get; }

    /// <summary>Predictor coefficients: positive moves responses towards higher categories.</summary>
    public double[] Beta { get; }

    /// <summary>Standard errors of <see cref="Beta"/> from the observed information (NaN if it was singular).</summary>
    public double[] BetaStandardErrors { get; }

    /// <summary>(Weighted) log-likelihood at the estimate.</summary>
    public double LogLikelihood { get; }

    /// <summary>Newton iterations performed.</summary>
    public int Iterations { get; }

    /// <summary>False when the iteration limit was hit or no improving step was found (e.g. separation).</summary>
    public bool Converged { get; }

    /// <summary>
    /// The estimated covariance of (θ_0..θ_{K-2}, β_1..β_p), the inverse of the observed information, on the caller's
    /// scale; null when the information was singular. The delta method turns it into intervals for predictions.
    /// </summary>
    public double[][]? Covariance { get; init; }

    /// <summary>Number of outcome categories K.</summary>
    public int CategoryCount => Thresholds.Length + 1;

    /// <summary>x·β for one row.</summary>
    /// <exception cref="ArgumentException">Wrong number of predictor values.</exception>
    public double LinearPredictor(ReadOnlySpan<double> x)
    {
        if (x.Length != Beta.Length)
        {
            throw new ArgumentException($"Expected {Beta.Length} predictor values.", nameof(x));
        }

        double eta = 0;
        for (int j = 0; j < x.Length; j++)
        {
            eta += x[j] * Beta[j];
        }

        return eta;
    }

    /// <summary>Per-category probabilities for one row (length K, summing to 1).</summary>
    public double[] Probabilities(ReadOnlySpan<double> x)
    {
        var result = new double[CategoryCount];
        Probabilities(x, result);
        return result;
    }

    /// <summary>Allocation-free variant for scoring many rows (what-if simulations over all respondents).</summary>
    /// <exception cref="ArgumentException">Wrong predictor count or destination length.</exception>
    public void Probabilities(ReadOnlySpan<double> x, Span<double> destination)
    {
        if (destination.Length != CategoryCount)
        {
            throw new ArgumentException(
                $"Expected a destination of length {CategoryCount}.",
                nameof(destination)
            );
        }

        double eta = LinearPredictor(x);
        double previous = 0;
        for (int k = 0; k < Thresholds.Length; k++)
        {
            double cumulative = OrdinalLogit.Logistic(Thresholds[k] - eta);
            destination[k] = Math.Max(0, cumulative - previous);
            previous = cumulative;
        }

        destination[Thresholds.Length] = OrdinalLogit.Logistic(eta - Thresholds[^1]);
    }
}
