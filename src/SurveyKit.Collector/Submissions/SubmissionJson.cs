using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using SurveyKit.Core.Responses;

namespace SurveyKit.Collector.Submissions;

/// <summary>
/// Reads and writes the submission JSON of formats.md. Reading is strict about the envelope (a UUID responseId,
/// the survey and version, only known keys, no key twice) and neutral about answers, whose rules are Core's.
/// </summary>
public static class SubmissionJson
{
    private static readonly HashSet<string> EnvelopeKeys = new(StringComparer.Ordinal)
    {
        "responseId",
        "survey",
        "version",
        "submittedAt",
        "lang",
        "context",
        "answers",
        "meta",
        "receivedAt", // written by the collector when it stores a submission; ignored when read
    };

    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = 16,
        AllowDuplicateProperties = false,
    };

    /// <summary>Reads one submission from UTF-8 JSON.</summary>
    public static SubmissionRead Read(ReadOnlyMemory<byte> utf8)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8.Span))
        {
            return SubmissionRead.Fail("", EnvelopeRules.Syntax, "The body is not valid UTF-8.");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException exception)
        {
            return SubmissionRead.Fail(
                "",
                EnvelopeRules.Syntax,
                "The body is not valid JSON in UTF-8: " + FirstSentence(exception.Message)
            );
        }
        using (document)
        {
            return Read(document.RootElement);
        }
    }

    private static SubmissionRead Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return SubmissionRead.Fail("", EnvelopeRules.Syntax, "The body must be a JSON object.");
        }
        var errors = new List<ResponseError>();
        foreach (var property in root.EnumerateObject())
        {
            if (!EnvelopeKeys.Contains(property.Name))
            {
                errors.Add(
                    new(
                        property.Name,
                        ResponseRules.Unknown,
                        $"'{property.Name}' is not a key of a submission ({string.Join(", ", EnvelopeKeys)})."
                    )
                );
            }
        }
        var data = new ResponseData();
        var responseId = Text(root, "responseId", errors, required: true);
        if (responseId is not null)
        {
            if (Guid.TryParseExact(responseId, "D", out var id))
            {
                data.ResponseId = id.ToString("D");
            }
            else
            {
                errors.Add(
                    new(
                        "responseId",
                        ResponseRules.Type,
                        "responseId must be a UUID such as 'b38a088c-a65e-4389-b74d-0fb132e70629'."
                    )
                );
            }
        }
        data.Survey = Text(root, "survey", errors, required: true);
        if (root.TryGetProperty("version", out var version))
        {
            if (
                version.ValueKind == JsonValueKind.Number
                && version.TryGetInt32(out var number)
                && number > 0
            )
            {
                data.Version = number;
            }
            else
            {
                errors.Add(
                    new(
                        "version",
                        ResponseRules.Type,
                        "version must be a whole number of 1 or more."
                    )
                );
            }
        }
        else
        {
            errors.Add(
                new(
                    "version",
                    EnvelopeRules.Missing,
                    "version is missing: every submission carries the survey version it was made for."
                )
            );
        }
        data.Lang = Text(root, "lang", errors, required: false);
        DateTimeOffset? submittedAt = null;
        var at = Text(root, "submittedAt", errors, required: false);
        if (at is not null)
        {
            if (
                DateTimeOffset.TryParse(
                    at,
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.RoundtripKind,
                    out var parsed
                )
            )
            {
                submittedAt = parsed;
            }
            else
            {
                errors.Add(
                    new(
                        "submittedAt",
                        ResponseRules.Type,
                        "submittedAt must be an ISO 8601 time such as '2026-01-01T10:00:00Z'."
                    )
                );
            }
        }
        if (root.TryGetProperty("context", out var context))
        {
            if (context.ValueKind != JsonValueKind.Object)
            {
                errors.Add(
                    new("context", ResponseRules.Type, "context must be an object of texts.")
                );
            }
            else
            {
                foreach (var field in context.EnumerateObject())
                {
                    if (field.Value.ValueKind == JsonValueKind.String)
                    {
                        data.Context[field.Name] = field.Value.GetString()!;
                    }
                    else
                    {
                        errors.Add(
                            new(
                                "context." + field.Name,
                                ResponseRules.Type,
                                $"context.{field.Name} must be a text."
                            )
                        );
                    }
                }
            }
        }
        if (root.TryGetProperty("answers", out var answers))
        {
            if (answers.ValueKind != JsonValueKind.Object)
            {
                errors.Add(
                    new(
                        "answers",
                        ResponseRules.Type,
                        "answers must be an object keyed by question id."
                    )
                );
            }
            else
            {
                foreach (var answer in answers.EnumerateObject())
                {
                    data.Answers[answer.Name] = Value(answer.Value, nested: false);
                }
            }
        }
        else
        {
            errors.Add(
                new(
                    "answers",
                    EnvelopeRules.Missing,
                    "answers is missing (an empty object is fine)."
                )
            );
        }
        long? duration = null;
        if (root.TryGetProperty("meta", out var meta))
        {
            if (meta.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new("meta", ResponseRules.Type, "meta must be an object."));
            }
            else if (meta.TryGetProperty("durationMs", out var ms))
            {
                if (
                    ms.ValueKind == JsonValueKind.Number
                    && ms.TryGetInt64(out var value)
                    && value >= 0
                )
                {
                    duration = value;
                }
                else
                {
                    errors.Add(
                        new(
                            "meta.durationMs",
                            ResponseRules.Type,
                            "meta.durationMs must be whole milliseconds, 0 or more."
                        )
                    );
                }
            }
        }
        return errors.Count > 0
            ? new SubmissionRead(null, errors)
            : new SubmissionRead(new Submission(data, submittedAt, duration), []);
    }

    private static string? Text(
        JsonElement root,
        string key,
        List<ResponseError> errors,
        bool required
    )
    {
        if (!root.TryGetProperty(key, out var value))
        {
            if (required)
            {
                errors.Add(new(key, EnvelopeRules.Missing, $"{key} is missing."));
            }
            return null;
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }
        errors.Add(new(key, ResponseRules.Type, $"{key} must be a text."));
        return null;
    }

    private static AnswerValue Value(JsonElement value, bool nested) =>
        value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDouble(out var number) && double.IsFinite(number)
                ? AnswerValue.Of(number)
                : AnswerValue.Invalid("a number out of range"),
            JsonValueKind.String => AnswerValue.Of(value.GetString()!),
            JsonValueKind.True => AnswerValue.Of(true),
            JsonValueKind.False => AnswerValue.Of(false),
            JsonValueKind.Array
                when !nested
                    && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) =>
                AnswerValue.Of(value.EnumerateArray().Select(v => v.GetString()!)),
            JsonValueKind.Object when !nested => AnswerValue.Of(
                (IReadOnlyDictionary<string, AnswerValue>)
                    value
                        .EnumerateObject()
                        .ToDictionary(p => p.Name, p => Value(p.Value, nested: true))
            ),
            JsonValueKind.Null => AnswerValue.Invalid("null (leave the key out for no answer)"),
            JsonValueKind.Array => AnswerValue.Invalid("a list that is not a list of option ids"),
            _ => AnswerValue.Invalid("an object inside an object"),
        };

    /// <summary>The canonical stored form: the submission as formats.md writes it, with the time it was received (when given).</summary>
    public static string Write(Submission submission, DateTimeOffset? receivedAt)
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

    private static void WriteValue(Utf8JsonWriter writer, AnswerValue value)
    {
        switch (value.Kind)
        {
            case AnswerKind.Number:
                writer.WriteNumberValue(value.Number);
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

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message.Substring(0, end + 1);
    }
}
