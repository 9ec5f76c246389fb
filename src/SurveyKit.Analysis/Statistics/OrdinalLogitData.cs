using System;
using System.Collections.Generic;

namespace SurveyKit.Analysis.Statistics;

/// <summary>
/// Validated data of an ordinal logit fit plus the one expensive operation: a pass over all rows computing the
/// log-likelihood, gradient and Hessian. Predictors are centred on the fly (never copied), which keeps the
/// threshold and slope estimates nearly uncorrelated and Newton well conditioned.
/// </summary>
internal sealed class OrdinalLogitData
{
    private readonly double[][] _columns;
    private readonly int[] _outcomes;
    private readonly double[]? _weights;

    private OrdinalLogitData(
        double[][] columns,
        int[] outcomes,
        double[]? weights,
        int categoryCount
    )
    {
        _columns = columns;
        _outcomes = outcomes;
        _weights = weights;
        CategoryCount = categoryCount;
        P = columns.Length;
        Means = new double[P];
        CategoryWeights = new double[categoryCount];
    }

    public int P { get; }

    public int CategoryCount { get; }

    public double[] Means { get; }

    public double[] CategoryWeights { get; }

    public double TotalWeight { get; private set; }

    public static OrdinalLogitData Create(
        IReadOnlyList<double[]> columns,
        int[] outcomes,
        int categoryCount,
        double[]? weights
    )
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentOutOfRangeException.ThrowIfLessThan(categoryCount, 2);
        int n = outcomes.Length;
        if (weights is not null && weights.Length != n)
        {
            throw new ArgumentException("Each row needs exactly one weight.", nameof(weights));
        }

        var copy = new double[columns.Count][];
        for (int j = 0; j < copy.Length; j++)
        {
            copy[j] =
                columns[j]
                ?? throw new ArgumentException("A predictor column is null.", nameof(columns));
            if (copy[j].Length != n)
            {
                throw new ArgumentException(
                    OrdinalLogit.Format(
                        $"Predictor {j} has {copy[j].Length} values for {n} outcomes."
                    ),
                    nameof(columns)
                );
            }
        }

        var data = new OrdinalLogitData(copy, outcomes, weights, categoryCount);
        data.Summarize();
        return data;
    }

    private void Summarize()
    {
        for (int i = 0; i < _outcomes.Length; i++)
        {
            int y = _outcomes[i];
            double w = _weights?[i] ?? 1;
            if (y < 0 || y >= CategoryCount)
            {
                throw new ArgumentException(
                    OrdinalLogit.Format(
                        $"Outcome {y} in row {i} is outside 0..{CategoryCount - 1}."
                    ),
                    "outcomes"
                );
            }

            if (!(w >= 0) || double.IsInfinity(w))
            {
                throw new ArgumentException("Weights must be finite and non-negative.", "weights");
            }

            CategoryWeights[y] += w;
            TotalWeight += w;
            for (int j = 0; j < P; j++)
            {
                double x = _columns[j][i];
                if (!double.IsFinite(x))
                {
                    throw new ArgumentException(
                        OrdinalLogit.Format(
                            $"Predictor {j} has a missing or infinite value in row {i}."
                        ),
                        "columns"
                    );
                }

                Means[j] += w * x;
            }
        }

        for (int k = 0; k < CategoryCount; k++)
        {
            if (!(CategoryWeights[k] > 0))
            {
                // Thresholds around an empty category run off to infinity: refuse rather than "converge" badly.
                throw new ArgumentException(
                    OrdinalLogit.Format(
                        $"Outcome category {k} has no observations; merge categories or drop the fit."
                    ),
                    "outcomes"
                );
            }
        }

        for (int j = 0; j < P; j++)
        {
            Means[j] /= TotalWeight;
            double spread = 0;
            for (int i = 0; i < _outcomes.Length; i++)
            {
                double w = _weights?[i] ?? 1;
                spread += w * Math.Abs(_columns[j][i] - Means[j]);
            }

            if (!(spread > 1e-12 * TotalWeight * Math.Max(1, Math.Abs(Means[j]))))
            {
                throw new ArgumentException(
                    OrdinalLogit.Format($"Predictor {j} is constant."),
                    "columns"
                );
            }
        }
    }

    /// <summary>
    /// Log-likelihood at <paramref name="parameters"/> (centred thresholds, then β), filling the gradient and the
    /// lower triangle of the Hessian (row-major m x m). -∞ when the thresholds are not increasing.
    /// </summary>
    public double Evaluate(double[] parameters, double[] gradient, double[] hessian)
    {
        int t = CategoryCount - 1;
        int m = parameters.Length;
        for (int k = 1; k < t; k++)
        {
            if (!(parameters[k] > parameters[k - 1]))
            {
                return double.NegativeInfinity;
            }
        }

        Array.Clear(gradient);
        Array.Clear(hessian);
        ReadOnlySpan<double> theta = parameters.AsSpan(0, t);
        ReadOnlySpan<double> beta = parameters.AsSpan(t);
        Span<double> x = P <= 64 ? stackalloc double[P] : new double[P];
        double logLikelihood = 0;
        for (int i = 0; i < _outcomes.Length; i++)
        {
            double w = _weights?[i] ?? 1;
            if (w == 0)
            {
                continue;
            }

            double eta = 0;
            for (int j = 0; j < P; j++)
            {
                x[j] = _columns[j][i] - Means[j];
                eta += x[j] * beta[j];
            }

            int k = _outcomes[i];
            OrdinalLogitRowTerms row = OrdinalLogitRowTerms.Compute(
                k < t ? theta[k] - eta : double.NaN,
                k > 0 ? theta[k - 1] - eta : double.NaN
            );
            if (double.IsNegativeInfinity(row.LogP))
            {
                return double.NegativeInfinity;
            }

            logLikelihood += w * row.LogP;
            Accumulate(gradient, hessian, m, t, k, w, row, x);
        }

        return logLikelihood;
    }

    private static void Accumulate(
        double[] gradient,
        double[] hessian,
        int m,
        int t,
        int k,
        double w,
        OrdinalLogitRowTerms row,
        ReadOnlySpan<double> x
    )
    {
        double ga = row.Ga;
        double gb = row.Gb;
        double dEta = -(ga - gb);
        double hEtaEta = ga * row.Ha - gb * row.Hb - (ga - gb) * (ga - gb);
        double hUpperEta = -ga * row.Ha + ga * (ga - gb);
        double hLowerEta = gb * row.Hb - gb * (ga - gb);
        bool upper = k < t;
        bool lower = k > 0;
        if (upper)
        {
            gradient[k] += w * ga;
            hessian[k * m + k] += w * (ga * row.Ha - ga * ga);
        }

        if (lower)
        {
            gradient[k - 1] -= w * gb;
            hessian[(k - 1) * m + k - 1] += w * (-gb * row.Hb - gb * gb);
        }

        if (upper && lower)
        {
            hessian[k * m + k - 1] += w * ga * gb;
        }

        for (int j = 0; j < x.Length; j++)
        {
            int r = t + j;
            double wx = w * x[j];
            gradient[r] += wx * dEta;
            if (upper)
            {
                hessian[r * m + k] += wx * hUpperEta;
            }

            if (lower)
            {
                hessian[r * m + k - 1] += wx * hLowerEta;
            }

            double scaled = wx * hEtaEta;
            int offset = r * m + t;
            for (int l = 0; l <= j; l++)
            {
                hessian[offset + l] += scaled * x[l];
            }
        }
    }
}
