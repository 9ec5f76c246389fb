using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SurveyKit.Collector.Invitations;
using SurveyKit.Collector.Privacy;
using SurveyKit.Collector.Storage;
using SurveyKit.Collector.Tests.Alerts;
using SurveyKit.Collector.Tests.Invitations;
using SurveyKit.Submissions.Invitations;

namespace SurveyKit.Collector.Tests.Privacy;

/// <summary>
/// Erasure and retention: after <c>surveykit erase</c> nothing of the person remains in any table or export; a purge
/// removes the personal fields past a survey's retention and keeps the anonymous answers.
/// </summary>
public sealed class PrivacyTests
{
    [Fact]
    public async Task After_an_erasure_nothing_of_the_customer_remains_in_any_table_or_export()
    {
        await using var harness = await AlertHarness.Start([
            .. Collector.Examples(),
            InvitationTestSurveys.Load(),
        ]);
        var store = harness.Collector.App.Services.GetRequiredService<IResponseStore>();
        // Through an invitation (the ledger knows the customer), and with the id in a personal context field.
        var invitation = InvitationToken.NewId();
        await store.AddInvitationsAsync(
            [
                new Invitation(
                    invitation,
                    "klantloyaliteit",
                    "C100",
                    "ledger@example.com",
                    "nl",
                    new Dictionary<string, string>(),
                    DateTimeOffset.UtcNow
                ),
            ],
            true,
            default
        );
        // A mail server's refusal that quotes the address, as Postfix's do.
        await store.RecordMailAsync(
            invitation,
            MailKind.Invitation,
            MailStep.Failed,
            DateTimeOffset.UtcNow,
            "550 5.1.1 <ledger@example.com>: Recipient address rejected",
            default
        );
        await store.OptOutAsync("C100", DateTimeOffset.UtcNow, "test", default);
        await harness.Post(
            AlertHarness.Klantloyaliteit(
                Guid.NewGuid().ToString(),
                2,
                consent: true,
                email: "c42@example.com"
            )
        ); // another customer (C42): kept
        await harness.Post(
            AlertHarness
                .Klantloyaliteit(
                    Guid.NewGuid().ToString(),
                    3,
                    consent: true,
                    email: "c100@example.com"
                )
                .Replace("\"customer\":\"C42\"", "\"customer\":\"C100\"", StringComparison.Ordinal)
        );
        await harness.Smtp.Until(2, TimeSpan.FromSeconds(15));
        Assert.Contains(Rows(harness), r => r.Contains("C100", StringComparison.Ordinal));

        var removed = await Retention.Erase(store, "C100", Collector.Examples(), default);
        Assert.Equal(1, removed.Invitations);
        Assert.Equal(1, removed.Responses);

        // The response that carried the id is anonymous now; the other one (customer C42) keeps its own data.
        var left = Rows(harness)
            .Where(r =>
                r.Contains("C100", StringComparison.Ordinal)
                || r.Contains("ledger@example.com", StringComparison.Ordinal)
            )
            .ToList();
        Assert.True(left.Count == 0, string.Join("\n", left));
        var export = string.Join(
            "\n",
            await harness.Collector.Export("klantloyaliteit", "jsonl", personal: true)
        );
        Assert.DoesNotContain("C100", export, StringComparison.Ordinal);
        Assert.Contains("C42", export, StringComparison.Ordinal);
        // Still not invited again: the opt-out is kept as a hash.
        var history = await store.InvitationHistoryAsync(DateTimeOffset.UtcNow, default);
        Assert.True(history.ContainsKey(ErasedCustomer.OptOutKey("C100")));
    }

