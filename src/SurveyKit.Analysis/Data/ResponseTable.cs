using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Core.Responses;

namespace SurveyKit.Analysis.Data;

/// <summary>
/// The scored responses, column by column, plus the account of everything read: read = scored + rejected, with
/// duplicates among the rejected. Built by <see cref="ResponseTableBuilder"/>.
/// </summary>
public sealed class ResponseTable
{
    internal ResponseTable(AnalysisPlan plan)
    {
        Plan = plan;
        Drivers = plan.Drivers.Select(_ => new Column<float>()).ToArray();
        Compare = plan.Drivers.Select(d => d.HasComparison ? new Column<sbyte>() : null).ToArray();
        Segments = plan.Segments.Select(_ => new Column<int>()).ToArray();
        SegmentValues = plan.Segments.Select(s => s.FixedValues.ToList()).ToArray();
    }

    /// <summary>What was read and how.</summary>
    public AnalysisPlan Plan { get; }

    /// <summary>The number of scored responses.</summary>
    public int Count => Outcome.Count;

    /// <summary>The response ids, in reading order.</summary>
    public Column<Guid> ResponseIds { get; } = new();

    /// <summary>The nps answer 0..10, or -1 when not answered.</summary>
    public Column<sbyte> Outcome { get; } = new();

    /// <summary>Grades per driver: NaN not answered, +infinity "not applicable" (see <see cref="IsGrade"/>).</summary>
    public IReadOnlyList<Column<float>> Drivers { get; }

    /// <summary>Comparison per driver (null when not asked): -1 not answered, 0 worse, 1 same, 2 better.</summary>
    public IReadOnlyList<Column<sbyte>?> Compare { get; }

    /// <summary>The satisfaction rating, NaN when not answered.</summary>
    public Column<float> Satisfaction { get; } = new();

    /// <summary>The value index per segment, -1 when not answered.</summary>
    public IReadOnlyList<Column<int>> Segments { get; }

    /// <summary>The values of each segment, in code order.</summary>
    public IReadOnlyList<List<string>> SegmentValues { get; }

    /// <summary>How long each respondent took, NaN when not measured.</summary>
    public Column<float> DurationMs { get; } = new();

    /// <summary>The survey version of each response.</summary>
    public Column<int> Versions { get; } = new();

    /// <summary>Every line or record read, valid or not.</summary>
    public long Read { get; internal set; }

    /// <summary>Lines or records that were excluded: malformed, another survey, or a repeated response id.</summary>
    public long Rejected { get; internal set; }

    /// <summary>Responses excluded because their id was read before (the first one counts).</summary>
    public long Duplicates { get; internal set; }

    /// <summary>The first rejections, with where they are and why (at most <see cref="ResponseTableBuilder.MaxListedRejections"/>).</summary>
    public List<Rejection> Rejections { get; } = [];

    /// <summary>Per response, its themes (<see cref="Themes.ThemeCoder"/> bits); empty when the survey has no themes.</summary>
    public Column<ulong> Themes { get; } = new();

    /// <summary>The detractors' quotes per theme and the words no theme covers.</summary>
    public Themes.ThemeTexts ThemeTexts { get; } = new();

    /// <summary>Per response, the code of its wave in <see cref="WaveValues"/> or -1; empty when the survey names no wave.</summary>
    public Column<int> Waves { get; } = new();

    /// <summary>The waves, in the order first read.</summary>
    public List<string> WaveValues { get; } = [];

    /// <summary>Per response, the code of its account in <see cref="AccountValues"/> or -1; empty when the survey names no account.</summary>
    public Column<int> Accounts { get; } = new();

    /// <summary>The accounts, in the order first read.</summary>
    public List<string> AccountValues { get; } = [];

    /// <summary>When each response was sent (UTC ticks), <see cref="long.MinValue"/> when the submission does not say.</summary>
    public Column<long> Submitted { get; } = new();

    /// <summary>
    /// Per earlier version that could be mapped to the current one (from the survey's history): how many of its
    /// responses were scored through the map, and what the map did to their answers.
    /// </summary>
    public SortedDictionary<int, VersionMapping> Mapping { get; } = [];

    /// <summary>Responses per survey version.</summary>
    public SortedDictionary<int, long> VersionCounts { get; } = [];

    /// <summary>Responses per language.</summary>
    public SortedDictionary<string, long> LanguageCounts { get; } = new(StringComparer.Ordinal);

    /// <summary>The first and last submission time seen.</summary>
    public DateTimeOffset? FirstSubmitted { get; internal set; }

