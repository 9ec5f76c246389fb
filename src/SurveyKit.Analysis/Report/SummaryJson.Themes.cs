using System.Text.Json;
using SurveyKit.Analysis.Scoring;

namespace SurveyKit.Analysis.Report;

public static partial class SummaryJson
{
    /// <summary>
    /// <c>themes</c>: the respondents with an open answer per class, per theme its mentions per class, the NPS of those
    /// who mention it and of the others, the comparison when tested, anonymised quotes, and the words of detractors'
    /// answers no theme covers; null when the survey has no codebook.
    /// </summary>
    private static void Themes(Utf8JsonWriter json, AnalysisResult result)
    {
        if (result.Themes is not { } themes)
        {
            json.WriteNull("themes");
            return;
        }
        json.WriteStartObject("themes");
        json.WriteStartObject("answered");
        json.WriteNumber("detractors", themes.Answered.Detractors);
        json.WriteNumber("passives", themes.Answered.Passives);
        json.WriteNumber("promoters", themes.Answered.Promoters);
        json.WriteEndObject();
        json.WriteStartArray("items");
        foreach (var item in themes.Items)
        {
            json.WriteStartObject();
            json.WriteString("id", item.Theme.Id.Id);
            if (item.Theme.Touchpoint is { } touchpoint)
            {
                json.WriteString("touchpoint", touchpoint.Id);
            }
            else
            {
                json.WriteNull("touchpoint");
            }
            json.WriteNumber("detractors", item.Detractors);
            json.WriteNumber("passives", item.Passives);
            json.WriteNumber("promoters", item.Promoters);
            json.WritePropertyName("nps_mentioning");
            Nps(json, item.Mentioning, includeCounts: false);
            json.WritePropertyName("nps_others");
            Nps(json, item.Others, includeCounts: false);
            if (item.VsOthers is { } c)
            {
                json.WriteStartObject("difference");
                Number(json, "value", c.Difference, 1);
                Pair(json, "ci95", c.Ci95, 1);
                Number(json, "p", c.P, 4);
                Number(json, "p_holm", c.PAdjusted, 4);
                json.WriteBoolean("significant", c.Significant);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("difference");
            }
            json.WriteStartArray("examples");
            foreach (var quote in item.Examples)
            {
                json.WriteStringValue(quote);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("uncovered_detractors", themes.Uncovered);
        Counts(json, "uncovered_words", themes.Words);
        Counts(json, "uncovered_phrases", themes.Phrases);
        json.WriteEndObject();
    }

    private static void Counts(
        Utf8JsonWriter json,
        string name,
        System.Collections.Generic.IReadOnlyList<(string Text, int Count)> counts
    )
    {
        json.WriteStartArray(name);
        foreach (var (text, count) in counts)
        {
            json.WriteStartObject();
            json.WriteString("text", text);
            json.WriteNumber("count", count);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
