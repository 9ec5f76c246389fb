using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Analysis.Scoring;
using SurveyKit.Core.Model;

namespace SurveyKit.Analysis.Report;

/// <summary>
/// Turns an analysis into the report's content in one language: key findings first, written as sentences a manager
/// can repeat, then one section per question a manager asks, each with the numbers as a table.
/// </summary>
internal sealed partial class ReportBuilder(AnalysisResult result, string language)
{
    private readonly ReportTexts t = ReportTexts.For(language);

    public static ReportDocument Build(AnalysisResult result, string language) =>
        new ReportBuilder(result, language).Build();

    private ReportDocument Build()
    {
        var table = result.Table;
        var lead = new List<string>();
        if (table.FirstSubmitted is { } first && table.LastSubmitted is { } last)
        {
            lead.Add(t.Format("fieldwork", t.Date(first), t.Date(last)));
        }
        lead.Add(
            t.Format(
                "responses_line",
                t.Count(table.Read),
                t.Count(table.Count),
                t.Count(table.Rejected),
                t.Count(table.Duplicates)
            )
        );
        var sections = new List<ReportSection>();
        if (result.Nps.N == 0)
        {
            sections.Add(new ReportSection("summary", t["summary"], [new Paragraph(t["no_data"])]));
        }
        else
        {
            sections.Add(
                new ReportSection("summary", t["summary"], [new BulletList(KeyFindings())])
            );
            sections.Add(NpsSection());
            if (result.Weighted is not null)
            {
                sections.Add(WeightedSection());
            }
            if (result.Segments.Count > 0)
            {
                sections.Add(SegmentsSection());
            }
            if (result.Touchpoints.Count > 0)
            {
                sections.Add(TouchpointsSection());
            }
            if (result.Drivers is not null)
            {
                sections.Add(DriversSection());
                sections.Add(ImportancePerformanceSection());
            }
            if (result.WhatIf is not null)
            {
                sections.Add(WhatIfSection());
            }
            if (result.Touchpoints.Any(tp => tp.NpsByGrade.Count > 0))
            {
                sections.Add(LevelsSection());
            }
            if (result.Touchpoints.Any(tp => tp.Comparison is { N: > 0 }))
            {
                sections.Add(CompetitorsSection());
            }
            if (result.Priorities.Count > 0)
            {
                sections.Add(PrioritiesSection());
            }
            if (result.SatisfactionLoyalty is { N: > 0 })
            {
                sections.Add(SatisfactionSection());
            }
            if (result.Complaints is not null)
            {
                sections.Add(ComplaintsSection());
            }
        }
        sections.Add(QualitySection());
        if (table.Plan.Consent is not null)
        {
            sections.Add(
                new ReportSection(
                    "followup",
                    t["followup"],
                    [
                        new Paragraph(
                            table.FollowUps.Count > 0
                                ? t.Format("followup_text", t.Count(table.FollowUps.Count))
                                : t["followup_none"]
                        ),
                    ]
                )
            );
        }
        var method = new List<ReportBlock>
        {
            new Paragraph(t.Format("method_text", t["method_" + result.Nps.Method])),
        };
        if (result.Notes.Count > 0)
        {
            method.Add(new BulletList(result.Notes));
        }
        sections.Add(new ReportSection("method", t["method"], method));
        var title = result.Survey.Title?[language] ?? result.Survey.Id;
        return new ReportDocument(
            language,
            $"{title}: {t["report"].ToLowerInvariant()}",
            lead,
            sections
        );
    }

    private List<string> KeyFindings()
    {
        var findings = new List<string>();
        var nps = result.Nps;
        findings.Add(
            t.Format(
                "k_nps",
                t.Nps(nps.Value),
                t.Nps(nps.Ci95.Low),
                t.Nps(nps.Ci95.High),
                t.Count(nps.N)
            )
        );
        if (result.Weighted is { } weighted)
        {
            findings.Add(
                t.Format(
                    "k_weighted",
                    string.Join(", ", weighted.Variables.Select(SegmentLabel)),
                    t.Nps(weighted.Value),
                    t.Number(weighted.EffectiveN, 0)
                )
            );
        }
        if (result.Drivers?.Items.FirstOrDefault() is { } top)
        {
            findings.Add(t.Format("k_driver", top.Label[language], t.Number(top.SharePercent, 0)));
            if (result.WhatIf is { } whatIf)
            {
                var up = whatIf.Scenarios.FirstOrDefault(s => s.Item == top.Id && s.Delta == 1);
                var down = whatIf.Scenarios.FirstOrDefault(s => s.Item == top.Id && s.Delta == -1);
                if (up is not null && down is not null)
                {
                    findings.Add(
                        t.Format(
                            "k_whatif",
                            top.Label[language],
                            t.Nps(up.Change),
                            t.Number(Math.Abs(down.Change), 1)
                        )
                    );
                }
            }
        }
        if (result.Priorities.FirstOrDefault() is { } priority)
        {
            findings.Add(t.Format("k_priority", priority.Label[language], Why(priority)));
        }
        var significant = result
            .Segments.SelectMany(s => s.Values.Select(v => (Segment: s, Value: v)))
            .Where(x =>
                x.Value.PVsRest < result.Options.Alpha
                && x.Segment.Values.Count > 1
                && x.Segment.Id != result.Table.Plan.Complaint?.Id // complaint handling has its own finding
            )
            .OrderBy(x => x.Value.PVsRest)
            .Take(3);
        foreach (var (segment, value) in significant)
        {
            findings.Add(
                t.Format(
                    "k_segment",
                    SegmentLabel(segment.Id),
                    ValueLabel(value),
                    t.Nps(value.Nps.Value),
                    t.Nps(value.DifferenceVsRest),
                    t.P(value.PVsRest)
                )
            );
        }
        if (
            result.Complaints is { } complaints
            && complaints.Resolved.N > 0
            && complaints.Unresolved.N > 0
        )
        {
            findings.Add(
                t.Format(
                    "k_complaint",
                    t.Nps(complaints.Resolved.Value),
                    t.Nps(complaints.Unresolved.Value)
                )
            );
        }
        if (result.Table.FollowUps.Count > 0)
        {
            findings.Add(t.Format("k_followup", t.Count(result.Table.FollowUps.Count)));
        }
        return findings;
    }

    private string Why(PriorityItem priority)
    {
        var touchpoint = result.Touchpoints.First(tp => tp.Driver.Id == priority.Id);
        var reasons = new List<string>
        {
            t.Format("why_important", t.Number(priority.SharePercent, 0)),
            t.Format("why_headroom", t.Number(touchpoint.Mean, 1), touchpoint.Driver.Scale.Max),
        };
        if (priority.Gap > 0)
        {
            reasons.Add(t.Format("why_behind", t.Number(priority.Gap * 100, 0)));
        }
        else if (priority.Gap < 0)
        {
            reasons.Add(t.Format("why_ahead", t.Nps(-priority.Gap * 100)));
        }
        return string.Join(", ", reasons);
    }

    private string SegmentLabel(string id) =>
        result.Table.Plan.Segments.FirstOrDefault(s => s.Id == id)?.Label?[language] ?? id;

    private string ValueLabel(SegmentValue value) => value.Label?[language] ?? value.Value;

    private string Label(LocalizedText text) => text[language];

    private static string[] Row(params string[] cells) => cells;
}
