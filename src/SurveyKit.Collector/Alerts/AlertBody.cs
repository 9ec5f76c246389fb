using System;
using System.Buffers;
using System.Linq;
using System.Text;
using System.Text.Json;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;
using SurveyKit.Submissions;

namespace SurveyKit.Collector.Alerts;

/// <summary>
/// The webhook body (docs/formats.md): <c>{"type":"surveykit.alert","alert":..,"survey":..,"version":..,
/// "responseId":..,"submittedAt":..,"receivedAt":..,"lang":..,"context":{..},"answers":{..}}</c>. Answers are written
/// as in a submission. Personal fields are in it only when the alert may carry them and the respondent consented;
/// otherwise <c>personalDataLeftOut</c> names what was left out.
/// </summary>
internal static class AlertBody
{
    public static string Write(
        Survey survey,
        AlertSpec alert,
        Submission submission,
        DateTimeOffset receivedAt,
        bool personal
    )
    {
        var data = submission.Data;
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "surveykit.alert");
            writer.WriteString("alert", alert.Id);
            writer.WriteString("survey", survey.Id);
            writer.WriteNumber("version", data.Version ?? survey.Version);
            writer.WriteString("responseId", data.ResponseId);
            writer.WriteString("submittedAt", submission.SubmittedAt ?? receivedAt);
            writer.WriteString("receivedAt", receivedAt);
            writer.WriteString("lang", data.Lang ?? survey.DefaultLanguage);
            writer.WriteStartObject("context");
            foreach (var (key, value) in data.Context)
            {
                if (personal || survey.FindContext(key) is not { Pii: true })
                {
                    writer.WriteString(key, value);
                }
            }
            writer.WriteEndObject();
            writer.WriteStartObject("answers");
            foreach (var (key, value) in data.Answers)
            {
                if (
                    personal
                    || survey.FindQuestion(key) is not { } q
                    || !PersonalData.IsPersonal(q)
                )
                {
                    writer.WritePropertyName(key);
                    SubmissionJson.WriteValue(writer, value);
                }
            }
            writer.WriteEndObject();
            var leftOut = personal ? [] : PersonalData.Fields(survey);
            if (leftOut.Count > 0)
            {
                writer.WriteStartArray("personalDataLeftOut");
                foreach (var field in leftOut)
                {
                    writer.WriteStringValue(field);
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
