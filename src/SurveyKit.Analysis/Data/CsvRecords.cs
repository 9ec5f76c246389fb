using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using SurveyKit.Core.Model;

namespace SurveyKit.Analysis.Data;

/// <summary>
/// Parses the records of a block of the CSV export (RFC 4180, UTF-8) from their bytes: only the columns the analysis
/// uses are decoded, quoted fields may hold line breaks, and the formula guard (a leading apostrophe inside quotes)
/// is removed from texts as Core's <c>Csv.Read</c> does. One instance per block: it keeps the fields of a record.
/// </summary>
internal sealed class CsvRecords(CsvHeader header)
{
    private readonly List<(int Start, int End, bool Quoted)> fields = [];

    /// <summary>The fields of the first record of <paramref name="data"/> as texts, and the record's length; 0 when incomplete.</summary>
    public static int ReadHeader(ReadOnlySpan<byte> data, bool final, out List<string> names)
    {
        var length = Blocks.CsvRecordEnd(data);
        length = length == 0 && final ? data.Length : length; // a file that is only a header, without a line break
        var records = new CsvRecords(null!);
        names = [];
        if (length == 0)
        {
            return 0;
        }
        var record = data[..length];
        records.Split(record);
        foreach (var field in records.fields)
        {
            names.Add(Text(record, field));
        }
        return length;
    }

    public void Parse(ReadOnlySpan<byte> block, long firstLine, ParsedRows rows)
    {
        var line = firstLine;
        while (!block.IsEmpty)
        {
            var length = Blocks.CsvRecordEnd(block);
            if (length == 0)
            {
                length = block.Length; // the last record of the file, without a line break
            }
            var record = block[..length];
            Split(record);
            var lines = record.Count((byte)'\n');
            if (!(fields.Count == 1 && fields[0].Start == fields[0].End))
            {
                var row = rows.Next(line);
                rows.Done(Record(record, row));
            }
            line += Math.Max(1, lines);
            block = block[length..];
        }
    }

    /// <summary>Splits one record (with its line break) into <see cref="fields"/>.</summary>
    private void Split(ReadOnlySpan<byte> record)
    {
        fields.Clear();
        var end = record.Length;
        if (end > 0 && record[end - 1] == '\n')
        {
            end--;
        }
        if (end > 0 && record[end - 1] == '\r')
        {
            end--;
        }
        var i = 0;
        while (true)
        {
            if (i < end && record[i] == '"')
            {
                var j = i + 1;
                while (j < end)
                {
                    var quote = record[j..end].IndexOf((byte)'"');
                    if (quote < 0)
                    {
                        j = end;
                        break;
                    }
                    j += quote;
                    if (j + 1 < end && record[j + 1] == '"')
                    {
                        j += 2;
                        continue;
                    }
                    break;
                }
                fields.Add((i + 1, Math.Min(j, end), true));
                var comma = j < end ? record[j..end].IndexOf((byte)',') : -1;
                if (comma < 0)
                {
                    return;
                }
                i = j + comma + 1;
            }
            else
            {
                var comma = record[i..end].IndexOf((byte)',');
                if (comma < 0)
                {
                    fields.Add((i, end, false));
                    return;
                }
                fields.Add((i, i + comma, false));
                i += comma + 1;
            }
        }
    }

