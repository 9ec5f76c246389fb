using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SurveyKit.Analysis.Data;
using SurveyKit.Analysis.Statistics;
using SurveyKit.Core.Model;

namespace SurveyKit.Analysis.Scoring;

public static partial class SurveyAnalyzer
{
    /// <summary>A period needs this many responses before its driver shares are shown.</summary>
    internal const int MinDriverPeriod = 100;

    /// <summary>
    /// The trend: the responses into periods (month, quarter, week, version or wave), per period the NPS with its
    /// interval, the touchpoint means, the segments and (where a period says enough) the drivers, and every change from
    /// one period to the next tested as the segments are (Rocks' adjusted test, both periods at least
    /// <see cref="AnalysisOptions.MinGroupN"/>, Holm's correction over all those changes).
    /// </summary>
    private static TrendSummary? Trend(
        ResponseTable table,
        PredictorSet? predictors,
        TrendPeriods? split,
        AnalysisOptions options
    )
    {
        if (split is not { } found)
        {
            return null;
        }
        var (by, keys, periodOf) = (found.By, found.Keys, found.PeriodOf);
        var outcome = table.Outcome.Span;
        var counts = new double[keys.Count, 3];
        long undated = 0;
        for (var i = 0; i < outcome.Length; i++)
        {
            if (periodOf[i] < 0)
            {
                undated++;
            }
            else if (outcome[i] >= 0)
            {
                counts[periodOf[i], (int)NpsCounts.Classify(outcome[i])]++;
            }
        }
        var nps = Enumerable
            .Range(0, keys.Count)
            .Select(p =>
                NpsSummary.Of(new NpsCounts(counts[p, 0], counts[p, 1], counts[p, 2]), options)
            )
            .ToArray();
        // The changes from the previous period are one family for Holm's correction, the changes from the first
        // another: each family answers its own question, and only the first gives key findings.
        var previous = Changes(nps, p => p - 1, options);
        var fromFirst = Changes(nps, _ => 0, options);
        var touchpoints = TouchpointTrend(table, keys.Count, periodOf, options);
        var segments = SegmentTrend(table, keys.Count, periodOf);
        var periods = new List<TrendPeriod>();
        for (var p = 0; p < keys.Count; p++)
        {
            periods.Add(
                new TrendPeriod(
                    keys[p],
                    nps[p],
                    previous[p],
                    fromFirst[p],
                    touchpoints[p],
                    segments[p],
                    PeriodDrivers(table, predictors, periodOf, p, nps[p].N, options)
                )
            );
        }
        var tested = previous.Count(c => c is not null);
        return new TrendSummary(by, periods, undated, tested);
    }

    /// <summary>
    /// Each period (from the second) against the period <paramref name="other"/> names, by Rocks' adjusted test when
    /// both have at least <see cref="AnalysisOptions.MinGroupN"/> responses, Holm-corrected over the tests made.
    /// </summary>
    private static GroupComparison?[] Changes(
        NpsSummary[] nps,
        Func<int, int> other,
        AnalysisOptions options
    )
    {
        var tests = new List<(int Period, NpsDifference Test)>();
        for (var p = 1; p < nps.Length; p++)
        {
            var o = other(p);
            if (nps[p].N >= options.MinGroupN && nps[o].N >= options.MinGroupN)
            {
                tests.Add(
                    (
                        p,
                        NpsComparison.Compare(
                            nps[p].Counts,
                            nps[o].Counts,
                            true,
                            options.Confidence
                        )
                    )
                );
            }
        }
        var adjusted = Holm(tests.Select((t, i) => (i, t.Test.P)).ToList());
        var result = new GroupComparison?[nps.Length];
        for (var i = 0; i < tests.Count; i++)
        {
            var (p, test) = tests[i];
            result[p] = Comparison(nps[p], nps[other(p)], test, adjusted[i], i, options);
        }
        return result;
    }

