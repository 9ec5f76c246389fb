using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Core.Responses;
using SurveyKit.Core.Versions;
using SurveyKit.Submissions;

namespace SurveyKit.Analysis.Data;

/// <summary>
/// Turns one record (a JSON line, a CSV record, a database row, a generated type's <see cref="ResponseData"/>) into a
/// row of the table the way the collector takes a submission: read into Core's neutral form, checked by Core's one
/// rule set (<see cref="ResponseValidator"/>), then the columns the analysis uses are taken from it. So what the
/// collector refuses, the analysis rejects, with the same reason. One instance per worker: it reuses its buffers.
/// </summary>
internal sealed class RecordReader(AnalysisPlan plan)
{
    private readonly SubmissionReader json = new(plan.Survey, reuse: true);
    private readonly ResponseData data = new();
    private readonly List<ResponseError> errors = [];
    private CsvLayout? csvLayout;
    private CsvImport? csv;

    /// <summary>
    /// Fields the input says it left out (<c>answers.email</c> of an export without personal data): a required
    /// question among them is no reason to reject a record, since the answer exists where the input came from.
    /// </summary>
    public IReadOnlySet<string> LeftOut { get; set; } = new HashSet<string>();

    /// <summary>Reads a JSON submission into <paramref name="row"/>; returns why it is rejected, or null.</summary>
    public ResponseError? Json(ReadOnlySpan<byte> utf8, Row row)
    {
        errors.Clear();
        var (submittedAt, duration) = json.Read(utf8, data, errors);
        return Finish(row, submittedAt, duration);
    }

    /// <summary>Reads a CSV record (its fields unquoted) into <paramref name="row"/>; returns why it is rejected, or null.</summary>
    public ResponseError? Csv(CsvLayout layout, IReadOnlyList<string> fields, Row row)
    {
        errors.Clear();
        if (!ReferenceEquals(layout, csvLayout))
        {
            (csvLayout, csv) = (layout, new CsvImport(layout.Survey, layout.Header, reuse: true));
        }
        var (submittedAt, duration) = csv!.Fill(fields, data, errors);
        return Finish(row, submittedAt, duration);
    }

    /// <summary>Checks a response in the neutral form and fills <paramref name="row"/>; returns why it is rejected, or null.</summary>
    public ResponseError? Neutral(
        ResponseData response,
        DateTimeOffset? submittedAt,
        long? duration,
        Row row
    )
    {
        errors.Clear();
        return Finish(row, submittedAt, duration, response);
    }

    private ResponseError? Finish(
        Row row,
        DateTimeOffset? submittedAt,
        long? duration,
        ResponseData? response = null
    )
    {
        if (errors.Count > 0)
        {
            return errors[0];
        }
        response ??= data;
        VersionMap? map = null;
        if (response.Version is { } version && version != plan.Survey.Version)
        {
            if (plan.Maps.TryGetValue(version, out map))
            {
                row.Mapped = map.Apply(response);
            }
        }
        foreach (var error in ResponseValidator.Validate(plan.Survey, response))
        {
            var excused =
                (map is null && response.Version != plan.Survey.Version && OtherVersion(error.Rule))
                || (map is not null && Mapped(error, map))
                || (error.Rule == ResponseRules.Required && LeftOut.Contains(error.Path));
            if (!excused)
            {
                return error;
            }
        }
        ResponseDataRow.Fill(plan, response, row);
        row.SubmittedAt = submittedAt;
        row.DurationMs = duration is { } ms ? ms : float.NaN;
        return null;
    }

    // A response mapped from an earlier version: its version is not this one, a question this version added was never
    // asked of it, and conditions may have changed since. An answer under an id no version had is still refused.
    private static bool Mapped(ResponseError error, VersionMap map) =>
        error.Rule is ResponseRules.Version or ResponseRules.Hidden
        || (
            error.Rule == ResponseRules.Required
            && map.NotAsked.Any(id => error.Path == "answers." + id)
        )
        || (
            error.Rule == ResponseRules.Required
            && map.Changed.Keys.Any(id => error.Path == "answers." + id)
        );

    // A response to another version of the survey is scored on what it shares with this one: a question it had
    // that this version removed, one this version added or whose condition changed is no reason to reject it.
    private static bool OtherVersion(string rule) =>
        rule
            is ResponseRules.Version
                or ResponseRules.Unknown
                or ResponseRules.Required
                or ResponseRules.Hidden;
}
