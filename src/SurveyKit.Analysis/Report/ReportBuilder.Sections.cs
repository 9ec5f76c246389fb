using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Analysis.Scoring;

namespace SurveyKit.Analysis.Report;

internal sealed partial class ReportBuilder
{
    private ReportSection NpsSection()
    {
        var nps = result.Nps;
        var n = Math.Max(1, nps.N);
        var parts = new[]
        {
            (t["detractors"], (double)nps.Detractors / n, Charts.Detractor),
            (t["passives"], (double)nps.Passives / n, Charts.Passive),
            (t["promoters"], (double)nps.Promoters / n, Charts.Promoter),
        };
        var percents = Charts.Percents([nps.Detractors, nps.Passives, nps.Promoters]);
        return new ReportSection(
            "nps",
            t["nps"] + ": " + t.Nps(nps.Value),
            [
                new Paragraph(t["nps_intro"]),
                new Chart(t["chart_nps"], Charts.NpsBar(t["chart_nps"], parts)),
                new Table(
                    t["nps"],
                    [
                        t["nps"],
                        t["n"],
                        t["promoters"],
                        t["passives"],
                        t["detractors"],
                        t["interval"],
                    ],
                    [
                        Row(
                            t.Nps(nps.Value),
                            t.Count(nps.N),
                            $"{t.Count(nps.Promoters)} ({percents[2]}%)",
                            $"{t.Count(nps.Passives)} ({percents[1]}%)",
                            $"{t.Count(nps.Detractors)} ({percents[0]}%)",
                            Interval(nps)
                        ),
                    ]
                ),
                new Paragraph(t["interval"] + ": " + t["method_" + nps.Method] + "."),
            ]
        );
    }

    private ReportSection WeightedSection()
    {
        var weighted = result.Weighted!;
        var targets = result.Survey.Analysis!.Weights.Select(w =>
            SegmentLabel(w.Variable.Id)
            + " "
            + string.Join(
                " / ",
                w.Shares.Select(s => s.Value + " " + t.Number(s.Share * 100, 0) + "%")
            )
        );
        return new ReportSection(
            "weighted",
            t["weighted"] + ": " + t.Nps(weighted.Value),
            [
                new Paragraph(
                    t.Format(
                        "weighted_intro",
                        string.Join("; ", targets),
                        t.Number(weighted.EffectiveN, 0),
                        t.Count(weighted.N)
                    )
                ),
                new Table(
                    t["weighted"],
                    [t["weighted"], t["interval"], "n_eff"],
                    [
                        Row(
                            t.Nps(weighted.Value),
                            t.Nps(weighted.Ci95.Low) + " .. " + t.Nps(weighted.Ci95.High),
                            t.Number(weighted.EffectiveN, 0)
                        ),
                    ]
                ),
            ]
        );
    }

    private ReportSection SegmentsSection()
    {
        var blocks = new List<ReportBlock> { new Paragraph(t["segments_intro"]) };
        foreach (var segment in result.Segments)
        {
            var title = SegmentLabel(segment.Id);
            blocks.Add(
                new Chart(
                    title + ": " + t["chart_segments"],
                    Charts.DotWhisker(
                        title + ": " + t["chart_segments"],
                        segment
                            .Values.Select(v =>
                                (ValueLabel(v), v.Nps.Value, v.Nps.Ci95.Low, v.Nps.Ci95.High)
                            )
                            .ToArray(),
                        t
                    )
                )
            );
            blocks.Add(
                new Table(
                    title,
                    [t["value"], t["n"], "NPS", t["interval"], t["difference"], "p"],
                    segment
                        .Values.Select(v =>
                            Row(
                                ValueLabel(v),
                                t.Count(v.Nps.N),
                                t.Nps(v.Nps.Value),
                                Interval(v.Nps),
                                t.Nps(v.DifferenceVsRest),
                                t.P(v.PVsRest).TrimStart('=', ' ')
                                    + (v.PVsRest < result.Options.Alpha ? " *" : "")
                            )
                        )
                        .ToArray()
                )
            );
        }
        return new ReportSection("segments", t["segments"], blocks);
    }

    private ReportSection TouchpointsSection() =>
        new(
            "touchpoints",
            t["touchpoints"],
            [
                new Paragraph(t["touchpoints_intro"]),
                new Table(
                    t["touchpoints"],
                    [t["touchpoint"], t["mean"], t["n"], t["na"], t["top2"]],
                    result
                        .Touchpoints.Select(tp =>
                            Row(
                                Label(tp.Driver.Label),
                                t.Number(tp.Mean, 1),
                                t.Count(tp.N),
                                t.Count(tp.NotApplicable),
                                Percent(tp.TopTwoBox)
                            )
                        )
                        .ToArray()
                ),
            ]
        );

