using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Analysis.Data;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Scoring;

public static partial class SurveyAnalyzer
{
    /// <summary>
    /// The roll-up per account: each account's NPS (the mean of its contacts' classes), the mean over accounts, per
    /// period when there is a trend, and the accounts at risk in their latest period.
    /// </summary>
    private static AccountSummary? Accounts(
        ResponseTable table,
        TrendPeriods? split,
        AnalysisOptions options
    )
    {
        if (table.Plan.Account is null)
        {
            return null;
        }
        var outcome = table.Outcome.Span;
        var accounts = table.Accounts.Span;
        var count = table.AccountValues.Count;
        var periods = split?.Keys.Count ?? 1;
        int PeriodOf(int row) => split is null ? 0 : split.PeriodOf[row];
        // Per account and period: the sum of class scores (+1, 0, -1), the contacts, the detractors and the signals.
        var sum = new double[count, periods];
        var contacts = new int[count, periods];
        var detractors = new int[count, periods];
        var signals = new int[count, periods];
        var total = new int[count];
        var totalSum = new double[count];
        long withoutAccount = 0;
        var risk = table.Plan.RiskSignal;
        var riskCodes = risk is null ? default : table.Segments[risk.Segment].Span;
        for (var i = 0; i < outcome.Length; i++)
        {
            var a = accounts[i];
            if (a < 0)
            {
                withoutAccount += outcome[i] >= 0 ? 1 : 0;
                continue;
            }
            var p = PeriodOf(i);
            if (p < 0)
            {
                continue;
            }
            if (risk is not null && riskCodes[i] >= 0 && risk.Codes.Contains(riskCodes[i]))
            {
                signals[a, p]++;
            }
            if (outcome[i] < 0)
            {
                continue;
            }
            var score = NpsCounts.Classify(outcome[i]) switch
            {
                NpsClass.Promoter => 1,
                NpsClass.Detractor => -1,
                _ => 0,
            };
            sum[a, p] += score;
            totalSum[a] += score;
            contacts[a, p]++;
            total[a]++;
            detractors[a, p] += score < 0 ? 1 : 0;
        }
        var answered = Enumerable.Range(0, count).Where(a => total[a] > 0).ToList();
        var nps = answered.Select(a => 100 * totalSum[a] / total[a]).ToList();
        var atRisk = new List<AccountRisk>();
        for (var a = 0; a < count; a++)
        {
            var latest = Enumerable
                .Range(0, periods)
                .LastOrDefault(p => contacts[a, p] > 0 || signals[a, p] > 0, -1);
            if (latest < 0)
            {
                continue;
            }
            var previous = Enumerable.Range(0, latest).LastOrDefault(p => contacts[a, p] > 0, -1);
            var now =
                contacts[a, latest] > 0 ? 100 * sum[a, latest] / contacts[a, latest] : double.NaN;
            var before =
                previous >= 0 ? 100 * sum[a, previous] / contacts[a, previous] : double.NaN;
            var fell = now < before;
            var onlyDetractors =
                contacts[a, latest] > 0 && detractors[a, latest] == contacts[a, latest];
            if (fell || onlyDetractors || signals[a, latest] > 0)
            {
                atRisk.Add(
                    new AccountRisk(
                        table.AccountValues[a],
                        contacts[a, latest],
                        now,
                        split?.Keys[latest],
                        previous >= 0 ? split!.Keys[previous] : null,
                        before,
                        fell,
                        onlyDetractors,
                        signals[a, latest]
                    )
                );
            }
        }
        var ordered = atRisk
            .OrderByDescending(r =>
                (r.Fell ? 1 : 0) + (r.OnlyDetractors ? 1 : 0) + (r.Signals > 0 ? 1 : 0)
            )
            .ThenBy(r => double.IsNaN(r.Nps) ? double.MaxValue : r.Nps)
            .ThenBy(r => r.Account, StringComparer.Ordinal)
            .ToList();
        var perPeriod = split is null
            ? []
            : Enumerable
                .Range(0, periods)
                .Select(p =>
                {
                    var values = Enumerable
                        .Range(0, count)
                        .Where(a => contacts[a, p] > 0)
                        .Select(a => 100 * sum[a, p] / contacts[a, p])
                        .ToList();
                    return new AccountPeriod(
                        split.Keys[p],
                        values.Count,
                        values.Count > 0 ? values.Average() : double.NaN
                    );
                })
                .ToList();
        var sizes = answered.Select(a => (double)total[a]).Order().ToList();
        return new AccountSummary(
            answered.Count,
            answered.Sum(a => (long)total[a]),
            withoutAccount,
            nps.Count > 0 ? nps.Average() : double.NaN,
            nps.Count(v => v > 0),
            nps.Count(v => v == 0),
            nps.Count(v => v < 0),
            ordered,
            perPeriod
        )
        {
            MeanCi95 = MeanInterval(
                nps.Count,
                nps.Sum(),
                nps.Sum(v => v * v),
                new Core.Model.Scale(-100, 100),
                options.Confidence
            ),
            MedianContacts =
                sizes.Count == 0 ? double.NaN
                : sizes.Count % 2 == 1 ? sizes[sizes.Count / 2]
                : (sizes[sizes.Count / 2 - 1] + sizes[sizes.Count / 2]) / 2,
        };
    }
}
