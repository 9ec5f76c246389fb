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
);

/// <summary>
/// Where acknowledged responses live. <see cref="StoreAsync"/> returns only once the response is durable, and a
/// response id is stored once: storing it again reports a duplicate and changes nothing.
/// </summary>
public interface IResponseStore : IAsyncDisposable
{
    /// <summary>Creates the table when it is missing.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="response"/> durably; false when its id was stored before.</summary>
    Task<bool> StoreAsync(StoredResponse response, CancellationToken cancellationToken);

    /// <summary>The stored submissions of <paramref name="survey"/>, in the order they were received.</summary>
    IAsyncEnumerable<string> ReadAsync(string survey, CancellationToken cancellationToken);

    /// <summary>How many responses are stored, for one survey or all.</summary>
    Task<long> CountAsync(string? survey, CancellationToken cancellationToken);

    /// <summary>Which kind of store, for the health endpoint and the log.</summary>
    string Kind { get; }

    /// <summary>Opens a store: a PostgreSQL connection string (it has a '='), or else a SQLite file.</summary>
    public static IResponseStore Open(string database) =>
        database.Contains('=', StringComparison.Ordinal)
            ? new PostgresResponseStore(database)
            : new SqliteResponseStore(database);
}
