using System.Linq;
using System.Text.Json;
using SurveyKit.Analysis.Scoring;

namespace SurveyKit.Analysis.Report;

public static partial class SummaryJson
{
    /// <summary>
    /// <c>accounts</c>: counts and means of the roll-up per account, never an account's name (those are in
    /// accounts-at-risk.csv); null when the survey names no account.
    /// </summary>
    private static void Accounts(Utf8JsonWriter json, AnalysisResult result)
    {
        if (result.Accounts is not { } accounts)
        {
            json.WriteNull("accounts");
            return;
        }
        json.WriteStartObject("accounts");
        json.WriteNumber("accounts", accounts.Accounts);
        json.WriteNumber("contacts", accounts.Contacts);
        json.WriteNumber("without_account", accounts.WithoutAccount);
        Number(json, "median_contacts", accounts.MedianContacts, 1);
        Number(json, "mean_nps", accounts.MeanNps, 1);
        Pair(json, "ci95_mean_nps", accounts.MeanCi95, 1);
        json.WriteNumber("positive", accounts.Positive);
        json.WriteNumber("neutral", accounts.Neutral);
        json.WriteNumber("negative", accounts.Negative);
        json.WriteStartObject("at_risk");
        json.WriteNumber("accounts", accounts.AtRisk.Count);
        json.WriteNumber("nps_fell", accounts.AtRisk.Count(r => r.Fell));
        json.WriteNumber("only_detractors", accounts.AtRisk.Count(r => r.OnlyDetractors));
        json.WriteNumber("risk_signal", accounts.AtRisk.Count(r => r.Signals > 0));
        json.WriteEndObject();
        json.WriteStartArray("periods");
        foreach (var period in accounts.Periods)
        {
            json.WriteStartObject();
            json.WriteString("period", period.Period);
            json.WriteNumber("accounts", period.Accounts);
            Number(json, "mean_nps", period.MeanNps, 1);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
