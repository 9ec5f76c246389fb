using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SurveyKit.Collector.Storage;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;
using SurveyKit.Submissions;

namespace SurveyKit.Collector.Privacy;

/// <summary>
/// The personal-data lifecycle for the surveys that declare it (<c>privacy: { retention_days: N }</c>): what a purge
/// removes and what an erasure looks for. The one place that decides it, for <c>surveykit purge</c>,
/// <c>surveykit erase</c> and the collector's daily purge.
/// </summary>
public static class Retention
{
    /// <summary>Removes the personal data of <paramref name="survey"/> older than its retention; null when it declares none.</summary>
    public static async Task<PersonalDataRemoved?> Purge(
        IPersonalDataStore store,
        Survey survey,
        DateTimeOffset now,
        CancellationToken cancellationToken
    ) =>
        survey.RetentionDays is { } days
            ? await store.PurgeAsync(
                survey.Id,
                now.AddDays(-days),
                body => SubmissionJson.WithoutPersonal(body, survey),
                cancellationToken
            )
            : null;

    /// <summary>Removes <paramref name="customer"/>'s personal data from every table, for <paramref name="surveys"/>.</summary>
    public static Task<PersonalDataRemoved> Erase(
        IPersonalDataStore store,
        string customer,
        IEnumerable<Survey> surveys,
        CancellationToken cancellationToken
    ) =>
        store.EraseAsync(
            customer,
            surveys.ToDictionary(
                s => s.Id,
                s =>
                    (
                        (IReadOnlyList<string>)
                            s.Context.Where(PersonalData.IsPersonal).Select(c => c.Id).ToList(),
                        (Func<string, string>)(body => SubmissionJson.WithoutPersonal(body, s))
                    ),
                StringComparer.Ordinal
            ),
            cancellationToken
        );
}
