using System.Collections.Generic;
using System.Linq;
using SurveyKit.Analysis.Scoring;

namespace SurveyKit.Analysis.Report;

/// <summary>The response rate of the invitations, in all and per segment: counts, never a customer.</summary>
internal sealed partial class ReportBuilder
{
    private ReportSection InvitationsSection(InvitationActivity invitations)
    {
        var all = invitations.All;
        var blocks = new List<ReportBlock>
        {
            new Paragraph(
                t.Format(
                    "invitations_text",
                    t.Count(all.Invited),
                    t.Count(all.Responded),
                    Percent(all.Rate),
                    Percent(all.Ci95.Low) + "\u00A0..\u00A0" + Percent(all.Ci95.High)
                )
            ),
        };
        foreach (var (segment, values) in invitations.Segments.Where(s => s.Value.Count > 1))
        {
            var field = result.Table.Plan.Survey.FindContext(segment);
            var name = field?.Label?[language] ?? segment;
            blocks.Add(
                new Table(
                    t.Format("invitations_caption", name),
                    [
                        Capitalized(name),
                        t["invitations_invited"],
                        t["invitations_responded"],
                        t["invitations_rate"],
                        t["interval"],
                    ],
                    values
                        .Select(v =>
                            Row(
                                field?.LabelOf(v.Key)?[language] ?? v.Key,
                                t.Count(v.Value.Invited),
                                t.Count(v.Value.Responded),
                                Percent(v.Value.Rate),
                                Percent(v.Value.Ci95.Low)
                                    + "\u00A0..\u00A0"
                                    + Percent(v.Value.Ci95.High)
                            )
                        )
                        .ToArray()
                )
            );
        }
        return new ReportSection("invitations", t["invitations"], blocks);
    }
}
