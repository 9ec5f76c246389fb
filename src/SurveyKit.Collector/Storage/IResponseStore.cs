using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SurveyKit.Collector.Storage;

/// <summary>A response as stored: the keys to find it, and the canonical submission JSON.</summary>
public sealed record StoredResponse(
    string ResponseId,
    string Survey,
    int Version,
    DateTimeOffset ReceivedAt,
    string Body
)
{
    /// <summary>The alerts this response raised: stored with it, in the same transaction, or not at all.</summary>
    public IReadOnlyList<Alerts.OutboxMessage> Alerts { get; init; } = [];

    /// <summary>
    /// The invitation it answers, or null: claimed in the same transaction, so a second response to one invitation is
    /// refused (<see cref="StoreOutcome.InvitationUsed"/>) and nothing of it is stored.
    /// </summary>
    public string? InvitationId { get; init; }
}

/// <summary>What storing a response did.</summary>
public enum StoreOutcome
{
    /// <summary>Stored, durably.</summary>
    Stored,

    /// <summary>This response id was stored before for the same survey: nothing changed (a client's retry).</summary>
    Duplicate,

    /// <summary>This response id was stored before for another survey: nothing changed, and the sender is told.</summary>
    IdTaken,

    /// <summary>The invitation was answered before by another response: nothing was stored.</summary>
    InvitationUsed,
}

/// <summary>
/// Where acknowledged responses live. <see cref="StoreAsync"/> returns only once the response is durable, and a
/// response id is stored once: storing it again reports a duplicate and changes nothing.
/// </summary>
public interface IResponseStore
    : IAlertOutbox,
        IInvitationLedger,
        IPersonalDataStore,
        IAsyncDisposable
{
    /// <summary>Creates the table when it is missing.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="response"/> durably, or says that its id was stored before. Throws when the store cannot
    /// be written (disk full, database down): then nothing is stored and nothing may be acknowledged.
    /// </summary>
    Task<StoreOutcome> StoreAsync(StoredResponse response, CancellationToken cancellationToken);

    /// <summary>The stored submissions of <paramref name="survey"/>, in the order they were received.</summary>
    IAsyncEnumerable<string> ReadAsync(string survey, CancellationToken cancellationToken);

    /// <summary>How many responses are stored, for one survey or all.</summary>
    Task<long> CountAsync(string? survey, CancellationToken cancellationToken);

    /// <summary>Which kind of store, for the health endpoint and the log.</summary>
    string Kind { get; }

    /// <summary>
    /// True when <paramref name="database"/> is a PostgreSQL connection string (<c>Host=...;Database=...</c>: it has a
    /// '='), false for a SQLite file. The one place that decides it, for the collector and every command.
    /// </summary>
    public static bool IsPostgres(string database) =>
        database.Contains('=', StringComparison.Ordinal);

    /// <summary>Opens a store: a PostgreSQL connection string, or else a SQLite file.</summary>
    public static IResponseStore Open(string database) =>
        IsPostgres(database)
            ? new PostgresResponseStore(database)
            : new SqliteResponseStore(database);
}
