using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using NpgsqlTypes;
using SurveyKit.Collector.Invitations;

namespace SurveyKit.Collector.Storage;

// The invitation ledger in PostgreSQL, shared by every collector: the claim is an UPDATE in the response's transaction,
// so two collectors receiving answers to one invitation store one of them.
public sealed partial class PostgresResponseStore
{
    private const string LedgerSchema = """

        CREATE TABLE IF NOT EXISTS invitations (
          id text PRIMARY KEY,
          survey text NOT NULL,
          customer text NOT NULL,
          email text NOT NULL,
          lang text NOT NULL,
          context jsonb NOT NULL,
          invited_at timestamptz NOT NULL,
          responded_at timestamptz,
          reminded_at timestamptz,
          response_id uuid
        );
        CREATE INDEX IF NOT EXISTS invitations_by_customer ON invitations (customer, invited_at);
        ALTER TABLE invitations ADD COLUMN IF NOT EXISTS reminded_at timestamptz;
        ALTER TABLE invitations ADD COLUMN IF NOT EXISTS opened_at timestamptz;
        CREATE TABLE IF NOT EXISTS opt_outs (
          customer text PRIMARY KEY,
          at timestamptz NOT NULL,
          source text NOT NULL
        );
        CREATE TABLE IF NOT EXISTS invitation_mails (
          invitation text NOT NULL,
          kind text NOT NULL,
          queued_at timestamptz NOT NULL,
          attempted_at timestamptz,
          sent_at timestamptz,
          failed_at timestamptz,
          error text,
          PRIMARY KEY (invitation, kind)
        );
        """;

