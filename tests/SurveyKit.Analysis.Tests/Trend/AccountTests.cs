using System;
using System.IO;
using System.Linq;
using System.Text;
using SurveyKit.Analysis.Report;
using SurveyKit.Analysis.Scoring;
using SurveyKit.Analysis.Tests.Statistics;
using SurveyKit.Core;
using SurveyKit.Core.Model;

namespace SurveyKit.Analysis.Tests.Trend;

/// <summary>
/// The roll-up per account: an account's NPS is the mean of its contacts' classes, every account counts once, and the
/// accounts at risk (NPS fell, only detractors, the risk signal) go to accounts-at-risk.csv and nowhere else.
/// </summary>
public class AccountTests
{
    private static readonly Survey Survey = SurveyLoader
        .Parse(
            "accounts.survey.yaml",
            """
            survey: accounts
            version: 1
            languages: [en]
            title: Accounts
            context:
              - id: account
                pii: true
            questions:
              - id: recommend
                type: nps
                text: How likely are you to recommend us?
              - id: manager_changed
                type: single_choice
                text: Has your account manager changed?
                options:
                  - { id: no, label: No }
                  - { id: yes, label: Yes }
            analysis:
              account: account
              risk_signal: { question: manager_changed, answers: [yes] }
            """
        )
        .Survey!;

    private static string Line(string? account, string at, int score, string changed = "no") =>
        $"{{\"responseId\":\"{Guid.NewGuid()}\",\"survey\":\"accounts\",\"version\":1,\"submittedAt\":\"{at}\",\"context\":{{{(account is null ? "" : $"\"account\":\"{account}\"")}}},\"answers\":{{\"recommend\":{score},\"manager_changed\":\"{changed}\"}}}}\n";

    private const string Q1 = "2026-02-01T10:00:00Z",
        Q2 = "2026-05-01T10:00:00Z";

    /// <summary>
    /// ACME-FELL: two promoters in Q1, one detractor in Q2 (fell, and only detractors). ACME-NEWAM: a promoter in Q2
    /// whose account manager changed. ACME-FINE: promoters in both quarters. One response names no account.
    /// </summary>
    private static AnalysisResult Analyze() =>
        SurveyAnalyzer.Analyze(
            TestSurveys.ReadJsonLines(
                Survey,
                string.Concat(
                    Line("ACME-FELL", Q1, 10),
                    Line("ACME-FELL", Q1, 9),
                    Line("ACME-FELL", Q2, 2),
                    Line("ACME-NEWAM", Q2, 10, "yes"),
                    Line("ACME-FINE", Q1, 10),
                    Line("ACME-FINE", Q2, 9),
                    Line(null, Q2, 8)
                )
            ),
            new AnalysisOptions { DriverResamples = 0 }
        );

    [Fact]
    public void An_account_s_nps_is_the_mean_of_its_contacts_classes_and_each_account_counts_once()
    {
        var accounts = Analyze().Accounts!;

        Assert.Equal(3, accounts.Accounts);
        Assert.Equal(6, accounts.Contacts);
        Assert.Equal(1, accounts.WithoutAccount);
        // ACME-FELL (+100 +100 -100) / 3, ACME-NEWAM +100, ACME-FINE +100.
        Approx.Equal((100.0 / 3 + 100 + 100) / 3, accounts.MeanNps, 9);
        Assert.Equal(3, accounts.Positive);
        Assert.Equal(2, accounts.MedianContacts);
        Assert.Equal(["2026-Q1", "2026-Q2"], accounts.Periods.Select(p => p.Period));
        Assert.Equal([2, 3], accounts.Periods.Select(p => p.Accounts));
        Approx.Equal((-100 + 100 + 100) / 3.0, accounts.Periods[1].MeanNps, 9);
        Assert.True(accounts.MeanCi95.Contains(accounts.MeanNps));
    }

    [Fact]
    public void Accounts_at_risk_are_those_that_fell_have_only_detractors_or_gave_the_signal_most_reasons_first()
    {
        var risk = Analyze().Accounts!.AtRisk;

        Assert.Equal(["ACME-FELL", "ACME-NEWAM"], risk.Select(r => r.Account));
        var fell = risk[0];
        Assert.True(fell.Fell && fell.OnlyDetractors);
        Assert.Equal(
            ("2026-Q2", "2026-Q1", -100.0, 100.0),
            (fell.Period, fell.Previous, fell.Nps, fell.PreviousNps)
        );
        Assert.Equal(1, risk[1].Signals);
        Assert.False(risk[1].Fell || risk[1].OnlyDetractors);
    }

    [Fact]
    public void The_list_goes_to_accounts_at_risk_csv_and_the_report_and_summary_only_count()
    {
        var result = Analyze();
        var folder = Path.Combine(
            Path.GetTempPath(),
            "sk-accounts-" + Guid.NewGuid().ToString("N")
        );
        try
        {
            var written = ReportFiles.Write(result, folder);

            Assert.Contains(
                written,
                p => p.EndsWith(AccountsCsv.FileName, StringComparison.Ordinal)
            );
            var csv = File.ReadAllText(Path.Combine(folder, AccountsCsv.FileName), Encoding.UTF8);
            Assert.Equal(
                "account,period,contacts,nps,previous_period,previous_nps,nps_fell,only_detractors,risk_signals\r\n"
                    + "ACME-FELL,2026-Q2,1,-100.0,2026-Q1,100.0,true,true,0\r\n"
                    + "ACME-NEWAM,2026-Q2,1,100.0,,,false,false,1\r\n",
                csv
            );
            foreach (var file in new[] { "report.html", "report.md", "summary.json" })
            {
                var text = File.ReadAllText(Path.Combine(folder, file));
                Assert.DoesNotContain("ACME", text, StringComparison.Ordinal);
            }
            var report = File.ReadAllText(Path.Combine(folder, "report.md"));
            Assert.Contains(
                "2 accounts are at risk: for 1 the NPS fell since the previous period in which they answered, for 1 every contact is a detractor, for 1 a contact gave the risk signal. They are listed in accounts-at-risk.csv",
                report,
                StringComparison.Ordinal
            );
            Assert.Contains(
                "2 accounts are at risk: see accounts-at-risk.csv.",
                report,
                StringComparison.Ordinal
            );
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
