using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Analysis.Scoring;

namespace SurveyKit.Analysis.Report;

/// <summary>The sections on the touchpoints: grades, drivers, importance and performance, what if, grade levels, competitors, priorities.</summary>
internal sealed partial class ReportBuilder
{
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
                    + (
                        double.IsFinite(drivers.Items[0].ShareCi95.Low)
                            ? " " + t["drivers_bootstrap"]
                            : ""
                    )
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
                [
                    t["touchpoint"],
                    t["share"],
                    t["share_interval"],
                    t["direction"],
                    "LMG",
                    t["rw"],
                    t["r"],
                ],
                drivers
                    .Items.Select(d =>
                        Row(
                            DriverLabel(d.Id),
                            t.Number(d.SharePercent, 1) + "%",
                            double.IsFinite(d.ShareCi95.Low)
                                ? t.Number(d.ShareCi95.Low, 1)
                                    + "\u00A0..\u00A0"
                                    + t.Number(d.ShareCi95.High, 1)
                                    + "%"
                                : "-",
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
        var blocks = new List<ReportBlock>();
        if (result.Drivers is { Informative: false })
        {
            blocks.Add(new Paragraph("**" + t["whatif_weak"] + "**"));
        }
        blocks.Add(new Paragraph(t.Format("whatif_intro", t.Count(whatIf.ModelN))));
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
                                    Range(s.ChangeCi95.Low, s.ChangeCi95.High)
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
}
