using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace SurveyKit.Collector.Storage;

// Purge and erasure in PostgreSQL: one transaction each, so a receipt never describes half a removal.
public sealed partial class PostgresResponseStore
{
    public async Task<PersonalDataRemoved> PurgeAsync(
        string survey,
        DateTimeOffset before,
        Func<string, string> strip,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ids = new List<Guid>();
        await using (
            var select = new NpgsqlCommand(
                "SELECT response_id FROM responses WHERE survey = $1 AND received_at < $2;",
                connection,
                transaction
            )
        )
        {
            select.Parameters.AddWithValue(survey);
            select.Parameters.AddWithValue(before.ToUniversalTime());
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetGuid(0));
            }
        }
        var responses = await Strip(connection, transaction, ids, strip, cancellationToken);
        // A mail server's refusal may quote the address: the mail queue's errors go with the invitations' addresses.
        await Execute(
            connection,
            transaction,
            "UPDATE invitation_mails SET error = NULL WHERE error IS NOT NULL AND invitation IN (SELECT id FROM invitations WHERE survey = $1 AND invited_at < $2);",
            cancellationToken,
            survey,
            before.ToUniversalTime()
        );
        var invitations = await Execute(
            connection,
            transaction,
            "UPDATE invitations SET customer = '', email = '' WHERE survey = $1 AND invited_at < $2 AND (customer <> '' OR email <> '');",
            cancellationToken,
            survey,
            before.ToUniversalTime()
        );
        var alerts = await Execute(
            connection,
            transaction,
            "UPDATE alert_outbox SET payload = '' WHERE survey = $1 AND created_at < $2 AND payload <> '';",
            cancellationToken,
            survey,
            before.ToUniversalTime()
        );
        await transaction.CommitAsync(cancellationToken);
        return new PersonalDataRemoved(responses, invitations, alerts);
    }

    public async Task<PersonalDataRemoved> EraseAsync(
        string customer,
        IReadOnlyDictionary<
            string,
            (IReadOnlyList<string> Fields, Func<string, string> Strip)
        > surveys,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var found = new Dictionary<Guid, string>();
        async Task Collect(string sql, params object[] parameters)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            foreach (var parameter in parameters)
            {
                command.Parameters.AddWithValue(parameter);
            }
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found[reader.GetGuid(0)] = reader.GetString(1);
            }
        }
        await Collect(
            "SELECT r.response_id, r.survey FROM invitations i JOIN responses r ON r.response_id = i.response_id WHERE i.customer = $1;",
            customer
        );
        foreach (var (survey, (fields, _)) in surveys)
        {
            foreach (var field in fields)
            {
                await Collect(
                    "SELECT response_id, survey FROM responses WHERE survey = $1 AND body->'context'->>$2 = $3;",
                    survey,
                    field,
                    customer
                );
            }
        }
        var responses = 0;
        foreach (var group in found.GroupBy(f => f.Value))
        {
            if (surveys.TryGetValue(group.Key, out var survey))
            {
                responses += await Strip(
                    connection,
                    transaction,
                    group.Select(g => g.Key).ToList(),
                    survey.Strip,
                    cancellationToken
                );
            }
        }
        var alerts = 0;
        foreach (var id in found.Keys)
        {
            alerts += await Execute(
                connection,
                transaction,
                "UPDATE alert_outbox SET payload = '' WHERE response_id = $1 AND payload <> '';",
                cancellationToken,
                id
            );
        }
        await Execute(
            connection,
            transaction,
            "UPDATE invitation_mails SET error = NULL WHERE error IS NOT NULL AND invitation IN (SELECT id FROM invitations WHERE customer = $1);",
            cancellationToken,
            customer
        );
        var erased = await Execute(
            connection,
            transaction,
            "UPDATE invitations SET customer = '', email = '' WHERE customer = $1;",
            cancellationToken,
            customer
        );
        await Execute(
            connection,
            transaction,
            "UPDATE opt_outs SET customer = $2 WHERE customer = $1;",
            cancellationToken,
            customer,
            Invitations.ErasedCustomer.OptOutKey(customer)
        );
        await transaction.CommitAsync(cancellationToken);
        return new PersonalDataRemoved(responses, erased, alerts);
    }

    private static async Task<int> Strip(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        IReadOnlyList<Guid> ids,
        Func<string, string> strip,
        CancellationToken cancellationToken
    )
    {
        var changed = 0;
        foreach (var id in ids)
        {
            await using var read = new NpgsqlCommand(
                "SELECT body::text FROM responses WHERE response_id = $1;",
                connection,
                transaction
            );
            read.Parameters.AddWithValue(id);
            if (await read.ExecuteScalarAsync(cancellationToken) is not string stored)
            {
                continue;
            }
            var stripped = strip(stored);
            if (stripped == stored)
            {
                continue;
            }
            changed += await Execute(
                connection,
                transaction,
                "UPDATE responses SET body = $2::jsonb WHERE response_id = $1;",
                cancellationToken,
                id,
                stripped
            );
        }
        return changed;
    }

    private static async Task<int> Execute(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string sql,
        CancellationToken cancellationToken,
        params object[] parameters
    )
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
