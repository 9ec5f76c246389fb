using System;
using System.IO;

namespace SurveyKit.Analysis.Data;

/// <summary>Splits a UTF-8 stream into lines without decoding it: the JSON parser reads the bytes directly.</summary>
internal static class JsonLines
{
    /// <summary>Called with each non-empty line (without its line break) and its 1-based number.</summary>
    public delegate void LineHandler(ReadOnlySpan<byte> line, long number);

    public static void Read(Stream stream, LineHandler handler, Action<long>? progress)
    {
        var buffer = new byte[1 << 20];
        var filled = 0;
        long number = 0;
        long consumed = 0;
        var first = true;
        while (true)
        {
            if (filled == buffer.Length)
            {
                // A line longer than the buffer: grow, so that no line is ever cut.
                Array.Resize(ref buffer, buffer.Length * 2);
            }
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            var end = filled + read;
            var start = 0;
            if (first && end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
            {
                start = 3; // a byte order mark written by some editors
            }
            first = false;
            while (true)
            {
                var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (newline < 0)
                {
                    break;
                }
                number++;
                Emit(buffer.AsSpan(start, newline), number, handler);
                start += newline + 1;
            }
            consumed += start;
            if (read == 0)
            {
                if (start < end)
                {
                    number++;
                    Emit(buffer.AsSpan(start, end - start), number, handler);
                }
                progress?.Invoke(consumed + (end - start));
                return;
            }
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            filled = end - start;
            progress?.Invoke(consumed);
        }
    }

    private static void Emit(ReadOnlySpan<byte> line, long number, LineHandler handler)
    {
        if (line.Length > 0 && line[^1] == '\r')
        {
            line = line[..^1];
        }
        if (!line.Trim((byte)' ').IsEmpty)
        {
            handler(line, number);
        }
    }
}
