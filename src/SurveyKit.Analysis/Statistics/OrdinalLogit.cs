using System;
using System.Collections.Generic;
using System.Globalization;

namespace SurveyKit.Analysis.Statistics;

/// <summary>
/// Proportional-odds (cumulative logit) regression for an ordered outcome, e.g. detractor &lt; passive &lt;
/// promoter: P(Y &lt;= k | x) = logistic(θ_k - x·β). Fitted by Newton-Raphson with the analytic gradient and
/// Hessian and step halving; the log-likelihood is concave, so Newton converges in a handful of passes.
/// </summary>
public static class OrdinalLogit
{
    /// <summary>Fits the model.</summary>
    /// <param name="columns">
    /// Predictors column-wise (p arrays of n values): one contiguous array per predictor streams well for
    /// millions of rows. Values must be finite (drop or impute missing rows first).
    /// </param>
    /// <param name="outcomes">Category per row, 0..categoryCount-1 (0 = lowest).</param>
    /// <param name="categoryCount">K ≥ 2; every category needs positive total weight.</param>
    /// <param name="weights">Optional non-negative case weights (null = 1 each).</param>
    /// <param name="maxIterations">Newton iteration limit.</param>
    /// <param name="tolerance">Converged when the largest Newton step is below this.</param>
    /// <exception cref="ArgumentException">Shape mismatch, bad values, an empty category or a constant predictor.</exception>
    public static OrdinalLogitResult Fit(
        IReadOnlyList<double[]> columns,
        int[] outcomes,
        int categoryCount = 3,
        double[]? weights = null,
        int maxIterations = 100,
        double tolerance = 1e-8
    )
    {
        var data = OrdinalLogitData.Create(columns, outcomes, categoryCount, weights);
        int thresholdCount = categoryCount - 1;
        int m = thresholdCount + data.P;

        // Start at the no-predictor MLE: thresholds at the logits of the cumulative shares, β = 0.
        var parameters = new double[m];
        double cumulative = 0;
        for (int k = 0; k < thresholdCount; k++)
        {
            cumulative += data.CategoryWeights[k];
            double share = cumulative / data.TotalWeight;
            parameters[k] = Math.Log(share / (1 - share));
        }

        var gradient = new double[m];
        var hessian = new double[m * m];
        double logLikelihood = data.Evaluate(parameters, gradient, hessian);
        bool converged = false;
        int iterations = 0;
        var trial = new double[m];
        var trialGradient = new double[m];
        var trialHessian = new double[m * m];
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            if (!Matrix.TrySolveSpd(NegatedSymmetric(hessian, m), gradient, out double[]? step))
            {
                break;
            }

            double largest = 0;
            foreach (double s in step)
            {
                largest = Math.Max(largest, Math.Abs(s));
            }

            if (largest < tolerance)
            {
                converged = true;
                break;
            }

            bool accepted = false;
            for (double scale = 1; scale > 1e-10; scale /= 2)
            {
                for (int i = 0; i < m; i++)
                {
                    trial[i] = parameters[i] + scale * step[i];
                }

                // Unordered thresholds have no likelihood: Evaluate returns -∞ and the step is halved.
                double candidate = data.Evaluate(trial, trialGradient, trialHessian);
                if (candidate >= logLikelihood - 1e-12 * Math.Abs(logLikelihood))
                {
                    (parameters, trial) = (trial, parameters);
                    (gradient, trialGradient) = (trialGradient, gradient);
                    (hessian, trialHessian) = (trialHessian, hessian);
                    logLikelihood = candidate;
                    accepted = true;
                    break;
                }
            }

            iterations = iteration;
            if (!accepted)
            {
                break;
            }
        }

        return BuildResult(data, parameters, hessian, logLikelihood, iterations, converged);
    }

    /// <summary>The logistic function 1 / (1 + e^-u), without overflow.</summary>
    public static double Logistic(double u) =>
        u >= 0 ? 1 / (1 + Math.Exp(-u)) : Math.Exp(u) / (1 + Math.Exp(u));

    private static OrdinalLogitResult BuildResult(
        OrdinalLogitData data,
        double[] parameters,
        double[] hessian,
        double logLikelihood,
        int iterations,
        bool converged
    )
    {
        int thresholdCount = data.CategoryCount - 1;
        int m = parameters.Length;
        var beta = parameters.AsSpan(thresholdCount).ToArray();
        var standardErrors = new double[data.P];
        Array.Fill(standardErrors, double.NaN);
        double[][]? original = null;
        if (Matrix.TryInvertSpd(NegatedSymmetric(hessian, m), out double[][]? covariance))
        {
            for (int j = 0; j < data.P; j++)
            {
                standardErrors[j] = Math.Sqrt(covariance[thresholdCount + j][thresholdCount + j]);
            }
            original = Uncentred(covariance, data.Means, thresholdCount);
        }

        // Fitted on centred x: θ - (x - m)·β = (θ + m·β) - x·β, so shift the thresholds back.
        double shift = 0;
        for (int j = 0; j < data.P; j++)
        {
            shift += data.Means[j] * beta[j];
        }

        var thresholds = new double[thresholdCount];
        for (int k = 0; k < thresholdCount; k++)
        {
            thresholds[k] = parameters[k] + shift;
        }

        return new OrdinalLogitResult(
            thresholds,
            beta,
            standardErrors,
            logLikelihood,
            iterations,
            converged
        )
        {
            Covariance = original,
        };
    }

    /// <summary>
    /// The covariance of (θ, β) from that of the centred fit (θc, β): θ_k = θc_k + m·β, so with J = [[I, 1m'], [0, I]]
    /// the covariance is J C J'.
    /// </summary>
    private static double[][] Uncentred(double[][] covariance, double[] means, int thresholdCount)
    {
        int m = covariance.Length;
        var jacobian = Matrix.Identity(m);
        for (int k = 0; k < thresholdCount; k++)
        {
            for (int j = 0; j < means.Length; j++)
            {
                jacobian[k][thresholdCount + j] = means[j];
            }
        }
        var transposed = Matrix.Create(m, m);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                transposed[i][j] = jacobian[j][i];
            }
        }
        return Matrix.Multiply(Matrix.Multiply(jacobian, covariance), transposed);
    }

    private static double[][] NegatedSymmetric(double[] lowerTriangle, int m)
    {
        double[][] result = Matrix.Create(m, m);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                result[i][j] = result[j][i] = -lowerTriangle[i * m + j];
            }
        }

        return result;
    }

    internal static string Format(FormattableString message) =>
        message.ToString(CultureInfo.InvariantCulture);
}
