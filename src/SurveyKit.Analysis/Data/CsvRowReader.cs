using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.IO;
using System.Text;
using SurveyKit.Core.Model;

namespace SurveyKit.Analysis.Data;

/// <summary>
/// Reads the wide CSV export of formats.md (RFC 4180, UTF-8) into rows, from its bytes: the header names the columns,
/// only the plan's columns are decoded, quoted fields may hold line breaks, and the formula guard (a leading
/// apostrophe inside quotes) is removed from texts as Core's <c>Csv.Read</c> does.
/// </summary>
internal sealed class CsvRowReader(AnalysisPlan plan, Row row, ResponseTableBuilder builder)
{
    private enum Role
    {
        Ignore,
        ResponseId,
        Survey,
        Version,
        SubmittedAt,
        Lang,
        DurationMs,
        Outcome,
        Driver,
        Compare,
        Satisfaction,
        Segment,
        Consent,
        Contact,
        Comment,
        Personal,
    }

    private (Role Role, int Index, string Name)[] columns = [];
    private readonly List<(int Start, int End, bool Quoted)> fields = [];

    public void Read(Stream stream, string source, Action<long>? progress)
    {
        var buffer = new byte[1 << 20];
        var filled = 0;
        long line = 1;
        long consumed = 0;
        var header = true;
        var eof = false;
        var start = 0;
        while (true)
        {
            // Parse every complete record in the buffer; keep a partial one for the next read.
            while (start < filled)
            {
                var recordLine = line;
                var end = ParseRecord(buffer.AsSpan(0, filled), start, eof, ref line);
                if (end < 0)
                {
                    break;
                }
                if (header)
                {
                    if (
                        start == 0
                        && filled >= 3
                        && buffer[0] == 0xEF
                        && buffer[1] == 0xBB
                        && buffer[2] == 0xBF
                    )
                    {
                        fields[0] = (3, fields[0].End, fields[0].Quoted);
                    }
                    ReadHeader(buffer);
                    header = false;
                }
                else if (!(fields.Count == 1 && fields[0].Start == fields[0].End))
                {
                    Record(buffer, source, recordLine);
                }
                start = end;
            }
            if (eof)
            {
                progress?.Invoke(consumed + filled);
                return;
            }
            consumed += start;
            buffer.AsSpan(start, filled - start).CopyTo(buffer);
            filled -= start;
            start = 0;
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2); // a record longer than the buffer
            }
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            eof = read == 0;
            progress?.Invoke(consumed);
        }
    }

    /// <summary>
    /// Splits the record at <paramref name="start"/> into <see cref="fields"/>; returns where the next record starts,
    /// or -1 when the record is not complete in the buffer yet.
    /// </summary>
    private int ParseRecord(ReadOnlySpan<byte> data, int start, bool eof, ref long line)
    {
        fields.Clear();
        var i = start;
        var newlines = 0;
        while (true)
        {
            if (i < data.Length && data[i] == '"')
            {
                var fieldStart = i + 1;
                var j = fieldStart;
                while (true)
                {
                    var quote = data[j..].IndexOf((byte)'"');
                    if (quote < 0)
                    {
                        if (!eof)
                        {
                            return -1;
                        }
                        j = data.Length; // an unclosed quote at the end: take the rest
                        break;
                    }
                    newlines += data.Slice(j, quote).Count((byte)'\n');
                    j += quote;
                    if (j + 1 < data.Length && data[j + 1] == '"')
                    {
                        j += 2;
                        continue;
                    }
                    if (j + 1 >= data.Length && !eof)
                    {
                        return -1;
                    }
                    break;
                }
                fields.Add((fieldStart, Math.Min(j, data.Length), true));
                i = j + 1;
            }
            else
            {
                var rest = data[i..];
                var stop = rest.IndexOfAny((byte)',', (byte)'\n');
                if (stop < 0)
                {
                    if (!eof)
                    {
                        return -1;
                    }
                    stop = rest.Length;
                }
                var fieldEnd = i + stop;
                if (fieldEnd > i && data[fieldEnd - 1] == '\r')
                {
                    fields.Add((i, fieldEnd - 1, false));
                }
                else
                {
                    fields.Add((i, fieldEnd, false));
                }
                i = fieldEnd;
            }
            if (i >= data.Length)
            {
                if (!eof)
                {
                    return -1;
                }
                line += newlines;
                return data.Length;
            }
            if (data[i] == ',')
            {
                i++;
                continue;
            }
            if (data[i] == '\r' && i + 1 < data.Length && data[i + 1] == '\n')
            {
                i++;
            }
            if (data[i] == '\n')
            {
                line += newlines + 1;
                return i + 1;
            }
            i++; // a stray character after a closing quote: keep going in the same field list
        }
    }

    private void ReadHeader(byte[] buffer)
    {
        var names = new Dictionary<string, (Role, int)>(StringComparer.Ordinal)
        {
            ["response_id"] = (Role.ResponseId, 0),
            ["survey"] = (Role.Survey, 0),
            ["version"] = (Role.Version, 0),
            ["submitted_at"] = (Role.SubmittedAt, 0),
            ["lang"] = (Role.Lang, 0),
            ["duration_ms"] = (Role.DurationMs, 0),
        };
        if (plan.Outcome is { } nps)
        {
            names[nps.Id] = (Role.Outcome, 0);
        }
        for (var d = 0; d < plan.Drivers.Count; d++)
        {
            names[plan.Drivers[d].CsvColumn] = (Role.Driver, d);
            if (plan.Drivers[d].HasComparison)
            {
                names[plan.Drivers[d].CompareColumn] = (Role.Compare, d);
            }
        }
        if (plan.Satisfaction is { } satisfaction)
        {
            names.TryAdd(satisfaction.Id, (Role.Satisfaction, 0));
        }
        for (var s = 0; s < plan.Segments.Count; s++)
        {
            names.TryAdd(plan.Segments[s].Id, (Role.Segment, s));
        }
        if (plan.Consent is { } consent)
        {
            names.TryAdd(consent.Id, (Role.Consent, 0));
        }
        if (plan.Contact is { } contact)
        {
            names.TryAdd(contact.Id, (Role.Contact, 0));
        }
        for (var c = 0; c < plan.Comments.Count; c++)
        {
            names.TryAdd(plan.Comments[c].Id, (Role.Comment, c));
        }
        for (var p = 0; p < plan.PersonalContext.Count; p++)
        {
            names.TryAdd(plan.PersonalContext[p].Id, (Role.Personal, p));
        }
        columns = new (Role, int, string)[fields.Count];
        for (var f = 0; f < fields.Count; f++)
        {
            var name = Text(buffer, f);
            columns[f] = names.TryGetValue(name, out var role)
                ? (role.Item1, role.Item2, name)
                : (Role.Ignore, 0, name);
        }
    }

    private void Record(byte[] buffer, string source, long line)
    {
        if (fields.Count != columns.Length)
        {
            builder.Reject(
                source,
                line,
                $"the record has {fields.Count} fields; the header has {columns.Length}"
            );
            return;
        }
        row.Clear();
        string? error = null;
        for (var f = 0; f < columns.Length && error is null; f++)
        {
            if (columns[f].Role != Role.Ignore && fields[f].End > fields[f].Start)
            {
                error = Apply(buffer, f);
            }
        }
        if (error is null && row.NeedsFollowUp)
        {
            for (var f = 0; f < columns.Length; f++)
            {
                if (fields[f].End > fields[f].Start)
                {
                    ApplyText(buffer, f);
                }
            }
        }
        builder.Commit(error, source, line);
    }

    private string? Apply(byte[] buffer, int f)
    {
        var (role, index, name) = columns[f];
        var span = Span(buffer, f);
        switch (role)
        {
            case Role.ResponseId:
                if (
                    !Utf8Parser.TryParse(span, out row.ResponseId, out var used)
                    || used != span.Length
                )
                {
                    return $"response_id: '{Text(buffer, f)}' is not a UUID";
                }
                row.HasResponseId = true;
                return null;
            case Role.Survey:
                row.Survey = span.SequenceEqual(Encoding.UTF8.GetBytes(plan.Survey.Id))
                    ? plan.Survey.Id
                    : Text(buffer, f);
                return null;
            case Role.Version:
                return Utf8Parser.TryParse(span, out row.Version, out used) && used == span.Length
                    ? null
                    : $"version: '{Text(buffer, f)}' is not a whole number";
            case Role.SubmittedAt:
                row.SubmittedAt = DateTimeOffset.TryParse(
                    Text(buffer, f),
                    System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal,
                    out var at
                )
                    ? at
                    : null;
                return null;
            case Role.Lang:
                row.Lang = Language(span) ?? Text(buffer, f);
                return null;
            case Role.DurationMs:
                row.DurationMs =
                    Utf8Parser.TryParse(span, out double ms, out used) && used == span.Length
                        ? (float)ms
                        : float.NaN;
                return null;
            case Role.Outcome:
                if (Grade(span, NpsQuestion.Scale, false) is not { } score)
                {
                    return $"{name}: '{Text(buffer, f)}' is not a score 0..10";
                }
                row.Outcome = (int)score;
                return null;
            case Role.Driver:
                var scale = plan.Drivers[index].Scale;
                if (Grade(span, scale, true) is not { } grade)
                {
                    return $"{name}: '{Text(buffer, f)}' is not a grade {JsonRowParser.Scale(scale)} or na";
                }
                row.Drivers[index] = grade;
                return null;
            case Role.Compare:
                row.Compare[index] =
                    span.SequenceEqual("worse"u8) ? (sbyte)0
                    : span.SequenceEqual("same"u8) ? (sbyte)1
                    : span.SequenceEqual("better"u8) ? (sbyte)2
                    : (sbyte)-1;
                return row.Compare[index] < 0
                    ? $"{name}: '{Text(buffer, f)}' is not worse, same or better"
                    : null;
            case Role.Satisfaction:
                if (Grade(span, plan.Satisfaction!.Scale, true) is not { } rating)
                {
                    return $"{name}: '{Text(buffer, f)}' is not a grade {JsonRowParser.Scale(plan.Satisfaction.Scale)}";
                }
                row.Satisfaction = float.IsFinite(rating) ? rating : float.NaN;
                return null;
            case Role.Segment:
                row.Segments[index] = builder.SegmentCode(index, Text(buffer, f));
                return row.Segments[index] < 0
                    ? $"{name}: '{Text(buffer, f)}' is not one of its values"
                    : null;
            case Role.Consent:
                row.Consent =
                    span.SequenceEqual("true"u8) ? true
                    : span.SequenceEqual("false"u8) ? false
                    : null;
                return row.Consent is null
                    ? $"{name}: '{Text(buffer, f)}' is not true or false"
                    : null;
            default:
                return null;
        }
    }

    private void ApplyText(byte[] buffer, int f)
    {
        var (role, index, _) = columns[f];
        switch (role)
        {
            case Role.Contact:
                row.Contact = Text(buffer, f);
                break;
            case Role.Comment:
                row.Comments[index] = Text(buffer, f);
                break;
            case Role.Personal:
                row.PersonalContext[index] = Text(buffer, f);
                break;
        }
    }

    private string? Language(ReadOnlySpan<byte> span)
    {
        foreach (var language in plan.Survey.Languages)
        {
            if (span.Length == language.Length && Encoding.UTF8.GetString(span) == language)
            {
                return language;
            }
        }
        return null;
    }

    private static float? Grade(ReadOnlySpan<byte> span, Scale scale, bool allowNotApplicable)
    {
        if (Utf8Parser.TryParse(span, out int whole, out var used) && used == span.Length)
        {
            return whole >= scale.Min && whole <= scale.Max ? whole : null;
        }
        return allowNotApplicable && span.SequenceEqual("na"u8) ? Row.NotApplicable : null;
    }

    private ReadOnlySpan<byte> Span(byte[] buffer, int f) =>
        buffer.AsSpan(fields[f].Start, fields[f].End - fields[f].Start);

    /// <summary>The field as text: quotes unescaped, the formula guard removed.</summary>
    private string Text(byte[] buffer, int f)
    {
        var text = Encoding.UTF8.GetString(Span(buffer, f));
        if (!fields[f].Quoted)
        {
            return text;
        }
        text = text.Replace("\"\"", "\"", StringComparison.Ordinal);
        return text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' or '\''
            ? text[1..]
            : text;
    }
}
