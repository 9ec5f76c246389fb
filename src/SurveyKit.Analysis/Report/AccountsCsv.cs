using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using SurveyKit.Analysis.Scoring;
using SurveyKit.Core.Responses;

namespace SurveyKit.Analysis.Report;

/// <summary>
/// accounts-at-risk.csv: the accounts whose NPS fell, whose only contacts are detractors, or where a contact gave the
/// risk signal, most reasons first. It names customers, so it is follow-up output like follow-up.csv; the report
/// only counts it.
/// </summary>
public static class AccountsCsv
{
    /// <summary>The file's name.</summary>
    public const string FileName = "accounts-at-risk.csv";

    /// <summary>Writes the list.</summary>
    public static void Write(AccountSummary accounts, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n" };
        writer.WriteLine(
            "account,period,contacts,nps,previous_period,previous_nps,nps_fell,only_detractors,risk_signals"
        );
        foreach (var risk in accounts.AtRisk)
        {
            var fields = new[]
            {
                risk.Account,
                risk.Period ?? "",
                risk.Contacts.ToString(CultureInfo.InvariantCulture),
                Number(risk.Nps),
                risk.Previous ?? "",
                Number(risk.PreviousNps),
                risk.Fell ? "true" : "false",
                risk.OnlyDetractors ? "true" : "false",
                risk.Signals.ToString(CultureInfo.InvariantCulture),
            };
            writer.WriteLine(string.Join(",", fields.Select(Csv.Escape)));
        }
    }

    private static string Number(double value) =>
        double.IsFinite(value)
            ? Math.Round(value, 1, MidpointRounding.AwayFromZero)
                .ToString("0.0", CultureInfo.InvariantCulture)
            : "";
}
