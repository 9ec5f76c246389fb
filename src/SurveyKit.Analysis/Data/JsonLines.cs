using System;
using System.Collections.Generic;
using System.Text.Json;
using SurveyKit.Core.Responses;

namespace SurveyKit.Analysis.Data;

/// <summary>
/// Parses a block of JSON Lines: one submission per line; empty lines are not records. The first line of a file may
/// be the note of an export that left personal data out (<see cref="PersonalData.NotePrefix"/>): it is no record, and
/// what it says was left out is kept, so the follow-up list can say why its e-mail column is empty.
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
            if (line == 1 && text.StartsWith(NotePrefix))
            {
                rows.LeftOut = LeftOut(text);
            }
            else if (!text.Trim((byte)' ').IsEmpty)
            {
                var row = rows.Next(line);
                rows.Done(rows.Reader.Json(text, row));
            }
            line++;
            block = newline < 0 ? [] : block[(newline + 1)..];
        }
    }

    private static ReadOnlySpan<byte> NotePrefix => "{\"surveykit\":"u8;

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
