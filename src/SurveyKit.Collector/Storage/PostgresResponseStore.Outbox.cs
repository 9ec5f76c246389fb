using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using NpgsqlTypes;
using SurveyKit.Collector.Alerts;

namespace SurveyKit.Collector.Storage;

// The alert outbox in PostgreSQL, shared by every collector on the database: a claim takes due rows with
// FOR UPDATE SKIP LOCKED and leases them, so two collectors never attempt one message at the same time, and a message
// whose collector died is due again when its lease ends.
public sealed partial class PostgresResponseStore
{
    private const string OutboxSchema = """

        CREATE TABLE IF NOT EXISTS alert_outbox (
          id text PRIMARY KEY,
          response_id uuid NOT NULL,
          survey text NOT NULL,
          alert text NOT NULL,
          channel text NOT NULL,
          target text NOT NULL,
          payload text NOT NULL,
          created_at timestamptz NOT NULL,
          window_at timestamptz NOT NULL,
          status text NOT NULL DEFAULT 'pending',
          attempts integer NOT NULL DEFAULT 0,
          next_at timestamptz NOT NULL,
          locked_until timestamptz NOT NULL DEFAULT '-infinity',
          claim_id uuid,
          last_error text,
          delivered_at timestamptz
        );
        CREATE INDEX IF NOT EXISTS alert_outbox_due ON alert_outbox (status, next_at);
        ALTER TABLE alert_outbox ADD COLUMN IF NOT EXISTS claim_id uuid;
        """;

    private static async Task InsertAlert(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        OutboxMessage message,
        CancellationToken cancellationToken
    )
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO alert_outbox (id, response_id, survey, alert, channel, target, payload, created_at, window_at, next_at) "
                + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $8) ON CONFLICT (id) DO NOTHING;",
            connection,
            transaction
        );
        command.Parameters.AddWithValue(message.Id);
        command.Parameters.AddWithValue(Guid.Parse(message.ResponseId));
        command.Parameters.AddWithValue(message.Survey);
        command.Parameters.AddWithValue(message.Alert);
        command.Parameters.AddWithValue(message.Channel);
        command.Parameters.AddWithValue(message.Target);
        command.Parameters.AddWithValue(message.Payload);
        command.Parameters.AddWithValue(message.CreatedAt.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ClaimedAlert>> ClaimAlertsAsync(
        int max,
        TimeSpan lease,
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        // The database's clock decides leases, so collectors whose clocks differ never take each other's.
        var claim = Guid.NewGuid();
        await using var command = dataSource.CreateCommand(
            """
            UPDATE alert_outbox SET locked_until = clock_timestamp() + $1, claim_id = $2
            WHERE id IN (
              SELECT id FROM alert_outbox
              WHERE status = 'pending' AND next_at <= clock_timestamp() AND locked_until <= clock_timestamp()
              ORDER BY next_at LIMIT $3
              FOR UPDATE SKIP LOCKED)
            RETURNING id, response_id::text, survey, alert, channel, target, payload, created_at, attempts, window_at;
            """
        );
        command.Parameters.AddWithValue(lease);
        command.Parameters.AddWithValue(claim);
        command.Parameters.AddWithValue(max);
        var claimed = new List<ClaimedAlert>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(
                new ClaimedAlert(
                    new OutboxMessage(
                        reader.GetString(0),
                        reader.GetString(1),
                        reader.GetString(2),
                        reader.GetString(3),
                        reader.GetString(4),
                        reader.GetString(5),
                        reader.GetString(6),
                        reader.GetFieldValue<DateTimeOffset>(7)
                    ),
                    reader.GetInt32(8),
                    reader.GetFieldValue<DateTimeOffset>(9)
                )
                {
                    Claim = claim,
                }
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
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var outcome in outcomes)
        {
            var command = new NpgsqlBatchCommand(
                """
                UPDATE alert_outbox SET status = $2, attempts = attempts + 1, locked_until = '-infinity',
                  next_at = coalesce($3, next_at), last_error = $4,
                  delivered_at = CASE WHEN $2 = 'delivered' THEN $5 ELSE delivered_at END,
                  payload = CASE WHEN $2 = 'delivered' THEN '' ELSE payload END
                WHERE id = $1 AND status = 'pending' AND claim_id = $6;
                """
            );
            command.Parameters.AddWithValue(outcome.Id);
            command.Parameters.AddWithValue(OutboxStatus.Of(outcome));
            command.Parameters.Add(
                new NpgsqlParameter
                {
                    NpgsqlDbType = NpgsqlDbType.TimestampTz,
                    Value = (object?)outcome.NextAttempt?.ToUniversalTime() ?? DBNull.Value,
                }
            );
            command.Parameters.Add(
                new NpgsqlParameter
                {
                    NpgsqlDbType = NpgsqlDbType.Text,
                    Value = (object?)outcome.Error ?? DBNull.Value,
                }
            );
            command.Parameters.AddWithValue(outcome.At.ToUniversalTime());
            command.Parameters.AddWithValue(outcome.Claim);
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<OutboxCounts> CountAlertsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT status, count(*), min(created_at) FROM alert_outbox GROUP BY status;"
        );
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
                    oldest = reader.GetFieldValue<DateTimeOffset>(2);
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
        "id, response_id::text, survey, alert, channel, target, status, attempts, created_at, next_at, delivered_at, last_error";

    public async Task<IReadOnlyList<OutboxEntry>> ListAlertsAsync(
        string? status,
        int limit,
        CancellationToken cancellationToken
    )
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {EntryColumns} FROM alert_outbox WHERE ($1::text IS NULL OR status = $1) ORDER BY created_at DESC, id LIMIT $2;"
        );
        command.Parameters.Add(
            new NpgsqlParameter
            {
                NpgsqlDbType = NpgsqlDbType.Text,
                Value = (object?)status ?? DBNull.Value,
            }
        );
        command.Parameters.AddWithValue(limit);
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
        await using var command = dataSource.CreateCommand(
            $"SELECT {EntryColumns} FROM alert_outbox WHERE survey = $1 ORDER BY created_at, id;"
        );
        command.Parameters.AddWithValue(survey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Entry(reader);
        }
    }

    private static OutboxEntry Entry(NpgsqlDataReader reader)
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
            reader.GetFieldValue<DateTimeOffset>(8),
            state == OutboxStatus.Pending ? reader.GetFieldValue<DateTimeOffset>(9) : null,
            reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
            reader.IsDBNull(11) ? null : reader.GetString(11)
        );
    }

    public async Task<int> RequeueDeadAlertsAsync(
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE alert_outbox SET status = 'pending', attempts = 0, next_at = $1, window_at = $1, locked_until = '-infinity' "
                + "WHERE status IN ('dead', 'gone');"
        );
        command.Parameters.AddWithValue(now.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Other collectors may hold leases on this database: they run out on their own.
    public Task ReleaseLeasesAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