    private string? Record(ReadOnlySpan<byte> record, Row row)
    {
        if (fields.Count != header.FieldCount)
        {
            return $"the record has {fields.Count} fields; the header has {header.FieldCount}";
        }
        if (!System.Text.Unicode.Utf8.IsValid(record))
        {
            return "not valid UTF-8";
        }
        var columns = header.Columns;
        for (var c = 0; c < columns.Length; c++)
        {
            var f = columns[c].Field;
            if (fields[f].End > fields[f].Start)
            {
                var error = Apply(record, c, row);
                if (error is not null)
                {
                    return error;
                }
            }
        }
        if (row.NeedsFollowUp)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                var f = columns[c].Field;
                if (fields[f].End > fields[f].Start)
                {
                    ApplyText(record, c, row);
                }
            }
        }
        return null;
    }

    private string? Apply(ReadOnlySpan<byte> record, int c, Row row)
    {
        var (role, index, name, f) = header.Columns[c];
        var field = fields[f];
        var span = record[field.Start..field.End];
        var plan = header.Plan;
        switch (role)
        {
            case CsvHeader.Role.ResponseId:
                if (
                    !Utf8Parser.TryParse(span, out row.ResponseId, out var used)
                    || used != span.Length
                )
                {
                    return $"response_id: {OffendingValue.Quote(Text(record, field))} is not a UUID";
                }
                row.HasResponseId = true;
                return null;
            case CsvHeader.Role.Survey:
                row.Survey = span.SequenceEqual(header.SurveyId)
                    ? plan.Survey.Id
                    : Text(record, field);
                return null;
            case CsvHeader.Role.Version:
                return Utf8Parser.TryParse(span, out row.Version, out used) && used == span.Length
                    ? null
                    : $"version: {OffendingValue.Quote(Text(record, field))} is not a whole number";
            case CsvHeader.Role.SubmittedAt:
                row.SubmittedAt =
                    Utf8Parser.TryParse(span, out DateTimeOffset exact, out used, 'O')
                    && used == span.Length
                        ? exact
                    : DateTimeOffset.TryParse(
                        Text(record, field),
                        CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal,
                        out var at
                    )
                        ? at
                    : null;
                return null;
            case CsvHeader.Role.Lang:
                row.Lang = null;
                foreach (var (utf8, text) in header.Languages)
                {
                    if (span.SequenceEqual(utf8))
                    {
                        row.Lang = text;
                    }
                }
                row.Lang ??= Text(record, field);
                return null;
            case CsvHeader.Role.DurationMs:
                row.DurationMs =
                    Utf8Parser.TryParse(span, out double ms, out used) && used == span.Length
                        ? (float)ms
                        : float.NaN;
                return null;
            case CsvHeader.Role.Outcome:
                if (Grade(span, NpsQuestion.Scale, false) is not { } score)
                {
                    return $"{name}: {OffendingValue.Quote(Text(record, field))} is not a score 0..10";
                }
                row.Outcome = (int)score;
                return null;
            case CsvHeader.Role.Driver:
                var scale = plan.Drivers[index].Scale;
                if (Grade(span, scale, true) is not { } grade)
                {
                    return $"{name}: {OffendingValue.Quote(Text(record, field))} is not a grade {JsonRowParser.Scale(scale)} or na";
                }
                row.Drivers[index] = grade;
                return null;
            case CsvHeader.Role.Compare:
                row.Compare[index] =
                    span.SequenceEqual("worse"u8) ? (sbyte)0
                    : span.SequenceEqual("same"u8) ? (sbyte)1
                    : span.SequenceEqual("better"u8) ? (sbyte)2
                    : (sbyte)-1;
                return row.Compare[index] < 0
                    ? $"{name}: {OffendingValue.Quote(Text(record, field))} is not worse, same or better"
                    : null;
            case CsvHeader.Role.Satisfaction:
                if (Grade(span, plan.Satisfaction!.Scale, true) is not { } rating)
                {
                    return $"{name}: {OffendingValue.Quote(Text(record, field))} is not a grade {JsonRowParser.Scale(plan.Satisfaction.Scale)}";
                }
                row.Satisfaction = float.IsFinite(rating) ? rating : float.NaN;
                return null;
            case CsvHeader.Role.Segment:
                var values = header.SegmentValues[index];
                row.Segments[index] = -1;
                for (var v = 0; v < values.Length; v++)
                {
                    if (span.SequenceEqual(values[v]))
                    {
                        row.Segments[index] = v;
                        break;
                    }
                }
                return row.Segments[index] < 0
                    ? $"{name}: {OffendingValue.Quote(Text(record, field))} is not one of its values"
                    : null;
            case CsvHeader.Role.Consent:
                row.Consent =
                    span.SequenceEqual("true"u8) ? true
                    : span.SequenceEqual("false"u8) ? false
                    : null;
                return row.Consent is null
                    ? $"{name}: {OffendingValue.Quote(Text(record, field))} is not true or false"
                    : null;
            default:
                return null;
        }
    }

    private void ApplyText(ReadOnlySpan<byte> record, int c, Row row)
    {
        var (role, index, _, f) = header.Columns[c];
        switch (role)
        {
            case CsvHeader.Role.Contact:
                row.Contact = Text(record, fields[f]);
                break;
            case CsvHeader.Role.Comment:
                row.Comments[index] = Text(record, fields[f]);
                break;
            case CsvHeader.Role.Personal:
                row.PersonalContext[index] = Text(record, fields[f]);
                break;
        }
    }

    private static float? Grade(ReadOnlySpan<byte> span, Scale scale, bool allowNotApplicable)
    {
        if (Utf8Parser.TryParse(span, out int whole, out var used) && used == span.Length)
        {
            return whole >= scale.Min && whole <= scale.Max ? whole : null;
        }
        // 9.0: a CSV saved again by pandas or R (a column with blanks becomes floating point).
        if (Utf8Parser.TryParse(span, out double number, out used) && used == span.Length)
        {
            return number == Math.Floor(number) && number >= scale.Min && number <= scale.Max
                ? (float)number
                : null;
        }
        return allowNotApplicable && span.SequenceEqual("na"u8) ? Row.NotApplicable : null;
    }

    /// <summary>The field as text: quotes unescaped, the formula guard removed.</summary>
    private static string Text(ReadOnlySpan<byte> record, (int Start, int End, bool Quoted) field)
    {
        var text = Encoding.UTF8.GetString(record[field.Start..field.End]);
        if (!field.Quoted)
        {
            return text;
        }
        return Core.Responses.Csv.Unguard(text.Replace("\"\"", "\"", StringComparison.Ordinal));
    }
}
