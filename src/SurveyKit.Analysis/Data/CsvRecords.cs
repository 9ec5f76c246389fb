using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using SurveyKit.Core.Responses;

namespace SurveyKit.Analysis.Data;

/// <summary>
/// Parses the records of a block of the CSV export (RFC 4180, UTF-8) from their bytes into fields (quoted fields may
/// hold line breaks; the formula guard, a leading apostrophe inside quotes, is removed as Core's <c>Csv.Read</c>
/// does), then reads each record with Core's <see cref="CsvImport"/> and rules. One instance per block.
/// </summary>
internal sealed class CsvRecords(CsvLayout layout)
{
    private readonly List<(int Start, int End, bool Quoted)> fields = [];
    private readonly List<string> texts = [];
    private ParsedRows? rows;

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
        this.rows = rows;
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
                rows.Done(
                    record.Length > Blocks.MaxRecordBytes ? Blocks.TooLong() : Record(record, row)
                );
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

    private ResponseError? Record(ReadOnlySpan<byte> record, Row row)
    {
        if (!System.Text.Unicode.Utf8.IsValid(record))
        {
            return new ResponseError("", "syntax", "The record is not valid UTF-8.");
        }
        texts.Clear();
        foreach (var field in fields)
        {
            texts.Add(
                !field.Quoted && layout.Known(record[field.Start..field.End]) is { } known
                    ? known
                    : Text(record, field)
            );
        }
        return rows!.Reader.Csv(layout, texts, row);
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
