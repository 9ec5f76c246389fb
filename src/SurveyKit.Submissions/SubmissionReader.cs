using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;
using SurveyKit.Core.Text;

namespace SurveyKit.Submissions;

/// <summary>
/// Reads one submission (formats.md) from its UTF-8 JSON into Core's neutral <see cref="ResponseData"/>, in one pass
/// over the bytes. Strict about the envelope (only known keys, no key twice, a UUID, a version), neutral about the
/// answers, whose rules are Core's <see cref="ResponseValidator"/>. Every problem names its field, including a text
/// that escapes half of a character (<c>\ud800</c>), which no .NET string can hold.
/// A reader made for a survey reuses the strings of its ids and options and the values of small whole numbers, so
/// that the analysis reads a million submissions without a million copies of "recommend".
/// </summary>
public sealed class SubmissionReader
{
    /// <summary>The deepest nesting of a submission (an answer map inside answers inside the submission is three).</summary>
    public const int MaxDepth = 16;

    private static readonly JsonReaderOptions Options = new() { MaxDepth = MaxDepth };

    private static readonly (byte[] Utf8, string Name)[] EnvelopeKeys =
    [
        .. new[]
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
            "invitation",
            "consent", // the fingerprints of the consent texts, written by the collector; ignored when read
        }.Select(k => (Encoding.UTF8.GetBytes(k), k)),
    ];

    private static readonly AnswerValue[] SmallNumbers = [.. Numbers(0, 101)];

    private readonly Interner names = new();
    private readonly Interner texts = new();
    private readonly Dictionary<string, AnswerValue> textValues = new(StringComparer.Ordinal);
    private readonly bool reuse;
    private readonly HashSet<string> surveyKeys = new(StringComparer.Ordinal);

    /// <summary>How many lists and maps the reader keeps for reuse (bounded by the survey's keys).</summary>
    internal int Reused => maps.Count + lists.Count;
    private readonly Dictionary<
        string,
        (Dictionary<string, AnswerValue> Map, AnswerValue Value)
    > maps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (List<string> List, AnswerValue Value)> lists = new(
        StringComparer.Ordinal
    );

    // Where the reader is, for a message about a text it cannot read: made into a path only then.
    private Where path;

    /// <summary>A reader for submissions to any survey.</summary>
    public SubmissionReader()
        : this(null) { }

    /// <summary>A reader that reuses the ids and option ids of <paramref name="survey"/>.</summary>
    public SubmissionReader(Survey? survey)
        : this(survey, reuse: false) { }

    /// <summary>
    /// A reader for <paramref name="survey"/>; with <paramref name="reuse"/>, the lists and maps of its answers are
    /// reused from one read to the next (the analysis reads a million in a row), so what one read gives is valid only
    /// until the next.
    /// </summary>
    public SubmissionReader(Survey? survey, bool reuse)
    {
        this.reuse = reuse;
        foreach (var text in new[] { "na", "worse", "same", "better", "other" })
        {
            Intern(text);
        }
        if (survey is null)
        {
            return;
        }
        names.Add(survey.Id);
        texts.Add(survey.Id);
        foreach (var language in survey.Languages)
        {
            texts.Add(language);
        }
        foreach (var field in survey.Context)
        {
            names.Add(field.Id);
            foreach (var value in field.Values)
            {
                texts.Add(value);
            }
        }
        foreach (var question in survey.Questions)
        {
            surveyKeys.Add(question.Id);
            surveyKeys.Add(question.Id + "_compare");
            names.Add(question.Id);
            names.Add(question.Id + "_other");
            names.Add(question.Id + "_compare");
            switch (question)
            {
                case TouchpointsQuestion touchpoints:
                    foreach (var item in touchpoints.Items)
                    {
                        names.Add(item.Id);
                    }
                    break;
                case ChoiceQuestion choice:
                    foreach (var option in choice.Options)
                    {
                        Intern(option.Id);
                    }
                    break;
            }
        }
    }

    private void Intern(string text)
    {
        texts.Add(text);
        textValues[text] = AnswerValue.Of(text);
    }

    private static IEnumerable<AnswerValue> Numbers(int from, int count)
    {
        for (var i = from; i < from + count; i++)
        {
            yield return AnswerValue.Of(i);
        }
    }

    /// <summary>Reads a submission into a new <see cref="ResponseData"/>.</summary>
    public SubmissionRead Read(ReadOnlySpan<byte> utf8)
    {
        var data = new ResponseData();
        var errors = new List<ResponseError>();
        var envelope = Read(utf8, data, errors);
        return errors.Count > 0
            ? new SubmissionRead(null, errors)
            : new SubmissionRead(
                new Submission(data, envelope.SubmittedAt, envelope.DurationMs)
                {
                    Invitation = invitation,
                },
                []
            );
    }

    /// <summary>
    /// Reads a submission into <paramref name="data"/> (cleared first), adding what is wrong to
    /// <paramref name="errors"/>: a syntax error stops reading, anything else is collected.
    /// </summary>
    public (DateTimeOffset? SubmittedAt, long? DurationMs) Read(
        ReadOnlySpan<byte> utf8,
        ResponseData data,
        List<ResponseError> errors
    )
    {
        invitation = null;
        data.ResponseId = null;
        data.Survey = null;
        data.Version = null;
        data.Lang = null;
        data.Context.Clear();
        data.Answers.Clear();
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            errors.Add(new("", EnvelopeRules.Syntax, "The submission is not valid UTF-8."));
            return default;
        }
        path = default;
        try
        {
            var reader = new Utf8JsonReader(utf8, Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                errors.Add(new("", EnvelopeRules.Syntax, "The submission must be a JSON object."));
                return default;
            }
            var envelope = ReadEnvelope(ref reader, data, errors);
            // One object per body (per line): anything after it, such as a second record glued on, is a syntax error.
            if (reader.Read())
            {
                errors.Add(
                    new("", EnvelopeRules.Syntax, "The submission holds more than one JSON value.")
                );
            }
            return envelope;
        }
        catch (JsonException exception)
        {
            errors.Add(
                new(
                    "",
                    EnvelopeRules.Syntax,
                    "The submission is not valid JSON: " + JsonMessage(exception.Message)
                )
            );
        }
        catch (InvalidOperationException)
        {
            // Comparing or reading a text that escapes half of a character: named by where the reader was.
            errors.Add(new(path.ToString(), ResponseRules.Text, "The text " + HalfCharacter));
        }
        return default;
    }

    private const string HalfCharacter =
        "holds half of a character (a \\u escape of a lone surrogate, such as \\ud800), which is not text.";

    // The personal link's token of the last submission read (only the collector uses it).
    private string? invitation;

    private (DateTimeOffset?, long?) ReadEnvelope(
        ref Utf8JsonReader reader,
        ResponseData data,
        List<ResponseError> errors
    )
    {
        var seen = 0;
        DateTimeOffset? submittedAt = null;
        long? duration = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            path = default;
            var key = EnvelopeKey(ref reader);
            if (key < 0)
            {
                var name = Name(ref reader, default, errors);
                reader.Read();
                reader.Skip();
                if (name is not null)
                {
                    errors.Add(
                        new(
                            Excerpt.Of(name),
                            ResponseRules.Unknown,
                            $"{ResponseError.Quote(name)} is not a key of a submission (responseId, survey, version, submittedAt, lang, context, answers, meta, invitation)."
                        )
                    );
                }
                continue;
            }
            var name_ = EnvelopeKeys[key].Name;
            if ((seen & (1 << key)) != 0)
            {
                throw new JsonException($"the key '{name_}' appears twice.");
            }
            seen |= 1 << key;
            reader.Read();
            path = new Where(name_);
            switch (name_)
            {
                case "responseId":
                    ReadResponseId(ref reader, data, errors);
                    break;
                case "survey":
                    data.Survey = Text(ref reader, path, errors);
                    break;
                case "version":
                    if (
                        reader.TokenType == JsonTokenType.Number
                        && reader.TryGetInt32(out var version)
                        && version > 0
                    )
                    {
                        data.Version = version;
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
                        reader.Skip();
                    }
                    break;
                case "lang":
                    data.Lang = Text(ref reader, path, errors);
                    break;
                case "submittedAt":
                    submittedAt = ReadTime(ref reader, errors);
                    break;
                case "context":
                    ReadContext(ref reader, data, errors);
                    break;
                case "answers":
                    ReadAnswers(ref reader, data, errors);
                    break;
                case "meta":
                    duration = ReadMeta(ref reader, errors);
                    break;
                case "invitation":
                    invitation = Text(ref reader, path, errors);
                    if (invitation is { Length: > Invitations.InvitationToken.MaxLength })
                    {
                        errors.Add(
                            new(
                                "invitation",
                                ResponseRules.Text,
                                "invitation is longer than a personal link's token can be."
                            )
                        );
                    }
                    break;
                default:
                    reader.Skip(); // receivedAt, consent
                    break;
            }
        }
        foreach (var (required, message) in Required)
        {
            if ((seen & (1 << required)) == 0)
            {
                var name = EnvelopeKeys[required].Name;
                errors.Add(new(name, EnvelopeRules.Missing, message));
            }
        }
        return (submittedAt, duration);
    }

    private static readonly (int Key, string Message)[] Required =
    [
        (0, "responseId is missing."),
        (1, "survey is missing."),
        (2, "version is missing: every submission carries the survey version it was made for."),
        (6, "answers is missing (an empty object is fine)."),
    ];

    private static int EnvelopeKey(ref Utf8JsonReader reader)
    {
        for (var k = 0; k < EnvelopeKeys.Length; k++)
        {
            if (reader.ValueTextEquals(EnvelopeKeys[k].Utf8))
            {
                return k;
            }
        }
        return -1;
    }

    private static void ReadResponseId(
        ref Utf8JsonReader reader,
        ResponseData data,
        List<ResponseError> errors
    )
    {
        // The nil UUID is what a client that never made an id sends; it would make every such client one response.
        var id = Guid.Empty;
        var valid =
            reader.TokenType == JsonTokenType.String
            && (
                reader.ValueIsEscaped
                    ? Guid.TryParseExact(reader.GetString(), "D", out id)
                    : Utf8Parser.TryParse(reader.ValueSpan, out id, out var used, 'D')
                        && used == reader.ValueSpan.Length
            )
            && id != Guid.Empty;
        if (valid)
        {
            data.ResponseId = id.ToString("D");
            return;
        }
        errors.Add(
            new(
                "responseId",
                ResponseRules.Type,
                "responseId must be a random UUID such as 'b38a088c-a65e-4389-b74d-0fb132e70629' (not the nil UUID)."
            )
        );
        reader.Skip();
    }

    private static DateTimeOffset? ReadTime(ref Utf8JsonReader reader, List<ResponseError> errors)
    {
        if (reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length <= 64)
        {
            // A time without an offset is UTC (as the CSV export reads it), never the clock of the reading machine.
            if (reader.TryGetDateTimeOffset(out var at) && HasOffset(ref reader))
            {
                return at;
            }
            if (reader.TryGetDateTime(out var time))
            {
                return new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc));
            }
        }
        errors.Add(
            new(
                "submittedAt",
                ResponseRules.Type,
                "submittedAt must be an ISO 8601 time such as '2026-01-01T10:00:00Z'."
            )
        );
        reader.Skip();
        return null;
    }

    private static bool HasOffset(ref Utf8JsonReader reader)
    {
        var text = reader.ValueIsEscaped
            ? Encoding.UTF8.GetBytes(reader.GetString()!)
            : reader.ValueSpan;
        // A date alone ("2026-01-01") has a '-' where an offset would be: an offset needs a time before it.
        return text.IndexOfAny((byte)'T', (byte)'t') > 0
            && text.Length > 6
            && (text[^1] is (byte)'Z' or (byte)'z' || text[^6] is (byte)'+' or (byte)'-');
    }

    private void ReadContext(
        ref Utf8JsonReader reader,
        ResponseData data,
        List<ResponseError> errors
    )
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            errors.Add(new("context", ResponseRules.Type, "context must be an object of texts."));
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Name(ref reader, new Where("context"), errors);
            reader.Read();
            if (name is null)
            {
                reader.Skip();
                continue;
            }
            path = new Where("context", name);
            if (reader.TokenType != JsonTokenType.String)
            {
                errors.Add(new(path.ToString(), ResponseRules.Type, $"{path} must be a text."));
                reader.Skip();
            }
            else if (Text(ref reader, path, errors) is { } value)
            {
                if (!data.Context.TryAdd(name, value))
                {
                    throw new JsonException($"the key '{path}' appears twice.");
                }
            }
        }
    }

    private void ReadAnswers(
        ref Utf8JsonReader reader,
        ResponseData data,
        List<ResponseError> errors
    )
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            errors.Add(
                new(
                    "answers",
                    ResponseRules.Type,
                    "answers must be an object keyed by question id."
                )
            );
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Name(ref reader, new Where("answers"), errors);
            reader.Read();
            if (name is null)
            {
                reader.Skip();
                continue;
            }
            path = new Where("answers", name);
            var value = Value(ref reader, path, errors, nested: false);
            if (!data.Answers.TryAdd(name, value))
            {
                throw new JsonException($"the key '{path}' appears twice.");
            }
        }
    }

    private long? ReadMeta(ref Utf8JsonReader reader, List<ResponseError> errors)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            errors.Add(new("meta", ResponseRules.Type, "meta must be an object."));
            reader.Skip();
            return null;
        }
        long? duration = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            path = new Where("meta");
            var isDuration = reader.ValueTextEquals("durationMs"u8);
            reader.Read();
            if (!isDuration)
            {
                reader.Skip();
                continue;
            }
            path = new Where("meta", "durationMs");
            if (
                reader.TokenType == JsonTokenType.Number
                && reader.TryGetInt64(out var ms)
                && ms >= 0
            )
            {
                duration = ms;
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
                reader.Skip();
            }
        }
        return duration;
    }

    private AnswerValue Value(
        ref Utf8JsonReader reader,
        Where at,
        List<ResponseError> errors,
        bool nested
    )
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt32(out var whole))
                {
                    // A plain whole number ("8"); "8.0" and "1e2" do not parse as one and keep their literal below.
                    return whole is >= 0 and <= 100 ? SmallNumbers[whole] : AnswerValue.Of(whole);
                }
                return reader.TryGetDouble(out var number) && double.IsFinite(number)
                    ? AnswerValue.Of(number, Encoding.UTF8.GetString(reader.ValueSpan))
                    : AnswerValue.Invalid("a number out of range");
            case JsonTokenType.String:
                if (!reader.ValueIsEscaped && texts.Find(reader.ValueSpan) is { } known)
                {
                    return textValues.TryGetValue(known, out var cached)
                        ? cached
                        : AnswerValue.Of(known);
                }
                return Text(ref reader, at, errors) is { } text
                    ? AnswerValue.Of(text)
                    : AnswerValue.Invalid("a text that is not valid Unicode");
            case JsonTokenType.True:
                return AnswerValue.Of(true);
            case JsonTokenType.False:
                return AnswerValue.Of(false);
            case JsonTokenType.StartArray when !nested:
                return List(ref reader, at, errors);
            case JsonTokenType.StartObject when !nested:
                return Map(ref reader, at, errors);
            case JsonTokenType.Null:
                return AnswerValue.Invalid("null (leave the key out for no answer)");
            case JsonTokenType.StartArray:
                reader.Skip();
                return AnswerValue.Invalid("a list that is not a list of option ids");
            default:
                reader.Skip();
                return AnswerValue.Invalid("an object inside an object");
        }
    }

    private AnswerValue List(ref Utf8JsonReader reader, Where at, List<ResponseError> errors)
    {
        (List<string> List, AnswerValue Value) reused = default;
        // Only the survey's own keys get a reused list: a key a file makes up must not grow the reader's memory.
        if (reuse && at.Second is { } answer && surveyKeys.Contains(answer))
        {
            if (!lists.TryGetValue(answer, out reused))
            {
                var list = new List<string>();
                lists[answer] = reused = (list, AnswerValue.Of(list));
            }
            reused.List.Clear();
        }
        var items = reused.List ?? [];
        var allTexts = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                allTexts = false;
                reader.Skip();
                continue;
            }
            if (!reader.ValueIsEscaped && texts.Find(reader.ValueSpan) is { } known)
            {
                items.Add(known);
            }
            else if (Text(ref reader, at, errors) is { } text)
            {
                items.Add(text);
            }
            else
            {
                allTexts = false;
            }
        }
        return !allTexts
            ? AnswerValue.Invalid("a list that is not a list of option ids")
            : reused.Value ?? AnswerValue.Of(items);
    }

    private AnswerValue Map(ref Utf8JsonReader reader, Where at, List<ResponseError> errors)
    {
        (Dictionary<string, AnswerValue> Map, AnswerValue Value) reused = default;
        if (reuse && at.Second is { } answer && surveyKeys.Contains(answer))
        {
            if (!maps.TryGetValue(answer, out reused))
            {
                var map = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
                maps[answer] = reused = (map, AnswerValue.Of(map));
            }
            reused.Map.Clear();
        }
        var entries = reused.Map ?? new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = Name(ref reader, at, errors);
            reader.Read();
            if (key is null)
            {
                reader.Skip();
                continue;
            }
            path = at.Inside(key);
            if (!entries.TryAdd(key, Value(ref reader, path, errors, nested: true)))
            {
                throw new JsonException($"the key '{path}' appears twice.");
            }
        }
        return reused.Value ?? AnswerValue.Of(entries);
    }

    /// <summary>A place in a submission (<c>answers.touchpoints.website</c>), made into text only for a message.</summary>
    private readonly record struct Where(string? First, string? Second = null, string? Third = null)
    {
        public Where Inside(string name) => new(First, Second, name);

        public override string ToString() =>
            First is null ? ""
            : Second is null ? First
            : Third is null ? First + "." + Excerpt.Of(Second)
            : First + "." + Excerpt.Of(Second) + "." + Excerpt.Of(Third);
    }

    // A key, reused from the survey's ids when it is one of them.
    private string? Name(ref Utf8JsonReader reader, Where parent, List<ResponseError> errors)
    {
        if (!reader.ValueIsEscaped && names.Find(reader.ValueSpan) is { } known)
        {
            return known;
        }
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            var at = parent.ToString();
            errors.Add(
                new(
                    at,
                    ResponseRules.Text,
                    $"A key in {(at.Length > 0 ? at : "the submission")} " + HalfCharacter
                )
            );
            return null;
        }
    }

    private string? Text(ref Utf8JsonReader reader, Where at, List<ResponseError> errors)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            errors.Add(new(at.ToString(), ResponseRules.Type, $"{at} must be a text."));
            reader.Skip();
            return null;
        }
        if (!reader.ValueIsEscaped && texts.Find(reader.ValueSpan) is { } known)
        {
            return known;
        }
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            errors.Add(new(at.ToString(), ResponseRules.Text, "The text " + HalfCharacter));
            return null;
        }
    }

    // System.Text.Json ends with its own position ("LineNumber: 0 | BytePositionInLine: 12."), which a submission (a
    // line) does not need; the bytes it quotes ("'tru}' is an invalid JSON literal") could be anything the sender
    // typed, so they are quoted as values (see ResponseError.Quote).
    private static string JsonMessage(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        cut = cut > 0 ? cut : message.IndexOf(" Path:", StringComparison.Ordinal);
        var sentence = cut > 0 ? message[..cut] : message;
        var quoted = new StringBuilder(sentence.Length);
        var at = 0;
        while (at < sentence.Length)
        {
            var open = sentence.IndexOf('\'', at);
            var close = open < 0 ? -1 : sentence.IndexOf('\'', open + 1);
            if (close < 0)
            {
                quoted.Append(sentence, at, sentence.Length - at);
                break;
            }
            quoted
                .Append(sentence, at, open - at)
                .Append(ResponseError.Quote(sentence[(open + 1)..close]));
            at = close + 1;
        }
        return quoted.ToString();
    }

    /// <summary>Strings by their UTF-8 bytes, to reuse one string for every occurrence of a known id.</summary>
    private sealed class Interner
    {
        private readonly Dictionary<int, List<(byte[] Utf8, string Text)>> byLength = [];

        public void Add(string text)
        {
            var utf8 = Encoding.UTF8.GetBytes(text);
            if (!byLength.TryGetValue(utf8.Length, out var list))
            {
                byLength[utf8.Length] = list = [];
            }
            if (!list.Exists(e => e.Text == text))
            {
                list.Add((utf8, text));
            }
        }

        public string? Find(ReadOnlySpan<byte> utf8)
        {
            if (byLength.TryGetValue(utf8.Length, out var list))
            {
                foreach (var (bytes, text) in list)
                {
                    if (utf8.SequenceEqual(bytes))
                    {
                        return text;
                    }
                }
            }
            return null;
        }
    }
}
