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

    // Keys used twice are found by CheckTexts, which can name where: the parser's own check stops at a key that
    // escapes half of a character without saying which.
    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = 16,
        AllowDuplicateProperties = true,
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
        // JSON can escape half of a character ("\ud800"), which no .NET string holds as text: reading it (even
        // comparing a key with it) throws. Every text and key is checked first, so nothing below can meet one.
        CheckTexts(root, "", errors);
        if (errors.Count > 0)
        {
            var twice = errors.FirstOrDefault(e => e.Rule == EnvelopeRules.Duplicate);
            return twice is null
                ? new SubmissionRead(null, errors)
                : SubmissionRead.Fail("", EnvelopeRules.Syntax, twice.Message);
        }
        foreach (var property in root.EnumerateObject())
        {
            if (Name(property, "", errors) is { } name && !EnvelopeKeys.Contains(name))
            {
                errors.Add(
                    new(
                        Excerpt.Of(name),
                        ResponseRules.Unknown,
                        $"'{Excerpt.Of(name)}' is not a key of a submission ({string.Join(", ", EnvelopeKeys)})."
                    )
                );
            }
        }
        var data = new ResponseData();
        var responseId = Text(root, "responseId", errors, required: true);
        if (responseId is not null)
        {
            // The nil UUID is what a client that never made an id sends; it would make every such client one response.
            if (Guid.TryParseExact(responseId, "D", out var id) && id != Guid.Empty)
            {
                data.ResponseId = id.ToString("D");
            }
            else
            {
                errors.Add(
                    new(
                        "responseId",
                        ResponseRules.Type,
                        "responseId must be a random UUID such as 'b38a088c-a65e-4389-b74d-0fb132e70629' (not the nil UUID)."
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
                at.Length <= 64
                && DateTimeOffset.TryParse(
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
                    if (Name(field, "context", errors) is not { } name)
                    {
                        continue;
                    }
                    var path = "context." + Excerpt.Of(name);
                    if (field.Value.ValueKind != JsonValueKind.String)
                    {
                        errors.Add(new(path, ResponseRules.Type, $"{path} must be a text."));
                    }
                    else if (String(field.Value, path, errors) is { } value)
                    {
                        data.Context[name] = value;
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
                    if (Name(answer, "answers", errors) is { } name)
                    {
                        data.Answers[name] = Value(
                            answer.Value,
                            "answers." + Excerpt.Of(name),
                            errors,
                            nested: false
                        );
                    }
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
            return String(value, key, errors);
        }
        errors.Add(new(key, ResponseRules.Type, $"{key} must be a text."));
        return null;
    }

    // JSON can escape half of a character ("\ud800"), which no .NET string can hold as text: GetString throws.
    // Such a text is the sender's mistake, named by its field, never a 500.
    private static string? String(JsonElement value, string path, List<ResponseError> errors)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            errors.Add(new(path, ResponseRules.Text, "The text " + HalfCharacter));
            return null;
        }
    }

    private static string? Name(JsonProperty property, string parent, List<ResponseError> errors)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            errors.Add(
                new(
                    parent,
                    ResponseRules.Text,
                    $"A key in {(parent.Length > 0 ? parent : "the submission")} " + HalfCharacter
                )
            );
            return null;
        }
    }

    private static void CheckTexts(JsonElement element, string path, List<ResponseError> errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                String(element, path, errors);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CheckTexts(item, path, errors);
                }
                break;
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (Name(property, path, errors) is not { } name)
                    {
                        continue;
                    }
                    var child = path.Length == 0 ? Excerpt.Of(name) : path + "." + Excerpt.Of(name);
                    if (!seen.Add(name))
                    {
                        errors.Add(
                            new(
                                child,
                                EnvelopeRules.Duplicate,
                                $"The body is not a submission: the key '{child}' appears twice."
                            )
                        );
                    }
                    CheckTexts(property.Value, child, errors);
                }
                break;
        }
    }

    private const string HalfCharacter =
        "holds half of a character (a \\u escape of a lone surrogate, such as \\ud800), which is not text.";

    private static AnswerValue Value(
        JsonElement value,
        string path,
        List<ResponseError> errors,
        bool nested
    )
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                // The literal is kept so that the rules can tell 8 from 8.0 and 1e-400 (which reads as 0).
                return value.TryGetDouble(out var number) && double.IsFinite(number)
                    ? AnswerValue.Of(number, value.GetRawText())
                    : AnswerValue.Invalid("a number out of range");
            case JsonValueKind.String:
                return String(value, path, errors) is { } text
                    ? AnswerValue.Of(text)
                    : AnswerValue.Invalid("a text that is not valid Unicode");
            case JsonValueKind.True:
                return AnswerValue.Of(true);
            case JsonValueKind.False:
                return AnswerValue.Of(false);
            case JsonValueKind.Array
                when !nested
                    && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String):
                var texts = new List<string>();
                foreach (var item in value.EnumerateArray())
                {
                    if (String(item, path, errors) is not { } itemText)
                    {
                        return AnswerValue.Invalid("a text that is not valid Unicode");
                    }
                    texts.Add(itemText);
                }
                return AnswerValue.Of(texts);
            case JsonValueKind.Object when !nested:
                var entries = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
                foreach (var property in value.EnumerateObject())
                {
                    if (Name(property, path, errors) is { } key)
                    {
                        entries[key] = Value(
                            property.Value,
                            path + "." + Excerpt.Of(key),
                            errors,
                            nested: true
                        );
                    }
                }
                return AnswerValue.Of(entries);
            case JsonValueKind.Null:
                return AnswerValue.Invalid("null (leave the key out for no answer)");
            case JsonValueKind.Array:
                return AnswerValue.Invalid("a list that is not a list of option ids");
            default:
                return AnswerValue.Invalid("an object inside an object");
        }
    }

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

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message.Substring(0, end + 1);
    }
}
