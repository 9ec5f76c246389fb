using System;
using System.Collections.Generic;
using System.IO;
using SurveyKit.Core.Responses;

namespace SurveyKit.Analysis.Data;

/// <summary>
/// Streams submissions into a <see cref="ResponseTable"/>: JSON Lines, the CSV export, single JSON documents (a
/// collector database row) or the neutral <see cref="ResponseData"/> of the generated types. A record that cannot be
/// read is counted and listed with its line, never scored; a response id read before is a duplicate. Files are parsed
/// in blocks on every core and committed in file order (see <see cref="Blocks"/>).
/// </summary>
public sealed class ResponseTableBuilder
{
    /// <summary>How many rejections are listed one by one; all are counted.</summary>
    public const int MaxListedRejections = 200;

    private readonly ResponseTable table;
    private readonly GuidSet seen = new();
    private readonly ParsedRows single;
    private readonly Column<float>[] drivers;
    private readonly Column<sbyte>?[] compare;
    private readonly Column<int>[] segments;
    private bool[] keep = new bool[256];
    private int runVersion;
    private string? runLang;
    private long run;
    private long firstTicks = long.MaxValue;
    private long lastTicks = long.MinValue;

    /// <summary>A builder for responses to the survey of <paramref name="plan"/>.</summary>
    public ResponseTableBuilder(AnalysisPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        table = new ResponseTable(plan);
        single = new ParsedRows(plan);
        drivers = [.. table.Drivers];
        compare = [.. table.Compare];
        segments = [.. table.Segments];
    }

    /// <summary>The plan the builder reads by.</summary>
    public AnalysisPlan Plan { get; }

    /// <summary>Reports how many bytes of the current file were read, for a progress bar.</summary>
    public Action<long>? Progress { get; set; }

    /// <summary>Reads a JSON Lines stream; <paramref name="source"/> names it in rejections.</summary>
    public void ReadJsonLines(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var leftOut = new HashSet<string>(StringComparer.Ordinal);
        Blocks.Read(
            stream,
            Plan,
            Blocks.JsonLinesEnd,
            (block, line, rows) =>
            {
                rows.Reader.LeftOut = leftOut;
                JsonLines.Parse(block, line, rows);
            },
            rows => Commit(rows, source, stream),
            (data, final) =>
            {
                var length = JsonLines.Note(data, final, out var fields);
                leftOut.UnionWith(fields);
                table.LeftOut.UnionWith(fields);
                return length;
            }
        );
    }

    /// <summary>Reads the CSV export of formats.md; <paramref name="source"/> names it in rejections.</summary>
    public void ReadCsv(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        CsvLayout? layout = null;
        var leftOut = new HashSet<string>(StringComparer.Ordinal);
        Blocks.Read(
            stream,
            Plan,
            Blocks.CsvEnd,
            (block, line, rows) =>
            {
                rows.Reader.LeftOut = leftOut;
                new CsvRecords(layout!).Parse(block, line, rows);
            },
            rows => Commit(rows, source, stream),
            (data, final) =>
            {
                var length = CsvRecords.ReadHeader(data, final, out var names);
                if (length > 0)
                {
                    layout = new CsvLayout(Plan.Survey, names);
                    table.UnknownColumns.UnionWith(layout.UnknownColumns);
                    leftOut.UnionWith(layout.LeftOut);
                    table.LeftOut.UnionWith(layout.LeftOut);
                }
                return length;
            },
            quoted: true
        );
    }

    /// <summary>Adds one submission in JSON (a line of a file, a row of the collector's database).</summary>
    public void AddJson(ReadOnlySpan<byte> utf8, string source, long line)
    {
        single.Reset();
        var row = single.Next(line);
        single.Done(single.Reader.Json(utf8, row));
        Commit(single, source, null);
    }

    /// <summary>
    /// Adds a response in the neutral form (what the generated types' <c>ToResponseData()</c> gives); returns true
    /// when it is scored, false when it was rejected (a repeated id, another survey).
    /// </summary>
    public bool Add(
        ResponseData data,
        DateTimeOffset? submittedAt,
        long? durationMs,
        string source,
        long line
    )
    {
        ArgumentNullException.ThrowIfNull(data);
        single.Reset();
        var row = single.Next(line);
        single.Done(single.Reader.Neutral(data, submittedAt, durationMs, row));
        var before = table.Count;
        Commit(single, source, null);
        return table.Count > before;
    }

    /// <summary>
    /// Counts a record that could not be read at all, such as a generated reader's error. The reason may quote the
    /// record's values anywhere: <see cref="Rejection.Reason"/> keeps it whole, the report shows only the field path it
    /// starts with.
    /// </summary>
    public void Reject(string source, long line, string reason) =>
        Add(Rejection.Unchecked(source, line, reason));

    private void Add(Rejection rejection)
    {
        table.Read++;
        table.Rejected++;
        if (table.Rejections.Count < MaxListedRejections)
        {
            table.Rejections.Add(rejection);
        }
    }

    /// <summary>The table of everything added so far.</summary>
    public ResponseTable Build()
    {
        FlushRun();
        if (firstTicks <= lastTicks)
        {
            table.FirstSubmitted = new DateTimeOffset(firstTicks, TimeSpan.Zero);
            table.LastSubmitted = new DateTimeOffset(lastTicks, TimeSpan.Zero);
        }
        return table;
    }

