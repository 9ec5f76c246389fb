using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Analysis.Data;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Scoring;

public static partial class SurveyAnalyzer
{
    /// <summary>The quadrant names of summary.json, after Martilla and James (1977).</summary>
    public static class Quadrants
    {
        public const string Concentrate = "concentrate";
        public const string KeepUp = "keep_up";
        public const string LowPriority = "low_priority";
        public const string Overkill = "overkill";
        public const string Unknown = "";
    }

    /// <summary>
    /// Key drivers of the outcome (0..10) by Shapley/LMG, with Johnson's relative weights and plain correlations
    /// beside it. Not applicable and unanswered grades are left out pairwise (a respondent without a store still
    /// tells us about delivery); when that gives a correlation matrix that is not positive definite, listwise.
    /// </summary>
    private static DriverSummary? Drivers(
        ResponseTable table,
        AnalysisOptions options,
        List<string> notes
    )
    {
        var plan = table.Plan;
        var used = UsableDrivers(table, options);
        foreach (var d in Enumerable.Range(0, plan.Drivers.Count).Except(used))
        {
            notes.Add(
                GradeCount(table.Drivers[d].Span) < options.MinDriverN
                    ? $"drivers: '{plan.Drivers[d].Id}' has fewer than {options.MinDriverN} grades and is left out"
                    : $"drivers: everyone gave '{plan.Drivers[d].Id}' the same grade, so it cannot explain differences and is left out"
            );
        }
        if (used.Length == 0 || used.Length > 15 || table.Count < options.MinDriverN)
        {
            if (used.Length > 15)
            {
                notes.Add(
                    "drivers: more than 15 drivers; the Shapley decomposition is not computed"
                );
            }
            return null;
        }
        var deletion = MissingDeletion.Pairwise;
        var matrix = PairwiseCorrelation.Compute([
            Floats(table.Outcome.Span),
            .. used.Select(d => table.Drivers[d].Memory),
        ]);
        if (!Matrix.IsPositiveDefinite(matrix.R) || HasNaN(matrix.R))
        {
            deletion = MissingDeletion.Listwise;
            var columns = new List<double[]> { Doubles(Floats(table.Outcome.Span)) };
            columns.AddRange(used.Select(d => Doubles(table.Drivers[d].Span.ToArray())));
            matrix = Correlation.Compute(columns, deletion);
        }
        if (HasNaN(matrix.R) || !Matrix.IsPositiveDefinite(matrix.R))
        {
            notes.Add("drivers: the grades do not vary enough to estimate their influence");
            return null;
        }
        var predictors = PredictorCorrelations.FromMatrix(matrix.R, 0);
        var lmg = Lmg.Compute(predictors.Rxx, predictors.Rxy);
        var weights = RelativeWeights.Compute(predictors.Rxx, predictors.Rxy);
        var items = new List<DriverImportance>();
        for (var k = 0; k < used.Length; k++)
        {
            var driver = plan.Drivers[used[k]];
            var r = predictors.Rxy[k];
            var pairs = matrix.N[0][k + 1];
            items.Add(
                new DriverImportance(
                    driver.Id,
                    driver.Label,
                    lmg.Lmg[k],
                    lmg.R2 > 0 ? 100 * lmg.Lmg[k] / lmg.R2 : 0,
                    lmg.Beta[k] < 0 ? -1 : 1,
                    weights.Weights[k],
                    r,
                    Correlation.PValue(r, pairs)
                )
            );
        }
        var n =
            deletion == MissingDeletion.Listwise
                ? matrix.N[0][0]
                : matrix.N.SelectMany(row => row).Min();
        var performance = used.Select(d => Relative(Mean(table.Drivers[d].Span), plan.Drivers[d]))
            .Average();
        return new DriverSummary(
            lmg.R2,
            deletion == MissingDeletion.Pairwise ? "pairwise" : "listwise",
            n,
            items.OrderByDescending(i => i.Lmg).ToArray(),
            100.0 / used.Length,
            performance
        );
    }

    private static List<TouchpointSummary> Touchpoints(ResponseTable table, DriverSummary? drivers)
    {
        var plan = table.Plan;
        var outcome = table.Outcome.Span;
        var result = new List<TouchpointSummary>();
        for (var d = 0; d < plan.Drivers.Count; d++)
        {
            var driver = plan.Drivers[d];
            var grades = table.Drivers[d].Span;
            var scale = driver.Scale;
            var distribution = new int[scale.Points];
            var byGrade = new double[scale.Points, 3];
            int n = 0,
                na = 0,
                unanswered = 0;
            double sum = 0;
            for (var i = 0; i < grades.Length; i++)
            {
                var grade = grades[i];
                if (float.IsNaN(grade))
                {
                    unanswered++;
                    continue;
                }
                if (!float.IsFinite(grade))
                {
                    na++;
                    continue;
                }
                n++;
                sum += grade;
                var point = (int)grade - scale.Min;
                distribution[point]++;
                if (outcome[i] >= 0)
                {
                    byGrade[point, (int)NpsCounts.Classify(outcome[i])]++;
                }
            }
            var levels = new List<GradeLevel>();
            for (var p = 0; p < scale.Points; p++)
            {
                var counts = new NpsCounts(byGrade[p, 0], byGrade[p, 1], byGrade[p, 2]);
                if (counts.N > 0)
                {
                    levels.Add(new GradeLevel(scale.Min + p, (int)counts.N, counts.Nps * 100));
                }
            }
            var topTwo =
                n == 0
                    ? double.NaN
                    : (double)(distribution[^1] + (distribution.Length > 1 ? distribution[^2] : 0))
                        / n;
            var importance = drivers?.Items.FirstOrDefault(i => i.Id == driver.Id);
            var mean = n == 0 ? double.NaN : sum / n;
            result.Add(
                new TouchpointSummary(
                    driver,
                    mean,
                    n,
                    na,
                    unanswered,
                    distribution,
                    topTwo,
                    levels,
                    Comparison(table, d),
                    importance?.Lmg ?? double.NaN,
                    importance?.SharePercent ?? double.NaN,
                    importance is null || drivers is null
                        ? Quadrants.Unknown
                        : Quadrant(importance.SharePercent, Relative(mean, driver), drivers)
                )
            );
        }
        return result;
    }

