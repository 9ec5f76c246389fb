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

    private CsvHeader(AnalysisPlan plan, (Role, int, string)[] columns)
    {
        Plan = plan;
        Columns = columns;
        SurveyId = Encoding.UTF8.GetBytes(plan.Survey.Id);
        Languages = plan.Survey.Languages.Select(l => (Encoding.UTF8.GetBytes(l), l)).ToArray();
        SegmentValues = plan
            .Segments.Select(s => s.FixedValues.Select(Encoding.UTF8.GetBytes).ToArray())
            .ToArray();
    }

    public AnalysisPlan Plan { get; }

    public (Role Role, int Index, string Name)[] Columns { get; }

    public byte[] SurveyId { get; }

    public (byte[] Utf8, string Text)[] Languages { get; }

    public byte[][][] SegmentValues { get; }

    /// <summary>The header of the first record in <paramref name="fields"/>.</summary>
    public static CsvHeader Read(AnalysisPlan plan, IReadOnlyList<string> fields)
    {
        var names = new Dictionary<string, (Role, int)>(StringComparer.Ordinal)
        {
            ["response_id"] = (Role.ResponseId, 0),
            ["survey"] = (Role.Survey, 0),
            ["version"] = (Role.Version, 0),
            ["submitted_at"] = (Role.SubmittedAt, 0),
            ["lang"] = (Role.Lang, 0),
            ["duration_ms"] = (Role.DurationMs, 0),
        };
        if (plan.Outcome is { } nps)
        {
            names[nps.Id] = (Role.Outcome, 0);
        }
        for (var d = 0; d < plan.Drivers.Count; d++)
        {
            names[plan.Drivers[d].CsvColumn] = (Role.Driver, d);
            if (plan.Drivers[d].HasComparison)
            {
                names[plan.Drivers[d].CompareColumn] = (Role.Compare, d);
            }
        }
        if (plan.Satisfaction is { } satisfaction)
        {
            names.TryAdd(satisfaction.Id, (Role.Satisfaction, 0));
        }
        for (var s = 0; s < plan.Segments.Count; s++)
        {
            names.TryAdd(plan.Segments[s].Id, (Role.Segment, s));
        }
        if (plan.Consent is { } consent)
        {
            names.TryAdd(consent.Id, (Role.Consent, 0));
        }
        if (plan.Contact is { } contact)
        {
            names.TryAdd(contact.Id, (Role.Contact, 0));
        }
        for (var c = 0; c < plan.Comments.Count; c++)
        {
            names.TryAdd(plan.Comments[c].Id, (Role.Comment, c));
        }
        for (var p = 0; p < plan.PersonalContext.Count; p++)
        {
            names.TryAdd(plan.PersonalContext[p].Id, (Role.Personal, p));
        }
        return new CsvHeader(
            plan,
            fields
                .Select(name =>
                    names.TryGetValue(name, out var role)
                        ? (role.Item1, role.Item2, name)
                        : (Role.Ignore, 0, name)
                )
                .ToArray()
        );
    }
}
