using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using SurveyKit.Collector.Storage;

namespace SurveyKit.Collector.Tests.Invitations;

/// <summary>
/// surveykit invite: customers.csv checked row by row, personal links signed and recorded in the ledger, and the
/// contact-pressure rule applied across surveys, every skipped customer reported.
/// </summary>
public sealed class InviteCommandTests : IDisposable
{
    private readonly InviteFolder workspace = new();

    private string folder => workspace.Folder;

    public void Dispose() => workspace.Dispose();

    private (int Code, string Output, string Error) Run(params string[] args) =>
        workspace.Run(args);

    private void Prepare() => workspace.Prepare();

    [Fact]
    public void Bad_rows_are_reported_with_their_line_and_the_good_ones_get_signed_links()
    {
        Prepare();
        File.WriteAllText(
            Path.Combine(folder, "customers.csv"),
            "customer,email,lang,segment,account\n"
                + "C1,ann@example.com,nl,b2b,A1\n"
                + "C2,not-an-address,en,b2c,A2\n"
                + "C3,bob@example.com,de,b2c,A3\n"
                + "C4,cas@example.com,en,b2x,A4\n"
                + "C1,ann2@example.com,nl,b2b,A1\n"
                + "C5,dee@example.com,,b2c,\n"
        );
        var (code, output, error) = Run(
            "invite",
            "relatie.survey.yaml",
            "--customers",
            "customers.csv",
            "--key-file",
            "invite.key",
            "--base-url",
            "https://surveys.example.org/",
            "--db",
            "responses.db"
        );
        Assert.True(code == 0, error);
        Assert.Contains(
            "customers.csv(3): 'not-an-address' is not an e-mail address. The row is left out.",
            output,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "customers.csv(4): the language 'de' is not one of the survey's (nl, en). The row is left out.",
            output,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "customers.csv(5): 'b2x' is not a value of segment (b2b, b2c). The row is left out.",
            output,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "customers.csv(6): customer 'C1' is on line 2 already; each customer is invited once. The row is left out.",
            output,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "Invited 2 customers to relatie: invitations.csv has their personal links.",
            output,
            StringComparison.Ordinal
        );
        Assert.Contains("Not invited: 4 with a bad row (above).", output, StringComparison.Ordinal);
        var lines = File.ReadAllLines(Path.Combine(folder, "invitations.csv"));
        Assert.Equal(
            "customer,email,lang,link,opt_out_link,survey,invitation,segment,account",
            lines[0]
        );
        Assert.Equal(3, lines.Length);
        Assert.StartsWith(
            "C1,ann@example.com,nl,https://surveys.example.org/relatie/?t=",
            lines[1],
            StringComparison.Ordinal
        );
        Assert.StartsWith(
            "C5,dee@example.com,nl,https://surveys.example.org/relatie/?t=",
            lines[2],
            StringComparison.Ordinal
        );
        var fields = lines[2].Split(',');
        Assert.Equal(
            "https://surveys.example.org/api/opt-out?t=" + fields[3].Split("?t=")[1],
            fields[4]
        );
        Assert.EndsWith(",relatie," + fields[6] + ",b2c,", lines[2], StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "invitations.csv.partial")));
        var (_, status, _) = Run("invite", "--status", "--db", "responses.db");
        Assert.Equal(
            "All surveys: 2 invited, 0 opened the page (0%), 0 responded (0%), 0 reminded, 0 opted out.",
            status.Trim()
        );
    }

    [Fact]
    public async Task Contact_pressure_applies_across_surveys_and_opted_out_customers_are_skipped()
    {
        Prepare();
        File.Copy(
            Path.Combine(
                AppContext.BaseDirectory,
                "TestData",
                "examples",
                "bezorging",
                "bezorging.survey.yaml"
            ),
            Path.Combine(folder, "bezorging.survey.yaml")
        );
        File.WriteAllText(
            Path.Combine(folder, "surveykit.json"),
            "{\"contactPressure\": {\"minDaysBetween\": 30, \"maxPerYear\": 2}}"
        );
        File.WriteAllText(
            Path.Combine(folder, "first.csv"),
            "customer,email\nC1,a@example.com\nC2,b@example.com\n"
        );
        File.WriteAllText(
            Path.Combine(folder, "second.csv"),
            "customer,email,lang\nC1,a@example.com,en\nC2,b@example.com,en\nC3,c@example.com,en\nC4,d@example.com,en\n"
        );
        Assert.Equal(
            0,
            Run(
                "invite",
                "relatie.survey.yaml",
                "--customers",
                "first.csv",
                "--key-file",
                "invite.key",
                "--base-url",
                "https://s.example.org",
                "--out",
                "first-links.csv"
            ).Code
        );
        await using (var store = IResponseStore.Open(Path.Combine(folder, "responses.db")))
        {
            await store.InitializeAsync(default);
            Assert.True(await store.OptOutAsync("C4", DateTimeOffset.UtcNow, "test", default));
            // C3 was invited twice last year, long enough ago for the 30 days but not for the yearly maximum.
            await store.AddInvitationsAsync(
                [
                    new(
                        "old1",
                        "relatie",
                        "C3",
                        "c@example.com",
                        "nl",
                        new System.Collections.Generic.Dictionary<string, string>(),
                        DateTimeOffset.UtcNow.AddDays(-200)
                    ),
                    new(
                        "old2",
                        "relatie",
                        "C3",
                        "c@example.com",
                        "nl",
                        new System.Collections.Generic.Dictionary<string, string>(),
                        DateTimeOffset.UtcNow.AddDays(-100)
                    ),
                ],
                false,
                default
            );
        }
        var (code, output, _) = Run(
            "invite",
            "bezorging.survey.yaml",
            "--customers",
            "second.csv",
            "--key-file",
            "invite.key",
            "--base-url",
            "https://s.example.org",
            "--out",
            "second-links.csv"
        );
        Assert.Equal(0, code);
        Assert.Contains(
            "Invited nobody to bezorging: second-links.csv has only its header.",
            output,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "Not invited: 2 invited too recently, 1 invited too often, 1 opted out.",
            output,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "second.csv(2): C1: invited too recently: 0 days ago, and contactPressure.minDaysBetween is 30",
            output,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "second.csv(4): C3: invited too often: 2 times in the last year, and contactPressure.maxPerYear is 2",
            output,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "second.csv(5): C4: opted out: they asked not to be invited again",
            output,
            StringComparison.Ordinal
        );
        Assert.Single(File.ReadAllLines(Path.Combine(folder, "second-links.csv")));
    }

    [Fact]
    public void Missing_inputs_and_a_bad_key_are_one_sentence_each()
    {
        Prepare();
        var (code, _, error) = Run(
            "invite",
            "relatie.survey.yaml",
            "--base-url",
            "https://s.example.org"
        );
        Assert.Equal(2, code);
        Assert.StartsWith(
            "surveykit invite: needs --customers, --key-file.",
            error,
            StringComparison.Ordinal
        );
        File.WriteAllText(Path.Combine(folder, "bad.key"), "not a key");
        File.WriteAllText(Path.Combine(folder, "c.csv"), "customer,email\nC1,a@example.com\n");
        var (badCode, _, bad) = Run(
            "invite",
            "relatie.survey.yaml",
            "--customers",
            "c.csv",
            "--key-file",
            "bad.key",
            "--base-url",
            "https://s.example.org"
        );
        Assert.Equal(1, badCode);
        Assert.Equal(
            "surveykit invite: the invitation key file 'bad.key' must hold skinv_ and 32 random bytes in base64 (surveykit invite --new-key writes one).",
            bad.Trim()
        );
        Assert.False(File.Exists(Path.Combine(folder, "responses.db")));
        var (again, _, exists) = Run("invite", "--new-key", "invite.key");
        Assert.Equal(1, again);
        Assert.Contains("exists", exists, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminders_go_once_to_the_unanswered_with_the_same_link_and_never_to_who_opted_out()
    {
        Prepare();
        File.WriteAllText(
            Path.Combine(folder, "c.csv"),
            "customer,email,segment\nC1,a@example.com,b2c\nC2,b@example.com,b2c\nC3,c@example.com,b2c\n"
        );
        Assert.Equal(
            0,
            Run(
                "invite",
                "relatie.survey.yaml",
                "--customers",
                "c.csv",
                "--key-file",
                "invite.key",
                "--base-url",
                "https://s.example.org"
            ).Code
        );
        var links = File.ReadAllLines(Path.Combine(folder, "invitations.csv"))
            .Skip(1)
            .Select(l => l.Split(','))
            .ToList();
        await using (var store = IResponseStore.Open(Path.Combine(folder, "responses.db")))
        {
            await store.InitializeAsync(default);
            await store.OptOutAsync("C3", DateTimeOffset.UtcNow, "test", default);
            var c2 = links.Single(l => l[0] == "C2")[6];
            Assert.Equal(
                StoreOutcome.Stored,
                await store.StoreAsync(
                    new StoredResponse(
                        Guid.NewGuid().ToString(),
                        "relatie",
                        1,
                        DateTimeOffset.UtcNow,
                        "{}"
                    )
                    {
                        InvitationId = c2,
                    },
                    default
                )
            );
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await Task.Delay(20);
        var (code, output, error) = Run(
            "invite",
            "relatie.survey.yaml",
            "--reminders",
            "--after",
            "0",
            "--key-file",
            "invite.key",
            "--base-url",
            "https://s.example.org"
        );
        Assert.True(code == 0, error);
        Assert.Contains(
            "Reminders for 1 invitation to relatie unanswered for 0 days: reminders.csv has their links",
            output,
            StringComparison.Ordinal
        );
        var reminder = File.ReadAllLines(Path.Combine(folder, "reminders.csv"))
            .Skip(1)
            .Single()
            .Split(',');
        Assert.Equal("C1", reminder[0]);
        Assert.Equal(links.Single(l => l[0] == "C1")[3], reminder[3]);
        var (_, again, _) = Run(
            "invite",
            "relatie.survey.yaml",
            "--reminders",
            "--after",
            "0",
            "--key-file",
            "invite.key",
            "--base-url",
            "https://s.example.org"
        );
        Assert.Contains(
            "No invitation to relatie is waiting for a reminder",
            again,
            StringComparison.Ordinal
        );
    }
}
