using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Analysis.Scoring;

namespace SurveyKit.Analysis.Report;

/// <summary>Satisfaction against loyalty, data quality, and the small helpers the sections share.</summary>
internal sealed partial class ReportBuilder
{
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
        if (table.VersionCounts.Count > 1 || table.Mapping.Count > 0)
        {
            blocks.Add(new Paragraph(t["versions_intro"]));
            blocks.Add(
                new Table(
                    t["versions"],
                    [
                        t["version"],
                        t["v_responses"],
                        t["v_renamed"],
                        t["v_removed"],
                        t["v_changed"],
                    ],
                    table
                        .VersionCounts.Select(v =>
                            v.Key == result.Survey.Version
                                ? Row(
                                    $"{v.Key} ({t["v_current"]})",
                                    t.Count(v.Value),
                                    "-",
                                    "-",
                                    "-"
                                )
                            : table.Mapping.TryGetValue(v.Key, out var m)
                                ? Row(
                                    v.Key.ToString(t.Numbers),
                                    t.Count(v.Value),
                                    t.Count(m.Renamed),
                                    t.Count(m.Removed),
                                    t.Count(m.Changed)
                                )
                            : Row($"{v.Key} ({t["v_unmapped"]})", t.Count(v.Value), "-", "-", "-")
                        )
                        .ToArray()
                )
            );
        }
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

    private string Percent(double share) =>
        double.IsFinite(share) ? t.Number(share * 100, 0) + "%" : "-";
}
