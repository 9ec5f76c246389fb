using System.Collections.Generic;
using System.Linq;
using SurveyKit.Analysis.Scoring;

namespace SurveyKit.Analysis.Report;

/// <summary>The follow-up view of the alerts: counts per rule and how fast they arrived, never who or what.</summary>
internal sealed partial class ReportBuilder
{
    private ReportSection AlertsSection(AlertActivity alerts)
    {
        var blocks = new List<ReportBlock>();
        if (alerts.Rules.Count == 0)
        {
            blocks.Add(new Paragraph(t["alerts_none"]));
            return new ReportSection("alerts", t["alerts"], blocks);
        }
        blocks.Add(
            new Paragraph(
                t.Format(
                    "alerts_text",
                    t.Count(alerts.Rules.Sum(r => r.Responses)),
                    t.Count(alerts.Rules.Sum(r => r.Deliveries)),
                    t.Count(alerts.Rules.Sum(r => r.Delivered))
                )
            )
        );
        blocks.Add(
            new Table(
                t["alerts_caption"],
                [
                    t["alerts_rule"],
                    t["alerts_responses"],
                    t["alerts_delivered"],
                    t["alerts_pending"],
                    t["alerts_failed_head"],
                    t["alerts_median"],
                    t["alerts_p95"],
                ],
                alerts
                    .Rules.Select(r =>
                        Row(
                            r.Alert,
                            t.Count(r.Responses),
                            t.Count(r.Delivered),
                            t.Count(r.Pending),
                            t.Count(r.Failed),
                            Duration(r.MedianSeconds),
                            Duration(r.P95Seconds)
                        )
                    )
                    .ToArray()
            )
        );
        var failed = alerts.Rules.Sum(r => r.Failed);
        if (failed > 0)
        {
            blocks.Add(new Paragraph(t.Format("alerts_failed", t.Count(failed))));
        }
        return new ReportSection("alerts", t["alerts"], blocks);
    }

    // Seconds under a minute with one decimal, then minutes, then hours: how people say a wait.
    private string Duration(double seconds) =>
        double.IsNaN(seconds) ? "-"
        : seconds < 60 ? t.Number(seconds, seconds < 10 ? 1 : 0) + "\u00a0" + t["unit_s"]
        : seconds < 5400 ? t.Number(seconds / 60, 0) + "\u00a0" + t["unit_min"]
        : t.Number(seconds / 3600, 1) + "\u00a0" + t["unit_h"];
}
