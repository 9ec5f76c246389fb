using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SurveyKit.Analysis.Data;

/// <summary>
/// What each column of a CSV export is to the analysis, read from its header once: the envelope, the outcome, each
/// driver's grade and comparison, satisfaction, segments, consent, and the follow-up texts. Columns the analysis does
/// not use are skipped. Shared by the block parsers, so it never changes after it is made.
/// </summary>
internal sealed class CsvHeader
{
    public enum Role
    {
        Ignore,
        ResponseId,
        Survey,
        Version,
        SubmittedAt,
        Lang,
        DurationMs,
        Outcome,
        Driver,
        Compare,
        Satisfaction,
        Segment,
        Consent,
        Contact,
        Comment,
        Personal,
    }

    private CsvHeader(AnalysisPlan plan, (Role, int, string, int)[] columns, int fieldCount)
    {
        Plan = plan;
        Columns = columns;
        FieldCount = fieldCount;
        SurveyId = Encoding.UTF8.GetBytes(plan.Survey.Id);
        Languages = plan.Survey.Languages.Select(l => (Encoding.UTF8.GetBytes(l), l)).ToArray();
        SegmentValues = plan
            .Segments.Select(s => s.FixedValues.Select(Encoding.UTF8.GetBytes).ToArray())
            .ToArray();
    }

    public AnalysisPlan Plan { get; }

    /// <summary>
    /// What the analysis reads, one entry per role of a field: a column can be a driver and the satisfaction question,
    /// or a segment and the consent question, at once (as a JSON key can).
    /// </summary>
    public (Role Role, int Index, string Name, int Field)[] Columns { get; }

    /// <summary>The number of fields in the header: every record must have as many.</summary>
    public int FieldCount { get; }

    public byte[] SurveyId { get; }

    public (byte[] Utf8, string Text)[] Languages { get; }

    public byte[][][] SegmentValues { get; }

    /// <summary>The header of the first record in <paramref name="fields"/>.</summary>
    public static CsvHeader Read(AnalysisPlan plan, IReadOnlyList<string> fields)
    {
        var names = new Dictionary<string, List<(Role, int)>>(StringComparer.Ordinal);
        void Add(string name, Role role, int index)
        {
            if (!names.TryGetValue(name, out var roles))
            {
                names[name] = roles = [];
            }
            roles.Add((role, index));
        }
        Add("response_id", Role.ResponseId, 0);
        Add("survey", Role.Survey, 0);
        Add("version", Role.Version, 0);
        Add("submitted_at", Role.SubmittedAt, 0);
        Add("lang", Role.Lang, 0);
        Add("duration_ms", Role.DurationMs, 0);
        if (plan.Outcome is { } nps)
        {
            Add(nps.Id, Role.Outcome, 0);
        }
        for (var d = 0; d < plan.Drivers.Count; d++)
        {
            Add(plan.Drivers[d].CsvColumn, Role.Driver, d);
            if (plan.Drivers[d].HasComparison)
            {
                Add(plan.Drivers[d].CompareColumn, Role.Compare, d);
            }
        }
        if (plan.Satisfaction is { } satisfaction)
        {
            Add(satisfaction.Id, Role.Satisfaction, 0);
        }
        for (var s = 0; s < plan.Segments.Count; s++)
        {
            Add(plan.Segments[s].Id, Role.Segment, s);
        }
        if (plan.Consent is { } consent)
        {
            Add(consent.Id, Role.Consent, 0);
        }
        if (plan.Contact is { } contact)
        {
            Add(contact.Id, Role.Contact, 0);
        }
        for (var c = 0; c < plan.Comments.Count; c++)
        {
            Add(plan.Comments[c].Id, Role.Comment, c);
        }
        for (var p = 0; p < plan.PersonalContext.Count; p++)
        {
            Add(plan.PersonalContext[p].Id, Role.Personal, p);
        }
        var columns = new List<(Role, int, string, int)>();
        for (var f = 0; f < fields.Count; f++)
        {
            foreach (var (role, index) in names.GetValueOrDefault(fields[f]) ?? [])
            {
                columns.Add((role, index, fields[f], f));
            }
        }
        return new CsvHeader(plan, [.. columns], fields.Count);
    }
}
