using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SurveyKit.Collector.Storage;

/// <summary>What a purge or an erasure removed, table by table: the receipt.</summary>
/// <param name="Responses">Responses whose personal fields were removed (their anonymous answers are kept).</param>
/// <param name="Invitations">Invitations whose customer id and address were removed (their dates are kept).</param>
/// <param name="Alerts">Alert deliveries whose payload was removed.</param>
public sealed record PersonalDataRemoved(int Responses, int Invitations, int Alerts);

/// <summary>
/// The personal-data lifecycle of a collector's database: personal fields older than a survey's retention are removed
/// (<c>surveykit purge</c>, and the collector once a day), and one person's are removed everywhere on request
/// (<c>surveykit erase</c>). Responses keep their anonymous answers, so the analysis keeps working.
/// </summary>
public interface IPersonalDataStore
{
    /// <summary>
    /// Removes the personal data of <paramref name="survey"/> stored before <paramref name="before"/>:
    /// <paramref name="strip"/> rewrites a stored response without its personal fields.
    /// </summary>
    Task<PersonalDataRemoved> PurgeAsync(
        string survey,
        DateTimeOffset before,
        Func<string, string> strip,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// Removes <paramref name="customer"/>'s personal data: their invitations' id and address, the personal fields of
    /// their responses (answered through an invitation, or carrying the id in one of the fields <paramref name="surveys"/> names, the
    /// personal context fields per survey), and the payloads of those responses' alerts.
    /// </summary>
    Task<PersonalDataRemoved> EraseAsync(
        string customer,
        IReadOnlyDictionary<
            string,
            (IReadOnlyList<string> Fields, Func<string, string> Strip)
        > surveys,
        CancellationToken cancellationToken
    );
}