    /// <summary>
    /// Commits a block in file order: rejected records and repeated ids are counted; the rest is appended column by
    /// column, with whole-column copies when the block is clean (the usual case).
    /// </summary>
    private void Commit(ParsedRows rows, string source, Stream? stream)
    {
        var count = rows.Count;
        if (
            count > 0
            && table.Count == 0
            && stream is { CanSeek: true, Length: > 0 }
            && rows.End > 0
        )
        {
            Expect((long)(stream.Length * (count / (double)rows.End) * 1.02));
        }
        if (keep.Length < count)
        {
            keep = new bool[Math.Max(count, keep.Length * 2)];
        }
        var clean = true;
        for (var i = 0; i < count; i++)
        {
            if (rows.Errors[i] is { } error)
            {
                Add(Rejection.Of(source, rows.Lines[i], error));
                keep[i] = clean = false;
            }
            else if (!seen.Add(rows.Ids[i]))
            {
                table.Duplicates++;
                Add(
                    Rejection.Of(
                        source,
                        rows.Lines[i],
                        new ResponseError(
                            "responseId",
                            "repeated",
                            $"Response {rows.Ids[i]} was read before; the first one counts."
                        )
                    )
                );
                keep[i] = clean = false;
            }
            else
            {
                keep[i] = true;
                table.Read++;
                Count(rows.Versions[i], rows.Languages[i], rows.Submitted[i]);
                if (rows.Mapped[i] is { } mapped)
                {
                    if (!table.Mapping.TryGetValue(rows.Versions[i], out var sum))
                    {
                        table.Mapping[rows.Versions[i]] = sum = new VersionMapping();
                    }
                    sum.Responses++;
                    sum.Renamed += mapped.Renamed;
                    sum.Removed += mapped.Removed;
                    sum.Changed += mapped.Changed;
                }
            }
        }
        if (clean)
        {
            Append(rows, 0, count);
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                if (keep[i])
                {
                    Append(rows, i, 1);
                }
            }
        }
        foreach (var (index, entry) in rows.FollowUps)
        {
            if (keep[index])
            {
                table.FollowUps.Add(entry);
            }
        }
        foreach (var (index, themes, text) in rows.DetractorTexts)
        {
            if (keep[index])
            {
                table.ThemeTexts.Add(themes, text);
            }
        }
        if (stream is not null)
        {
            Progress?.Invoke(rows.End);
        }
    }

    private void Append(ParsedRows rows, int start, int length)
    {
        table.ResponseIds.AddRange(rows.Ids.AsSpan(start, length));
        table.Outcome.AddRange(rows.Outcome.AsSpan(start, length));
        for (var d = 0; d < drivers.Length; d++)
        {
            drivers[d].AddRange(rows.Drivers[d].AsSpan(start, length));
            compare[d]?.AddRange(rows.Compare[d].AsSpan(start, length));
        }
        table.Satisfaction.AddRange(rows.Satisfaction.AsSpan(start, length));
        for (var s = 0; s < segments.Length; s++)
        {
            segments[s].AddRange(rows.Segments[s].AsSpan(start, length));
        }
        table.DurationMs.AddRange(rows.DurationMs.AsSpan(start, length));
        table.Versions.AddRange(rows.Versions.AsSpan(start, length));
        table.Submitted.AddRange(rows.Submitted.AsSpan(start, length));
        if (table.Plan.Themes is not null)
        {
            table.Themes.AddRange(rows.Themes.AsSpan(start, length));
        }
        // Waves and accounts are free texts: coded here, on the one thread that commits, in the order first read;
        // only kept when the survey names them (a million responses need no column of -1s).
        if (table.Plan.Wave is not null)
        {
            for (var i = start; i < start + length; i++)
            {
                table.Waves.Add(Code(rows.Waves[i], table.WaveValues, waveCodes));
            }
        }
        if (table.Plan.Account is not null)
        {
            for (var i = start; i < start + length; i++)
            {
                table.Accounts.Add(Code(rows.Accounts[i], table.AccountValues, accountCodes));
            }
        }
    }

    private readonly Dictionary<string, int> waveCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> accountCodes = new(StringComparer.Ordinal);

    private static int Code(string? value, List<string> values, Dictionary<string, int> codes)
    {
        if (value is null)
        {
            return -1;
        }
        if (!codes.TryGetValue(value, out var code))
        {
            codes[value] = code = values.Count;
            values.Add(value);
        }
        return code;
    }

    /// <summary>Makes room for about <paramref name="records"/> responses (estimated from the first block of a file).</summary>
    private void Expect(long records)
    {
        var capacity = (int)Math.Min(records, int.MaxValue / 2);
        seen.EnsureCapacity(capacity);
        table.ResponseIds.EnsureCapacity(capacity);
        table.Outcome.EnsureCapacity(capacity);
        foreach (var column in drivers)
        {
            column.EnsureCapacity(capacity);
        }
        foreach (var column in compare)
        {
            column?.EnsureCapacity(capacity);
        }
        table.Satisfaction.EnsureCapacity(capacity);
        foreach (var column in segments)
        {
            column.EnsureCapacity(capacity);
        }
        table.DurationMs.EnsureCapacity(capacity);
        table.Versions.EnsureCapacity(capacity);
        table.Submitted.EnsureCapacity(capacity);
    }

    // Versions and languages are counted in runs: a file is nearly always one version in one or two languages.
    private void Count(int version, string? lang, long submitted)
    {
        if (version != runVersion || !ReferenceEquals(lang, runLang) || run == 0)
        {
            FlushRun();
            (runVersion, runLang) = (version, lang);
        }
        run++;
        if (submitted != long.MinValue)
        {
            firstTicks = Math.Min(firstTicks, submitted);
            lastTicks = Math.Max(lastTicks, submitted);
        }
    }

    private void FlushRun()
    {
        if (run > 0)
        {
            table.VersionCounts[runVersion] =
                table.VersionCounts.GetValueOrDefault(runVersion) + run;
            var lang = runLang ?? "";
            table.LanguageCounts[lang] = table.LanguageCounts.GetValueOrDefault(lang) + run;
            run = 0;
        }
    }
}
