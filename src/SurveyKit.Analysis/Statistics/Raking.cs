using System;
using System.Collections.Generic;
using System.Globalization;

namespace SurveyKit.Analysis.Statistics;

/// <summary>
/// Raking (iterative proportional fitting, iterated post-stratification): adjusts weights until the weighted
/// margins of several categorical variables match their targets.
/// </summary>
public static class Raking
{
    /// <summary>Rakes <paramref name="baseWeights"/> (unit weights when null) to the margins.</summary>
    /// <param name="margins">One entry per variable; each variable's codes cover every respondent.</param>
    /// <param name="baseWeights">Starting weights (non-negative, finite), or null for 1 each.</param>
    /// <param name="options">Iteration limit, tolerance and target kind; defaults when null.</param>
    /// <returns>
    /// The raked weights; <see cref="RakingResult.Succeeded"/> is false (with a message, not an exception) when a
    /// category has a positive target but no respondent weight to scale.
    /// </returns>
    /// <exception cref="ArgumentException">Malformed input: lengths, codes out of range, negative targets.</exception>
    public static RakingResult Rake(
        IReadOnlyList<RakingMargin> margins,
        double[]? baseWeights = null,
        RakingOptions? options = null
    )
    {
        ArgumentNullException.ThrowIfNull(margins);
        options ??= new RakingOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxIterations, 1);
        if (!(options.Tolerance > 0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                "The tolerance must be positive."
            );
        }

        if (margins.Count == 0)
        {
            throw new ArgumentException("Raking needs at least one margin.", nameof(margins));
        }

        int n = baseWeights?.Length ?? margins[0]?.Codes?.Length ?? 0;
        double[][] targets = Validate(margins, baseWeights, n, options.TargetKind);
        var weights = new double[n];
        for (int i = 0; i < n; i++)
        {
            weights[i] = baseWeights?[i] ?? 1.0;
        }

        double error = double.PositiveInfinity;
        for (int iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            for (int v = 0; v < margins.Count; v++)
            {
                int category = Adjust(margins[v], targets[v], options.TargetKind, weights);
                if (category >= 0)
                {
                    return new RakingResult(
                        false,
                        baseWeights is null ? Ones(n) : (double[])baseWeights.Clone(),
                        false,
                        iteration,
                        double.NaN,
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"Cannot rake '{margins[v].Name}': category {category} has target {targets[v][category]} but no respondents with positive weight."
                        )
                    )
                    {
                        FailedMargin = v,
                        FailedCategory = category,
                    };
                }
            }

            error = MaxRelativeError(margins, targets, options.TargetKind, weights);
            if (error <= options.Tolerance)
            {
                return new RakingResult(true, weights, true, iteration, error, null);
            }
        }

        return new RakingResult(true, weights, false, options.MaxIterations, error, null);
    }

    private static double[] Ones(int n)
    {
        var ones = new double[n];
        Array.Fill(ones, 1.0);
        return ones;
    }

    // Post-stratifies on one variable; returns the category that has a target but no weight (else -1) instead of
    // dividing by zero.
    private static int Adjust(
        RakingMargin margin,
        double[] target,
        RakingTargetKind kind,
        double[] weights
    )
    {
        double[] current = Margin(margin.Codes, target.Length, weights, out double known);
        double scale = kind == RakingTargetKind.Shares ? known : 1;
        var factors = new double[target.Length];
        for (int c = 0; c < target.Length; c++)
        {
            double wanted = target[c] * scale;
            if (wanted > 0 && !(current[c] > 0))
            {
                return c;
            }

            factors[c] = wanted > 0 ? wanted / current[c] : 0;
        }

        int[] codes = margin.Codes;
        for (int i = 0; i < weights.Length; i++)
        {
            int code = codes[i];
            if (code >= 0)
            {
                weights[i] *= factors[code];
            }
        }

        return -1;
    }

    private static double[] Margin(int[] codes, int categories, double[] weights, out double known)
    {
        var totals = new double[categories];
        known = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            int code = codes[i];
            if (code >= 0)
            {
                totals[code] += weights[i];
                known += weights[i];
            }
        }

        return totals;
    }

    private static double MaxRelativeError(
        IReadOnlyList<RakingMargin> margins,
        double[][] targets,
        RakingTargetKind kind,
        double[] weights
    )
    {
        double worst = 0;
        for (int v = 0; v < margins.Count; v++)
        {
            double[] current = Margin(
                margins[v].Codes,
                targets[v].Length,
                weights,
                out double known
            );
            double scale = kind == RakingTargetKind.Shares ? known : 1;
            for (int c = 0; c < current.Length; c++)
            {
                double wanted = targets[v][c] * scale;
                if (wanted > 0)
                {
                    worst = Math.Max(worst, Math.Abs(current[c] - wanted) / wanted);
                }
            }
        }

        return worst;
    }

    // Checks shapes and ranges up front; returns the targets to use (shares normalized to sum to 1).
    private static double[][] Validate(
        IReadOnlyList<RakingMargin> margins,
        double[]? baseWeights,
        int n,
        RakingTargetKind kind
    )
    {
        if (baseWeights is not null)
        {
            foreach (double w in baseWeights)
            {
                if (!(w >= 0) || double.IsInfinity(w))
                {
                    throw new ArgumentException(
                        "Base weights must be finite and non-negative.",
                        nameof(baseWeights)
                    );
                }
            }
        }

        var targets = new double[margins.Count][];
        for (int v = 0; v < margins.Count; v++)
        {
            RakingMargin margin =
                margins[v] ?? throw new ArgumentException("A margin is null.", nameof(margins));
            ArgumentNullException.ThrowIfNull(margin.Codes, nameof(margins));
            ArgumentNullException.ThrowIfNull(margin.Targets, nameof(margins));
            if (margin.Codes.Length != n)
            {
                throw new ArgumentException(
                    Message(
                        $"Margin '{margin.Name}' has {margin.Codes.Length} codes for {n} respondents."
                    ),
                    nameof(margins)
                );
            }

            double sum = 0;
            foreach (double t in margin.Targets)
            {
                if (!(t >= 0) || double.IsInfinity(t))
                {
                    throw new ArgumentException(
                        Message($"Margin '{margin.Name}' has a negative or non-finite target."),
                        nameof(margins)
                    );
                }

                sum += t;
            }

            foreach (int code in margin.Codes)
            {
                if (code < -1 || code >= margin.Targets.Length)
                {
                    throw new ArgumentException(
                        Message(
                            $"Margin '{margin.Name}' has code {code}; expected -1 (missing) or 0..{margin.Targets.Length - 1}."
                        ),
                        nameof(margins)
                    );
                }
            }

            if (kind == RakingTargetKind.Shares && !(sum > 0))
            {
                throw new ArgumentException(
                    Message($"Margin '{margin.Name}' has shares summing to 0."),
                    nameof(margins)
                );
            }

            targets[v] =
                kind == RakingTargetKind.Shares
                    ? Array.ConvertAll(margin.Targets, t => t / sum)
                    : (double[])margin.Targets.Clone();
        }

        return targets;
    }

    private static string Message(FormattableString message) =>
        message.ToString(CultureInfo.InvariantCulture);
}
