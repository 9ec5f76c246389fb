using System.Globalization;
using System.Linq;
using System.Text.Json;
using SurveyKit.Analysis.Data;
using SurveyKit.Analysis.Scoring;

namespace SurveyKit.Analysis.Report;

public static partial class SummaryJson
{
    /// <summary>
    /// <c>trend</c>: per period (sorted in time) the NPS with its interval and classes, the change from the previous
    /// period with its test, the touchpoints, the segments and (where a period says enough) the driver shares; null
    /// when there is no trend.
    /// </summary>
    private static void Trend(Utf8JsonWriter json, AnalysisResult result)
    {
        if (result.Trend is not { } trend)
        {
            json.WriteNull("trend");
            return;
        }
        json.WriteStartObject("trend");
        json.WriteString("by", trend.By.ToString().ToLowerInvariant());
        json.WriteNumber("undated", trend.Undated);
        json.WriteNumber("changes_tested", trend.Changes);
        json.WriteStartArray("periods");
        foreach (var period in trend.Periods)
        {
            var nps = period.Nps;
            json.WriteStartObject();
            json.WriteString("period", period.Key);
            json.WriteNumber("n", nps.N);
            Number(json, "nps", nps.Value, 1);
            Pair(json, "ci95", nps.N > 0 ? nps.Ci95 : NoInterval, 1);
            json.WriteNumber("promoters", nps.Promoters);
            json.WriteNumber("passives", nps.Passives);
            json.WriteNumber("detractors", nps.Detractors);
            var change = period.VsPrevious;
            Number(json, "change", change?.Difference ?? double.NaN, 1);
            Pair(json, "ci95_change", change?.Ci95 ?? NoInterval, 1);
            P(json, "p_change", change?.P ?? double.NaN);
            P(json, "p_change_holm", change?.PAdjusted ?? double.NaN);
            json.WriteBoolean("significant", change?.Significant ?? false);
            Number(json, "change_from_first", period.VsFirst?.Difference ?? double.NaN, 1);
            Pair(json, "ci95_change_from_first", period.VsFirst?.Ci95 ?? NoInterval, 1);
            json.WriteStartObject("touchpoints");
            foreach (var touchpoint in period.Touchpoints)
            {
                json.WriteStartObject(touchpoint.Id);
                Number(json, "mean", touchpoint.Mean, 2);
                json.WriteNumber("n", touchpoint.N);
                Pair(json, "ci95", touchpoint.Ci95, 2);
                Number(json, "change", touchpoint.Change, 2);
                P(json, "p_change", touchpoint.P);
                P(json, "p_change_holm", touchpoint.PAdjusted);
                json.WriteBoolean("significant", touchpoint.Significant);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteStartObject("segments");
            foreach (var segment in period.Segments.GroupBy(s => s.Segment))
            {
                json.WriteStartObject(segment.Key);
                foreach (var value in segment)
                {
                    json.WriteStartObject(value.Value);
                    Number(json, "nps", value.Nps, 1);
                    json.WriteNumber("n", value.N);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
            if (period.Drivers is { } drivers)
            {
                json.WriteStartObject("driver_shares");
                foreach (var (id, share) in drivers.OrderByDescending(d => d.Value))
                {
                    Number(json, id, share, 1);
                }
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("driver_shares");
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary><c>version_mapping</c>: per earlier version, what scoring it on the current definition did.</summary>
    private static void Mapping(Utf8JsonWriter json, ResponseTable table)
    {
        json.WriteStartObject("version_mapping");
        foreach (var (version, mapping) in table.Mapping)
        {
            json.WriteStartObject(version.ToString(CultureInfo.InvariantCulture));
            json.WriteNumber("responses", mapping.Responses);
            json.WriteNumber("renamed", mapping.Renamed);
            json.WriteNumber("removed", mapping.Removed);
            json.WriteNumber("changed", mapping.Changed);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
