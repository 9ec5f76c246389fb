using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using SurveyKit.Collector.Invitations;

namespace SurveyKit.Collector.Storage;

// The invitation ledger in the SQLite file. A response's claim on its invitation is made by the one writer, in the
// transaction that stores the response.
public sealed partial class SqliteResponseStore
{
    private const string LedgerSchema = """

        CREATE TABLE IF NOT EXISTS invitations (
          id TEXT PRIMARY KEY,
          survey TEXT NOT NULL,
          customer TEXT NOT NULL,
          email TEXT NOT NULL,
          lang TEXT NOT NULL,
          context TEXT NOT NULL,
          invited_at INTEGER NOT NULL,
          responded_at INTEGER,
          reminded_at INTEGER,
          opened_at INTEGER,
          response_id TEXT
        );
        CREATE INDEX IF NOT EXISTS invitations_by_customer ON invitations (customer, invited_at);
        CREATE TABLE IF NOT EXISTS opt_outs (
          customer TEXT PRIMARY KEY,
          at INTEGER NOT NULL,
          source TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS invitation_mails (
          invitation TEXT NOT NULL,
          kind TEXT NOT NULL,
          queued_at INTEGER NOT NULL,
          attempted_at INTEGER,
          sent_at INTEGER,
          failed_at INTEGER,
          error TEXT,
          PRIMARY KEY (invitation, kind)
        );
        """;

    private static SqliteCommand InvitationClaim(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText =
            "UPDATE invitations SET responded_at = $at, response_id = $response "
            + "WHERE id = $id AND survey = $survey AND (response_id IS NULL OR response_id = $response);";
        command.Parameters.Add("$id", SqliteType.Text);
        command.Parameters.Add("$survey", SqliteType.Text);
        command.Parameters.Add("$response", SqliteType.Text);
        command.Parameters.Add("$at", SqliteType.Integer);
        return command;
    }

    private static SqliteCommand InvitationUnclaim(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText =
            "UPDATE invitations SET responded_at = NULL, response_id = NULL WHERE id = $id AND response_id = $response;";
        command.Parameters.Add("$id", SqliteType.Text);
        command.Parameters.Add("$response", SqliteType.Text);
        return command;
    }

    private static async Task<bool> Claim(
        SqliteCommand command,
        string invitation,
        StoredResponse response
    )
    {
        command.Parameters["$id"].Value = invitation;
        command.Parameters["$survey"].Value = response.Survey;
        command.Parameters["$response"].Value = response.ResponseId;
        command.Parameters["$at"].Value = response.ReceivedAt.ToUnixTimeMilliseconds();
        return await command.ExecuteNonQueryAsync() == 1;
    }

