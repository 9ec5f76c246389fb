using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Analysis.Data;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Scoring;

public static partial class SurveyAnalyzer
{
    /// <summary>Rows a bootstrap of the driver shares draws from: beyond it, a fixed subset and a scaled spread.</summary>
    private const int BootstrapRows = 10_000;

    /// <summary>
    /// How precise the drivers' shares are: a bootstrap of the whole driver analysis (resample respondents, correlate
    /// as the analysis did, decompose R² again) gives each share a 95% percentile interval, and says how often the
    /// top driver stays ahead of the second. Three equal drivers once came out 35 / 33 / 32% and the first was
    /// called "the most important" although it led in half of the resamples only.
    /// </summary>
    /// <remarks>
    /// Beyond <see cref="BootstrapRows"/> respondents the resamples are drawn from that many (chosen by response id, as
    /// for the what-if) and each resample's distance from the estimate is scaled by sqrt(rows / respondents): the
    /// spread of a mean-like statistic shrinks with the square root of the sample, and so do correlations.
    /// </remarks>
    /// <returns>Per predictor its interval (in share points), and the share of resamples in which the top stays ahead.</returns>
    private static (Interval[] Shares, double TopAhead) ShareIntervals(
        ResponseTable table,
        PredictorSet set,
        double[] shares,
        AnalysisOptions options
    )
    {
        var p = set.Items.Count;
        var none = (
            Enumerable.Repeat(new Interval(double.NaN, double.NaN), p).ToArray(),
            double.NaN
        );
        var resamples =
            p <= 8 ? options.DriverResamples
            : p <= 12 ? options.DriverResamples / 2
            : options.DriverResamples / 4;
        if (resamples < 20 || p == 0)
        {
            return none;
        }
        var rows = ModelRows(table, options with { MaxModelRows = BootstrapRows });
        var answered = GradeCount(Floats(table.Outcome.Span));
        var scale = Math.Sqrt((double)rows.Length / Math.Max(1, answered));
        var outcome = table.Outcome.Span;
        var y = new float[rows.Length];
        var x = new float[p][];
        for (var r = 0; r < rows.Length; r++)
        {
            y[r] = outcome[rows[r]];
        }
        for (var k = 0; k < p; k++)
        {
            var grades = set.Items[k].Grades.Span;
            x[k] = new float[rows.Length];
            for (var r = 0; r < rows.Length; r++)
            {
                x[k][r] = grades[rows[r]];
            }
        }
        var draws = new double[resamples][];
        System.Threading.Tasks.Parallel.For(
            0,
            resamples,
            b =>
            {
                // One generator per resample, seeded by its number (never HashCode, which differs per process): the
                // same data give the same intervals in every run, on any number of cores.
                var random = new Random(unchecked(options.Seed * 1_000_003 + b));
                var columns = new float[p + 1][];
                for (var c = 0; c <= p; c++)
                {
                    columns[c] = new float[rows.Length];
                }
                for (var r = 0; r < rows.Length; r++)
                {
                    var pick = random.Next(rows.Length);
                    columns[0][r] = y[pick];
                    for (var k = 0; k < p; k++)
                    {
                        columns[k + 1][r] = x[k][pick];
                    }
                }
                var matrix =
                    set.Deletion == MissingDeletion.Pairwise
                        ? PairwiseCorrelation.Compute(
                            columns.Select(c => (ReadOnlyMemory<float>)c).ToArray()
                        )
                        : Correlation.Compute(
                            columns.Select(c => Doubles(c)).ToArray(),
                            MissingDeletion.Listwise
                        );
                if (!Fits(matrix.R))
                {
                    return; // a resample that cannot be decomposed (a constant column) says nothing
                }
                var predictors = PredictorCorrelations.FromMatrix(matrix.R, 0);
                var lmg = Lmg.Compute(predictors.Rxx, predictors.Rxy);
                draws[b] = lmg.R2 > 0 ? lmg.Lmg.Select(v => 100 * v / lmg.R2).ToArray() : null!;
            }
        );
        var valid = draws.Where(d => d is not null).ToArray();
        if (valid.Length < resamples / 2)
        {
            return none;
        }
        var intervals = new Interval[p];
        for (var k = 0; k < p; k++)
        {
            var values = valid
                .Select(d => shares[k] + (d[k] - shares[k]) * scale)
                .Order()
                .ToArray();
            intervals[k] = new Interval(
                Percentile(values, 0.025),
                Percentile(values, 0.975)
            ).Including(shares[k]);
        }
        var order = Enumerable.Range(0, p).OrderByDescending(k => shares[k]).ToArray();
        if (p < 2)
        {
            return (intervals, 1);
        }
        var (top, second) = (order[0], order[1]);
        var gap = shares[top] - shares[second];
        var ahead = valid.Count(d => gap + (d[top] - d[second] - gap) * scale > 0);
        return (intervals, (double)ahead / valid.Length);
    }

    /// <summary>The <paramref name="q"/> quantile of sorted values, interpolated (R's type 7).</summary>
    private static double Percentile(double[] sorted, double q)
    {
        var at = q * (sorted.Length - 1);
        var low = (int)Math.Floor(at);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (at - low) * (sorted[high] - sorted[low]);
    }
}
