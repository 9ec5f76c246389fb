using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using SurveyKit.Core.Responses;

namespace SurveyKit.Analysis.Data;

/// <summary>
/// Reads a file in blocks that end on a record boundary, parses the blocks on every core, and hands the parsed rows
/// back in file order, so that line numbers, duplicates ("the first one counts") and the follow-up order are those of
/// the file. Memory stays bounded: only a few blocks are in flight.
/// </summary>
internal static class Blocks
{
    private const int Size = 1 << 20;

    /// <summary>
    /// The longest record read (1 MiB, four times the collector's largest submission): a longer one is rejected with
    /// its line, and reading goes on at the next line break, so one line of 200 MB costs no more memory than this.
    /// </summary>
    public const int MaxRecordBytes = 1 << 20;

    /// <summary>The length of the complete records at the start of <paramref name="data"/> (0 when none is complete).</summary>
    public delegate int EndFinder(ReadOnlySpan<byte> data);

    /// <summary>Parses a block of complete records whose first record starts on <paramref name="firstLine"/>.</summary>
    public delegate void Parser(ReadOnlySpan<byte> block, long firstLine, ParsedRows rows);

    /// <summary>
    /// Consumes a prologue (a CSV header, the note of an export) from the first data: returns its length, 0 when it is
    /// not complete yet, or -1 when the data has none.
    /// </summary>
    public delegate int Prologue(ReadOnlySpan<byte> data, bool final);

