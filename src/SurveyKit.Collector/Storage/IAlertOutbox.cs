using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SurveyKit.Collector.Alerts;

namespace SurveyKit.Collector.Storage;

/// <summary>
/// The alert outbox, in the same database as the responses: a response's alerts are written in the transaction that
/// stores it (<see cref="StoredResponse.Alerts"/>), so an acknowledged response never lacks its alerts, and a crash
/// at any moment leaves them pending. Several collectors may share it: a claimed message is leased to one of them.
/// </summary>
public interface IAlertOutbox
{
    /// <summary>
    /// Takes up to <paramref name="max"/> messages that are due, leasing them for <paramref name="lease"/>: no other
    /// collector takes them meanwhile, and if this one dies they become due again when the lease ends.
    /// </summary>
    Task<IReadOnlyList<ClaimedAlert>> ClaimAlertsAsync(
        int max,
        TimeSpan lease,
        DateTimeOffset now,
        CancellationToken cancellationToken
    );

    /// <summary>Writes the outcomes of attempts back, in one transaction.</summary>
    Task CompleteAlertsAsync(
        IReadOnlyList<AlertOutcome> outcomes,
        CancellationToken cancellationToken
    );

    /// <summary>Counts per state.</summary>
    Task<OutboxCounts> CountAlertsAsync(CancellationToken cancellationToken);

    /// <summary>The messages (newest first, at most <paramref name="limit"/>), optionally of one status.</summary>
    Task<IReadOnlyList<OutboxEntry>> ListAlertsAsync(
        string? status,
        int limit,
        CancellationToken cancellationToken
    );

    /// <summary>Every message of <paramref name="survey"/>'s alerts, oldest first (for the report's follow-up view).</summary>
    IAsyncEnumerable<OutboxEntry> ReadAlertsAsync(
        string survey,
        CancellationToken cancellationToken
    );

    /// <summary>Puts dead-lettered and gone messages back in the queue, due now, with a new 24-hour window.</summary>
    Task<int> RequeueDeadAlertsAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Ends every lease: on the start of the only collector of a SQLite file, what a killed process had claimed is
    /// due at once rather than when its lease runs out.
    /// </summary>
    Task ReleaseLeasesAsync(CancellationToken cancellationToken);
}
