using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using SurveyKit.Collector.Alerts;

namespace SurveyKit.Collector.Storage;

// The alert outbox in the SQLite file. Times are Unix milliseconds, so "due" is an integer comparison. A SQLite file
// has one collector (several collectors share PostgreSQL), so a claim is a lease held in this process's memory: reading
// due rows takes no write lock, and the outcomes of attempts are written by the one writer, in the group commit of the
// responses. After a crash nothing is leased, so every pending alert is due at once; the worst case is a delivered
// alert sent once more, with the same webhook-id, which at-least-once delivery allows.
public sealed partial class SqliteResponseStore
{
    private const string OutboxSchema = """

        CREATE TABLE IF NOT EXISTS alert_outbox (
          id TEXT PRIMARY KEY,
          response_id TEXT NOT NULL,
          survey TEXT NOT NULL,
          alert TEXT NOT NULL,
          channel TEXT NOT NULL,
          target TEXT NOT NULL,
          payload TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          window_at INTEGER NOT NULL,
          status TEXT NOT NULL DEFAULT 'pending',
          attempts INTEGER NOT NULL DEFAULT 0,
          next_at INTEGER NOT NULL,
          last_error TEXT,
          delivered_at INTEGER
        );
        CREATE INDEX IF NOT EXISTS alert_outbox_due ON alert_outbox (status, next_at);
        """;

    private static SqliteCommand OutboxInsert(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO alert_outbox (id, response_id, survey, alert, channel, target, payload, created_at, window_at, next_at) "
            + "VALUES ($id, $response, $survey, $alert, $channel, $target, $payload, $at, $at, $at) ON CONFLICT (id) DO NOTHING;";
        foreach (
            var name in new[]
            {
                "$id",
                "$response",
                "$survey",
                "$alert",
                "$channel",
                "$target",
                "$payload",
            }
        )
        {
            command.Parameters.Add(name, SqliteType.Text);
        }
        command.Parameters.Add("$at", SqliteType.Integer);
        return command;
    }

