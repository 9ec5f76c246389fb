using System.Text.Json;
using SurveyKit.Analysis.Scoring;

namespace SurveyKit.Analysis.Report;

public static partial class SummaryJson
{
    /// <summary>
    /// <c>invitations</c>: invited, responded, the rate (0..1) and its Wilson interval, in all and per segment value;
    /// null unless the input is a collector's database with invitations to the survey.
    /// </summary>
    private static void Invitations(Utf8JsonWriter json, AnalysisResult result)
    {
        if (result.Invitations is not { } invitations)
        {
            json.WriteNull("invitations");
            return;
        }
        json.WriteStartObject("invitations");
        Rate(json, invitations.All);
        json.WriteStartObject("segments");
        foreach (var (segment, values) in invitations.Segments)
        {
            json.WriteStartObject(segment);
            foreach (var (value, rate) in values)
            {
                json.WriteStartObject(value);
                Rate(json, rate);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Rate(Utf8JsonWriter json, ResponseRate rate)
    {
        json.WriteNumber("invited", rate.Invited);
        json.WriteNumber("responded", rate.Responded);
        Number(json, "rate", rate.Rate, 4);
        Pair(json, "ci95", rate.Ci95, 4);
    }
}