    private ReportSection DriversSection()
    {
        var drivers = result.Drivers!;
        var deletion = t.Format("deletion_" + drivers.Deletion, t.Count(drivers.N));
        return new ReportSection(
            "drivers",
            t["drivers"],
            [
                new Paragraph(t.Format("drivers_intro", t.Number(drivers.R2, 2), deletion)),
                new Chart(
                    t["chart_drivers"],
                    Charts.Bars(
                        t["chart_drivers"],
                        drivers.Items.Select(d => (Label(d.Label), d.SharePercent)).ToArray(),
                        t,
                        "%"
                    )
                ),
                new Table(
                    t["drivers"],
                    [t["touchpoint"], t["share"], t["direction"], "LMG", t["rw"], t["r"]],
                    drivers
                        .Items.Select(d =>
                            Row(
                                Label(d.Label),
                                t.Number(d.SharePercent, 1) + "%",
                                d.Sign < 0 ? "-" : "+",
                                t.Number(d.Lmg, 3),
                                t.Number(d.RelativeWeight, 3),
                                t.Number(d.Correlation, 2)
                                    + (d.CorrelationP < result.Options.Alpha ? "" : " (n.s.)")
                            )
                        )
                        .ToArray()
                ),
                .. (
                    drivers.Items.Any(d => d.Sign < 0)
                        ? new ReportBlock[] { new Paragraph(t["direction_note"]) }
                        : []
                ),
            ]
        );
    }

    private ReportSection ImportancePerformanceSection()
    {
        var drivers = result.Drivers!;
        var scored = result.Touchpoints.Where(tp => tp.Quadrant.Length > 0).ToArray();
        var sameScale = scored.Select(tp => tp.Driver.Scale).Distinct().Count() == 1;
        double Performance(TouchpointSummary tp) =>
            sameScale ? tp.Mean : 100 * SurveyAnalyzer.Relative(tp.Mean, tp.Driver);
        var cross = sameScale
            ? scored[0].Driver.Scale.Min
                + drivers.PerformanceCrosshair
                    * Math.Max(1, scored[0].Driver.Scale.Max - scored[0].Driver.Scale.Min)
            : 100 * drivers.PerformanceCrosshair;
        return new ReportSection(
            "ipa",
            t["ipa"],
            [
                new Paragraph(
                    t.Format(
                        "ipa_intro",
                        t.Number(drivers.ImportanceCrosshair, 0),
                        t.Number(cross, 1)
                    )
                ),
                new Chart(
                    t["chart_ipa"],
                    Charts.Scatter(
                        t["chart_ipa"],
                        scored
                            .Select(tp =>
                                (Label(tp.Driver.Label), Performance(tp), tp.SharePercent)
                            )
                            .ToArray(),
                        cross,
                        drivers.ImportanceCrosshair,
                        (t["q_concentrate"], t["q_keep_up"], t["q_low_priority"], t["q_overkill"]),
                        (t["performance"], t["importance"] + " (%)"),
                        t
                    )
                ),
                new Table(
                    t["ipa"],
                    [t["touchpoint"], t["importance"], t["performance"], t["quadrant"]],
                    scored
                        .OrderByDescending(tp => tp.SharePercent)
                        .Select(tp =>
                            Row(
                                Label(tp.Driver.Label),
                                t.Number(tp.SharePercent, 1) + "%",
                                t.Number(Performance(tp), 1),
                                t["q_" + tp.Quadrant]
                            )
                        )
                        .ToArray()
                ),
            ]
        );
    }

    private ReportSection WhatIfSection()
    {
        var whatIf = result.WhatIf!;
        var deltas = result.Options.WhatIfDeltas.OrderBy(d => d).ToArray();
        var items = whatIf.Scenarios.Select(s => s.Item).Distinct().ToArray();
        string LabelOf(string id) => Label(result.Table.Plan.Drivers.First(d => d.Id == id).Label);
        var chart = items
            .Select(id =>
                (
                    LabelOf(id),
                    whatIf.Scenarios.FirstOrDefault(s => s.Item == id && s.Delta == -1)?.Change
                        ?? double.NaN,
                    whatIf.Scenarios.FirstOrDefault(s => s.Item == id && s.Delta == 1)?.Change
                        ?? double.NaN
                )
            )
            .ToArray();
        return new ReportSection(
            "whatif",
            t["whatif"],
            [
                new Paragraph(t.Format("whatif_intro", t.Count(whatIf.ModelN))),
                new Chart(t["chart_whatif"], Charts.Diverging(t["chart_whatif"], chart, t)),
                new Table(
                    t["whatif"],
                    [
                        t["touchpoint"],
                        .. deltas.Select(d => (d > 0 ? "+" : "") + d.ToString(t.Numbers)),
                    ],
                    items
                        .Select(id =>
                            (IReadOnlyList<string>)
                                [
                                    LabelOf(id),
                                    .. deltas.Select(d =>
                                        whatIf.Scenarios.First(s => s.Item == id && s.Delta == d)
                                            is var s
                                            ? $"{t.Nps(s.Nps)} ({t.Nps(s.Change)})"
                                            : "-"
                                    ),
                                ]
                        )
                        .ToArray()
                ),
            ]
        );
    }

