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
    /// beside it, on the predictors <see cref="Predictors"/> chose (pairwise deletion unless it had to be listwise).
    /// The overall F-test and R² decide whether the model says enough to name a driver.
    /// </summary>
    private static DriverSummary? Drivers(
        ResponseTable table,
        PredictorSet? set,
        AnalysisOptions options,
        List<AnalysisNote> notes
    )
    {
        if (set is null)
        {
            return null;
        }
        var plan = table.Plan;
        if (set.Items.Count > Lmg.MaxPredictors)
        {
            notes.Add(AnalysisNote.Of("drivers_too_many", set.Items.Count, Lmg.MaxPredictors));
            return null;
        }
        var predictors = PredictorCorrelations.FromMatrix(set.Matrix.R, 0);
        var lmg = Lmg.Compute(predictors.Rxx, predictors.Rxy);
        var weights = RelativeWeights.Compute(predictors.Rxx, predictors.Rxy);
        var shares = lmg.Lmg.Select(v => lmg.R2 > 0 ? 100 * v / lmg.R2 : 0).ToArray();
        var (intervals, topAhead) = ShareIntervals(table, set, shares, options);
        var items = new List<DriverImportance>();
        for (var k = 0; k < set.Items.Count; k++)
        {
            var members = set.Items[k].Drivers;
            var driver = plan.Drivers[members[0]];
            var r = predictors.Rxy[k];
            items.Add(
                new DriverImportance(
                    driver.Id,
                    driver.Label,
                    lmg.Lmg[k],
                    shares[k],
                    lmg.Beta[k] < 0 ? -1 : 1,
                    weights.Weights[k],
                    r,
                    Correlation.PValue(r, set.Matrix.N[0][k + 1]),
                    members.Skip(1).Select(m => plan.Drivers[m].Id).ToArray()
                )
                {
                    ShareCi95 = intervals[k],
                }
            );
        }
        var n = set.N;
        var p = FDistribution.RegressionP(lmg.R2, set.Items.Count, n);
        var informative = lmg.R2 >= options.MinDriverR2 && p < options.Alpha;
        if (!informative)
        {
            notes.Add(
                AnalysisNote.Of(
                    "drivers_weak",
                    new NoteNumber(lmg.R2, 2),
                    new NoteNumber(options.MinDriverR2, 2)
                )
            );
        }
        var performance = set
            .Items.Select(i =>
                Relative(Mean(table.Drivers[i.Drivers[0]].Span), plan.Drivers[i.Drivers[0]])
            )
            .Average();
        return new DriverSummary(
            lmg.R2,
            set.Deletion == MissingDeletion.Pairwise ? "pairwise" : "listwise",
            n,
            items.OrderByDescending(i => i.Lmg).ToArray(),
            100.0 / set.Items.Count,
            performance,
            p,
            informative
        )
        {
            TopAhead = topAhead,
        };
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
                    // No quadrant, so no place in the priority list, from a model that explains too little, or for a
                    // touchpoint whose grade goes against loyalty once the others are equal (overlap, not a lever).
                    importance is null
                    || drivers is not { Informative: true }
                    || importance.Sign < 0
                        ? Quadrants.Unknown
                        : Quadrant(importance.SharePercent, Relative(mean, driver), drivers)
                )
                {
                    AnalysedWith = drivers
                        ?.Items.FirstOrDefault(i => i.Also.Contains(driver.Id))
                        ?.Id,
                }
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
    /// The priority list, by the one rule the quadrants, the list and the key findings share (docs/analysis.md): the
    /// quadrant comes first (concentrate here, then keep up, then low priority, then possible overkill), and within a
    /// quadrant the score: importance (share of the explained variance) times the room left to improve (headroom on
    /// the scale) plus how far behind competitors respondents see us. The first priority is the top of this list when
    /// it is in "concentrate here"; otherwise nothing is both important and lagging, and the report says so.
    /// </summary>
    private static List<PriorityItem> Priorities(List<TouchpointSummary> touchpoints) =>
        touchpoints
            .Where(t => t.Quadrant != Quadrants.Unknown && t.N > 0)
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
            .OrderBy(p => QuadrantRank(p.Quadrant))
            .ThenByDescending(p => p.Score)
            .ToList();

    /// <summary>The order of the quadrants in the priority list.</summary>
    internal static int QuadrantRank(string quadrant) =>
        quadrant switch
        {
            Quadrants.Concentrate => 0,
            Quadrants.KeepUp => 1,
            Quadrants.LowPriority => 2,
            Quadrants.Overkill => 3,
            _ => 4,
        };

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
