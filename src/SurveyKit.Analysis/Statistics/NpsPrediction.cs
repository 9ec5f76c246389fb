using System;
using SurveyKit.Core.Model;

namespace SurveyKit.Analysis.Statistics;

/// <summary>
/// The NPS a proportional-odds model of the NPS classes predicts, and how it changes when one predictor moves, with
/// the standard error of that change by the delta method. With the classes in order, P(detractor) = σ(θ_lo - η) when
/// the lowest category is the detractors, and P(promoter) = σ(η - θ_hi) when the highest is the promoters, so a model of
/// two classes (one class empty) predicts the NPS too.
/// </summary>
internal sealed class NpsPrediction(
    OrdinalLogitResult model,
    bool topIsPromoter,
    bool bottomIsDetractor
)
{
    private readonly double low = model.Thresholds[0];
    private readonly double high = model.Thresholds[^1];
    private readonly double promoter = topIsPromoter ? 1 : 0;
    private readonly double detractor = bottomIsDetractor ? 1 : 0;

    /// <summary>The mean predicted NPS (-1..1) over rows with linear predictors <paramref name="eta"/>.</summary>
    public double Mean(double[] eta)
    {
        double sum = 0;
        foreach (var e in eta)
        {
            sum += At(e).Nps;
        }
        return sum / eta.Length;
    }

    /// <summary>
    /// The change in mean predicted NPS (-1..1) when every graded value of predictor <paramref name="k"/> moves by
    /// <paramref name="delta"/> (kept on the scale), and its standard error: sqrt(∇c' Σ ∇c), with ∇c the gradient of the
    /// change in (θ, β) and Σ the model's covariance.
    /// </summary>
    public (double Change, double StandardError) Change(
        double[] eta,
        double[][] columns,
        int k,
        bool[] graded,
        int delta,
        Scale scale
    )
    {
        var thresholds = model.Thresholds.Length;
        var p = model.Beta.Length;
        var gradient = new double[thresholds + p];
        var beta = model.Beta[k];
        var column = columns[k];
        double sum = 0;
        for (var r = 0; r < eta.Length; r++)
        {
            if (!graded[r])
            {
                continue;
            }
            var shift = Math.Clamp(column[r] + delta, scale.Min, scale.Max) - column[r];
            if (shift == 0)
            {
                continue;
            }
            var before = At(eta[r]);
            var after = At(eta[r] + beta * shift);
            sum += after.Nps - before.Nps;
            gradient[0] += after.ByLow - before.ByLow;
            gradient[thresholds - 1] += after.ByHigh - before.ByHigh;
            var slope = after.ByEta - before.ByEta;
            for (var j = 0; j < p; j++)
            {
                gradient[thresholds + j] += slope * columns[j][r];
            }
            gradient[thresholds + k] += after.ByEta * shift;
        }
        var n = eta.Length;
        var covariance = model.Covariance!;
        double variance = 0;
        for (var i = 0; i < gradient.Length; i++)
        {
            for (var j = 0; j < gradient.Length; j++)
            {
                variance += gradient[i] / n * covariance[i][j] * gradient[j] / n;
            }
        }
        return (sum / n, Math.Sqrt(Math.Max(0, variance)));
    }

    /// <summary>The predicted NPS of one row and its derivatives by η, θ_lo and θ_hi.</summary>
    private (double Nps, double ByEta, double ByLow, double ByHigh) At(double eta)
    {
        var up = OrdinalLogit.Logistic(eta - high);
        var down = OrdinalLogit.Logistic(low - eta);
        var upSlope = promoter * up * (1 - up);
        var downSlope = detractor * down * (1 - down);
        return (promoter * up - detractor * down, upSlope + downSlope, -downSlope, -upSlope);
    }
}
