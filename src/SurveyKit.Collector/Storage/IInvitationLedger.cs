using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SurveyKit.Collector.Invitations;

namespace SurveyKit.Collector.Storage;

/// <summary>
/// The invitation ledger, in the collector's database, across all surveys: who was invited when, who opted out, and
/// which invitation was answered. A response through an invitation claims it in the transaction that stores the
/// response (<see cref="StoredResponse.InvitationId"/>), so an invitation is answered once.
/// </summary>
public interface IInvitationLedger
{
    /// <summary>Per customer that was ever invited or opted out: the latest invitation, how many in the last year, opted out.</summary>
    Task<IReadOnlyDictionary<string, CustomerHistory>> InvitationHistoryAsync(
        DateTimeOffset now,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// Records <paramref name="invitations"/>, all or none; with <paramref name="mail"/>, each with its mail queued
    /// (<see cref="ReadPendingMailsAsync"/>) in the same transaction.
    /// </summary>
    Task AddInvitationsAsync(
        IReadOnlyList<Invitation> invitations,
        bool mail,
        CancellationToken cancellationToken
    );

    /// <summary>The invitation with <paramref name="id"/>, or null.</summary>
    Task<Invitation?> FindInvitationAsync(string id, CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="customer"/> wants no more invitations; false when they had opted out already.</summary>
    Task<bool> OptOutAsync(
        string customer,
        DateTimeOffset at,
        string source,
        CancellationToken cancellationToken
    );

    /// <summary>Every invitation to <paramref name="survey"/>: its signed context and whether it was answered (for response rates).</summary>
    IAsyncEnumerable<(
        IReadOnlyDictionary<string, string> Context,
        bool Responded
    )> ReadInvitationsAsync(string survey, CancellationToken cancellationToken);

    /// <summary>
    /// The invitations to <paramref name="survey"/> made before <paramref name="before"/> that have no response and no
    /// reminder yet, of customers who did not opt out and were not erased.
    /// </summary>
    Task<IReadOnlyList<Invitation>> ReadUnansweredAsync(
        string survey,
        DateTimeOffset before,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// Records that <paramref name="ids"/> were reminded at <paramref name="at"/>, all or none; with
    /// <paramref name="mail"/>, each with its reminder mail queued in the same transaction.
    /// </summary>
    Task MarkRemindedAsync(
        IReadOnlyList<string> ids,
        DateTimeOffset at,
        bool mail,
        CancellationToken cancellationToken
    );

    /// <summary>
    /// The queued mails of <paramref name="survey"/> the SMTP server has not accepted, oldest first, without those of
    /// customers who opted out, were erased or answered meanwhile.
    /// </summary>
    Task<IReadOnlyList<PendingMail>> ReadPendingMailsAsync(
        string survey,
        CancellationToken cancellationToken
    );

    /// <summary>Records a step of sending one queued mail (durably: it is what a resumed run trusts).</summary>
    Task RecordMailAsync(
        string invitation,
        MailKind kind,
        MailStep step,
        DateTimeOffset at,
        string? error,
        CancellationToken cancellationToken
    );

    /// <summary>Records the first time the page of invitation <paramref name="id"/> was opened; false when known already.</summary>
    Task<bool> MarkOpenedAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Invited, opened, responded, reminded and opted out, for one survey or all.</summary>
    Task<InvitationCounts> CountInvitationsAsync(
        string? survey,
        CancellationToken cancellationToken
    );
}
