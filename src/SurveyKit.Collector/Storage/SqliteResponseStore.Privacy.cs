using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace SurveyKit.Collector.Storage;

// Purge and erasure in the SQLite file: one transaction each, so a receipt never describes half a removal.
public sealed partial class SqliteResponseStore
{
    public async Task<PersonalDataRemoved> PurgeAsync(
        string survey,
        DateTimeOffset before,
        Func<string, string> strip,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await Open(cancellationToken);
        await using var transaction = (SqliteTransaction)
            await connection.BeginTransactionAsync(cancellationToken);
        var stamp = before
            .ToUniversalTime()
            .ToString("o", System.Globalization.CultureInfo.InvariantCulture);
        var ids = new List<string>();
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText =
                "SELECT response_id FROM responses WHERE survey = $survey AND received_at < $before;";
            select.Parameters.AddWithValue("$survey", survey);
            select.Parameters.AddWithValue("$before", stamp);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }
        }
        var responses = await StripResponses(
            connection,
            transaction,
            ids,
            strip,
            cancellationToken
        );
        // A mail server's refusal may quote the address: the mail queue's errors go with the invitations' addresses.
        await Execute(
            connection,
            transaction,
            "UPDATE invitation_mails SET error = NULL WHERE error IS NOT NULL AND invitation IN (SELECT id FROM invitations WHERE survey = $survey AND invited_at < $ms);",
            survey,
            before,
            cancellationToken
        );
        var invitations = await Execute(
            connection,
            transaction,
            "UPDATE invitations SET customer = '', email = '' WHERE survey = $survey AND invited_at < $ms AND (customer <> '' OR email <> '');",
            survey,
            before,
            cancellationToken
        );
        var alerts = await Execute(
            connection,
            transaction,
            "UPDATE alert_outbox SET payload = '' WHERE survey = $survey AND created_at < $ms AND payload <> '';",
            survey,
            before,
            cancellationToken
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
        await using var connection = await Open(cancellationToken);
        await using var transaction = (SqliteTransaction)
            await connection.BeginTransactionAsync(cancellationToken);
        var found = new Dictionary<string, string>(StringComparer.Ordinal); // response id -> survey
        await using (var linked = connection.CreateCommand())
        {
            linked.Transaction = transaction;
            linked.CommandText =
                "SELECT r.response_id, r.survey FROM invitations i JOIN responses r ON r.response_id = i.response_id WHERE i.customer = $customer;";
            linked.Parameters.AddWithValue("$customer", customer);
            await using var reader = await linked.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found[reader.GetString(0)] = reader.GetString(1);
            }
        }
        foreach (var (survey, (fields, _)) in surveys)
        {
            foreach (var field in fields)
            {
                await using var carrying = connection.CreateCommand();
                carrying.Transaction = transaction;
                carrying.CommandText =
                    "SELECT response_id FROM responses WHERE survey = $survey AND json_extract(body, $path) = $customer;";
                carrying.Parameters.AddWithValue("$survey", survey);
                carrying.Parameters.AddWithValue("$path", "$.context." + field);
                carrying.Parameters.AddWithValue("$customer", customer);
                await using var reader = await carrying.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    found[reader.GetString(0)] = survey;
                }
            }
        }
        var responses = 0;
        foreach (var group in found.GroupBy(f => f.Value))
        {
            if (surveys.TryGetValue(group.Key, out var survey))
            {
                responses += await StripResponses(
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
            await using var payload = connection.CreateCommand();
            payload.Transaction = transaction;
            payload.CommandText =
                "UPDATE alert_outbox SET payload = '' WHERE response_id = $id AND payload <> '';";
            payload.Parameters.AddWithValue("$id", id);
            alerts += await payload.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var mails = connection.CreateCommand();
        mails.Transaction = transaction;
        mails.CommandText =
            "UPDATE invitation_mails SET error = NULL WHERE error IS NOT NULL AND invitation IN (SELECT id FROM invitations WHERE customer = $customer);";
        mails.Parameters.AddWithValue("$customer", customer);
        await mails.ExecuteNonQueryAsync(cancellationToken);
        await using var invitations = connection.CreateCommand();
        invitations.Transaction = transaction;
        invitations.CommandText =
            "UPDATE invitations SET customer = '', email = '' WHERE customer = $customer;";
        invitations.Parameters.AddWithValue("$customer", customer);
        var erased = await invitations.ExecuteNonQueryAsync(cancellationToken);
        await using var optOut = connection.CreateCommand();
        optOut.Transaction = transaction;
        optOut.CommandText = "UPDATE opt_outs SET customer = $hash WHERE customer = $customer;";
        optOut.Parameters.AddWithValue("$customer", customer);
        optOut.Parameters.AddWithValue("$hash", Invitations.ErasedCustomer.OptOutKey(customer));
        await optOut.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PersonalDataRemoved(responses, erased, alerts);
    }

    private static async Task<int> StripResponses(
        SqliteConnection connection,
        SqliteTransaction transaction,
        IReadOnlyList<string> ids,
        Func<string, string> strip,
        CancellationToken cancellationToken
    )
    {
        var changed = 0;
        await using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT body FROM responses WHERE response_id = $id;";
        var readId = read.Parameters.Add("$id", SqliteType.Text);
        await using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = "UPDATE responses SET body = $body WHERE response_id = $id;";
        var writeId = write.Parameters.Add("$id", SqliteType.Text);
        var body = write.Parameters.Add("$body", SqliteType.Text);
        foreach (var id in ids)
        {
            readId.Value = id;
            if (await read.ExecuteScalarAsync(cancellationToken) is not string stored)
            {
                continue;
            }
            var stripped = strip(stored);
            if (stripped == stored)
            {
                continue;
            }
            writeId.Value = id;
            body.Value = stripped;
            changed += await write.ExecuteNonQueryAsync(cancellationToken);
        }
        return changed;
    }

    private static async Task<int> Execute(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string sql,
        string survey,
        DateTimeOffset before,
        CancellationToken cancellationToken
    )
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$survey", survey);
        command.Parameters.AddWithValue("$ms", before.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