    private static Task<int> InsertAlert(SqliteCommand command, OutboxMessage message)
    {
        command.Parameters["$id"].Value = message.Id;
        command.Parameters["$response"].Value = message.ResponseId;
        command.Parameters["$survey"].Value = message.Survey;
        command.Parameters["$alert"].Value = message.Alert;
        command.Parameters["$channel"].Value = message.Channel;
        command.Parameters["$target"].Value = message.Target;
        command.Parameters["$payload"].Value = message.Payload;
        command.Parameters["$at"].Value = message.CreatedAt.ToUnixTimeMilliseconds();
        return command.ExecuteNonQueryAsync();
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<
        string,
        DateTimeOffset
    > leases = new(StringComparer.Ordinal);

    private const int MaxHandedOff = 10_000;
    private static readonly TimeSpan ScanInterval = TimeSpan.FromMilliseconds(200);

    // Alerts just committed, handed to the dispatcher without a query: a new alert costs no read of the outbox. The
    // outbox is scanned (for retries that are due, and after a restart) at most every 200 ms.
    private readonly System.Collections.Concurrent.ConcurrentQueue<OutboxMessage> handedOff = new();
    private volatile bool dispatching;
    private DateTimeOffset lastScan = DateTimeOffset.MinValue;

    // Called by the writer after the commit. Only while a dispatcher takes them, and only so many: the rest wait in
    // the outbox for its next scan.
    private void HandOff(IReadOnlyList<OutboxMessage> messages)
    {
        if (!dispatching || messages.Count == 0 || handedOff.Count >= MaxHandedOff)
        {
            return;
        }
        foreach (var message in messages)
        {
            if (leases.TryAdd(message.Id, DateTimeOffset.MaxValue))
            {
                handedOff.Enqueue(message);
            }
        }
    }

    public async Task<IReadOnlyList<ClaimedAlert>> ClaimAlertsAsync(
        int max,
        TimeSpan lease,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        dispatching = true;
        var claimed = new List<ClaimedAlert>();
        while (claimed.Count < max && handedOff.TryDequeue(out var message))
        {
            leases[message.Id] = now + lease;
            claimed.Add(new ClaimedAlert(message, 0, message.CreatedAt));
        }
        if (claimed.Count == max || now - lastScan < ScanInterval)
        {
            return claimed;
        }
        lastScan = now;
        foreach (var (id, until) in leases)
        {
            if (until <= now)
            {
                leases.TryRemove(id, out _);
            }
        }
        await using var connection = await Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, response_id, survey, alert, channel, target, payload, created_at, attempts, window_at
            FROM alert_outbox WHERE status = 'pending' AND next_at <= $now
            ORDER BY next_at LIMIT $max;
            """;
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$max", max + leases.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (claimed.Count < max && await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            if (!leases.TryAdd(id, now + lease))
            {
                continue; // being attempted already
            }
            claimed.Add(
                new ClaimedAlert(
                    new OutboxMessage(
                        id,
                        reader.GetString(1),
                        reader.GetString(2),
                        reader.GetString(3),
                        reader.GetString(4),
                        reader.GetString(5),
                        reader.GetString(6),
                        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7))
                    ),
                    reader.GetInt32(8),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9))
                )
            );
        }
        return claimed;
    }

    public async Task CompleteAlertsAsync(
        IReadOnlyList<AlertOutcome> outcomes,
        CancellationToken cancellationToken
    )
    {
        if (outcomes.Count == 0)
        {
            return;
        }
        var done = new TaskCompletionSource<StoreOutcome>(
            TaskCreationOptions.RunContinuationsAsynchronously
        );
        if (!queue.Writer.TryWrite((null, outcomes, done)))
        {
            throw new InvalidOperationException("The store is closed.");
        }
        await done.Task;
        // Written: a retry's next attempt is decided by its row from now on, not by the lease.
        foreach (var outcome in outcomes)
        {
            leases.TryRemove(outcome.Id, out _);
        }
    }

    private static SqliteCommand OutboxUpdate(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE alert_outbox SET status = $status, attempts = attempts + 1,
              next_at = coalesce($next, next_at), last_error = $error,
              delivered_at = CASE WHEN $status = 'delivered' THEN $at ELSE delivered_at END,
              payload = CASE WHEN $status = 'delivered' THEN '' ELSE payload END
            WHERE id = $id AND status = 'pending';
            """;
        command.Parameters.Add("$id", SqliteType.Text);
        command.Parameters.Add("$status", SqliteType.Text);
        command.Parameters.Add("$next", SqliteType.Integer);
        command.Parameters.Add("$error", SqliteType.Text);
        command.Parameters.Add("$at", SqliteType.Integer);
        return command;
    }

    private static Task<int> UpdateAlert(SqliteCommand command, AlertOutcome outcome)
    {
        command.Parameters["$id"].Value = outcome.Id;
        command.Parameters["$status"].Value = OutboxStatus.Of(outcome);
        command.Parameters["$next"].Value =
            (object?)outcome.NextAttempt?.ToUnixTimeMilliseconds() ?? DBNull.Value;
        command.Parameters["$error"].Value = (object?)outcome.Error ?? DBNull.Value;
        command.Parameters["$at"].Value = outcome.At.ToUnixTimeMilliseconds();
        return command.ExecuteNonQueryAsync();
    }

    public async Task<OutboxCounts> CountAlertsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT status, count(*), min(created_at) FROM alert_outbox GROUP BY status;";
        long pending = 0,
            delivered = 0,
            dead = 0;
        DateTimeOffset? oldest = null;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var count = reader.GetInt64(1);
            switch (reader.GetString(0))
            {
                case OutboxStatus.Pending:
                    pending = count;
                    oldest = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2));
                    break;
                case OutboxStatus.Delivered:
                    delivered = count;
                    break;
                default:
                    dead += count;
                    break;
            }
        }
        return new OutboxCounts(pending, delivered, dead, oldest);
    }

    private const string EntryColumns =
        "id, response_id, survey, alert, channel, target, status, attempts, created_at, next_at, delivered_at, last_error";

    public async Task<IReadOnlyList<OutboxEntry>> ListAlertsAsync(
        string? status,
        int limit,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {EntryColumns} FROM alert_outbox"
            + (status is null ? "" : " WHERE status = $status")
            + " ORDER BY created_at DESC, id LIMIT $limit;";
        if (status is not null)
        {
            command.Parameters.AddWithValue("$status", status);
        }
        command.Parameters.AddWithValue("$limit", limit);
        var entries = new List<OutboxEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(Entry(reader));
        }
        return entries;
    }

    public async IAsyncEnumerable<OutboxEntry> ReadAlertsAsync(
        string survey,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        await using var connection = await Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {EntryColumns} FROM alert_outbox WHERE survey = $survey ORDER BY created_at, id;";
        command.Parameters.AddWithValue("$survey", survey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Entry(reader);
        }
    }

    private static OutboxEntry Entry(SqliteDataReader reader)
    {
        var state = reader.GetString(6);
        return new OutboxEntry(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4),
            reader.GetString(5),
            state,
            reader.GetInt32(7),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
            state == OutboxStatus.Pending
                ? DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9))
                : null,
            reader.IsDBNull(10)
                ? null
                : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)),
            reader.IsDBNull(11) ? null : reader.GetString(11)
        );
    }

    public async Task<int> RequeueDeadAlertsAsync(
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "UPDATE alert_outbox SET status = 'pending', attempts = 0, next_at = $now, window_at = $now "
            + "WHERE status IN ('dead', 'gone');";
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Leases live in this process's memory: a new process starts with none.
    public Task ReleaseLeasesAsync(CancellationToken cancellationToken)
    {
        leases.Clear();
        return Task.CompletedTask;
    }
}