    /// <summary>
    /// One row per touchpoint, one column per grade band: on the Dutch 1-10 scale everything below a 6 (a fail) is
    /// one band. The NPS of a band is the N-weighted mean of its grades' NPS (an NPS is a mean of -1/0/+1 scores).
    /// Cells with fewer than 10 respondents are in brackets.
    /// </summary>
    private ReportSection LevelsSection()
    {
        var touchpoints = result.Touchpoints.Where(tp => tp.NpsByGrade.Count > 0).ToArray();
        var scale = touchpoints[0].Driver.Scale;
        var sameScale = touchpoints.All(tp => tp.Driver.Scale == scale);
        var blocks = new List<ReportBlock> { new Paragraph(t["levels_intro"]) };
        foreach (var group in sameScale ? [touchpoints] : touchpoints.Select(tp => new[] { tp }))
        {
            var groupScale = group[0].Driver.Scale;
            var bands = Bands(groupScale);
            blocks.Add(
                new Table(
                    t["levels"],
                    [t["touchpoint"], .. bands.Select(b => b.Name)],
                    group
                        .Select(tp =>
                            (IReadOnlyList<string>)
                                [
                                    Label(tp.Driver.Label),
                                    .. bands.Select(b =>
                                    {
                                        var levels = tp
                                            .NpsByGrade.Where(l =>
                                                l.Grade >= b.Low && l.Grade <= b.High
                                            )
                                            .ToArray();
                                        var n = levels.Sum(l => l.N);
                                        if (n == 0)
                                        {
                                            return "-";
                                        }
                                        var nps = t.Nps(levels.Sum(l => l.N * l.Nps) / n);
                                        return n >= 10 ? nps : "(" + nps + ")";
                                    }),
                                ]
                        )
                        .ToArray()
                )
            );
        }
        return new ReportSection("levels", t["levels"], blocks);
    }

    private static (string Name, int Low, int High)[] Bands(Core.Model.Scale scale)
    {
        if (scale is { Min: 1, Max: 10 })
        {
            return
            [
                ("1-5", 1, 5),
                ("6", 6, 6),
                ("7", 7, 7),
                ("8", 8, 8),
                ("9", 9, 9),
                ("10", 10, 10),
            ];
        }
        return Enumerable
            .Range(scale.Min, scale.Points)
            .Select(g => (g.ToString(System.Globalization.CultureInfo.InvariantCulture), g, g))
            .ToArray();
    }

    private ReportSection CompetitorsSection()
    {
        var compared = result.Touchpoints.Where(tp => tp.Comparison is { N: > 0 }).ToArray();
        return new ReportSection(
            "competitors",
            t["competitors"],
            [
                new Paragraph(t["competitors_intro"]),
                new Chart(
                    t["chart_competitors"],
                    Charts.Stacked(
                        t["chart_competitors"],
                        compared
                            .Select(tp =>
                            {
                                var c = tp.Comparison!;
                                return (
                                    Label(tp.Driver.Label),
                                    new[]
                                    {
                                        (double)c.Worse / c.N,
                                        (double)c.Same / c.N,
                                        (double)c.Better / c.N,
                                    }
                                );
                            })
                            .ToArray(),
                        [
                            (t["worse"], Charts.Detractor),
                            (t["same"], Charts.Passive),
                            (t["better"], Charts.Promoter),
                        ]
                    )
                ),
                new Table(
                    t["competitors"],
                    [t["touchpoint"], t["n"], t["worse"], t["same"], t["better"], t["net"]],
                    compared
                        .Select(tp =>
                        {
                            var c = tp.Comparison!;
                            var percents = Charts.Percents([c.Worse, c.Same, c.Better]);
                            return Row(
                                Label(tp.Driver.Label),
                                t.Count(c.N),
                                percents[0] + "%",
                                percents[1] + "%",
                                percents[2] + "%",
                                t.Nps(c.Net * 100) + "%"
                            );
                        })
                        .ToArray()
                ),
            ]
        );
    }

    private ReportSection PrioritiesSection() =>
        new(
            "priorities",
            t["priorities"],
            [
                new Paragraph(t["priorities_intro"]),
                new Table(
                    t["priorities"],
                    [t["touchpoint"], t["score"], t["why"]],
                    result
                        .Priorities.Select(
                            (p, i) => Row(Label(p.Label), t.Number(p.Score, 1), Why(p))
                        )
                        .ToArray()
                ),
            ]
        );

