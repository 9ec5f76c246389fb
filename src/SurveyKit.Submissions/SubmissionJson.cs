using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SurveyKit.Core.Responses;
using SurveyKit.Core.Text;

namespace SurveyKit.Submissions;

/// <summary>
/// Reads and writes the submission JSON of formats.md. Reading is strict about the envelope (a UUID responseId,
/// the survey and version, only known keys, no key twice) and neutral about answers, whose rules are Core's.
/// </summary>
public static class SubmissionJson
{
    /// <summary>Reads one submission from UTF-8 JSON (see <see cref="SubmissionReader"/>).</summary>
    public static SubmissionRead Read(ReadOnlyMemory<byte> utf8) =>
        new SubmissionReader().Read(utf8.Span);

    /// <summary>The canonical stored form: the submission as formats.md writes it, with the time it was received (when given).</summary>
    public static string Write(
        Submission submission,
        DateTimeOffset? receivedAt,
        Core.Model.Survey? survey = null
    )
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var data = submission.Data;
            writer.WriteStartObject();
            writer.WriteString("responseId", data.ResponseId);
            writer.WriteString("survey", data.Survey);
            writer.WriteNumber("version", data.Version ?? 0);
            if (submission.SubmittedAt is { } at)
            {
                writer.WriteString("submittedAt", at);
            }
            if (receivedAt is { } received)
            {
                writer.WriteString("receivedAt", received);
            }
            if (data.Lang is not null)
            {
                writer.WriteString("lang", data.Lang);
            }
            if (data.Context.Count > 0)
            {
                writer.WriteStartObject("context");
                foreach (var (key, value) in data.Context)
                {
                    writer.WriteString(key, value);
                }
                writer.WriteEndObject();
            }
            writer.WriteStartObject("answers");
            foreach (var (key, value) in data.Answers)
            {
                writer.WritePropertyName(key);
                WriteValue(writer, value);
            }
            writer.WriteEndObject();
            if (survey is not null)
            {
                ConsentFingerprints(writer, survey, data);
            }
            if (submission.DurationMs is { } ms)
            {
                writer.WriteStartObject("meta");
                writer.WriteNumber("durationMs", ms);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // What the respondent agreed to, provably: per consent question answered, the language and a hash of the text shown
    // (the question and its help), so the organisation can show which wording a "yes" was given to.
    private static void ConsentFingerprints(
        Utf8JsonWriter writer,
        Core.Model.Survey survey,
        ResponseData data
    )
    {
        var lang = data.Lang is { } l && survey.Languages.Contains(l) ? l : survey.DefaultLanguage;
        var started = false;
        foreach (var question in survey.Questions.OfType<Core.Model.ConsentQuestion>())
        {
            if (!data.Answers.ContainsKey(question.Id))
            {
                continue;
            }
            if (!started)
            {
                writer.WriteStartObject("consent");
                started = true;
            }
            var shown = question.Text[lang] + "\n" + (question.Help?[lang] ?? "");
            var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(shown));
            writer.WriteStartObject(question.Id);
            writer.WriteString("lang", lang);
            writer.WriteNumber("version", survey.Version);
            writer.WriteString("text_sha256", Convert.ToHexStringLower(hash));
            writer.WriteEndObject();
        }
        if (started)
        {
            writer.WriteEndObject();
        }
    }

    /// <summary>Writes one answer as formats.md writes it.</summary>
    public static void WriteValue(Utf8JsonWriter writer, AnswerValue value)
    {
        switch (value.Kind)
        {
            case AnswerKind.Number:
                WriteNumber(writer, value.Number);
                break;
            case AnswerKind.Text:
                writer.WriteStringValue(value.Text);
                break;
            case AnswerKind.Boolean:
                writer.WriteBooleanValue(value.Boolean);
                break;
            case AnswerKind.TextList:
                writer.WriteStartArray();
                foreach (var text in value.Texts)
                {
                    writer.WriteStringValue(text);
                }
                writer.WriteEndArray();
                break;
            case AnswerKind.Map:
                writer.WriteStartObject();
                foreach (var (key, entry) in value.Entries)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, entry);
                }
                writer.WriteEndObject();
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    // Core's one way to write an answer's number (a whole number as one, however large).
    private static void WriteNumber(Utf8JsonWriter writer, double number) =>
        writer.WriteRawValue(NumberText.Of(number));

    /// <summary>
    /// A stored submission without its personal data (<see cref="PersonalData"/>): the same JSON with the personal
    /// answers and context values taken out, everything else as stored.
    /// </summary>
    public static string WithoutPersonal(string body, Core.Model.Survey survey)
    {
        if (PersonalData.Fields(survey).Count == 0 || JsonNode.Parse(body) is not JsonObject root)
        {
            return body;
        }
        if (root["context"] is JsonObject context)
        {
            foreach (var field in survey.Context.Where(PersonalData.IsPersonal))
            {
                context.Remove(field.Id);
            }
        }
        if (root["answers"] is JsonObject answers)
        {
            foreach (var question in survey.Questions.Where(PersonalData.IsPersonal))
            {
                answers.Remove(question.Id);
            }
        }
        return root.ToJsonString();
    }
}
