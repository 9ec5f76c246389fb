using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Core.Responses;

namespace SurveyKit.Analysis.Data;

/// <summary>
/// The records parsed from one block of a file, column by column like the table, with their line numbers and what
/// was wrong with each. A parser fills it on a worker thread through one reused <see cref="Row"/>; the builder then
/// commits it in file order, mostly by copying whole columns; then it is reused for the next block.
/// </summary>
internal sealed class ParsedRows
{
    private readonly AnalysisPlan plan;
    private readonly Row row;
    private int capacity;

    public ParsedRows(AnalysisPlan plan)
    {
        this.plan = plan;
        row = new Row(plan);
        Reader = new RecordReader(plan);
        Drivers = new float[plan.Drivers.Count][];
        Compare = new sbyte[plan.Drivers.Count][];
        Segments = new int[plan.Segments.Count][];
        Grow(256);
    }

    public int Count { get; private set; }

    /// <summary>The reader of this block's records (one per block in flight: it reuses its buffers).</summary>
    public RecordReader Reader { get; }

    /// <summary>
    /// What the first line of a JSON Lines file said was left out of it (an export without personal data), or null.
    /// </summary>
    public IReadOnlyList<string>? LeftOut { get; set; }

    /// <summary>Where the block ends in the file, for the progress bar.</summary>
    public long End { get; set; }

    public long[] Lines { get; private set; } = [];
    public ResponseError?[] Errors { get; private set; } = [];
    public Guid[] Ids { get; private set; } = [];
    public sbyte[] Outcome { get; private set; } = [];
    public float[][] Drivers { get; }
    public sbyte[][] Compare { get; }
    public float[] Satisfaction { get; private set; } = [];
    public int[][] Segments { get; }
    public float[] DurationMs { get; private set; } = [];
    public int[] Versions { get; private set; } = [];
    public string?[] Languages { get; private set; } = [];

    /// <summary>UTC ticks of the submission time, <see cref="long.MinValue"/> when not given.</summary>
    public long[] Submitted { get; private set; } = [];

    /// <summary>Per record, its wave and account (null when the survey names none, or the response has none).</summary>
    public string?[] Waves { get; private set; } = [];
    public string?[] Accounts { get; private set; } = [];

    /// <summary>Per record, its themes (<see cref="Row.Themes"/>).</summary>
    public ulong[] Themes { get; private set; } = [];

    /// <summary>The detractors' open answers of this block, by record index, with their themes.</summary>
    public List<(int Index, ulong Themes, string Text)> DetractorTexts { get; } = [];

    /// <summary>Per record, what mapping an earlier version did to it (null for the current version).</summary>
    public Core.Versions.MappedAnswers?[] Mapped { get; private set; } = [];

    /// <summary>The follow-up entries of this block, by record index.</summary>
    public List<(int Index, FollowUpEntry Entry)> FollowUps { get; } = [];

    public void Reset()
    {
        Count = 0;
        FollowUps.Clear();
        DetractorTexts.Clear();
    }

    /// <summary>The cleared row for the record that starts on <paramref name="line"/>; <see cref="Done"/> stores it.</summary>
    public Row Next(long line)
    {
        if (Count == capacity)
        {
            Grow(capacity * 2);
        }
        row.Clear();
        Lines[Count] = line;
        return row;
    }

    /// <summary>Stores the row filled since <see cref="Next"/>, with what was wrong with it (null when nothing).</summary>
    public void Done(ResponseError? error)
    {
        var i = Count++;
        error ??= Check();
        Errors[i] = error;
        if (error is not null)
        {
            return;
        }
        Ids[i] = row.ResponseId;
        Outcome[i] = (sbyte)row.Outcome;
        for (var d = 0; d < Drivers.Length; d++)
        {
            Drivers[d][i] = row.Drivers[d];
            Compare[d][i] = row.Compare[d];
        }
        Satisfaction[i] = row.Satisfaction;
        for (var s = 0; s < Segments.Length; s++)
        {
            Segments[s][i] = row.Segments[s];
        }
        DurationMs[i] = row.DurationMs;
        Versions[i] = row.Version;
        Languages[i] = row.Lang;
        Submitted[i] = row.SubmittedAt?.UtcTicks ?? long.MinValue;
        Mapped[i] = row.Mapped;
        Waves[i] = row.Wave;
        Accounts[i] = row.Account;
        Themes[i] = row.Themes;
        if (row.OpenText is { } text)
        {
            DetractorTexts.Add((i, row.Themes, text));
        }
        if (row.NeedsFollowUp)
        {
            FollowUps.Add((i, FollowUp()));
        }
    }

    private ResponseError? Check() =>
        row.HasResponseId
            ? null
            : new ResponseError("responseId", "missing", "The responseId is missing.");

    private FollowUpEntry FollowUp()
    {
        var context = new List<(string, string)>();
        for (var s = 0; s < row.Segments.Length; s++)
        {
            if (row.Segments[s] >= 0)
            {
                context.Add((plan.Segments[s].Id, plan.Segments[s].FixedValues[row.Segments[s]]));
            }
        }
        for (var p = 0; p < plan.PersonalContext.Count; p++)
        {
            if (row.PersonalContext[p] is { } value)
            {
                context.Add((plan.PersonalContext[p].Id, value));
            }
        }
        var comments = plan
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
        )
        {
            Themes = row.Themes,
        };
    }

    private void Grow(int size)
    {
        capacity = size;
        Lines = Resize(Lines, size);
        Errors = Resize(Errors, size);
        Ids = Resize(Ids, size);
        Outcome = Resize(Outcome, size);
        for (var d = 0; d < Drivers.Length; d++)
        {
            Drivers[d] = Resize(Drivers[d] ?? [], size);
            Compare[d] = Resize(Compare[d] ?? [], size);
        }
        Satisfaction = Resize(Satisfaction, size);
        for (var s = 0; s < Segments.Length; s++)
        {
            Segments[s] = Resize(Segments[s] ?? [], size);
        }
        DurationMs = Resize(DurationMs, size);
        Versions = Resize(Versions, size);
        Languages = Resize(Languages, size);
        Submitted = Resize(Submitted, size);
        Mapped = Resize(Mapped, size);
        Waves = Resize(Waves, size);
        Accounts = Resize(Accounts, size);
        Themes = Resize(Themes, size);
    }

    private static T[] Resize<T>(T[] array, int size)
    {
        Array.Resize(ref array, size);
        return array;
    }
}
