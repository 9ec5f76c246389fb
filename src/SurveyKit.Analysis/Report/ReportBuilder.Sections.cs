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
        var percents = Charts.Percents([nps.Detractors, nps.Passives, nps.Promoters]);
        var blocks = new List<ReportBlock>
        {
            new Paragraph(t["nps_intro"]),
            new Chart(
                t["chart_nps"],
                Charts.Stack(ClassKeys(), [("", [nps.Detractors, nps.Passives, nps.Promoters])])
            ),
            new Table(
                t["nps"],
                [t["nps"], t["n"], t["promoters"], t["passives"], t["detractors"], t["interval"]],
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
            new Paragraph(t.Format("interval_method", t["method_" + nps.Method])),
        };
        blocks.AddRange(IntervalNotes(nps));
        return new ReportSection("nps", t["nps"] + ": " + t.Nps(nps.Value), blocks);
    }

    private ChartKey[] ClassKeys() =>
        [
            new(t["detractors"], Charts.Detractor),
            new(t["passives"], Charts.Passive),
            new(t["promoters"], Charts.Promoter),
        ];

    /// <summary>What the reader must know about an interval that is not the method's own.</summary>
    private IEnumerable<ReportBlock> IntervalNotes(NpsSummary nps)
    {
        if (nps.Fallback)
        {
            yield return new Paragraph(t.Format("interval_fallback", t["method_" + nps.Method]));
        }
        if (nps.Extended)
        {
            yield return new Paragraph(t["interval_extended"]);
        }
    }

    private ReportSection WeightedSection()
    {
        var weighted = result.Weighted!;
        var targets = result.Survey.Analysis!.Weights.Select(w =>
            SegmentLabel(w.Variable.Id)
            + " "
            + string.Join(
                " / ",
                w.Shares.Select(s =>
                    ValueLabel(w.Variable.Id, s.Value) + " " + t.Number(s.Share * 100, 0) + "%"
                )
            )
        );
        var blocks = new List<ReportBlock>
        {
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
                [t["weighted"], t["interval"], t["n_eff"]],
                [
                    Row(
                        t.Nps(weighted.Value),
                        t.Nps(weighted.Ci95.Low) + " .. " + t.Nps(weighted.Ci95.High),
                        t.Number(weighted.EffectiveN, 0)
                    ),
                ]
            ),
        };
        if (weighted.Fallback)
        {
            blocks.Add(new Paragraph(t["weighted_fallback"]));
        }
        return new ReportSection("weighted", t["weighted"] + ": " + t.Nps(weighted.Value), blocks);
    }

    private ReportSection SegmentsSection()
    {
        var blocks = new List<ReportBlock>
        {
            new Paragraph(
                t.Format("segments_intro", t.Count(CountComparisons()), result.Options.MinGroupN)
            ),
        };
        foreach (var segment in result.Segments)
        {
            var title = SegmentLabel(segment.Id);
            blocks.Add(
                new Chart(
                    t["chart_segments"] + ": " + title,
                    Charts.Ranges(
                        segment
                            .Values.Select(v =>
                                (
                                    $"{ValueLabel(v)} (n = {t.Count(v.Nps.N)})",
                                    v.Nps.N == 0
                                        ? "-"
                                        : $"{t.Nps(v.Nps.Value)} ({Interval(v.Nps)})",
                                    v.Nps.Value,
                                    v.Nps.Ci95.Low,
                                    v.Nps.Ci95.High
                                )
                            )
                            .ToArray()
                    )
                )
            );
            blocks.Add(
                new Table(
                    title,
                    [
                        t["value"],
                        t["n"],
                        "NPS",
                        t["interval"],
                        t["difference"],
                        t["difference_interval"],
                        t["p_holm"],
                    ],
                    segment
                        .Values.Select(v =>
                            v.VsRest is { } c
                                ? Row(
                                    ValueLabel(v),
                                    t.Count(v.Nps.N),
                                    t.Nps(v.Nps.Value),
                                    Interval(v.Nps),
                                    t.Nps(c.Difference),
                                    t.Nps(c.Ci95.Low) + " .. " + t.Nps(c.Ci95.High),
                                    t.P(c.PAdjusted).TrimStart('=', ' ')
                                        + (c.Significant ? " *" : "")
                                )
                                : Row(
                                    ValueLabel(v),
                                    t.Count(v.Nps.N),
                                    t.Nps(v.Nps.Value),
                                    Interval(v.Nps),
                                    t["too_few"],
                                    "-",
                                    "-"
                                )
                        )
                        .ToArray()
                )
            );
        }
        return new ReportSection("segments", t["segments"], blocks);

        // A segment of two values that split everyone is one comparison, seen from both sides.
        int CountComparisons() =>
            result
                .Segments.Select(s => s.Values.Where(v => v.VsRest is not null).ToArray())
                .Sum(compared =>
                    compared.Length == 2 && compared[0].Nps.N + compared[1].Nps.N == result.Nps.N
                        ? 1
                        : compared.Length
                );
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
        var fit = t.Format(
            drivers.Informative ? "drivers_fit" : "drivers_weak",
            t.Number(drivers.R2 * 100, 0),
            t.Number(drivers.R2, 2),
            t.P(drivers.P)
        );
        var blocks = new List<ReportBlock>();
        if (!drivers.Informative)
        {
            blocks.Add(new Paragraph("**" + fit + "**"));
        }
        blocks.Add(
            new Paragraph(
                t.Format("drivers_intro", (drivers.Informative ? fit + " " : "") + deletion)
            )
        );
        blocks.Add(
            new Chart(
                t["chart_drivers"],
                Charts.Bars(
                    drivers
                        .Items.Select(d =>
                            (DriverLabel(d.Id), d.SharePercent, t.Number(d.SharePercent, 1) + "%")
                        )
                        .ToArray()
                )
            )
        );
        blocks.Add(
            new Table(
                t["drivers"],
                [t["touchpoint"], t["share"], t["direction"], "LMG", t["rw"], t["r"]],
                drivers
                    .Items.Select(d =>
                        Row(
                            DriverLabel(d.Id),
                            t.Number(d.SharePercent, 1) + "%",
                            d.Sign < 0 ? "-" : "+",
                            t.Number(d.Lmg, 3),
                            t.Number(d.RelativeWeight, 3),
                            t.Number(d.Correlation, 2)
                                + (
                                    d.CorrelationP < result.Options.Alpha
                                        ? ""
                                        : " (" + t["ns"] + ")"
                                )
                        )
                    )
                    .ToArray()
            )
        );
        if (drivers.Items.Any(d => d.Sign < 0))
        {
            blocks.Add(new Paragraph(t["direction_note"]));
        }
        var choices = result
            .Notes.Where(n => n.Key.StartsWith("driver", StringComparison.Ordinal))
            .Where(n => n.Key != "drivers_weak")
            .Select(Note)
            .ToArray();
        if (choices.Length > 0)
        {
            blocks.Add(new BulletList(choices));
        }
        return new ReportSection("drivers", t["drivers"], blocks);
    }

    private ReportSection ImportancePerformanceSection()
    {
        var drivers = result.Drivers!;
        var scored = result
            .Touchpoints.Where(tp => tp.Quadrant.Length > 0)
            .OrderByDescending(tp => tp.SharePercent)
            .ToArray();
        var sameScale = scored.Select(tp => tp.Driver.Scale).Distinct().Count() == 1;
        double Performance(TouchpointSummary tp) =>
            sameScale ? tp.Mean : 100 * SurveyAnalyzer.Relative(tp.Mean, tp.Driver);
        var cross = sameScale
            ? scored[0].Driver.Scale.Min
                + drivers.PerformanceCrosshair
                    * Math.Max(1, scored[0].Driver.Scale.Max - scored[0].Driver.Scale.Min)
            : 100 * drivers.PerformanceCrosshair;
        var chart = Charts.Scatter(
            t["chart_ipa"],
            scored
                .Select(tp => (DriverLabel(tp.Driver.Id), Performance(tp), tp.SharePercent))
                .ToArray(),
            cross,
            drivers.ImportanceCrosshair,
            (t["q_concentrate"], t["q_keep_up"], t["q_low_priority"], t["q_overkill"]),
            (t["performance"], t["importance"])
        );
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
                new Chart(t["chart_ipa"], chart),
                new Table(
                    t["ipa"],
                    [t["touchpoint"], t["importance"], t["performance"], t["quadrant"]],
                    scored
                        .Select(
                            (tp, i) =>
                                Row(
                                    $"{i + 1}. {DriverLabel(tp.Driver.Id)}",
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
        var blocks = new List<ReportBlock>
        {
            new Paragraph(t.Format("whatif_intro", t.Count(whatIf.ModelN))),
        };
        if (whatIf.ModelN < whatIf.Answered)
        {
            blocks.Add(
                new Paragraph(
                    t.Format("whatif_subsample", t.Count(whatIf.ModelN), t.Count(whatIf.Answered))
                )
            );
        }
        if (whatIf.Classes == 2)
        {
            var nps = result.Nps;
            var missing =
                nps.Detractors == 0 ? "class_detractor"
                : nps.Passives == 0 ? "class_passive"
                : "class_promoter";
            blocks.Add(new Paragraph(t.Format("whatif_two_classes", t[missing])));
        }
        blocks.Add(
            new Chart(
                t["chart_whatif"],
                Charts.Diverging(
                    [new(t["whatif_down"], Charts.Detractor), new(t["whatif_up"], Charts.Promoter)],
                    items
                        .Select(id =>
                            (
                                DriverLabel(id),
                                new[] { -1, 1 }
                                    .Select(delta =>
                                        whatIf.Scenarios.FirstOrDefault(s =>
                                            s.Item == id && s.Delta == delta
                                        )
                                            is { } s
                                            ? (s.Change, t.Nps(s.Change))
                                            : (double.NaN, "-")
                                    )
                                    .ToArray()
                            )
                        )
                        .ToArray()
                )
            )
        );
        blocks.Add(
            new Table(
                t["whatif"],
                [
                    t["touchpoint"],
                    t["whatif_delta"],
                    t["whatif_nps"],
                    t["whatif_change"],
                    t["whatif_change_interval"],
                ],
                items
                    .SelectMany(id =>
                        deltas.Select(d =>
                            whatIf.Scenarios.First(s => s.Item == id && s.Delta == d) is var s
                                ? Row(
                                    DriverLabel(id),
                                    (d > 0 ? "+" : "") + d.ToString(t.Numbers),
                                    t.Nps(s.Nps),
                                    t.Nps(s.Change),
                                    t.Nps(s.ChangeCi95.Low) + " .. " + t.Nps(s.ChangeCi95.High)
                                )
                                : Row(DriverLabel(id), d.ToString(t.Numbers), "-", "-", "-")
                        )
                    )
                    .ToArray()
            )
        );
        return new ReportSection("whatif", t["whatif"], blocks);
    }

    /// <summary>
    /// One row per touchpoint, one column per grade band: on the Dutch 1-10 scale everything below a 6 (a fail) is
    /// one band. The NPS of a band is the N-weighted mean of its grades' NPS (an NPS is a mean of -1/0/+1 scores).
    /// Cells with fewer than <see cref="AnalysisOptions.MinGroupN"/> respondents are in brackets: an indication.
    /// </summary>
    private ReportSection LevelsSection()
    {
        var touchpoints = result.Touchpoints.Where(tp => tp.NpsByGrade.Count > 0).ToArray();
        var scale = touchpoints[0].Driver.Scale;
        var sameScale = touchpoints.All(tp => tp.Driver.Scale == scale);
        var few = result.Options.MinGroupN;
        var blocks = new List<ReportBlock> { new Paragraph(t.Format("levels_intro", few)) };
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
                                        return n >= few ? nps : "(" + nps + ")";
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
                    Charts.Stack(
                        [
                            new(t["worse"], Charts.Detractor),
                            new(t["same"], Charts.Passive),
                            new(t["better"], Charts.Promoter),
                        ],
                        compared
                            .Select(tp =>
                            {
                                var c = tp.Comparison!;
                                return (
                                    Label(tp.Driver.Label),
                                    new double[] { c.Worse, c.Same, c.Better }
                                );
                            })
                            .ToArray()
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
                                t.Nps(c.Net * 100)
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
                    [t["touchpoint"], t["quadrant"], t["score"], t["why"]],
                    result
                        .Priorities.Select(p =>
                            Row(
                                DriverLabel(p.Id),
                                t["q_" + p.Quadrant],
                                t.Number(p.Score, 1),
                                Why(p)
                            )
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
        var comparison = complaints.ResolvedVsUnresolved;
        return new ReportSection(
            "complaints",
            t["complaints"],
            [
                new Paragraph(t["complaints_intro"]),
                new Table(t["complaints"], [t["complaint"], t["n"], "NPS", t["interval"]], rows),
                new Paragraph(
                    comparison is null
                        ? t.Format("complaint_few", result.Options.MinGroupN)
                        : t.Format(
                            "complaint_test",
                            t.Nps(comparison.Difference),
                            t.Nps(comparison.Ci95.Low),
                            t.Nps(comparison.Ci95.High),
                            t.P(comparison.P)
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
                        .Select(r => Row($"{r.Source}({r.Line})", Reason(r)))
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

    /// <summary>A rejection in this language: the field (ids only) and what rule it broke, never the value.</summary>
    private string Reason(Data.Rejection rejection)
    {
        var rule = ReportTexts.HasText("reject_" + rejection.Rule)
            ? "reject_" + rejection.Rule
            : "reject_read";
        return rejection.Path.Length > 0 ? rejection.Path + ": " + t[rule] : t[rule];
    }

    /// <summary>How many rejected lines the report lists; all are counted.</summary>
    private const int ListedRejections = 50;

    private string Interval(NpsSummary nps) =>
        nps.N == 0 ? "-" : t.Nps(nps.Ci95.Low) + " .. " + t.Nps(nps.Ci95.High);

    private string Percent(double share) =>
        double.IsFinite(share) ? t.Number(share * 100, 0) + "%" : "-";
}
