using System;

namespace SurveyKit.Analysis.Data;

/// <summary>Parses a block of JSON Lines: one submission per line; empty lines are not records.</summary>
internal static class JsonLines
{
    public static void Parse(
        ReadOnlySpan<byte> block,
        long firstLine,
        JsonRowParser parser,
        ParsedRows rows
    )
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
                rows.Done(parser.Parse(text, row));
            }
            line++;
            block = newline < 0 ? [] : block[(newline + 1)..];
        }
    }
}