    /// <inheritdoc cref="FirstSubmitted"/>
    public DateTimeOffset? LastSubmitted { get; internal set; }

    /// <summary>Detractors who consented to be contacted, with how to reach them.</summary>
    public List<FollowUpEntry> FollowUps { get; } = [];

    /// <summary>
    /// Personal fields an input said it left out (the first line of a JSON Lines export without --personal), such as
    /// <c>answers.email</c>: the follow-up list cannot hold what the input does not.
    /// </summary>
    public SortedSet<string> LeftOut { get; } = new(StringComparer.Ordinal);

    /// <summary>CSV columns that are not columns of the survey, left out of the analysis.</summary>
    public SortedSet<string> UnknownColumns { get; } = new(StringComparer.Ordinal);

    /// <summary>True for a grade (not "not answered", not "not applicable").</summary>
    public static bool IsGrade(float value) => float.IsFinite(value);
}

/// <summary>A record that was not scored.</summary>
public sealed class Rejection
{
    private Rejection(
        string source,
        long line,
        string reason,
        string reasonWithoutValues,
        string rule,
        string path
    )
    {
        Source = source;
        Line = line;
        Reason = reason;
        ReasonWithoutValues = reasonWithoutValues;
        Rule = rule;
        Path = path;
    }

    /// <summary>A rejection for a rule a record broke (Core's, or the reader's): its values shown, or left out.</summary>
    internal static Rejection Of(string source, long line, ResponseError error) =>
        new(
            source,
            line,
            error.ToString(),
            error.ToStringWithoutValues(),
            error.Rule,
            error.PathWithoutValues()
        );

    /// <summary>
    /// A rejection whose reason comes from elsewhere (a generated reader's error) and may quote values anywhere: the
    /// report shows the field path it starts with, when it does ("answers.recommend: …"), and hides the rest.
    /// </summary>
    internal static Rejection Unchecked(string source, long line, string reason)
    {
        var path = 0;
        while (
            path < reason.Length
            && (char.IsAsciiLetterOrDigit(reason[path]) || reason[path] is '_' or '.')
        )
        {
            path++;
        }
        var hidden =
            path > 0 && path < reason.Length && reason[path] == ':'
                ? reason[..(path + 1)] + " '…'"
                : "'…'";
        return new(source, line, reason, hidden, "read", path > 0 ? reason[..path] : "");
    }

    /// <summary>The file (or database) it came from.</summary>
    public string Source { get; }

    /// <summary>The 1-based line (JSON Lines), record start line (CSV) or row number (database).</summary>
    public long Line { get; }

    /// <summary>What was wrong, quoting the values the record was rejected for (for the analyst: the console).</summary>
    public string Reason { get; }

    /// <summary>What was wrong, without those values (for the report, which is read beyond the analyst).</summary>
    public string ReasonWithoutValues { get; }

    /// <summary>
    /// The rule broken: one of Core's <c>ResponseRules</c>, the envelope's (<c>syntax</c>, <c>missing</c>,
    /// <c>duplicate</c>), <c>repeated</c> for a response id read before, <c>size</c> for a record over the cap, or
    /// <c>read</c> for a reason from elsewhere. The report says it in its own language.
    /// </summary>
    public string Rule { get; }

    /// <summary>The field, with every part that is not an id hidden; empty for the whole record.</summary>
    public string Path { get; }
}

/// <summary>A detractor who agreed to be contacted: the only place personal data appears.</summary>
public sealed record FollowUpEntry(
    Guid ResponseId,
    DateTimeOffset? SubmittedAt,
    string? Lang,
    int Score,
    string? Contact,
    IReadOnlyList<(string Id, string Value)> Context,
    IReadOnlyList<(string Id, string Text)> Comments
)
{
    /// <summary>The themes of their open answers (<see cref="Themes.ThemeCoder"/> bits).</summary>
    public ulong Themes { get; init; }
}

/// <summary>What mapping one earlier version's responses into the current version did, summed.</summary>
public sealed class VersionMapping
{
    /// <summary>Responses of that version scored through the map.</summary>
    public long Responses { get; internal set; }

    /// <summary>Answers now under a new id (renamed questions, items, options, context fields).</summary>
    public long Renamed { get; internal set; }

    /// <summary>Answers left out because their question, item or option is gone.</summary>
    public long Removed { get; internal set; }

    /// <summary>Answers left out because their question changed its type or scale.</summary>
    public long Changed { get; internal set; }
}
