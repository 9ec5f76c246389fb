using System.Text.Json;
using SurveyKit.Analysis.Scoring;

namespace SurveyKit.Analysis.Report;

public static partial class SummaryJson
{
    /// <summary>
    /// <c>alerts</c>: per alert the responses that raised it, its deliveries and how fast they arrived (seconds from the
    /// response being stored); null when the input is not a collector's database.
    /// </summary>
    private static void Alerts(Utf8JsonWriter json, AnalysisResult result)
    {
        if (result.Alerts is not { } alerts)
        {
            json.WriteNull("alerts");
            return;
        }
        json.WriteStartArray("alerts");
        foreach (var rule in alerts.Rules)
        {
            json.WriteStartObject();
            json.WriteString("alert", rule.Alert);
            json.WriteNumber("responses", rule.Responses);
            json.WriteNumber("deliveries", rule.Deliveries);
            json.WriteNumber("delivered", rule.Delivered);
            json.WriteNumber("pending", rule.Pending);
            json.WriteNumber("failed", rule.Failed);
            Number(json, "median_seconds", rule.MedianSeconds, 3);
            Number(json, "p95_seconds", rule.P95Seconds, 3);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