    private static Task<int> Unclaim(SqliteCommand command, string invitation, string response)
    {
        command.Parameters["$id"].Value = invitation;
        command.Parameters["$response"].Value = response;
        return command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyDictionary<string, CustomerHistory>> InvitationHistoryAsync(
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT customer, max(invited_at), sum(invited_at > $year), 0 FROM invitations GROUP BY customer
            UNION ALL SELECT customer, NULL, 0, 1 FROM opt_outs;
            """;
        command.Parameters.AddWithValue("$year", now.AddDays(-365).ToUnixTimeMilliseconds());
        var history = new Dictionary<string, CustomerHistory>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var customer = reader.GetString(0);
            var known = history.GetValueOrDefault(customer) ?? new CustomerHistory(null, 0, false);
            history[customer] =
                reader.GetInt32(3) == 1
                    ? known with
                    {
                        OptedOut = true,
                    }
                    : known with
                    {
                        LastInvited = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                        InLastYear = reader.GetInt32(2),
                    };
        }
        return history;
    }

    public async Task AddInvitationsAsync(
        IReadOnlyList<Invitation> invitations,
        bool mail,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await Open(cancellationToken);
        await using var transaction = (SqliteTransaction)
            await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO invitations (id, survey, customer, email, lang, context, invited_at) "
            + "VALUES ($id, $survey, $customer, $email, $lang, $context, $at);";
        foreach (var name in new[] { "$id", "$survey", "$customer", "$email", "$lang", "$context" })
        {
            command.Parameters.Add(name, SqliteType.Text);
        }
        command.Parameters.Add("$at", SqliteType.Integer);
        foreach (var invitation in invitations)
        {
            command.Parameters["$id"].Value = invitation.Id;
            command.Parameters["$survey"].Value = invitation.Survey;
            command.Parameters["$customer"].Value = invitation.Customer;
            command.Parameters["$email"].Value = invitation.Email;
            command.Parameters["$lang"].Value = invitation.Lang;
            command.Parameters["$context"].Value = JsonSerializer.Serialize(
                invitation.Context,
                LedgerJson.Default.IReadOnlyDictionaryStringString
            );
            command.Parameters["$at"].Value = invitation.InvitedAt.ToUnixTimeMilliseconds();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        if (mail)
        {
            await QueueMails(
                transaction,
                invitations.Select(i => i.Id),
                MailKind.Invitation,
                invitations.Count > 0 ? invitations[0].InvitedAt : DateTimeOffset.UtcNow,
                cancellationToken
            );
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task QueueMails(
        SqliteTransaction transaction,
        IEnumerable<string> ids,
        MailKind kind,
        DateTimeOffset at,
        CancellationToken cancellationToken
    )
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO invitation_mails (invitation, kind, queued_at) VALUES ($id, $kind, $at) ON CONFLICT DO NOTHING;";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        command.Parameters.AddWithValue("$kind", MailKinds.Name(kind));
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        foreach (var one in ids)
        {
            id.Value = one;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<PendingMail>> ReadPendingMailsAsync(
        string survey,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT i.id, i.survey, i.customer, i.email, i.lang, i.context, i.invited_at, m.kind, m.attempted_at IS NOT NULL "
            + "FROM invitation_mails m JOIN invitations i ON i.id = m.invitation "
            + "WHERE i.survey = $survey AND m.sent_at IS NULL AND m.failed_at IS NULL AND i.responded_at IS NULL "
            + "AND i.customer <> '' AND i.customer NOT IN (SELECT customer FROM opt_outs) ORDER BY m.queued_at, i.id;";
        command.Parameters.AddWithValue("$survey", survey);
        var found = new List<PendingMail>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(
                new PendingMail(
                    ReadInvitation(reader),
                    MailKinds.Parse(reader.GetString(7)),
                    reader.GetBoolean(8)
                )
            );
        }
        return found;
    }

    public async Task RecordMailAsync(
        string invitation,
        MailKind kind,
        MailStep step,
        DateTimeOffset at,
        string? error,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "UPDATE invitation_mails SET "
            + step switch
            {
                MailStep.Attempting => "attempted_at = $at",
                MailStep.Sent => "sent_at = $at, error = NULL",
                MailStep.NotTaken => "attempted_at = NULL, error = $error",
                _ => "failed_at = $at, error = $error",
            }
            + " WHERE invitation = $id AND kind = $kind;";
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
        command.Parameters.AddWithValue("$id", invitation);
        command.Parameters.AddWithValue("$kind", MailKinds.Name(kind));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> MarkOpenedAsync(
        string id,
        DateTimeOffset at,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "UPDATE invitations SET opened_at = $at WHERE id = $id AND opened_at IS NULL;";
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<Invitation?> FindInvitationAsync(
        string id,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT id, survey, customer, email, lang, context, invited_at FROM invitations WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadInvitation(reader) : null;
    }

    // A row of "SELECT id, survey, customer, email, lang, context, invited_at".
    private static Invitation ReadInvitation(SqliteDataReader reader) =>
        new(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4),
            JsonSerializer.Deserialize(
                reader.GetString(5),
                LedgerJson.Default.IReadOnlyDictionaryStringString
            )!,
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))
        );

    public async Task<bool> OptOutAsync(
        string customer,
        DateTimeOffset at,
        string source,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO opt_outs (customer, at, source) VALUES ($customer, $at, $source) ON CONFLICT (customer) DO NOTHING;";
        command.Parameters.AddWithValue("$customer", customer);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$source", source);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async IAsyncEnumerable<(
        IReadOnlyDictionary<string, string> Context,
        bool Responded
    )> ReadInvitationsAsync(
        string survey,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        await using var connection = await Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT context, responded_at IS NOT NULL FROM invitations WHERE survey = $survey ORDER BY invited_at;";
        command.Parameters.AddWithValue("$survey", survey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return (
                JsonSerializer.Deserialize(
                    reader.GetString(0),
                    LedgerJson.Default.IReadOnlyDictionaryStringString
                )!,
                reader.GetBoolean(1)
            );
        }
    }

    public async Task<IReadOnlyList<Invitation>> ReadUnansweredAsync(
        string survey,
        DateTimeOffset before,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT id, survey, customer, email, lang, context, invited_at FROM invitations "
            + "WHERE survey = $survey AND invited_at < $before AND responded_at IS NULL AND reminded_at IS NULL "
            + "AND customer <> '' AND customer NOT IN (SELECT customer FROM opt_outs) ORDER BY invited_at;";
        command.Parameters.AddWithValue("$survey", survey);
        command.Parameters.AddWithValue("$before", before.ToUnixTimeMilliseconds());
        var found = new List<Invitation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(ReadInvitation(reader));
        }
        return found;
    }

    public async Task MarkRemindedAsync(
        IReadOnlyList<string> ids,
        DateTimeOffset at,
        bool mail,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await Open(cancellationToken);
        await using var transaction = (SqliteTransaction)
            await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE invitations SET reminded_at = $at WHERE id = $id;";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        foreach (var one in ids)
        {
            id.Value = one;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        if (mail)
        {
            await QueueMails(transaction, ids, MailKind.Reminder, at, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<InvitationCounts> CountInvitationsAsync(
        string? survey,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT count(*), count(opened_at), count(responded_at), count(reminded_at), (SELECT count(*) FROM opt_outs o WHERE o.customer IN (SELECT customer FROM invitations i2 WHERE $survey IS NULL OR i2.survey = $survey)) "
            + "FROM invitations WHERE $survey IS NULL OR survey = $survey;";
        command.Parameters.AddWithValue("$survey", (object?)survey ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new InvitationCounts(
            reader.GetInt64(0),
            reader.GetInt64(1),
            reader.GetInt64(2),
            reader.GetInt64(3),
            reader.GetInt64(4)
        );
    }
}