    /// <summary>
    /// The periods of the trend (and of the roll-up per account): how they are made, their keys in time order, and
    /// each response's period (-1: none); null when there is no trend.
    /// </summary>
    private static TrendPeriods? SplitPeriods(ResponseTable table, AnalysisOptions options)
    {
        var by = options.By == TrendBy.Auto ? AutoBy(table) : options.By;
        if (by == TrendBy.None || (by == TrendBy.Wave && table.Plan.Wave is null))
        {
            return null;
        }
        var (keys, periodOf) = Periods(table, by);
        return keys.Count == 0 ? null : new TrendPeriods(by, keys, periodOf);
    }

    /// <summary>The periods: how they are made, their keys in time order, each response's period (-1: none).</summary>
    private sealed record TrendPeriods(TrendBy By, List<string> Keys, int[] PeriodOf);

    /// <summary>By quarter when the submissions span more than one quarter; else no trend.</summary>
    private static TrendBy AutoBy(ResponseTable table) =>
        table.FirstSubmitted is { } first
        && table.LastSubmitted is { } last
        && Quarter(first.UtcDateTime) != Quarter(last.UtcDateTime)
            ? TrendBy.Quarter
            : TrendBy.None;

    private static string Quarter(DateTime date) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{date.Year:0000}-Q{(date.Month - 1) / 3 + 1}"
        );

    /// <summary>The periods in time order and each response's period (-1: none).</summary>
    private static (List<string> Keys, int[] PeriodOf) Periods(ResponseTable table, TrendBy by)
    {
        var n = table.Count;
        var periodOf = new int[n];
        var submitted = table.Submitted.Span;
        if (by is TrendBy.Version)
        {
            var versions = table.VersionCounts.Keys.ToList();
            var rows = table.Versions.Span;
            for (var i = 0; i < n; i++)
            {
                periodOf[i] = versions.IndexOf(rows[i]);
            }
            return (
                versions.Select(v => "v" + v.ToString(CultureInfo.InvariantCulture)).ToList(),
                periodOf
            );
        }
        if (by is TrendBy.Wave)
        {
            // Waves in the order they started: the earliest submission of each.
            var waves = table.Waves.Span;
            var start = new long[table.WaveValues.Count];
            Array.Fill(start, long.MaxValue);
            for (var i = 0; i < n; i++)
            {
                if (waves[i] >= 0 && submitted[i] != long.MinValue)
                {
                    start[waves[i]] = Math.Min(start[waves[i]], submitted[i]);
                }
            }
            var order = Enumerable
                .Range(0, table.WaveValues.Count)
                .OrderBy(w => start[w])
                .ThenBy(w => table.WaveValues[w], StringComparer.Ordinal)
                .ToArray();
            var rank = new int[order.Length];
            for (var r = 0; r < order.Length; r++)
            {
                rank[order[r]] = r;
            }
            for (var i = 0; i < n; i++)
            {
                periodOf[i] = waves[i] >= 0 ? rank[waves[i]] : -1;
            }
            return (order.Select(w => table.WaveValues[w]).ToList(), periodOf);
        }
        // Calendar periods: the key of each distinct day is computed once (a million responses fall on a few hundred
        // days), then the keys are sorted, which is time order for these ISO-style keys.
        var dayKeys = new Dictionary<long, string>();
        var keyOf = new string?[n];
        for (var i = 0; i < n; i++)
        {
            if (submitted[i] == long.MinValue)
            {
                continue;
            }
            var day = submitted[i] / TimeSpan.TicksPerDay;
            if (!dayKeys.TryGetValue(day, out var key))
            {
                var date = new DateTime(day * TimeSpan.TicksPerDay, DateTimeKind.Utc);
                key = by switch
                {
                    TrendBy.Month => string.Create(
                        CultureInfo.InvariantCulture,
                        $"{date.Year:0000}-{date.Month:00}"
                    ),
                    TrendBy.Week => string.Create(
                        CultureInfo.InvariantCulture,
                        $"{ISOWeek.GetYear(date):0000}-W{ISOWeek.GetWeekOfYear(date):00}"
                    ),
                    _ => Quarter(date),
                };
                dayKeys[day] = key;
            }
            keyOf[i] = key;
        }
        var keys = dayKeys.Values.Distinct().Order(StringComparer.Ordinal).ToList();
        var index = keys.Select((k, i) => (k, i))
            .ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            periodOf[i] = keyOf[i] is { } key ? index[key] : -1;
        }
        return (keys, periodOf);
    }

    /// <summary>
    /// Per period and touchpoint: the mean grade and n, and the change from the previous period with Welch's test when
    /// both periods have at least <see cref="AnalysisOptions.MinGroupN"/> grades, Holm-corrected over every such change
    /// of the trend.
    /// </summary>
    private static List<TrendTouchpoint>[] TouchpointTrend(
        ResponseTable table,
        int periods,
        int[] periodOf,
        AnalysisOptions options
    )
    {
        var drivers = table.Plan.Drivers;
        var n = new double[periods, drivers.Count];
        var sum = new double[periods, drivers.Count];
        var squares = new double[periods, drivers.Count];
        for (var d = 0; d < drivers.Count; d++)
        {
            var grades = table.Drivers[d].Span;
            for (var i = 0; i < grades.Length; i++)
            {
                var p = periodOf[i];
                if (p >= 0 && float.IsFinite(grades[i]))
                {
                    n[p, d]++;
                    sum[p, d] += grades[i];
                    squares[p, d] += (double)grades[i] * grades[i];
                }
            }
        }
        var raw = new double[periods, drivers.Count];
        var tests = new List<(int Family, double P)>();
        for (var p = 0; p < periods; p++)
        {
            for (var d = 0; d < drivers.Count; d++)
            {
                var tested =
                    p > 0 && n[p, d] >= options.MinGroupN && n[p - 1, d] >= options.MinGroupN;
                raw[p, d] = tested
                    ? WelchTest.P(
                        n[p - 1, d],
                        sum[p - 1, d],
                        squares[p - 1, d],
                        n[p, d],
                        sum[p, d],
                        squares[p, d]
                    )
                    : double.NaN;
                if (double.IsFinite(raw[p, d]))
                {
                    tests.Add((p * drivers.Count + d, raw[p, d]));
                }
            }
        }
        var holm = Holm(tests);
        var adjusted = tests
            .Select((t, i) => (t.Family, P: holm[i]))
            .ToDictionary(t => t.Family, t => t.P);
        var result = new List<TrendTouchpoint>[periods];
        for (var p = 0; p < periods; p++)
        {
            result[p] = [];
            for (var d = 0; d < drivers.Count; d++)
            {
                var tested = double.IsFinite(raw[p, d]);
                var padj = adjusted.GetValueOrDefault(p * drivers.Count + d, double.NaN);
                result[p]
                    .Add(
                        new TrendTouchpoint(
                            drivers[d].Id,
                            n[p, d] > 0 ? sum[p, d] / n[p, d] : double.NaN,
                            (int)n[p, d],
                            MeanInterval(
                                n[p, d],
                                sum[p, d],
                                squares[p, d],
                                drivers[d].Scale,
                                options.Confidence
                            ),
                            tested ? sum[p, d] / n[p, d] - sum[p - 1, d] / n[p - 1, d] : double.NaN,
                            raw[p, d],
                            padj,
                            padj < options.Alpha
                        )
                    );
            }
        }
        return result;
    }

    /// <summary>The t interval of a mean from its n, sum and sum of squares, cut to the scale.</summary>
    private static Interval MeanInterval(
        double n,
        double sum,
        double squares,
        Scale scale,
        double confidence
    )
    {
        if (n < 2)
        {
            return new Interval(double.NaN, double.NaN);
        }
        var mean = sum / n;
        var variance = Math.Max(0, (squares - n * mean * mean) / (n - 1));
        var half = StudentT.Quantile(0.5 + confidence / 2, n - 1) * Math.Sqrt(variance / n);
        return Interval.Clamped(mean - half, mean + half, scale.Min, scale.Max);
    }

    /// <summary>Per period and segment value: the NPS and n.</summary>
    private static List<TrendSegment>[] SegmentTrend(
        ResponseTable table,
        int periods,
        int[] periodOf
    )
    {
        var outcome = table.Outcome.Span;
        var result = new List<TrendSegment>[periods];
        for (var p = 0; p < periods; p++)
        {
            result[p] = [];
        }
        for (var s = 0; s < table.Plan.Segments.Count; s++)
        {
            var codes = table.Segments[s].Span;
            var values = table.SegmentValues[s];
            var counts = new double[periods, values.Count, 3];
            for (var i = 0; i < outcome.Length; i++)
            {
                if (periodOf[i] >= 0 && codes[i] >= 0 && outcome[i] >= 0)
                {
                    counts[periodOf[i], codes[i], (int)NpsCounts.Classify(outcome[i])]++;
                }
            }
            for (var p = 0; p < periods; p++)
            {
                for (var v = 0; v < values.Count; v++)
                {
                    var c = new NpsCounts(counts[p, v, 0], counts[p, v, 1], counts[p, v, 2]);
                    result[p]
                        .Add(
                            new TrendSegment(
                                table.Plan.Segments[s].Id,
                                values[v],
                                c.N > 0 ? c.Nps * 100 : double.NaN,
                                (int)c.N
                            )
                        );
                }
            }
        }
        return result;
    }

    /// <summary>
    /// The drivers' shares in one period, on the predictors of the whole analysis, when the period has enough responses
    /// and its own model says enough (the same rule as the whole: R² and the F-test); null otherwise.
    /// </summary>
    private static Dictionary<string, double>? PeriodDrivers(
        ResponseTable table,
        PredictorSet? set,
        int[] periodOf,
        int period,
        int n,
        AnalysisOptions options
    )
    {
        if (set is null || n < MinDriverPeriod || set.Items.Count > Lmg.MaxPredictors)
        {
            return null;
        }
        var rows = Enumerable.Range(0, periodOf.Length).Where(i => periodOf[i] == period).ToArray();
        var outcome = table.Outcome.Span;
        var columns = new float[set.Items.Count + 1][];
        columns[0] = new float[rows.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            columns[0][r] = outcome[rows[r]] >= 0 ? outcome[rows[r]] : float.NaN;
        }
        for (var k = 0; k < set.Items.Count; k++)
        {
            var grades = set.Items[k].Grades.Span;
            columns[k + 1] = new float[rows.Length];
            for (var r = 0; r < rows.Length; r++)
            {
                columns[k + 1][r] = grades[rows[r]];
            }
        }
        var matrix = PairwiseCorrelation.Compute(
            columns.Select(c => (ReadOnlyMemory<float>)c).ToArray()
        );
        if (!Fits(matrix.R))
        {
            return null;
        }
        var predictors = PredictorCorrelations.FromMatrix(matrix.R, 0);
        var lmg = Lmg.Compute(predictors.Rxx, predictors.Rxy);
        var smallest = matrix.N.SelectMany(row => row).Min();
        var p = FDistribution.RegressionP(lmg.R2, set.Items.Count, smallest);
        if (lmg.R2 < options.MinDriverR2 || !(p < options.Alpha))
        {
            return null;
        }
        return Enumerable
            .Range(0, set.Items.Count)
            .ToDictionary(
                k => table.Plan.Drivers[set.Items[k].Drivers[0]].Id,
                k => 100 * lmg.Lmg[k] / lmg.R2
            );
    }
}