    private static async Task<bool> Claim(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string invitation,
        StoredResponse response,
        CancellationToken cancellationToken
    )
    {
        await using var command = new NpgsqlCommand(
            "UPDATE invitations SET responded_at = $1, response_id = $2 "
                + "WHERE id = $3 AND survey = $4 AND (response_id IS NULL OR response_id = $2);",
            connection,
            transaction
        );
        command.Parameters.AddWithValue(response.ReceivedAt.ToUniversalTime());
        command.Parameters.AddWithValue(Guid.Parse(response.ResponseId));
        command.Parameters.AddWithValue(invitation);
        command.Parameters.AddWithValue(response.Survey);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyDictionary<string, CustomerHistory>> InvitationHistoryAsync(
        DateTimeOffset now,
        CancellationToken cancellationToken
    )
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT customer, max(invited_at), count(*) FILTER (WHERE invited_at > $1)::int, false FROM invitations GROUP BY customer
            UNION ALL SELECT customer, NULL, 0, true FROM opt_outs;
            """
        );
        command.Parameters.AddWithValue(now.AddDays(-365).ToUniversalTime());
        var history = new Dictionary<string, CustomerHistory>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var customer = reader.GetString(0);
            var known = history.GetValueOrDefault(customer) ?? new CustomerHistory(null, 0, false);
            history[customer] = reader.GetBoolean(3)
                ? known with
                {
                    OptedOut = true,
                }
                : known with
                {
                    LastInvited = reader.GetFieldValue<DateTimeOffset>(1),
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
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var invitation in invitations)
        {
            await using var command = new NpgsqlCommand(
                "INSERT INTO invitations (id, survey, customer, email, lang, context, invited_at) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7);",
                connection,
                transaction
            );
            command.Parameters.AddWithValue(invitation.Id);
            command.Parameters.AddWithValue(invitation.Survey);
            command.Parameters.AddWithValue(invitation.Customer);
            command.Parameters.AddWithValue(invitation.Email);
            command.Parameters.AddWithValue(invitation.Lang);
            command.Parameters.AddWithValue(
                JsonSerializer.Serialize(
                    invitation.Context,
                    LedgerJson.Default.IReadOnlyDictionaryStringString
                )
            );
            command.Parameters.AddWithValue(invitation.InvitedAt.ToUniversalTime());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        if (mail)
        {
            await QueueMails(
                connection,
                transaction,
                invitations.Select(i => i.Id).ToArray(),
                MailKind.Invitation,
                invitations.Count > 0 ? invitations[0].InvitedAt : DateTimeOffset.UtcNow,
                cancellationToken
            );
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task QueueMails(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string[] ids,
        MailKind kind,
        DateTimeOffset at,
        CancellationToken cancellationToken
    )
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO invitation_mails (invitation, kind, queued_at) SELECT unnest($1::text[]), $2, $3 ON CONFLICT DO NOTHING;",
            connection,
            transaction
        );
        command.Parameters.AddWithValue(ids);
        command.Parameters.AddWithValue(MailKinds.Name(kind));
        command.Parameters.AddWithValue(at.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PendingMail>> ReadPendingMailsAsync(
        string survey,
        CancellationToken cancellationToken
    )
    {
        await using var command = dataSource.CreateCommand(
            "SELECT i.id, i.survey, i.customer, i.email, i.lang, i.context::text, i.invited_at, m.kind, m.attempted_at IS NOT NULL "
                + "FROM invitation_mails m JOIN invitations i ON i.id = m.invitation "
                + "WHERE i.survey = $1 AND m.sent_at IS NULL AND m.failed_at IS NULL AND i.responded_at IS NULL "
                + "AND i.customer <> '' AND i.customer NOT IN (SELECT customer FROM opt_outs) ORDER BY m.queued_at, i.id;"
        );
        command.Parameters.AddWithValue(survey);
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
        // Each step uses some of the parameters; all are typed, so PostgreSQL accepts the ones a step leaves out.
        await using var command = dataSource.CreateCommand(
            "UPDATE invitation_mails SET "
                + step switch
                {
                    MailStep.Attempting => "attempted_at = $1",
                    MailStep.Sent => "sent_at = $1, error = NULL",
                    MailStep.NotTaken => "attempted_at = NULL, error = $2",
                    _ => "failed_at = $1, error = $2",
                }
                + " WHERE invitation = $3 AND kind = $4;"
        );
        command.Parameters.Add(
            new NpgsqlParameter
            {
                NpgsqlDbType = NpgsqlDbType.TimestampTz,
                Value = at.ToUniversalTime(),
            }
        );
        command.Parameters.Add(
            new NpgsqlParameter
            {
                NpgsqlDbType = NpgsqlDbType.Text,
                Value = (object?)error ?? DBNull.Value,
            }
        );
        command.Parameters.AddWithValue(invitation);
        command.Parameters.AddWithValue(MailKinds.Name(kind));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> MarkOpenedAsync(
        string id,
        DateTimeOffset at,
        CancellationToken cancellationToken
    )
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE invitations SET opened_at = $1 WHERE id = $2 AND opened_at IS NULL;"
        );
        command.Parameters.AddWithValue(at.ToUniversalTime());
        command.Parameters.AddWithValue(id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<Invitation?> FindInvitationAsync(
        string id,
        CancellationToken cancellationToken
    )
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, survey, customer, email, lang, context::text, invited_at FROM invitations WHERE id = $1;"
        );
        command.Parameters.AddWithValue(id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadInvitation(reader) : null;
    }

    // A row of "SELECT id, survey, customer, email, lang, context::text, invited_at".
    private static Invitation ReadInvitation(NpgsqlDataReader reader) =>
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
            reader.GetFieldValue<DateTimeOffset>(6)
        );

    public async Task<bool> OptOutAsync(
        string customer,
        DateTimeOffset at,
        string source,
        CancellationToken cancellationToken
    )
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO opt_outs (customer, at, source) VALUES ($1, $2, $3) ON CONFLICT (customer) DO NOTHING;"
        );
        command.Parameters.AddWithValue(customer);
        command.Parameters.AddWithValue(at.ToUniversalTime());
        command.Parameters.AddWithValue(source);
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
        await using var command = dataSource.CreateCommand(
            "SELECT context::text, responded_at IS NOT NULL FROM invitations WHERE survey = $1 ORDER BY invited_at;"
        );
        command.Parameters.AddWithValue(survey);
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
        await using var command = dataSource.CreateCommand(
            "SELECT id, survey, customer, email, lang, context::text, invited_at FROM invitations "
                + "WHERE survey = $1 AND invited_at < $2 AND responded_at IS NULL AND reminded_at IS NULL "
                + "AND customer <> '' AND customer NOT IN (SELECT customer FROM opt_outs) ORDER BY invited_at;"
        );
        command.Parameters.AddWithValue(survey);
        command.Parameters.AddWithValue(before.ToUniversalTime());
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
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (
            var command = new NpgsqlCommand(
                "UPDATE invitations SET reminded_at = $1 WHERE id = ANY($2);",
                connection,
                transaction
            )
        )
        {
            command.Parameters.AddWithValue(at.ToUniversalTime());
            command.Parameters.AddWithValue(ids.ToArray());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        if (mail)
        {
            await QueueMails(
                connection,
                transaction,
                ids.ToArray(),
                MailKind.Reminder,
                at,
                cancellationToken
            );
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<InvitationCounts> CountInvitationsAsync(
        string? survey,
        CancellationToken cancellationToken
    )
    {
        await using var command = dataSource.CreateCommand(
            "SELECT count(*), count(opened_at), count(responded_at), count(reminded_at), (SELECT count(*) FROM opt_outs o WHERE o.customer IN "
                + "(SELECT customer FROM invitations i2 WHERE $1::text IS NULL OR i2.survey = $1)) "
                + "FROM invitations WHERE $1::text IS NULL OR survey = $1;"
        );
        command.Parameters.Add(
            new NpgsqlParameter
            {
                NpgsqlDbType = NpgsqlDbType.Text,
                Value = (object?)survey ?? DBNull.Value,
            }
        );
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
