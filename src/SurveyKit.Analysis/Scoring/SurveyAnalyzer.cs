using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Analysis.Data;
using SurveyKit.Analysis.Statistics;
using SurveyKit.Core.Model;

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
        // The parts read the table and nothing else, so they run side by side; notes are collected per part and
        // joined in a fixed order, so a report never depends on which part finished first.
        System.Threading.Tasks.Task<T> Timed<T>(string part, Func<T> compute) =>
            System.Threading.Tasks.Task.Run(() => Time(part, compute));
        T Time<T>(string part, Func<T> compute)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var value = compute();
            options.Timing?.Invoke(part, clock.Elapsed);
            return value;
        }
        var nps = NpsSummary.Of(Counts(table.Outcome.Span, static _ => true), options);
        var (weightingNotes, predictorNotes, driverNotes, whatIfNotes) = (
            new List<AnalysisNote>(),
            new List<AnalysisNote>(),
            new List<AnalysisNote>(),
            new List<AnalysisNote>()
        );
        var weighting = Timed("weighting", () => Weighted(table, options, weightingNotes));
        var comparisonsTask = Timed("segments", () => Comparisons(table, options));
        var qualityTask = Timed("quality", () => Quality(table));
        var themesTask = Timed("themes", () => Themes(table, options));
        // The driver analysis and the what-if share one choice of predictors.
        var set = Time("predictors", () => Predictors(table, options, predictorNotes));
        var driversTask = Timed("drivers", () => Drivers(table, set, options, driverNotes));
        var whatIfTask = Timed("what-if", () => WhatIf(table, set, nps, options, whatIfNotes));
        var periods = Time("periods", () => SplitPeriods(table, options));
        var trendTask = Timed("trend", () => Trend(table, set, periods, options));
        var accountsTask = Timed("accounts", () => Accounts(table, periods, options));
        var (weighted, rowWeights) = weighting.GetAwaiter().GetResult();
        var (segments, complaints, comparisons) = comparisonsTask.GetAwaiter().GetResult();
        var drivers = driversTask.GetAwaiter().GetResult();
        var touchpoints = Touchpoints(table, drivers);
        var whatIf = whatIfTask.GetAwaiter().GetResult();
        var quality = qualityTask.GetAwaiter().GetResult();
        var notes = VersionNotes(table)
            .Concat(weightingNotes)
            .Concat(predictorNotes)
            .Concat(driverNotes)
            .Concat(whatIfNotes)
            .ToList();
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
            complaints,
            quality,
            notes
        )
        {
            RowWeights = rowWeights,
            Comparisons = comparisons,
            Themes = themesTask.GetAwaiter().GetResult(),
            Trend = trendTask.GetAwaiter().GetResult(),
            Accounts = accountsTask.GetAwaiter().GetResult(),
        };
    }

    /// <summary>
    /// What the report must say about responses to other versions: a question whose type or scale changed since an
    /// earlier version (its earlier answers are kept out: its trend breaks there), and versions whose definition was
    /// not found (their responses are scored on what they share with this one).
    /// </summary>
    private static List<AnalysisNote> VersionNotes(ResponseTable table)
    {
        var notes = new List<AnalysisNote>();
        var maps = table.Plan.Maps;
        var current = table.Plan.Survey.Version;
        foreach (
            var (question, version, how) in maps
                .Values.Where(m => table.VersionCounts.ContainsKey(m.From))
                .SelectMany(m => m.Changed.Select(c => (Question: c.Key, m.From, How: c.Value)))
                .GroupBy(c => c.Question)
                .Select(g => g.OrderByDescending(c => c.From).First())
        )
        {
            notes.Add(
                AnalysisNote.Of(
                    "version_changed",
                    new NoteQuestion(question),
                    version,
                    new NoteVerbatim(how)
                )
            );
        }
        foreach (var (version, count) in table.VersionCounts)
        {
            if (version != current && !maps.ContainsKey(version))
            {
                notes.Add(AnalysisNote.Of("version_unmapped", version, count, current));
            }
        }
        return notes;
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
        List<AnalysisNote> notes
    )
    {
        var targets = table.Plan.Survey.Analysis?.Weights ?? default;
        if (targets.Count == 0)
        {
            return (null, null);
        }
        var margins = new List<RakingMargin>();
        var written = new List<(string, IReadOnlyList<(string, double)>)>();
        foreach (var target in targets)
        {
            var segment = IndexOf(table.Plan.Segments, s => s.Id == target.Variable.Id);
            var values = table.SegmentValues[segment];
            // Written shares, or those among the invited: the population that was actually asked.
            IReadOnlyDictionary<string, double>? invited = null;
            if (
                target.FromInvited
                && options.InvitedShares?.TryGetValue(target.Variable.Id, out invited) != true
            )
            {
                notes.Add(
                    AnalysisNote.Of("weighting_no_invitations", new NoteSegment(target.Variable.Id))
                );
                return (null, null);
            }
            var shares = values
                .Select(v =>
                    invited is not null
                        ? invited.GetValueOrDefault(v)
                        : target.Shares.FirstOrDefault(s => s.Value == v)?.Share ?? 0
                )
                .ToArray();
            margins.Add(
                new RakingMargin(target.Variable.Id, table.Segments[segment].Span.ToArray(), shares)
            );
            written.Add(
                (
                    target.Variable.Id,
                    values.Select((v, i) => (v, shares[i])).Where(x => x.Item2 > 0).ToList()
                )
            );
        }
        var raked = Raking.Rake(
            margins,
            null,
            new RakingOptions { TargetKind = RakingTargetKind.Shares }
        );
        if (!raked.Succeeded)
        {
            var failed = margins[raked.FailedMargin];
            var segment = IndexOf(table.Plan.Segments, s => s.Id == failed.Name);
            notes.Add(
                AnalysisNote.Of(
                    "weighting_empty",
                    new NoteSegment(failed.Name),
                    new NoteValue(failed.Name, table.SegmentValues[segment][raked.FailedCategory]),
                    new NoteNumber(100 * failed.Targets[raked.FailedCategory], 0)
                )
            );
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
            notes.Add(AnalysisNote.Of("weighting_not_converged", raked.Iterations));
        }
        var interval = result.Interval;
        // Every weighted response in one class: the linearized variance is 0 and so is the width. Rocks' adjusted
        // Wald interval of the weighted shares at Kish's effective sample size says how little is known instead.
        var fallback = interval.Width == 0;
        if (fallback)
        {
            double promoters = 0,
                detractors = 0,
                total = 0;
            for (var i = 0; i < scores.Count; i++)
            {
                promoters += scores[i] > 0 ? weights[i] : 0;
                detractors += scores[i] < 0 ? weights[i] : 0;
                total += weights[i];
            }
            var n = result.EffectiveN;
            interval = NpsInterval.Compute(
                new NpsCounts(
                    n * detractors / total,
                    n * (total - promoters - detractors) / total,
                    n * promoters / total
                ),
                IntervalMethod.AdjustedWald,
                options.Confidence
            );
        }
        var scaled = new Interval(interval.Low * 100, interval.High * 100).Including(
            result.Nps * 100
        );
        // A value with a target but fewer than MinGroupN respondents: each of them stands for many, and the weighted NPS
        // leans on a handful of answers.
        var small = new List<WeightingCell>();
        for (var m = 0; m < margins.Count; m++)
        {
            var segment = IndexOf(table.Plan.Segments, s => s.Id == margins[m].Name);
            for (var c = 0; c < margins[m].Targets.Length; c++)
            {
                var n = margins[m].Codes.Count(code => code == c);
                if (margins[m].Targets[c] > 0 && n < options.MinGroupN)
                {
                    small.Add(
                        new WeightingCell(margins[m].Name, table.SegmentValues[segment][c], n)
                    );
                }
            }
        }
        var summary = new WeightedSummary(
            result.Nps * 100,
            scaled,
            result.EffectiveN,
            result.N,
            raked.Converged,
            raked.Iterations,
            margins.Select(m => m.Name).ToArray(),
            fallback
        )
        {
            SmallCells = small,
            Targets = written,
            FromInvited = targets.Any(t => t.FromInvited),
            LargestWeight =
                weights.Count == 0 ? double.NaN : weights.Max() / (weights.Sum() / weights.Count),
        };
        return (summary, raked.Weights);
    }

    /// <summary>
    /// NPS per value of each segment, each compared with the rest of the sample when both sides have at least
    /// <see cref="AnalysisOptions.MinGroupN"/> responses, and complaint handling (resolved against unresolved). All
    /// these comparisons are one family for Holm's correction; two values that together are everyone with an outcome
    /// are one comparison, seen from both sides.
    /// </summary>
    private static (
        List<SegmentSummary> Segments,
        ComplaintSummary? Complaints,
        int Comparisons
    ) Comparisons(ResponseTable table, AnalysisOptions options)
    {
        var outcome = table.Outcome.Span;
        var all = Counts(outcome, static _ => true);
        // Each test: where it belongs (segment and value, or -1 for complaints), its family and the raw test.
        var tests = new List<(int Segment, int Value, int Family, NpsDifference Test)>();
        var summaries =
            new List<(
                SegmentColumn Column,
                List<(string, LocalizedText?, NpsSummary, NpsSummary)> Values
            )>();
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
            var values = new List<(string, LocalizedText?, NpsSummary, NpsSummary)>();
            var first = tests.Count;
            for (var v = 0; v < table.SegmentValues[s].Count; v++)
            {
                var group = new NpsCounts(counts[v, 0], counts[v, 1], counts[v, 2]);
                var rest = all.Subtract(group);
                if (group.N >= options.MinGroupN && rest.N >= options.MinGroupN)
                {
                    tests.Add(
                        (
                            s,
                            v,
                            tests.Count,
                            NpsComparison.Compare(group, rest, true, options.Confidence)
                        )
                    );
                }
                values.Add(
                    (
                        table.SegmentValues[s][v],
                        v < column.ValueLabels.Count ? column.ValueLabels[v] : null,
                        NpsSummary.Of(group, options),
                        NpsSummary.Of(rest, options)
                    )
                );
            }
            // Two compared values that are everyone: each one's rest is the other, the same comparison twice.
            if (
                tests.Count == first + 2
                && values[tests[first].Value].Item3.N + values[tests[first + 1].Value].Item3.N
                    == all.N
            )
            {
                tests[first + 1] = tests[first + 1] with { Family = tests[first].Family };
            }
            summaries.Add((column, values));
        }
        ComplaintSummary? complaints = null;
        if (table.Plan.Complaint is { } complaint)
        {
            var values = summaries.First(x => x.Column.Id == complaint.Id).Values;
            NpsSummary Of(string id) => values.First(v => v.Item1 == id).Item3;
            var resolved = Of("resolved");
            var unresolved = Of("unresolved");
            var none = values.FirstOrDefault(v => v.Item1 is "no" or "none" or "nee").Item3;
            complaints = new ComplaintSummary(resolved, unresolved, none, null);
            if (resolved.N >= options.MinGroupN && unresolved.N >= options.MinGroupN)
            {
                // When resolved and unresolved are everyone, the complaint segment already holds this comparison.
                var segment = IndexOf(table.Plan.Segments, c => c.Id == complaint.Id);
                var same = tests
                    .Where(t => t.Segment == segment)
                    .Select(t => t.Family)
                    .Distinct()
                    .ToArray();
                var alreadyThere =
                    same.Length == 1
                    && tests.Count(t => t.Segment == segment) == 2
                    && resolved.N + unresolved.N == all.N;
                tests.Add(
                    (
                        -1,
                        -1,
                        alreadyThere ? same[0] : tests.Count,
                        NpsComparison.Compare(
                            resolved.Counts,
                            unresolved.Counts,
                            true,
                            options.Confidence
                        )
                    )
                );
            }
        }
        var adjusted = Holm(tests.Select(t => (t.Family, t.Test.P)).ToList());
        GroupComparison Judged(int index, NpsSummary a, NpsSummary b) =>
            Comparison(a, b, tests[index].Test, adjusted[index], tests[index].Family, options);
        var result = new List<SegmentSummary>();
        for (var s = 0; s < summaries.Count; s++)
        {
            var (column, values) = summaries[s];
            var items = new List<SegmentValue>();
            for (var v = 0; v < values.Count; v++)
            {
                var (value, label, group, rest) = values[v];
                var index = tests.FindIndex(t => t.Segment == s && t.Value == v);
                items.Add(
                    new SegmentValue(
                        value,
                        label,
                        group,
                        rest,
                        index < 0 ? null : Judged(index, group, rest)
                    )
                );
            }
            result.Add(new SegmentSummary(column.Id, column.Label, items));
        }
        var complaintTest = tests.FindIndex(t => t.Segment == -1);
        if (complaints is not null && complaintTest >= 0)
        {
            complaints = complaints with
            {
                ResolvedVsUnresolved = Judged(
                    complaintTest,
                    complaints.Resolved,
                    complaints.Unresolved
                ),
            };
        }
        return (result, complaints, tests.Select(t => t.Family).Distinct().Count());
    }

    /// <summary>
    /// The comparison of a and b as the report shows it: the observed difference with the adjusted Wald interval,
    /// extended to the observed difference if it falls outside.
    /// </summary>
    private static GroupComparison Comparison(
        NpsSummary a,
        NpsSummary b,
        NpsDifference test,
        double adjustedP,
        int family,
        AnalysisOptions options
    )
    {
        var difference = a.Value - b.Value;
        var interval = new Interval(test.Interval.Low * 100, test.Interval.High * 100).Including(
            difference
        );
        return new GroupComparison(
            difference,
            interval,
            test.P,
            adjustedP,
            adjustedP < options.Alpha,
            family
        );
    }

    /// <summary>
    /// Holm's step-down correction: the i-th smallest of m p-values is multiplied by (m - i + 1), made monotone and
    /// capped at 1. Tests of one family (the same comparison seen from both sides) count once, with the family's
    /// first p-value.
    /// </summary>
    internal static double[] Holm(IReadOnlyList<(int Family, double P)> tests)
    {
        var families = tests.Select(t => t.Family).Distinct().ToArray();
        var p = families.Select(f => tests.First(t => t.Family == f).P).ToArray();
        var m = p.Length;
        var order = Enumerable.Range(0, m).OrderBy(i => p[i]).ToArray();
        var adjusted = new Dictionary<int, double>();
        var running = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            running = Math.Max(running, Math.Min(1, (m - rank) * p[order[rank]]));
            adjusted[families[order[rank]]] = running;
        }
        return tests.Select(t => adjusted[t.Family]).ToArray();
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
