using System;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Data;

/// <summary>
/// The answers of one submission that the analysis uses, filled by a reader and committed to the table. One instance
/// is reused for every row, so reading a million submissions allocates almost nothing.
/// </summary>
internal sealed class Row
{
    /// <summary>A touchpoint the respondent did not use ("na"): never a grade.</summary>
    public const float NotApplicable = float.PositiveInfinity;

    public Row(AnalysisPlan plan)
    {
        Drivers = new float[plan.Drivers.Count];
        Compare = new sbyte[plan.Drivers.Count];
        Segments = new int[plan.Segments.Count];
        Comments = new string?[plan.Comments.Count];
        PersonalContext = new string?[plan.PersonalContext.Count];
        Clear();
    }

    public Guid ResponseId;
    public bool HasResponseId;
    public string? Survey;
    public int Version;
    public string? Lang;
    public DateTimeOffset? SubmittedAt;

    /// <summary>The nps answer 0..10, or -1 when not answered.</summary>
    public int Outcome;

    /// <summary>Grades per driver: NaN when not answered, <see cref="NotApplicable"/> for "na".</summary>
    public readonly float[] Drivers;

    /// <summary>Comparison per driver: -1 not answered, 0 worse, 1 same, 2 better.</summary>
    public readonly sbyte[] Compare;

    /// <summary>The satisfaction rating, NaN when not answered.</summary>
    public float Satisfaction;

    /// <summary>The value index per segment, -1 when not answered.</summary>
    public readonly int[] Segments;

    /// <summary>The consent answer, null when not answered.</summary>
    public bool? Consent;

    /// <summary>How long the respondent took, NaN when not measured.</summary>
    public float DurationMs;

    /// <summary>The wave and the account the response names (<c>analysis.wave</c>, <c>analysis.account</c>), or null.</summary>
    public string? Wave;
    public string? Account;

    /// <summary>What mapping an earlier version's answers into the current version did (null: the current version).</summary>
    public Core.Versions.MappedAnswers? Mapped;

    /// <summary>The themes of the open answers (bits per theme, and <see cref="Themes.ThemeCoder.Answered"/>).</summary>
    public ulong Themes;

    /// <summary>A detractor's open answers, for the report's examples and the words no theme covers.</summary>
    public string? OpenText;

    // Read only for a follow-up row (a consenting detractor): the only personal data the analysis ever keeps.
    public string? Contact;
    public readonly string?[] Comments;
    public readonly string?[] PersonalContext;

    /// <summary>True when this respondent belongs on the follow-up list, so the readers fetch the texts.</summary>
    public bool NeedsFollowUp =>
        Outcome is >= 0 and <= 10
        && NpsCounts.Classify(Outcome) == NpsClass.Detractor
        && Consent == true;

    public void Clear()
    {
        Mapped = null;
        Themes = 0;
        OpenText = null;
        Wave = null;
        Account = null;
        HasResponseId = false;
        ResponseId = default;
        Survey = null;
        Version = 0;
        Lang = null;
        SubmittedAt = null;
        Outcome = -1;
        Array.Fill(Drivers, float.NaN);
        Array.Fill(Compare, (sbyte)-1);
        Satisfaction = float.NaN;
        Array.Fill(Segments, -1);
        Consent = null;
        DurationMs = float.NaN;
        Contact = null;
        Array.Clear(Comments);
        Array.Clear(PersonalContext);
    }
}