    /// <summary>
    /// The crosshair is the data mean on both axes: the average share of importance (100 / drivers) and the average
    /// performance of the drivers on their scale. Above-average importance with below-average performance is where to
    /// concentrate.
    /// </summary>
    internal static string Quadrant(double sharePercent, double performance, DriverSummary drivers)
    {
        var important = sharePercent >= drivers.ImportanceCrosshair;
        var performing = performance >= drivers.PerformanceCrosshair;
        return (important, performing) switch
        {
            (true, false) => Quadrants.Concentrate,
            (true, true) => Quadrants.KeepUp,
            (false, false) => Quadrants.LowPriority,
            _ => Quadrants.Overkill,
        };
    }

    /// <summary>
    /// The priority list: importance (share of the explained variance) times the room left to improve (headroom on
    /// the scale) plus how far behind competitors respondents see us (worse minus better, when compared). A
    /// touchpoint that matters, scores low and sets us back against competitors comes first.
    /// </summary>
    private static List<PriorityItem> Priorities(List<TouchpointSummary> touchpoints) =>
        touchpoints
            .Where(t => !double.IsNaN(t.SharePercent) && t.N > 0)
            .Select(t =>
            {
                var headroom = 1 - Relative(t.Mean, t.Driver);
                var gap = t.Comparison is { N: > 0 } c ? -c.Net : 0;
                var score = t.SharePercent * (headroom + Math.Max(gap, 0));
                return new PriorityItem(
                    t.Driver.Id,
                    t.Driver.Label,
                    score,
                    t.SharePercent,
                    headroom,
                    gap,
                    t.Quadrant
                );
            })
            .OrderByDescending(p => p.Score)
            .ToList();

    private static ComparisonCounts? Comparison(ResponseTable table, int d)
    {
        if (table.Compare[d] is not { } column)
        {
            return null;
        }
        var counts = new int[3];
        foreach (var c in column.Span)
        {
            if (c >= 0)
            {
                counts[c]++;
            }
        }
        return new ComparisonCounts(counts[0], counts[1], counts[2]);
    }

    /// <summary>A mean grade as a share of its scale: 0 at the lowest grade, 1 at the highest.</summary>
    internal static double Relative(double mean, DriverColumn driver) =>
        (mean - driver.Scale.Min) / Math.Max(1, driver.Scale.Max - driver.Scale.Min);

    internal static double Mean(ReadOnlySpan<float> grades)
    {
        double sum = 0;
        var n = 0;
        foreach (var grade in grades)
        {
            if (float.IsFinite(grade))
            {
                sum += grade;
                n++;
            }
        }
        return n == 0 ? double.NaN : sum / n;
    }

    private static int GradeCount(ReadOnlySpan<float> grades)
    {
        var n = 0;
        foreach (var grade in grades)
        {
            if (float.IsFinite(grade))
            {
                n++;
            }
        }
        return n;
    }

    /// <summary>
    /// The drivers that can take part in the driver analysis and the what-if model: enough grades, and not all the
    /// same grade (a constant grade explains nothing and makes the model unsolvable). One rule for both.
    /// </summary>
    private static int[] UsableDrivers(ResponseTable table, AnalysisOptions options) =>
        Enumerable
            .Range(0, table.Plan.Drivers.Count)
            .Where(d =>
                GradeCount(table.Drivers[d].Span) >= options.MinDriverN
                && Varies(table.Drivers[d].Span)
            )
            .ToArray();

    private static double[] Doubles(float[] grades)
    {
        var values = new double[grades.Length];
        for (var i = 0; i < grades.Length; i++)
        {
            values[i] = float.IsFinite(grades[i]) ? grades[i] : double.NaN;
        }
        return values;
    }

    /// <summary>The outcome as grades: NaN when not answered.</summary>
    private static float[] Floats(ReadOnlySpan<sbyte> scores)
    {
        var values = new float[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            values[i] = scores[i] >= 0 ? scores[i] : float.NaN;
        }
        return values;
    }

    private static bool HasNaN(double[][] matrix) => matrix.Any(row => row.Any(double.IsNaN));
}
