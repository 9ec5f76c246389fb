using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace SurveyKit.Collector.Storage;

/// <summary>
/// One SQLite file in WAL mode with <c>synchronous=FULL</c>: a commit is on disk before it returns. SQLite has one
/// writer, so every request's insert goes through a queue, and one writer commits whatever has queued up in a single
/// transaction (group commit): one fsync acknowledges many responses, and none is acknowledged before it.
/// </summary>
public sealed partial class SqliteResponseStore : IResponseStore
{
    private const int MaxBatch = 512;
    private readonly string connectionString;

    // The one writer's queue: responses to store, and the outcomes of alert deliveries to record, so the outbox never
    // competes with the responses for SQLite's write lock.
    private readonly Channel<(
        StoredResponse? Response,
        IReadOnlyList<Alerts.AlertOutcome>? Outcomes,
        TaskCompletionSource<StoreOutcome> Done
    )> queue = Channel.CreateUnbounded<(
        StoredResponse?,
        IReadOnlyList<Alerts.AlertOutcome>?,
        TaskCompletionSource<StoreOutcome>
    )>(new UnboundedChannelOptions { SingleReader = true });
    private Task? writer;

    public SqliteResponseStore(string path)
    {
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
    }

    public string Kind => "sqlite";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Open(cancellationToken);
        await Execute(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
        await Execute(
            connection,
            """
            CREATE TABLE IF NOT EXISTS responses (
              response_id TEXT PRIMARY KEY,
              survey TEXT NOT NULL,
              version INTEGER NOT NULL,
              received_at TEXT NOT NULL,
              body TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS responses_by_survey ON responses (survey);
            """
                + OutboxSchema
                + LedgerSchema,
            cancellationToken
        );
        // The writer's connection opens here, so a database that cannot be written stops the start rather than
        // leaving every request waiting on a writer that never ran.
        // Its own, never from the pool: a pooled connection comes with whatever an earlier user left on it, and the
        // writer's claims must read the ledger as it is now.
        var writerConnection = new SqliteConnection(
            new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString()
        );
        await writerConnection.OpenAsync(cancellationToken);
        await Execute(writerConnection, "PRAGMA busy_timeout=5000;", cancellationToken);
        await Execute(writerConnection, "PRAGMA synchronous=FULL;", cancellationToken);
        writer = Task.Run(() => WriteLoop(writerConnection), CancellationToken.None);
    }

    public Task<StoreOutcome> StoreAsync(
        StoredResponse response,
        CancellationToken cancellationToken
    )
    {
        var done = new TaskCompletionSource<StoreOutcome>(
            TaskCreationOptions.RunContinuationsAsynchronously
        );
        if (!queue.Writer.TryWrite((response, null, done)))
        {
            throw new InvalidOperationException("The store is closed.");
        }
        return done.Task;
    }

    private async Task WriteLoop(SqliteConnection connection)
    {
        await using var _ = connection;
        await using var insert = connection.CreateCommand();
        insert.CommandText =
            "INSERT INTO responses (response_id, survey, version, received_at, body) VALUES ($id, $survey, $version, $at, $body) ON CONFLICT (response_id) DO NOTHING;";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var survey = insert.Parameters.Add("$survey", SqliteType.Text);
        var version = insert.Parameters.Add("$version", SqliteType.Integer);
        var at = insert.Parameters.Add("$at", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        await using var owner = connection.CreateCommand();
        owner.CommandText = "SELECT survey FROM responses WHERE response_id = $id;";
        var ownerId = owner.Parameters.Add("$id", SqliteType.Text);
        await using var alert = OutboxInsert(connection);
        await using var outcome = OutboxUpdate(connection);
        await using var claim = InvitationClaim(connection);
        await using var unclaim = InvitationUnclaim(connection);
        var batch = new List<(
            StoredResponse? Response,
            IReadOnlyList<Alerts.AlertOutcome>? Outcomes,
            TaskCompletionSource<StoreOutcome> Done
        )>(MaxBatch);
        var results = new List<StoreOutcome>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            results.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }
            try
            {
                await using var transaction = (SqliteTransaction)
                    await connection.BeginTransactionAsync();
                insert.Transaction = transaction;
                owner.Transaction = transaction;
                alert.Transaction = transaction;
                outcome.Transaction = transaction;
                claim.Transaction = transaction;
                unclaim.Transaction = transaction;
                foreach (var (response, outcomes, _) in batch)
                {
                    if (response is null)
                    {
                        foreach (var attempt in outcomes!)
                        {
                            await UpdateAlert(outcome, attempt);
                        }
                        results.Add(StoreOutcome.Stored);
                        continue;
                    }
                    if (
                        response.InvitationId is { } invitation
                        && !await Claim(claim, invitation, response)
                    )
                    {
                        results.Add(StoreOutcome.InvitationUsed);
                        continue;
                    }
                    id.Value = response.ResponseId;
                    survey.Value = response.Survey;
                    version.Value = response.Version;
                    at.Value = response.ReceivedAt.ToString(
                        "o",
                        System.Globalization.CultureInfo.InvariantCulture
                    );
                    body.Value = response.Body;
                    if (await insert.ExecuteNonQueryAsync() == 1)
                    {
                        foreach (var message in response.Alerts)
                        {
                            await InsertAlert(alert, message);
                        }
                        results.Add(StoreOutcome.Stored);
                        continue;
                    }
                    ownerId.Value = response.ResponseId;
                    var duplicate = await owner.ExecuteScalarAsync() as string == response.Survey;
                    if (!duplicate && response.InvitationId is { } claimed)
                    {
                        await Unclaim(unclaim, claimed, response.ResponseId);
                    }
                    results.Add(duplicate ? StoreOutcome.Duplicate : StoreOutcome.IdTaken);
                }
                await transaction.CommitAsync();
                for (var i = 0; i < batch.Count; i++)
                {
                    if (results[i] == StoreOutcome.Stored && batch[i].Response is { } stored)
                    {
                        HandOff(stored.Alerts);
                    }
                    batch[i].Done.SetResult(results[i]);
                }
            }
            catch (Exception exception)
            {
                // Nothing of the batch is acknowledged: the clients keep their responses and try again.
                foreach (var (_, _, done) in batch)
                {
                    done.TrySetException(exception);
                }
            }
        }
    }

    public async IAsyncEnumerable<string> ReadAsync(
        string survey,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        await using var connection = await Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM responses WHERE survey = $survey ORDER BY rowid;";
        command.Parameters.AddWithValue("$survey", survey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return reader.GetString(0);
        }
    }

    public async Task<long> CountAsync(string? survey, CancellationToken cancellationToken)
    {
        await using var connection = await Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = survey is null
            ? "SELECT count(*) FROM responses;"
            : "SELECT count(*) FROM responses WHERE survey = $survey;";
        if (survey is not null)
        {
            command.Parameters.AddWithValue("$survey", survey);
        }
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<SqliteConnection> Open(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await Execute(connection, "PRAGMA busy_timeout=5000;", cancellationToken);
        return connection;
    }

    private static async Task Execute(
        SqliteConnection connection,
        string sql,
        CancellationToken cancellationToken
    )
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        if (writer is not null)
        {
            await writer;
        }
        SqliteConnection.ClearAllPools();
    }
}