    private ReportSection SatisfactionSection()
    {
        var quadrant = result.SatisfactionLoyalty!;
        var n = Math.Max(1, quadrant.N);
        return new ReportSection(
            "satisfaction",
            t["satisfaction_loyalty"],
            [
                new Paragraph(t.Format("sl_intro", quadrant.SatisfiedFrom)),
                new Table(
                    t["satisfaction_loyalty"],
                    [t["group"], t["n"], "%"],
                    [
                        Row(
                            t["sl_loyal"],
                            t.Count(quadrant.Loyal),
                            Percent((double)quadrant.Loyal / n)
                        ),
                        Row(
                            t["sl_mercenary"],
                            t.Count(quadrant.SatisfiedNotLoyal),
                            Percent((double)quadrant.SatisfiedNotLoyal / n)
                        ),
                        Row(
                            t["sl_hostage"],
                            t.Count(quadrant.LoyalNotSatisfied),
                            Percent((double)quadrant.LoyalNotSatisfied / n)
                        ),
                        Row(
                            t["sl_neither"],
                            t.Count(quadrant.Neither),
                            Percent((double)quadrant.Neither / n)
                        ),
                    ]
                ),
            ]
        );
    }

    private ReportSection ComplaintsSection()
    {
        var complaints = result.Complaints!;
        var rows = new List<IReadOnlyList<string>>
        {
            Row(
                t["resolved"],
                t.Count(complaints.Resolved.N),
                t.Nps(complaints.Resolved.Value),
                Interval(complaints.Resolved)
            ),
            Row(
                t["unresolved"],
                t.Count(complaints.Unresolved.N),
                t.Nps(complaints.Unresolved.Value),
                Interval(complaints.Unresolved)
            ),
        };
        if (complaints.NoComplaint is { } none)
        {
            rows.Add(Row(t["no_complaint"], t.Count(none.N), t.Nps(none.Value), Interval(none)));
        }
        return new ReportSection(
            "complaints",
            t["complaints"],
            [
                new Paragraph(t["complaints_intro"]),
                new Table(t["complaints"], [t["complaint"], t["n"], "NPS", t["interval"]], rows),
                new Paragraph(
                    t.Format(
                        "complaint_test",
                        t.Nps(complaints.ResolvedVsUnresolved.Difference * 100),
                        t.P(complaints.ResolvedVsUnresolved.P)
                    )
                ),
            ]
        );
    }

    private ReportSection QualitySection()
    {
        var quality = result.Quality;
        var table = result.Table;
        var rows = new List<IReadOnlyList<string>>
        {
            Row(t["q_rejected"], t.Count(table.Rejected)),
            Row(t["q_duplicates"], t.Count(quality.Duplicates)),
            Row(t["q_straight"], t.Count(quality.StraightLiners)),
            Row(t["q_versions"], t.Count(quality.OtherVersions)),
        };
        if (quality.Measured > 0)
        {
            rows.Add(
                Row(
                    t.Format("q_speeders", t.Number(quality.SpeederThresholdMs / 1000, 0)),
                    t.Count(quality.Speeders)
                )
            );
        }
        var blocks = new List<ReportBlock>
        {
            new Table(t["quality"], [t["check"], t["n"]], rows),
            new Paragraph(t["q_flagged"]),
        };
        if (table.UnknownColumns.Count > 0)
        {
            blocks.Add(
                new Paragraph(
                    t.Format(
                        "q_unknown_columns",
                        string.Join(", ", table.UnknownColumns.Select(c => Core.Text.Excerpt.Of(c)))
                    )
                )
            );
        }
        if (table.LeftOut.Count > 0)
        {
            blocks.Add(new Paragraph(t.Format("q_left_out", string.Join(", ", table.LeftOut))));
        }
        if (table.Rejections.Count > 0)
        {
            blocks.Add(
                new Table(
                    t["rejections"],
                    [t["rejections"], t["reason"]],
                    table
                        .Rejections.Take(ListedRejections)
                        .Select(r => Row($"{r.Source}({r.Line})", r.ReasonWithoutValues))
                        .ToArray()
                )
            );
            if (table.Rejected > ListedRejections)
            {
                blocks.Add(
                    new Paragraph(
                        t.Format("rejections_more", ListedRejections, t.Count(table.Rejected))
                    )
                );
            }
        }
        return new ReportSection("quality", t["quality"], blocks);
    }

    /// <summary>How many rejected lines the report lists; all are counted.</summary>
    private const int ListedRejections = 50;

    private string Interval(NpsSummary nps) =>
        nps.N == 0 ? "-" : t.Nps(nps.Ci95.Low) + " .. " + t.Nps(nps.Ci95.High);

    private string Percent(double share) =>
        double.IsFinite(share) ? t.Number(share * 100, 0) + "%" : "-";
}
