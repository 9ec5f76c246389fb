using System.Collections.Generic;
using System.Linq;
using SurveyKit.Analysis.Scoring;

namespace SurveyKit.Analysis.Report;

/// <summary>The roll-up per account: counts and means only; the accounts at risk are named in accounts-at-risk.csv.</summary>
internal sealed partial class ReportBuilder
{
    private ReportSection AccountsSection()
    {
        var accounts = result.Accounts!;
        var field = result.Table.Plan.Account!;
        var name = field.Label?[language] ?? field.Id;
        var blocks = new List<ReportBlock>();
        if (accounts.Accounts == 0)
        {
            blocks.Add(new Paragraph(t.Format("accounts_none", name)));
            return new ReportSection("accounts", t["accounts"], blocks);
        }
        blocks.Add(
            new Paragraph(
                t.Format(
                    "accounts_intro",
                    t.Count(accounts.Accounts),
                    t.Count(accounts.Contacts),
                    t.Number(accounts.MedianContacts, accounts.MedianContacts % 1 == 0 ? 0 : 1),
                    name
                )
            )
        );
        blocks.Add(
            new Table(
                t["accounts"],
                [
                    t["accounts_mean"],
                    t["interval"],
                    t["accounts_positive"],
                    t["accounts_neutral"],
                    t["accounts_negative"],
                ],
                [
                    Row(
                        t.Nps(accounts.MeanNps),
                        double.IsFinite(accounts.MeanCi95.Low)
                            ? Range(accounts.MeanCi95.Low, accounts.MeanCi95.High)
                            : "-",
                        t.Count(accounts.Positive),
                        t.Count(accounts.Neutral),
                        t.Count(accounts.Negative)
                    ),
                ]
            )
        );
        if (accounts.Periods.Count > 0)
        {
            var unit = t["by_" + By(result.Trend!)];
            blocks.Add(
                new Table(
                    t.Format("accounts_per", unit),
                    [Capitalized(unit), t["accounts_count"], t["accounts_mean"]],
                    accounts
                        .Periods.Select(p =>
                            Row(PeriodLabel(p.Period, false), t.Count(p.Accounts), t.Nps(p.MeanNps))
                        )
                        .ToArray()
                )
            );
        }
        if (accounts.WithoutAccount > 0)
        {
            blocks.Add(
                new Paragraph(t.Format("accounts_without", t.Count(accounts.WithoutAccount), name))
            );
        }
        var risk = accounts.AtRisk;
        blocks.Add(
            new Paragraph(
                risk.Count == 0
                    ? t["accounts_risk_none"]
                    : t.Format(
                        "accounts_risk",
                        t.Count(risk.Count),
                        t.Count(risk.Count(r => r.Fell)),
                        t.Count(risk.Count(r => r.OnlyDetractors)),
                        t.Count(risk.Count(r => r.Signals > 0)),
                        AccountsCsv.FileName
                    )
            )
        );
        return new ReportSection("accounts", t["accounts"], blocks);
    }
}
