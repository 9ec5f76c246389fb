using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Analysis.Scoring;

namespace SurveyKit.Analysis.Report;

/// <summary>The sections on the NPS: overall, weighted, per segment, and complaint handling.</summary>
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
        var targets = weighted.Targets.Select(w =>
            SegmentLabel(w.Variable)
            + " "
            + string.Join(
                " / ",
                w.Shares.Select(s =>
                    ValueLabel(w.Variable, s.Value) + " " + t.Number(s.Share * 100, 0) + "%"
                )
            )
        );
        var blocks = new List<ReportBlock>
        {
            new Paragraph(
                t.Format(
                    weighted.FromInvited ? "weighted_intro_invited" : "weighted_intro",
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
                        Range(weighted.Ci95.Low, weighted.Ci95.High),
                        t.Number(weighted.EffectiveN, 0)
                    ),
                ]
            ),
        };
        if (weighted.Fallback)
        {
            blocks.Add(new Paragraph(t["weighted_fallback"]));
        }
        if (weighted.SmallCells.Count > 0)
        {
            blocks.Insert(
                0,
                new Paragraph(
                    "**"
                        + t.Format(
                            "weighted_small",
                            string.Join(
                                ", ",
                                weighted.SmallCells.Select(c =>
                                    $"{SegmentLabel(c.Variable)} '{ValueLabel(c.Variable, c.Value)}' (n = {t.Count(c.N)})"
                                )
                            ),
                            result.Options.MinGroupN,
                            t.Number(weighted.LargestWeight, 1)
                        )
                        + "**"
                )
            );
        }
        return new ReportSection("weighted", t["weighted"] + ": " + t.Nps(weighted.Value), blocks);
    }

    private ReportSection SegmentsSection()
    {
        var comparisons = result.Comparisons;
        var blocks = new List<ReportBlock>
        {
            new Paragraph(
                t.Format("segments_intro", result.Options.MinGroupN)
                    + " "
                    + (
                        comparisons == 0 ? t["segments_none"]
                        : comparisons == 1 ? t["segments_holm_one"]
                        : t.Format("segments_holm", t.Count(comparisons))
                    )
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
                                    Range(c.Ci95.Low, c.Ci95.High),
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
                            t.P(comparison.PAdjusted)
                        )
                ),
            ]
        );
    }

    private string Interval(NpsSummary nps) =>
        nps.N == 0 ? "-" : Range(nps.Ci95.Low, nps.Ci95.High);

    /// <summary>"-3,2 .. +5,0", with non-breaking spaces so that a narrow column never breaks a range in two.</summary>
    private string Range(double low, double high) => t.Nps(low) + "\u00A0..\u00A0" + t.Nps(high);
}
