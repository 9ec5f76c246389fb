using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Analysis.Scoring;
using SurveyKit.Analysis.Statistics;
using SurveyKit.Core.Model;

namespace SurveyKit.Analysis.Report;

/// <summary>
/// Turns an analysis into the report's content in one language: key findings first, written as sentences a manager
/// can repeat, then one section per question a manager asks, each with the numbers as a table. Every word comes from
/// the report's text table; touchpoints, segments and values are named by the survey's labels.
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
            if (result.Trend is not null)
            {
                sections.Add(TrendSection());
                if (result.Table.Plan.Drivers.Count > 0)
                {
                    sections.Add(TouchpointTrendSection());
                }
            }
            if (result.Weighted is not null)
            {
                sections.Add(WeightedSection());
            }
            if (result.Segments.Count > 0)
            {
                sections.Add(SegmentsSection());
            }
            if (result.Accounts is not null)
            {
                sections.Add(AccountsSection());
            }
            if (result.Touchpoints.Count > 0)
            {
                sections.Add(TouchpointsSection());
            }
            if (result.Drivers is not null)
            {
                sections.Add(DriversSection());
            }
            if (result.Touchpoints.Any(tp => tp.Quadrant.Length > 0))
            {
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
        if (result.Themes is { } themes)
        {
            sections.Add(ThemesSection(themes));
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
        if (result.Invitations is { } invitations)
        {
            sections.Add(InvitationsSection(invitations));
        }
        if (
            result.Alerts is { } alerts
            && (alerts.Rules.Count > 0 || table.Plan.Survey.Alerts.Count > 0)
        )
        {
            sections.Add(AlertsSection(alerts));
        }
        var options = result.Options;
        var method = new List<ReportBlock>
        {
            new Paragraph(
                t.Format(
                    "method_text",
                    t["method_" + result.Nps.Method],
                    options.MinGroupN,
                    t.Number(options.MinDriverR2 * 100, 0)
                )
            ),
        };
        if (result.Notes.Count > 0)
        {
            method.Add(new Paragraph("**" + t["notes"] + "**"));
            method.Add(new BulletList(result.Notes.Select(Note).ToArray()));
        }
        sections.Add(new ReportSection("method", t["method"], method));
        var title = result.Survey.Title?[language] ?? result.Survey.Id;
        return new ReportDocument(language, t.Format("title", title), lead, sections);
    }

    private List<string> KeyFindings()
    {
        var findings = new List<string>();
        var options = result.Options;
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
        if (nps.N == 1)
        {
            findings.Add(t.Format("k_one", options.MinGroupN));
        }
        else if (nps.N < options.MinGroupN)
        {
            findings.Add(t.Format("k_few", t.Count(nps.N), options.MinGroupN));
        }
        findings.AddRange(TrendFindings());
        // A weighted NPS that leans on a handful of respondents is shown in its section, with the warning, not here.
        if (result.Weighted is { SmallCells.Count: 0 } weighted)
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
        if (result.Drivers is { Informative: false } weak)
        {
            findings.Add(t.Format("k_drivers_weak", t.Number(weak.R2 * 100, 0)));
        }
        else if (result.Drivers?.Items.FirstOrDefault() is { } top)
        {
            // "Weighs most" only when the top driver stays ahead of the second in 95% of the bootstrap resamples.
            var drivers = result.Drivers;
            findings.Add(
                drivers.Items.Count < 2 || drivers.TopAhead >= 0.95
                    ? t.Format("k_driver", DriverLabel(top.Id), t.Number(top.SharePercent, 0))
                    : t.Format(
                        "k_drivers_tied",
                        DriverLabel(top.Id),
                        DriverLabel(drivers.Items[1].Id),
                        t.Number(top.SharePercent, 0),
                        t.Number(drivers.Items[1].SharePercent, 0)
                    )
            );
            if (result.WhatIf is { } whatIf)
            {
                var up = whatIf.Scenarios.FirstOrDefault(s => s.Item == top.Id && s.Delta == 1);
                var down = whatIf.Scenarios.FirstOrDefault(s => s.Item == top.Id && s.Delta == -1);
                // A change whose interval holds zero cannot be told apart from no change: no headline.
                if (up is not null && down is not null && up.ChangeCi95.Low > 0)
                {
                    findings.Add(
                        t.Format(
                            "k_whatif",
                            DriverLabel(top.Id),
                            t.Nps(up.Change),
                            t.Nps(up.ChangeCi95.Low),
                            t.Nps(up.ChangeCi95.High),
                            t.Number(Math.Abs(down.Change), 1)
                        )
                    );
                }
            }
            if (result.Priorities.FirstOrDefault() is { } priority)
            {
                findings.Add(
                    priority.Quadrant == SurveyAnalyzer.Quadrants.Concentrate
                        ? t.Format("k_priority", DriverLabel(priority.Id), Why(priority))
                        : t.Format("k_priority_none", DriverLabel(priority.Id))
                );
            }
        }
        var significant = result
            .Segments.Where(s => s.Id != result.Table.Plan.Complaint?.Id) // complaints have their own finding
            .SelectMany(s => s.Values.Select(v => (Segment: s, Value: v)))
            .Where(x => x.Value.VsRest is { Significant: true })
            // One comparison seen from both sides ("business lower", "consumers higher") is one finding.
            .GroupBy(x => x.Value.VsRest!.Family)
            .Select(g => g.First())
            .OrderBy(x => x.Value.VsRest!.PAdjusted)
            .ThenByDescending(x => Math.Abs(x.Value.VsRest!.Difference))
            .Take(3);
        foreach (var (segment, value) in significant)
        {
            var comparison = value.VsRest!;
            findings.Add(
                t.Format(
                    "k_segment",
                    SegmentLabel(segment.Id),
                    ValueLabel(value),
                    t.Nps(value.Nps.Value),
                    t.Nps(value.Rest.Value),
                    t.Nps(comparison.Difference),
                    t.Nps(comparison.Ci95.Low),
                    t.Nps(comparison.Ci95.High)
                )
            );
        }
        if (result.Complaints is { ResolvedVsUnresolved: { } complaint } complaints)
        {
            findings.Add(
                t.Format(
                    complaint.Significant ? "k_complaint" : "k_complaint_ns",
                    t.Nps(complaints.Resolved.Value),
                    t.Nps(complaints.Unresolved.Value),
                    t.Number(Math.Abs(complaint.Difference), 1),
                    t.P(complaint.PAdjusted)
                )
            );
        }
        if (ThemeFinding() is { } theme)
        {
            findings.Add(theme);
        }
        if (result.Table.FollowUps.Count > 0)
        {
            findings.Add(t.Format("k_followup", t.Count(result.Table.FollowUps.Count)));
        }
        if (result.Accounts is { AtRisk.Count: > 0 } accounts)
        {
            findings.Add(
                t.Format("k_accounts_risk", t.Count(accounts.AtRisk.Count), AccountsCsv.FileName)
            );
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
        // Behind or ahead of competitors only when the interval of the net share says so.
        if (touchpoint.Comparison is { N: > 0 } c)
        {
            var net = NpsInterval.Compute(
                new NpsCounts(c.Worse, c.Same, c.Better),
                IntervalMethod.AdjustedWald,
                result.Options.Confidence
            );
            var points = Math.Round(Math.Abs(c.Net) * 100, MidpointRounding.AwayFromZero);
            if (net.High < 0)
            {
                reasons.Add(
                    points == 1 ? t["why_behind_one"] : t.Format("why_behind", t.Number(points, 0))
                );
            }
            else if (net.Low > 0)
            {
                reasons.Add(
                    points == 1
                        ? t["why_ahead_one"]
                        : t.Format("why_ahead", "+" + t.Number(points, 0))
                );
            }
        }
        return string.Join(", ", reasons);
    }

    /// <summary>A note in this language, naming touchpoints, segments and values by their labels.</summary>
    private string Note(AnalysisNote note) =>
        t.Format(
            "note_" + note.Key,
            note.Arguments.Select(argument =>
                    (object)(
                        argument switch
                        {
                            NoteDriver d => PlainLabel(d.Id),
                            NoteSegment s => SegmentLabel(s.Id),
                            NoteQuestion q => (
                                result.Survey.FindQuestion(q.Id) is { } asked
                                    ? Core.Text.Piping.Plain(asked.Text[language])
                                    : null
                            ) ?? q.Id,
                            NoteVerbatim v => v.Text,
                            NoteValue v => ValueLabel(v.Segment, v.Value),
                            NoteNumber n => t.Number(n.Value, n.Decimals),
                            int i => t.Count(i),
                            long l => t.Count(l),
                            string key => t[key],
                            _ => throw new ArgumentOutOfRangeException(nameof(note)),
                        }
                    )
                )
                .ToArray()
        );

    private string SegmentLabel(string id) =>
        result.Table.Plan.Segments.FirstOrDefault(s => s.Id == id)?.Label?[language] is { } label
            ? Core.Text.Piping.Plain(label)
            : id;

    private string ValueLabel(SegmentValue value) => value.Label?[language] ?? value.Value;

    private string ValueLabel(string segment, string value)
    {
        var column = result.Table.Plan.Segments.FirstOrDefault(s => s.Id == segment);
        var index = column?.FixedValues.ToList().IndexOf(value) ?? -1;
        return index >= 0 && index < column!.ValueLabels.Count
            ? column.ValueLabels[index]?[language] ?? value
            : value;
    }

    /// <summary>A touchpoint's own label, as a note names it.</summary>
    private string PlainLabel(string id) =>
        result.Table.Plan.Drivers.First(d => d.Id == id).Label[language];

    /// <summary>A touchpoint's label; one that stands for others too names them ("Delivery + Tracking").</summary>
    private string DriverLabel(string id)
    {
        var drivers = result.Table.Plan.Drivers;
        var label = drivers.First(d => d.Id == id).Label[language];
        var also = result.Drivers?.Items.FirstOrDefault(i => i.Id == id)?.Also ?? [];
        return also.Count == 0
            ? label
            : string.Join(
                " + ",
                also.Select(a => drivers.First(d => d.Id == a).Label[language]).Prepend(label)
            );
    }

    private string Label(LocalizedText text) => text[language];

    private static string[] Row(params string[] cells) => cells;
}
