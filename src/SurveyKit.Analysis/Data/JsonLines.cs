using System;
using System.Collections.Generic;
using System.Text.Json;
using SurveyKit.Core.Responses;

namespace SurveyKit.Analysis.Data;

/// <summary>
/// Parses a block of JSON Lines: one submission per line; empty lines are not records; a line over
/// <see cref="Blocks.MaxRecordBytes"/> is rejected. The first line of a file may be the note of an export that left
/// personal data out (<see cref="PersonalData.NotePrefix"/>): read as the file's prologue (<see cref="Note"/>), it is
/// no record, and what it says was left out is kept.
/// </summary>
internal static class JsonLines
{
    public static void Parse(ReadOnlySpan<byte> block, long firstLine, ParsedRows rows)
    {
        var line = firstLine;
        while (!block.IsEmpty)
        {
            var newline = block.IndexOf((byte)'\n');
            var text = newline < 0 ? block : block[..newline];
            if (!text.IsEmpty && text[^1] == '\r')
            {
                text = text[..^1];
            }
            if (!text.Trim((byte)' ').IsEmpty)
            {
                var row = rows.Next(line);
                rows.Done(
                    text.Length > Blocks.MaxRecordBytes
                        ? Blocks.TooLong()
                        : rows.Reader.Json(text, row)
                );
            }
            line++;
            block = newline < 0 ? [] : block[(newline + 1)..];
        }
    }

    private static ReadOnlySpan<byte> NotePrefix => "{\"surveykit\":"u8;

    /// <summary>
    /// The prologue of a JSON Lines file: the note line of an export without personal data, if the file starts with
    /// one (its length, with what it says was left out), -1 when it does not, 0 when the line is not complete yet.
    /// </summary>
    public static int Note(ReadOnlySpan<byte> data, bool final, out List<string> leftOut)
    {
        leftOut = [];
        if (data.Length < NotePrefix.Length)
        {
            return final || !NotePrefix.StartsWith(data) ? -1 : 0;
        }
        if (!data.StartsWith(NotePrefix))
        {
            return -1;
        }
        var newline = data.IndexOf((byte)'\n');
        if (newline < 0 && !final)
        {
            return 0;
        }
        var length = newline < 0 ? data.Length : newline + 1;
        leftOut = LeftOut(data[..length]);
        return length;
    }

    // {"surveykit":{"export":"...","left_out":["answers.email", ...],"because":"..."}}
    private static List<string> LeftOut(ReadOnlySpan<byte> note)
    {
        var fields = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(note.ToArray());
            if (
                document
                    .RootElement.GetProperty("surveykit")
                    .TryGetProperty("left_out", out var list)
                && list.ValueKind == JsonValueKind.Array
            )
            {
                foreach (var field in list.EnumerateArray())
                {
                    if (field.ValueKind == JsonValueKind.String)
                    {
                        fields.Add(field.GetString()!);
                    }
                }
            }
        }
        catch (Exception exception)
            when (exception is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            // A note that cannot be read says nothing.
        }
        return fields;
    }
}
