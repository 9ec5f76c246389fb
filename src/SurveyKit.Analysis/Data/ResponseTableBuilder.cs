using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SurveyKit.Core.Responses;

namespace SurveyKit.Analysis.Data;

/// <summary>
/// Streams submissions into a <see cref="ResponseTable"/>: JSON Lines, the CSV export, single JSON documents (a
/// collector database row) or the neutral <see cref="ResponseData"/> of the generated types. A record that cannot be
/// read is counted and listed with its line, never scored; a response id read before is a duplicate.
/// </summary>
public sealed class ResponseTableBuilder
{
    /// <summary>How many rejections are listed one by one; all are counted.</summary>
    public const int MaxListedRejections = 200;

    private readonly ResponseTable table;
    private readonly HashSet<Guid> seen = [];
    private readonly Row row;
    private readonly JsonRowParser json;

    /// <summary>A builder for responses to the survey of <paramref name="plan"/>.</summary>
    public ResponseTableBuilder(AnalysisPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        table = new ResponseTable(plan);
        row = new Row(plan);
        json = new JsonRowParser(plan);
    }

    /// <summary>The plan the builder reads by.</summary>
    public AnalysisPlan Plan { get; }

    /// <summary>Reports how many bytes of the current file were read, for a progress bar.</summary>
    public Action<long>? Progress { get; set; }

    /// <summary>Reads a JSON Lines stream; <paramref name="source"/> names it in rejections.</summary>
    public void ReadJsonLines(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonLines.Read(stream, (line, number) => AddJson(line, source, number), Progress);
    }

    /// <summary>Reads the CSV export of formats.md; <paramref name="source"/> names it in rejections.</summary>
    public void ReadCsv(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        new CsvRowReader(Plan, row, this).Read(stream, source, Progress);
    }

    /// <summary>Adds one submission in JSON (a line of a file, a row of the collector's database).</summary>
    public void AddJson(ReadOnlySpan<byte> utf8, string source, long line)
    {
        row.Clear();
        var error = json.Parse(utf8, row);
        Commit(error, source, line);
    }

    /// <summary>Adds a response in the neutral form (what the generated types' <c>ToResponseData()</c> gives).</summary>
    public void Add(
        ResponseData data,
        DateTimeOffset? submittedAt,
        long? durationMs,
        string source,
        long line
    )
    {
        ArgumentNullException.ThrowIfNull(data);
        row.Clear();
        var error = ResponseDataRow.Fill(Plan, data, row);
        row.SubmittedAt = submittedAt;
        row.DurationMs = durationMs is { } ms ? ms : float.NaN;
        Commit(error, source, line);
    }

    /// <summary>Counts a record that could not be read at all.</summary>
    public void Reject(string source, long line, string reason)
    {
        table.Read++;
        table.Rejected++;
        if (table.Rejections.Count < MaxListedRejections)
        {
            table.Rejections.Add(new Rejection(source, line, reason));
        }
    }

    /// <summary>The table of everything added so far.</summary>
    public ResponseTable Build() => table;

    internal void Commit(string? error, string source, long line)
    {
        error ??= Check();
        if (error is not null)
        {
            Reject(source, line, error);
            return;
        }
        if (!seen.Add(row.ResponseId))
        {
            table.Duplicates++;
            Reject(
                source,
                line,
                $"response {row.ResponseId} was read before; the first one counts"
            );
            return;
        }
        table.Read++;
        table.ResponseIds.Add(row.ResponseId);
        table.Outcome.Add((sbyte)row.Outcome);
        for (var d = 0; d < row.Drivers.Length; d++)
        {
            table.Drivers[d].Add(row.Drivers[d]);
            table.Compare[d]?.Add(row.Compare[d]);
        }
        table.Satisfaction.Add(row.Satisfaction);
        for (var s = 0; s < row.Segments.Length; s++)
        {
            table.Segments[s].Add(row.Segments[s]);
        }
        table.DurationMs.Add(row.DurationMs);
        table.Versions.Add(row.Version);
        Count(table.VersionCounts, row.Version);
        Count(table.LanguageCounts, row.Lang ?? "");
        if (row.SubmittedAt is { } at)
        {
            table.FirstSubmitted = table.FirstSubmitted is { } first && first <= at ? first : at;
            table.LastSubmitted = table.LastSubmitted is { } last && last >= at ? last : at;
        }
        if (row.NeedsFollowUp)
        {
            table.FollowUps.Add(FollowUp());
        }
    }

    private string? Check()
    {
        if (!row.HasResponseId)
        {
            return "the responseId is missing";
        }
        if (row.Survey is { } survey && survey != Plan.Survey.Id)
        {
            return $"it is a response to '{survey}', not to '{Plan.Survey.Id}'";
        }
        return null;
    }

    private FollowUpEntry FollowUp()
    {
        var context = new List<(string, string)>();
        for (var s = 0; s < row.Segments.Length; s++)
        {
            if (row.Segments[s] >= 0)
            {
                context.Add((Plan.Segments[s].Id, table.SegmentValues[s][row.Segments[s]]));
            }
        }
        for (var p = 0; p < Plan.PersonalContext.Count; p++)
        {
            if (row.PersonalContext[p] is { } value)
            {
                context.Add((Plan.PersonalContext[p].Id, value));
            }
        }
        var comments = Plan
            .Comments.Select((q, i) => (q.Id, Text: row.Comments[i]))
            .Where(c => !string.IsNullOrWhiteSpace(c.Text))
            .Select(c => (c.Id, c.Text!))
            .ToArray();
        return new FollowUpEntry(
            row.ResponseId,
            row.SubmittedAt,
            row.Lang,
            row.Outcome,
            row.Contact,
            context,
            comments
        );
    }

    /// <summary>The code of <paramref name="value"/> in segment <paramref name="segment"/>, or -1 when it is not one of its values.</summary>
    internal int SegmentCode(int segment, string value) =>
        table.SegmentValues[segment].IndexOf(value);

    private static void Count<TKey>(SortedDictionary<TKey, long> counts, TKey key)
        where TKey : notnull => counts[key] = counts.GetValueOrDefault(key) + 1;
}
