using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace SurveyKit.Collector.Storage;

/// <summary>
/// PostgreSQL, for several collector instances behind one load balancer: each insert commits on its own (durable
/// before the answer), and the primary key makes a second post of a response id a no-op, whichever instance gets it.
/// </summary>
public sealed partial class PostgresResponseStore(string connectionString) : IResponseStore
{
    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);

    public string Kind => "postgresql";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            CREATE TABLE IF NOT EXISTS responses (
              seq bigserial,
              response_id uuid PRIMARY KEY,
              survey text NOT NULL,
              version integer NOT NULL,
              received_at timestamptz NOT NULL,
              body jsonb NOT NULL
            );
            CREATE INDEX IF NOT EXISTS responses_by_survey ON responses (survey, seq);
            """
                + OutboxSchema
                + LedgerSchema
        );
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<StoreOutcome> StoreAsync(
        StoredResponse response,
        CancellationToken cancellationToken
    )
    {
        var id = Guid.Parse(response.ResponseId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // A response and its alerts commit together; without alerts the insert commits on its own, as before.
        await using var transaction =
            response.Alerts.Count > 0 || response.InvitationId is not null
                ? await connection.BeginTransactionAsync(cancellationToken)
                : null;
        if (
            response.InvitationId is { } invitation
            && !await Claim(connection, transaction!, invitation, response, cancellationToken)
        )
        {
            return StoreOutcome.InvitationUsed;
        }
        await using var command = new NpgsqlCommand(
            "INSERT INTO responses (response_id, survey, version, received_at, body) VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT (response_id) DO NOTHING;",
            connection,
            transaction
        );
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(response.Survey);
        command.Parameters.AddWithValue(response.Version);
        command.Parameters.AddWithValue(response.ReceivedAt.ToUniversalTime());
        command.Parameters.AddWithValue(response.Body);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            foreach (var message in response.Alerts)
            {
                await InsertAlert(connection, transaction!, message, cancellationToken);
            }
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            return StoreOutcome.Stored;
        }
        await using var owner = new NpgsqlCommand(
            "SELECT survey FROM responses WHERE response_id = $1;",
            connection,
            transaction
        );
        owner.Parameters.AddWithValue(id);
        var duplicate =
            await owner.ExecuteScalarAsync(cancellationToken) as string == response.Survey;
        if (transaction is not null)
        {
            // A duplicate leaves its invitation claimed by itself; a response id of another survey claims nothing.
            if (duplicate)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                await transaction.RollbackAsync(cancellationToken);
            }
        }
        return duplicate ? StoreOutcome.Duplicate : StoreOutcome.IdTaken;
    }

    public async IAsyncEnumerable<string> ReadAsync(
        string survey,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        // jsonb reorders keys; the text form of the stored document is still one submission per line.
        await using var command = dataSource.CreateCommand(
            "SELECT body::text FROM responses WHERE survey = $1 ORDER BY seq;"
        );
        command.Parameters.AddWithValue(survey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return reader.GetString(0);
        }
    }

    public async Task<long> CountAsync(string? survey, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            survey is null
                ? "SELECT count(*) FROM responses;"
                : "SELECT count(*) FROM responses WHERE survey = $1;"
        );
        if (survey is not null)
        {
            command.Parameters.AddWithValue(survey);
        }
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
