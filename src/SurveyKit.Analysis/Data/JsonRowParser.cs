using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using SurveyKit.Core.Model;

namespace SurveyKit.Analysis.Data;

/// <summary>
/// Reads the columns of the plan from one submission in JSON (formats.md) straight from its UTF-8 bytes. It checks
/// what it reads (a grade on the scale, a known option, a UUID) and skips the rest: the collector has already
/// checked every rule, and a file from elsewhere is still scored on what the analysis uses.
/// </summary>
internal sealed class JsonRowParser
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 16 };
    private static readonly byte[] NotApplicable = "na"u8.ToArray();
    private static readonly byte[][] Comparisons =
    [
        "worse"u8.ToArray(),
        "same"u8.ToArray(),
        "better"u8.ToArray(),
    ];

    private readonly AnalysisPlan plan;
    private readonly byte[] surveyId;
    private readonly AnswerKey[] answerKeys;
    private readonly (byte[] Key, int Segment, int Personal)[] contextKeys;
    private readonly byte[][][] segmentValues;
    private readonly string[] languages;
    private readonly byte[][] languageBytes;

    public JsonRowParser(AnalysisPlan plan)
    {
        this.plan = plan;
        surveyId = Encoding.UTF8.GetBytes(plan.Survey.Id);
        answerKeys = AnswerKey.For(plan);
        contextKeys = plan
            .Survey.Context.Select(c =>
                (
                    Encoding.UTF8.GetBytes(c.Id),
                    Index(plan.Segments, s => s.IsContext && s.Id == c.Id),
                    Index(plan.PersonalContext, p => p.Id == c.Id)
                )
            )
            .ToArray();
        segmentValues = plan
            .Segments.Select(s => s.FixedValues.Select(Encoding.UTF8.GetBytes).ToArray())
            .ToArray();
        languages = [.. plan.Survey.Languages];
        languageBytes = languages.Select(Encoding.UTF8.GetBytes).ToArray();
    }

    /// <summary>Fills <paramref name="row"/>; returns why the submission cannot be scored, or null.</summary>
    public string? Parse(ReadOnlySpan<byte> utf8, Row row)
    {
        try
        {
            var error = Read(utf8, row, texts: false);
            if (error is null && row.NeedsFollowUp)
            {
                // Only a consenting detractor's texts are decoded: a second, rare pass keeps the first one lean.
                error = Read(utf8, row, texts: true);
            }
            return error;
        }
        catch (JsonException exception)
        {
            var message = exception.Message;
            // System.Text.Json appends its own position ("LineNumber: 0 | BytePositionInLine: 1."); the report
            // already says which line, so only the sentence about what is wrong is kept.
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            cut = cut > 0 ? cut : message.IndexOf(" Path:", StringComparison.Ordinal);
            // The sentence quotes the bytes it stumbled on ("'tru}}' is an invalid JSON literal"): values, to the report.
            return "not valid JSON: "
                + OffendingValue.QuoteQuoted(cut > 0 ? message[..cut] : message);
        }
        catch (Exception exception)
            when (exception is ArgumentException
                || exception
                    is InvalidOperationException
                    {
                        InnerException: System.Text.DecoderFallbackException
                    }
            )
        {
            return "not valid UTF-8";
        }
        catch (InvalidOperationException)
        {
            // GetString of an escaped lone surrogate ("\ud800"): text that cannot be decoded, in one record only.
            return "a text is not valid Unicode (a lone \\u escape of half a character)";
        }
    }

    private string? Read(ReadOnlySpan<byte> utf8, Row row, bool texts)
    {
        var reader = new Utf8JsonReader(utf8, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return "the line is not a JSON object";
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string? error = null;
            if (reader.ValueTextEquals("answers"u8))
            {
                reader.Read();
                error = texts ? ReadTexts(ref reader, row) : ReadAnswers(ref reader, row);
            }
            else if (reader.ValueTextEquals("context"u8))
            {
                reader.Read();
                error = ReadContext(ref reader, row, texts);
            }
            else if (texts)
            {
                reader.Read();
                reader.Skip();
            }
            else if (reader.ValueTextEquals("responseId"u8))
            {
                reader.Read();
                if (
                    reader.TokenType != JsonTokenType.String
                    || !(
                        reader.ValueIsEscaped
                            ? Guid.TryParse(reader.GetString(), out row.ResponseId)
                            : Utf8Parser.TryParse(
                                reader.ValueSpan,
                                out row.ResponseId,
                                out var used
                            )
                                && used == reader.ValueSpan.Length
                    )
                )
                {
                    return "responseId: not a UUID";
                }
                row.HasResponseId = true;
            }
            else if (reader.ValueTextEquals("survey"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    return "survey: not a text";
                }
                row.Survey = reader.ValueTextEquals(surveyId) ? plan.Survey.Id : reader.GetString();
            }
            else if (reader.ValueTextEquals("version"u8))
            {
                reader.Read();
                if (
                    reader.TokenType != JsonTokenType.Number
                    || !reader.TryGetInt32(out row.Version)
                )
                {
                    return "version: not a whole number";
                }
            }
            else if (reader.ValueTextEquals("lang"u8))
            {
                reader.Read();
                row.Lang = Language(ref reader);
            }
            else if (reader.ValueTextEquals("submittedAt"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && Time(ref reader) is { } at)
                {
                    row.SubmittedAt = at;
                }
            }
            else if (reader.ValueTextEquals("meta"u8))
            {
                reader.Read();
                ReadMeta(ref reader, row);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
            if (error is not null)
            {
                return error;
            }
        }
        // One object per line: reading past it throws on anything that follows (two records glued together), so
        // that line is rejected instead of its second record being lost.
        _ = reader.Read();
        return null;
    }

    /// <summary>
    /// A time with its offset as written; a time without one is UTC (as the CSV reader takes it), never the clock of
    /// the machine that happens to run the analysis.
    /// </summary>
    private static DateTimeOffset? Time(ref Utf8JsonReader reader)
    {
        var text = reader.ValueIsEscaped
            ? Encoding.UTF8.GetBytes(reader.GetString()!)
            : reader.ValueSpan;
        var hasOffset =
            text.Length > 6
            && (text[^1] is (byte)'Z' or (byte)'z' || text[^6] is (byte)'+' or (byte)'-');
        if (hasOffset)
        {
            return reader.TryGetDateTimeOffset(out var at) ? at : null;
        }
        return reader.TryGetDateTime(out var time)
            ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc))
            : null;
    }

    private string? Language(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return null;
        }
        for (var i = 0; i < languageBytes.Length; i++)
        {
            if (reader.ValueTextEquals(languageBytes[i]))
            {
                return languages[i];
            }
        }
        return reader.GetString();
    }

    private static void ReadMeta(ref Utf8JsonReader reader, Row row)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var duration = reader.ValueTextEquals("durationMs"u8);
            reader.Read();
            if (
                duration
                && reader.TokenType == JsonTokenType.Number
                && reader.TryGetDouble(out var ms)
                && ms >= 0
            )
            {
                row.DurationMs = (float)ms;
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private string? ReadContext(ref Utf8JsonReader reader, Row row, bool texts)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return "context: not an object";
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = -1;
            for (var k = 0; k < contextKeys.Length && key < 0; k++)
            {
                key = reader.ValueTextEquals(contextKeys[k].Key) ? k : -1;
            }
            reader.Read();
            if (key < 0 || reader.TokenType != JsonTokenType.String)
            {
                reader.Skip();
                continue;
            }
            var (_, segment, personal) = contextKeys[key];
            if (!texts && segment >= 0)
            {
                row.Segments[segment] = Code(ref reader, segment);
                if (row.Segments[segment] < 0)
                {
                    return $"context.{plan.Segments[segment].Id}: {OffendingValue.Quote(reader.GetString() ?? "")} is not one of its values";
                }
            }
            if (texts && personal >= 0)
            {
                row.PersonalContext[personal] = reader.GetString();
            }
        }
        return null;
    }

    private int Code(ref Utf8JsonReader reader, int segment)
    {
        var values = segmentValues[segment];
        for (var v = 0; v < values.Length; v++)
        {
            if (reader.ValueTextEquals(values[v]))
            {
                return v;
            }
        }
        return -1;
    }

    private string? ReadAnswers(ref Utf8JsonReader reader, Row row)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return "answers: not an object";
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = Find(ref reader);
            reader.Read();
            if (key is null)
            {
                reader.Skip();
                continue;
            }
            var error = key.Apply(ref reader, row, this);
            if (error is not null)
            {
                return "answers." + error;
            }
        }
        return null;
    }

    private AnswerKey? Find(ref Utf8JsonReader reader)
    {
        var span = reader.ValueIsEscaped ? default : reader.ValueSpan;
        foreach (var key in answerKeys)
        {
            if (
                reader.ValueIsEscaped
                    ? reader.ValueTextEquals(key.Utf8)
                    : span.SequenceEqual(key.Utf8)
            )
            {
                return key;
            }
        }
        return null;
    }

    private string? ReadTexts(ref Utf8JsonReader reader, Row row)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }
        var contact = plan.Contact?.Id;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                reader.Skip();
                continue;
            }
            if (name == contact)
            {
                row.Contact = reader.GetString();
            }
            for (var c = 0; c < plan.Comments.Count; c++)
            {
                if (plan.Comments[c].Id == name)
                {
                    row.Comments[c] = reader.GetString();
                }
            }
        }
        return null;
    }

    /// <summary>A grade on <paramref name="scale"/>, "na" as <see cref="Row.NotApplicable"/>, or null when invalid.</summary>
    internal static float? Grade(ref Utf8JsonReader reader, Scale scale, bool allowNotApplicable)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetInt32(out var whole))
            {
                return whole >= scale.Min && whole <= scale.Max ? whole : null;
            }
            return
                reader.TryGetDouble(out var value)
                && value == Math.Floor(value)
                && value >= scale.Min
                && value <= scale.Max
                ? (float)value
                : null;
        }
        return
            allowNotApplicable
            && reader.TokenType == JsonTokenType.String
            && reader.ValueTextEquals(NotApplicable)
            ? Row.NotApplicable
            : null;
    }

    internal static string Describe(ref Utf8JsonReader reader) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => "the number "
                + OffendingValue.Quote(Encoding.UTF8.GetString(reader.ValueSpan)),
            JsonTokenType.String => "the text " + OffendingValue.Quote(reader.GetString() ?? ""),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            JsonTokenType.StartArray => "a list",
            JsonTokenType.StartObject => "an object",
            _ => "null",
        };

    internal static int Compare(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            for (var c = 0; c < Comparisons.Length; c++)
            {
                if (reader.ValueTextEquals(Comparisons[c]))
                {
                    return c;
                }
            }
        }
        return -1;
    }

    internal int SegmentCode(ref Utf8JsonReader reader, int segment) =>
        reader.TokenType == JsonTokenType.String ? Code(ref reader, segment)
        : reader.TokenType is JsonTokenType.True or JsonTokenType.False
        && plan.Segments[segment].FixedValues is ["true", "false"]
            ? (reader.TokenType == JsonTokenType.True ? 0 : 1)
        : -1;

    private static int Index<T>(IReadOnlyList<T> list, Func<T, bool> match)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (match(list[i]))
            {
                return i;
            }
        }
        return -1;
    }

    internal static string Scale(Scale scale) =>
        string.Create(CultureInfo.InvariantCulture, $"{scale.Min}..{scale.Max}");
}
