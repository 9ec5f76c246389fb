using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using SurveyKit.Collector.Invitations;
using SurveyKit.Collector.Storage;

namespace SurveyKit.Collector.Tests.Invitations;

/// <summary>
/// The ledger's mail queue, the same on SQLite and PostgreSQL: queued with the invitations (or reminders) in one
/// transaction, pending until the server accepted it, "in doubt" after an attempt without an outcome, never pending
/// for a customer who opted out or answered; and the page's first opening counted once.
/// </summary>
public sealed class MailQueueTests
{
    [Fact]
    public async Task On_SQLite()
    {
        var folder = Directory.CreateTempSubdirectory("surveykit-mailqueue-").FullName;
        try
        {
            await using var store = IResponseStore.Open(Path.Combine(folder, "r.db"));
            await Exercise(store);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }

    [PostgresFact]
    public async Task On_PostgreSQL()
    {
        await using var database = await PostgresTests.TestDatabase.Create();
        await using var store = IResponseStore.Open(database.ConnectionString);
        await Exercise(store);
    }

    private static Invitation Make(string id, string customer, DateTimeOffset at) =>
        new(
            id,
            "relatie",
            customer,
            customer.ToLowerInvariant() + "@example.com",
            "nl",
            new Dictionary<string, string> { ["segment"] = "b2c" },
            at
        );

    private static async Task Exercise(IResponseStore store)
    {
        await store.InitializeAsync(default);
        var at = DateTimeOffset.UtcNow.AddDays(-10);
        await store.AddInvitationsAsync(
            [
                Make("i1", "C1", at),
                Make("i2", "C2", at),
                Make("i3", "C3", at),
                Make("i4", "C4", at),
            ],
            true,
            default
        );
        await store.AddInvitationsAsync([Make("i5", "C5", at)], false, default); // for a mail-merge tool
        var pending = await store.ReadPendingMailsAsync("relatie", default);
        Assert.Equal(["i1", "i2", "i3", "i4"], pending.Select(p => p.Invitation.Id));
        Assert.All(pending, p => Assert.False(p.InDoubt));
        Assert.Equal("c1@example.com", pending[0].Invitation.Email);
        Assert.Equal("b2c", pending[0].Invitation.Context["segment"]);

        var now = DateTimeOffset.UtcNow;
        await store.RecordMailAsync(
            "i1",
            MailKind.Invitation,
            MailStep.Attempting,
            now,
            null,
            default
        );
        await store.RecordMailAsync("i1", MailKind.Invitation, MailStep.Sent, now, null, default);
        await store.RecordMailAsync(
            "i2",
            MailKind.Invitation,
            MailStep.Attempting,
            now,
            null,
            default
        );
        await store.RecordMailAsync(
            "i3",
            MailKind.Invitation,
            MailStep.Attempting,
            now,
            null,
            default
        );
        await store.RecordMailAsync(
            "i3",
            MailKind.Invitation,
            MailStep.NotTaken,
            now,
            "421",
            default
        );
        await store.OptOutAsync("C4", now, "test", default);
        pending = await store.ReadPendingMailsAsync("relatie", default);
        Assert.Equal(
            [("i2", true), ("i3", false)],
            pending.Select(p => (p.Invitation.Id, p.InDoubt))
        );
        await store.RecordMailAsync(
            "i2",
            MailKind.Invitation,
            MailStep.Failed,
            now,
            "in doubt",
            default
        );
        await store.RecordMailAsync("i3", MailKind.Invitation, MailStep.Sent, now, null, default);
        Assert.Empty(await store.ReadPendingMailsAsync("relatie", default));

        // Reminders: queued with the reminder's record, for the unanswered only.
        await store.StoreAsync(
            new StoredResponse(Guid.NewGuid().ToString(), "relatie", 1, now, "{}")
            {
                InvitationId = "i3",
            },
            default
        );
        var due = await store.ReadUnansweredAsync("relatie", now, default);
        Assert.Equal(["i1", "i2", "i5"], due.Select(i => i.Id));
        await store.MarkRemindedAsync(["i1", "i2"], now, true, default);
        pending = await store.ReadPendingMailsAsync("relatie", default);
        Assert.Equal(
            [("i1", MailKind.Reminder), ("i2", MailKind.Reminder)],
            pending.Select(p => (p.Invitation.Id, p.Kind))
        );

        Assert.True(await store.MarkOpenedAsync("i1", now, default));
        Assert.False(await store.MarkOpenedAsync("i1", now.AddMinutes(1), default));
        var counts = await store.CountInvitationsAsync("relatie", default);
        Assert.Equal(new InvitationCounts(5, 1, 1, 2, 1), counts);
    }
}