    [Fact]
    public async Task A_purge_removes_personal_fields_past_the_retention_and_keeps_the_answers()
    {
        var survey = TestSurveys.Load(
            TestSurveys.Hostile.Replace(
                "alerts:",
                "privacy:\n  retention_days: 30\nalerts:",
                StringComparison.Ordinal
            )
        );
        await using var harness = await AlertHarness.Start([survey]);
        var store = harness.Collector.App.Services.GetRequiredService<IResponseStore>();
        await harness.Post(
            "{\"responseId\":\""
                + Guid.NewGuid()
                + "\",\"survey\":\"hostile\",\"version\":1,\"lang\":\"en\","
                + "\"context\":{\"customer\":\"C77\"},\"answers\":{\"recommend\":2,\"contact_ok\":true,\"email\":\"ann@example.com\"}}"
        );
        await harness.Receiver.Until(
            r => r.Deliveries.Count == 1,
            TimeSpan.FromSeconds(15),
            "the alert"
        );
        Assert.Null(
            await Retention.Purge(store, Collector.Examples()[0], DateTimeOffset.UtcNow, default)
        );
        var early = await Retention.Purge(store, survey, DateTimeOffset.UtcNow, default);
        Assert.Equal(new PersonalDataRemoved(0, 0, 0), early);
        var late = await Retention.Purge(store, survey, DateTimeOffset.UtcNow.AddDays(31), default);
        Assert.Equal(1, late!.Responses);
        var stored = Assert.Single(
            await harness.Collector.Export("hostile", "jsonl", personal: true)
        );
        Assert.DoesNotContain("ann@example.com", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("C77", stored, StringComparison.Ordinal);
        Assert.Contains("\"recommend\":2", stored, StringComparison.Ordinal);
        Assert.Equal(
            new PersonalDataRemoved(0, 0, 0),
            await Retention.Purge(store, survey, DateTimeOffset.UtcNow.AddDays(31), default)
        );
    }

    [Fact]
    public async Task The_commands_print_a_receipt_and_say_which_surveys_keep_their_data()
    {
        var folder = Directory.CreateTempSubdirectory("surveykit-privacy-").FullName;
        var survey = Path.Combine(folder, "hostile.survey.yaml");
        File.WriteAllText(
            survey,
            TestSurveys.Hostile.Replace(
                "alerts:",
                "privacy:\n  retention_days: 30\nalerts:",
                StringComparison.Ordinal
            )
        );
        var bezorging = Path.Combine(
            AppContext.BaseDirectory,
            "TestData",
            "examples",
            "bezorging",
            "bezorging.survey.yaml"
        );
        await using (
            var collector = await Collector.Start(
                o => o with { Surveys = [TestSurveys.Load(File.ReadAllText(survey))] },
                Path.Combine(folder, "r.db")
            )
        )
        {
            await collector.PostJson(
                "{\"responseId\":\""
                    + Guid.NewGuid()
                    + "\",\"survey\":\"hostile\",\"version\":1,\"lang\":\"en\","
                    + "\"context\":{\"customer\":\"C77\"},\"answers\":{\"recommend\":5}}"
            );
        }
        SqliteConnection.ClearAllPools();
        (int, string) Run(params string[] args)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = Cli.SurveyKitCommand.Run(args, new Cli.CliContext(output, error, folder));
            return (code, output.ToString() + error.ToString());
        }
        var (purged, purge) = Run(
            "purge",
            "--db",
            "r.db",
            "--survey",
            "hostile.survey.yaml",
            "--survey",
            bezorging
        );
        Assert.Equal(0, purged);
        Assert.Contains(
            "hostile: personal data older than 30 days (before ",
            purge,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "removed from 0 responses, 0 invitations and 0 alert deliveries.",
            purge,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "bezorging: no privacy.retention_days, so its personal data is kept until erased.",
            purge,
            StringComparison.Ordinal
        );
        var (erased, erase) = Run(
            "erase",
            "--customer",
            "C77",
            "--db",
            "r.db",
            "--survey",
            "hostile.survey.yaml"
        );
        Assert.Equal(0, erased);
        Assert.Equal(
            "Erased the personal data of customer C77:\n"
                + "  responses: 1 (e-mail answers and personal context fields removed; the anonymous answers kept)\n"
                + "  invitations: 0 (customer id and address removed; the dates kept for response rates)\n"
                + "  alert deliveries: 0 (their payloads removed)\n"
                + "  opt-out: kept as a one-way hash of the id, so they are not invited again.\n",
            erase.Replace("\r\n", "\n", StringComparison.Ordinal)
        );
        var (missing, said) = Run(
            "erase",
            "--customer",
            "C77",
            "--db",
            "nope.db",
            "--survey",
            "hostile.survey.yaml"
        );
        Assert.Equal(1, missing);
        Assert.Contains("the database 'nope.db' does not exist.", said, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, true);
    }

    // Every column of every row of every table, as text.
    private static List<string> Rows(AlertHarness harness)
    {
        var rows = new List<string>();
        using var connection = new SqliteConnection(
            "Data Source=" + Path.Combine(harness.Collector.Folder, "responses.db")
        );
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table';";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }
        Assert.Contains("opt_outs", tables);
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\";";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(
                    table
                        + ": "
                        + string.Join(
                            " | ",
                            Enumerable
                                .Range(0, reader.FieldCount)
                                .Select(i =>
                                    reader.IsDBNull(i)
                                        ? ""
                                        : Convert.ToString(
                                            reader.GetValue(i),
                                            System.Globalization.CultureInfo.InvariantCulture
                                        )
                                )
                        )
                );
            }
        }
        return rows;
    }
}

/// <summary>A consent answer is stored with what was agreed to: the language, the version and a hash of the text shown.</summary>
public sealed class ConsentFingerprintTests
{
    [Fact]
    public async Task A_stored_consent_carries_the_fingerprint_of_the_text_shown()
    {
        await using var collector = await Collector.Start();
        await collector.PostJson(
            AlertHarness.Klantloyaliteit(Guid.NewGuid().ToString(), 9, consent: true)
        );
        var stored = System
            .Text.Json.JsonDocument.Parse(Assert.Single(await collector.Export("klantloyaliteit")))
            .RootElement;
        var consent = stored.GetProperty("consent").GetProperty("contact_ok");
        Assert.Equal("nl", consent.GetProperty("lang").GetString());
        Assert.Equal(1, consent.GetProperty("version").GetInt32());
        // The Dutch question and help as the example file writes them.
        var shown =
            "Mogen we contact met u opnemen over uw antwoorden?\nWe gebruiken uw gegevens **alleen** om op deze enquête te reageren.";
        Assert.Equal(
            Convert.ToHexStringLower(
                System.Security.Cryptography.SHA256.HashData(
                    System.Text.Encoding.UTF8.GetBytes(shown)
                )
            ),
            consent.GetProperty("text_sha256").GetString()
        );
        // Readers of submissions skip it: the analysis reads the export as before.
        var read = SurveyKit.Submissions.SubmissionJson.Read(
            System.Text.Encoding.UTF8.GetBytes(stored.GetRawText())
        );
        Assert.Empty(read.Errors);
    }
}
