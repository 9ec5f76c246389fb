using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Analysis.Data;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Scoring;

/// <summary>
/// Scores a <see cref="ResponseTable"/>: NPS with its interval, the weighted NPS, segments, touchpoints, key drivers,
/// importance-performance quadrants, what-if, satisfaction x loyalty, the priority list, complaint handling and data
/// quality. Each part is a partial file; the statistics themselves live in <c>Statistics/</c>.
/// </summary>
public static partial class SurveyAnalyzer
{
    /// <summary>Analyzes <paramref name="table"/>.</summary>
    public static AnalysisResult Analyze(ResponseTable table, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new AnalysisOptions();
        var notes = new List<string>();
        // The parts read the table and nothing else, so they run side by side; notes are collected per part and
        // joined in a fixed order, so a report never depends on which part finished first.
        System.Threading.Tasks.Task<T> Timed<T>(
            string part,
            Func<List<string>, T> compute,
            List<string> partNotes
        ) =>
            System.Threading.Tasks.Task.Run(() =>
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var value = compute(partNotes);
                options.Timing?.Invoke(part, clock.Elapsed);
                return value;
            });
        var nps = NpsSummary.Of(Counts(table.Outcome.Span, static _ => true), options);
        var (weightingNotes, driverNotes, whatIfNotes) = (
            new List<string>(),
            new List<string>(),
            new List<string>()
        );
        var weighting = Timed("weighting", n => Weighted(table, options, n), weightingNotes);
        var segmentsTask = Timed("segments", _ => Segments(table, options), []);
        var driversTask = Timed("drivers", n => Drivers(table, options, n), driverNotes);
        var whatIfTask = Timed("what-if", n => WhatIf(table, nps, options, n), whatIfNotes);
        var qualityTask = Timed("quality", _ => Quality(table), []);
        var (weighted, rowWeights) = weighting.GetAwaiter().GetResult();
        var segments = segmentsTask.GetAwaiter().GetResult();
        var drivers = driversTask.GetAwaiter().GetResult();
        var touchpoints = Touchpoints(table, drivers);
        var whatIf = whatIfTask.GetAwaiter().GetResult();
        var quality = qualityTask.GetAwaiter().GetResult();
        notes.AddRange(weightingNotes.Concat(driverNotes).Concat(whatIfNotes));
        return new AnalysisResult(
            table.Plan.Survey,
            table,
            options,
            nps,
            weighted,
            segments,
            touchpoints,
            drivers,
            whatIf,
            SatisfactionLoyalty(table),
            Priorities(touchpoints),
            Complaints(table, segments, options),
            quality,
            notes
        )
        {
            RowWeights = rowWeights,
        };
    }

    /// <summary>The NPS classes of the rows <paramref name="include"/> accepts (unanswered outcomes never count).</summary>
    internal static NpsCounts Counts(ReadOnlySpan<sbyte> outcome, Func<int, bool> include)
    {
        double detractors = 0,
            passives = 0,
            promoters = 0;
        for (var i = 0; i < outcome.Length; i++)
        {
            var score = outcome[i];
            if (score < 0 || !include(i))
            {
                continue;
            }
            switch (NpsCounts.Classify(score))
            {
                case NpsClass.Detractor:
                    detractors++;
                    break;
                case NpsClass.Passive:
                    passives++;
                    break;
                default:
                    promoters++;
                    break;
            }
        }
        return new NpsCounts(detractors, passives, promoters);
    }

    private static (WeightedSummary?, double[]?) Weighted(
        ResponseTable table,
        AnalysisOptions options,
        List<string> notes
    )
    {
        var targets = table.Plan.Survey.Analysis?.Weights ?? default;
        if (targets.Count == 0)
        {
            return (null, null);
        }
        var margins = new List<RakingMargin>();
        foreach (var target in targets)
        {
            var segment = IndexOf(table.Plan.Segments, s => s.Id == target.Variable.Id);
            var values = table.SegmentValues[segment];
            var shares = values
                .Select(v => target.Shares.FirstOrDefault(s => s.Value == v)?.Share ?? 0)
                .ToArray();
            margins.Add(
                new RakingMargin(target.Variable.Id, table.Segments[segment].Span.ToArray(), shares)
            );
        }
        var raked = Raking.Rake(
            margins,
            null,
            new RakingOptions { TargetKind = RakingTargetKind.Shares }
        );
        if (!raked.Succeeded)
        {
            notes.Add("weighting: " + raked.Failure);
            return (null, null);
        }
        var outcome = table.Outcome.Span;
        var scores = new List<double>(outcome.Length);
        var weights = new List<double>(outcome.Length);
        for (var i = 0; i < outcome.Length; i++)
        {
            if (outcome[i] >= 0)
            {
                scores.Add(NpsCounts.ClassScore(NpsCounts.Classify(outcome[i])));
                weights.Add(raked.Weights[i]);
            }
        }
        if (scores.Count < 2)
        {
            return (null, raked.Weights);
        }
        var result = WeightedNps.Compute(scores.ToArray(), weights.ToArray(), options.Confidence);
        if (!raked.Converged)
        {
            notes.Add($"weighting: raking did not converge in {raked.Iterations} iterations");
        }
        var summary = new WeightedSummary(
            result.Nps * 100,
            new Interval(result.Interval.Low * 100, result.Interval.High * 100),
            result.EffectiveN,
            result.N,
            raked.Converged,
            raked.Iterations,
            margins.Select(m => m.Name).ToArray()
        );
        return (summary, raked.Weights);
    }

    private static List<SegmentSummary> Segments(ResponseTable table, AnalysisOptions options)
    {
        var outcome = table.Outcome.Span;
        var all = Counts(outcome, static _ => true);
        var result = new List<SegmentSummary>();
        for (var s = 0; s < table.Plan.Segments.Count; s++)
        {
            var column = table.Plan.Segments[s];
            var codes = table.Segments[s].Span;
            var counts = new double[table.SegmentValues[s].Count, 3];
            for (var i = 0; i < outcome.Length; i++)
            {
                if (outcome[i] >= 0 && codes[i] >= 0)
                {
                    counts[codes[i], (int)NpsCounts.Classify(outcome[i])]++;
                }
            }
            var values = new List<SegmentValue>();
            for (var v = 0; v < table.SegmentValues[s].Count; v++)
            {
                var group = new NpsCounts(counts[v, 0], counts[v, 1], counts[v, 2]);
                var rest = new NpsCounts(
                    all.Detractors - group.Detractors,
                    all.Passives - group.Passives,
                    all.Promoters - group.Promoters
                );
                var test =
                    group.N > 0 && rest.N > 0
                        ? NpsComparison.Compare(group, rest, false, options.Confidence)
                        : default;
                values.Add(
                    new SegmentValue(
                        table.SegmentValues[s][v],
                        v < column.ValueLabels.Count ? column.ValueLabels[v] : null,
                        NpsSummary.Of(group, options),
                        group.N > 0 && rest.N > 0 ? test.Difference * 100 : double.NaN,
                        group.N > 0 && rest.N > 0 ? test.P : double.NaN
                    )
                );
            }
            result.Add(new SegmentSummary(column.Id, column.Label, values));
        }
        return result;
    }

    private static ComplaintSummary? Complaints(
        ResponseTable table,
        List<SegmentSummary> segments,
        AnalysisOptions options
    )
    {
        if (table.Plan.Complaint is not { } complaint)
        {
            return null;
        }
        var segment = segments.First(s => s.Id == complaint.Id);
        var resolved = segment.Values.First(v => v.Value == "resolved").Nps;
        var unresolved = segment.Values.First(v => v.Value == "unresolved").Nps;
        var none = segment.Values.FirstOrDefault(v => v.Value is "no" or "none" or "nee")?.Nps;
        var difference =
            resolved.N > 0 && unresolved.N > 0
                ? NpsComparison.Compare(Of(resolved), Of(unresolved), false, options.Confidence)
                : new NpsDifference(
                    double.NaN,
                    double.NaN,
                    double.NaN,
                    double.NaN,
                    new Interval(double.NaN, double.NaN)
                );
        return new ComplaintSummary(resolved, unresolved, none, difference);

        static NpsCounts Of(NpsSummary s) => new(s.Detractors, s.Passives, s.Promoters);
    }

    internal static int IndexOf<T>(IReadOnlyList<T> list, Func<T, bool> match)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (match(list[i]))
            {
                return i;
            }
        }
        return -1;
    }
}