    /// <summary>
    /// Reads <paramref name="stream"/> in blocks of complete records (<paramref name="end"/> finds where they end);
    /// <paramref name="quoted"/> says that a record may hold line breaks inside double quotes (CSV).
    /// </summary>
    public static void Read(
        Stream stream,
        AnalysisPlan plan,
        EndFinder end,
        Parser parse,
        Action<ParsedRows> commit,
        Prologue? prologue = null,
        bool quoted = false
    )
    {
        var free = new ConcurrentBag<ParsedRows>();
        var inFlight = new Queue<(Task<ParsedRows> Task, byte[]? Buffer)>();
        var parallel = Math.Max(2, Environment.ProcessorCount * 2);
        var leftover = Array.Empty<byte>();
        var size = Size;
        long line = 1;
        long offset = 0;
        var start = true;
        var eof = false;
        while (!eof)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(size, leftover.Length * 2));
            leftover.CopyTo(buffer, 0);
            var filled = leftover.Length;
            while (filled < buffer.Length && !eof)
            {
                var read = stream.Read(buffer, filled, buffer.Length - filled);
                eof = read == 0;
                filled += read;
            }
            var from = 0;
            if (start)
            {
                if (filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                {
                    from = 3; // a byte order mark written by some editors
                }
                if (prologue is not null)
                {
                    var head = prologue(buffer.AsSpan(from, filled - from), eof);
                    if (head == 0 && !eof)
                    {
                        if (filled - from > MaxRecordBytes)
                        {
                            ArrayPool<byte>.Shared.Return(buffer);
                            throw new UnreadableInputException(
                                $"its first record (the header) is longer than {MaxRecordBytes / (1 << 20)} MiB; is a quote left open?"
                            );
                        }
                        Grow(ref leftover, ref size, buffer, filled);
                        continue;
                    }
                    head = Math.Max(head, 0);
                    line += buffer.AsSpan(from, head).Count((byte)'\n');
                    from += head;
                }
                start = false;
            }
            var complete = eof ? filled - from : end(buffer.AsSpan(from, filled - from));
            if (complete == 0 && filled - from > MaxRecordBytes)
            {
                // Too long to be a record: rejected where it starts, and skipped to the next line break.
                var rejected = free.TryTake(out var spare) ? spare : new ParsedRows(plan);
                rejected.Reset();
                rejected.Next(line);
                rejected.Done(TooLong());
                var part = buffer.AsSpan(from, filled - from);
                line += part.Count((byte)'\n');
                // In CSV the record's end is the first line break outside quotes: go on from the quotes seen so far.
                var inQuotes = quoted && part.Count((byte)'"') % 2 == 1;
                offset += filled;
                ArrayPool<byte>.Shared.Return(buffer);
                (leftover, var skippedLines, var skippedBytes, eof) = SkipRecord(
                    stream,
                    quoted,
                    inQuotes
                );
                line += skippedLines;
                offset += skippedBytes;
                rejected.End = offset;
                inFlight.Enqueue((Task.FromResult(rejected), null));
                size = Size;
                start = false;
                continue;
            }
            if (complete == 0 && !eof)
            {
                // A record longer than the buffer: read on with a bigger one, so that no record is ever cut.
                offset += from;
                Grow(ref leftover, ref size, buffer, filled, from);
                continue;
            }
            leftover = buffer.AsSpan(from + complete, filled - from - complete).ToArray();
            var blockLine = line;
            var blockStart = from;
            line += buffer.AsSpan(from, complete).Count((byte)'\n');
            offset += from + complete;
            var blockEnd = offset;
            var rows = free.TryTake(out var reused) ? reused : new ParsedRows(plan);
            var task = Task.Run(() =>
            {
                rows.Reset();
                rows.End = blockEnd;
                parse(buffer.AsSpan(blockStart, complete), blockLine, rows);
                return rows;
            });
            inFlight.Enqueue((task, buffer));
            while (inFlight.Count >= parallel)
            {
                CommitNext(inFlight, free, commit);
            }
        }
        while (inFlight.Count > 0)
        {
            CommitNext(inFlight, free, commit);
        }
    }

    // Reads on to just past the end of the record: the next line break (outside quotes, for CSV). Returns what
    // follows it, the line breaks passed (the one ending the record included), the bytes skipped, and whether the
    // stream ended. Memory stays one chunk, however long the record.
    private static (byte[] After, long Lines, long Bytes, bool Eof) SkipRecord(
        Stream stream,
        bool csv,
        bool inQuotes
    )
    {
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long bytes = 0;
            long lines = 0;
            while (true)
            {
                var read = stream.Read(chunk, 0, chunk.Length);
                if (read == 0)
                {
                    return ([], lines, bytes, true);
                }
                for (var i = 0; i < read; i++)
                {
                    var b = chunk[i];
                    if (csv && b == (byte)'"')
                    {
                        inQuotes = !inQuotes;
                    }
                    else if (b == (byte)'\n')
                    {
                        lines++;
                        if (!inQuotes)
                        {
                            return (
                                chunk.AsSpan(i + 1, read - i - 1).ToArray(),
                                lines,
                                bytes + i + 1,
                                false
                            );
                        }
                    }
                }
                bytes += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>The rejection of a record over <see cref="MaxRecordBytes"/>.</summary>
    public static ResponseError TooLong() =>
        new(
            "",
            "size",
            $"The record is longer than {MaxRecordBytes / (1 << 20)} MiB; no submission is that long. Reading goes on at the next record."
        );

    private static void Grow(
        ref byte[] leftover,
        ref int size,
        byte[] buffer,
        int filled,
        int from = 0
    )
    {
        leftover = buffer.AsSpan(from, filled - from).ToArray();
        size = Math.Max(size, leftover.Length * 2);
        ArrayPool<byte>.Shared.Return(buffer);
    }

    private static void CommitNext(
        Queue<(Task<ParsedRows> Task, byte[]? Buffer)> inFlight,
        ConcurrentBag<ParsedRows> free,
        Action<ParsedRows> commit
    )
    {
        var (task, buffer) = inFlight.Dequeue();
        var rows = task.GetAwaiter().GetResult();
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        commit(rows);
        free.Add(rows);
    }

    /// <summary>JSON Lines: everything up to the last line break.</summary>
    public static int JsonLinesEnd(ReadOnlySpan<byte> data) => data.LastIndexOf((byte)'\n') + 1;

    /// <summary>CSV: up to the last line break outside quotes (a quoted field may hold line breaks).</summary>
    public static int CsvEnd(ReadOnlySpan<byte> data) => CsvEnd(data, firstOnly: false);

    /// <summary>CSV: the length of the first record, with its line break; 0 when it is not complete.</summary>
    public static int CsvRecordEnd(ReadOnlySpan<byte> data) => CsvEnd(data, firstOnly: true);

    private static int CsvEnd(ReadOnlySpan<byte> data, bool firstOnly)
    {
        var last = 0;
        var quoted = false;
        var i = 0;
        while (true)
        {
            var next = data[i..].IndexOfAny((byte)'"', (byte)'\n');
            if (next < 0)
            {
                return last;
            }
            i += next;
            if (data[i] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                last = i + 1;
                if (firstOnly)
                {
                    return last;
                }
            }
            i++;
        }
    }
}
