using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using SurveyKit.Collector.Alerts;
using SurveyKit.Collector.Storage;

namespace SurveyKit.Collector.Tests.Alerts;

/// <summary>
/// alerts.json: secrets and logins only in files, every target a survey names present, and one sentence for each
/// mistake; the SMTP login from its files reaches a real server that requires it.
/// </summary>
public sealed class AlertConfigTests : IDisposable
{
    private readonly string folder = Directory
        .CreateTempSubdirectory("surveykit-alerts-config-")
        .FullName;

    public AlertConfigTests()
    {
        File.WriteAllText(Path.Combine(folder, "cx-hook.secret"), AlertHarness.Secret + "\n");
        File.WriteAllText(Path.Combine(folder, "smtp.user"), "mailer\n");
        File.WriteAllText(Path.Combine(folder, "smtp.password"), "s3cret pass\n");
    }

    public void Dispose() => Directory.Delete(folder, true);

    private AlertsConfig? Load(string json, out string? problem)
    {
        var path = Path.Combine(folder, "alerts.json");
        File.WriteAllText(path, json);
        return AlertsConfig.Load(path, Collector.Examples(), p => Path.GetFileName(p), out problem);
    }

    private const string Smtp =
        "\"smtp\":{\"host\":\"127.0.0.1\",\"port\":2525,\"from\":\"cx@example.org\",\"security\":\"none\"}";

    [Fact]
    public void A_complete_config_reads_its_secret_and_login_from_files()
    {
        var config = Load(
            "{\"webhooks\":{\"cx-hook\":{\"url\":\"https://hooks.example.org/cx\",\"secretFile\":\"cx-hook.secret\"}},"
                + "\"smtp\":{\"host\":\"mail.example.org\",\"port\":587,\"from\":\"cx@example.org\",\"userFile\":\"smtp.user\",\"passwordFile\":\"smtp.password\"}}",
            out var problem
        );
        Assert.Null(problem);
        Assert.Equal(32, config!.Webhooks["cx-hook"].Secret.Length);
        Assert.Equal("mailer", config.Smtp!.User);
        Assert.Equal("s3cret pass", config.Smtp.Password);
        Assert.Equal("starttls", config.Smtp.Security);
    }

    [Theory]
    [InlineData(
        "{\"webhooks\":{}," + Smtp + "}",
        "sends alert 'detractor' to the webhook 'cx-hook', which alerts.json does not name (it names no webhooks)."
    )]
    [InlineData(
        "{\"webhooks\":{\"cx-hook\":{\"url\":\"https://h.example.org\",\"secretFile\":\"missing.secret\"}},"
            + Smtp
            + "}",
        "the secret file 'missing.secret' cannot be read"
    )]
    [InlineData(
        "{\"webhooks\":{\"cx-hook\":{\"url\":\"https://h.example.org\",\"secretFile\":\"smtp.user\"}},"
            + Smtp
            + "}",
        "must hold whsec_ and 24 to 64 random bytes in base64"
    )]
    [InlineData(
        "{\"webhooks\":{\"cx-hook\":{\"url\":\"https://h.example.org\",\"secret\":\"whsec_abc\"}},"
            + Smtp
            + "}",
        "needs a 'secretFile': a file holding whsec_<base64>, never the secret itself."
    )]
    [InlineData(
        "{\"webhooks\":{\"cx-hook\":{\"url\":\"ftp://h.example.org\",\"secretFile\":\"cx-hook.secret\"}},"
            + Smtp
            + "}",
        "needs a 'url' that is an http or https address"
    )]
    [InlineData(
        "{\"webhooks\":{\"cx-hook\":{\"url\":\"https://h.example.org\",\"secretFile\":\"cx-hook.secret\"}}}",
        "sends alert 'detractor' by e-mail, but alerts.json has no 'smtp' server."
    )]
    [InlineData(
        "{\"webhooks\":{\"cx-hook\":{\"url\":\"https://h.example.org\",\"secretFile\":\"cx-hook.secret\"}},\"smtp\":{\"host\":\"m\",\"from\":\"cx@example.org\",\"password\":\"hunter2\"}}",
        "write the login and password in files"
    )]
    [InlineData(
        "{\"webhooks\":{\"cx-hook\":{\"url\":\"https://h.example.org\",\"secretFile\":\"cx-hook.secret\"}},\"smtp\":{\"host\":\"m\",\"from\":\"cx@example.org\",\"userFile\":\"smtp.user\"}}",
        "needs both 'userFile' and 'passwordFile', or neither."
    )]
    [InlineData("{\"webhook\":{}}", "unknown key 'webhook'; the keys are webhooks and smtp.")]
    [InlineData(
        "{\"webhooks\":{\"cx-hook\":{\"url\":\"https://h.example.org\",\"secretFile\":\"cx-hook.secret\"}},\"smtp\":{\"host\":\"mail.example.org\",\"from\":\"cx@example.org\",\"security\":\"none\"}}",
        "'security': none sends mail (and a password) unencrypted, so it is for a server on this machine only"
    )]
    [InlineData(
        "{\"webhooks\":{\"cx-hook\":{\"url\":\"https://h.example.org\",\"secretFile\":\"cx-hook.secret\"}},\"smtp\":{\"host\":\"m\",\"port\":\"587\",\"from\":\"cx@example.org\"}}",
        "'port' must be a number from 1 to 65535"
    )]
    [InlineData(
        "{\"webhooks\":{\"cx-hook\":{\"url\":\"https://h.example.org\",\"secretFile\":\"cx-hook.secret\",\"headers\":{}}},"
            + Smtp
            + "}",
        "unknown key 'headers'; the keys are url and secretFile."
    )]
    [InlineData("{\"webhooks\":", "is not valid JSON")]
    public void A_mistake_in_the_config_is_one_sentence(string json, string expected)
    {
        Assert.Null(Load(json, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem!);
        Assert.DoesNotContain("hunter2", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_SMTP_login_from_the_files_reaches_a_server_that_requires_it_and_a_refused_mailbox_is_gone()
    {
        await using var smtp = await SmtpServer.Start(
            "mailer",
            "s3cret pass",
            "accountteam@example.com"
        );
        await using var receiver = await WebhookReceiver.Start(AlertHarness.Secret);
        var config = Load(
            "{\"webhooks\":{\"cx-hook\":{\"url\":\""
                + receiver.Url
                + "\",\"secretFile\":\"cx-hook.secret\"}},"
                + "\"smtp\":{\"host\":\"127.0.0.1\",\"port\":"
                + smtp.Port
                + ",\"from\":\"cx@example.org\",\"security\":\"none\",\"userFile\":\"smtp.user\",\"passwordFile\":\"smtp.password\"}}",
            out var problem
        );
        Assert.Null(problem);
        await using var collector = await Collector.Start(o => o with { Alerts = config });
        await collector.PostJson(
            AlertHarness.Klantloyaliteit(Guid.NewGuid().ToString(), 2, consent: true)
        );
        await collector.PostJson(
            AlertHarness.Klantloyaliteit(
                Guid.NewGuid().ToString(),
                2,
                consent: true,
                segment: "b2b"
            )
        );
        var mail = (await smtp.Until(1, TimeSpan.FromSeconds(15))).Single();
        Assert.Equal("True", mail.Headers["X-Authenticated"]);
        Assert.Equal("klantenservice@example.com", mail.Headers["X-Envelope-To"]);
        var outbox = collector.App.Services.GetRequiredService<IAlertOutbox>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await outbox.CountAlertsAsync(default)).Dead == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        var gone = (await outbox.ListAlertsAsync("gone", 10, default)).Single();
        Assert.Equal("accountteam@example.com", gone.Target);
        Assert.Contains(
            "refused accountteam@example.com for good",
            gone.LastError,
            StringComparison.Ordinal
        );
    }
}

/// <summary>A mail to several owners still reaches the others when one mailbox is refused for good.</summary>
public sealed class AlertRecipientTests
{
    [Fact]
    public async Task One_refused_mailbox_does_not_keep_the_alert_from_the_other_recipients()
    {
        var survey = TestSurveys.Load(
            """
            survey: team
            version: 1
            languages: [en]
            title: Team
            questions:
              - id: recommend
                type: nps
                text: Recommend?
            alerts:
              - id: low
                when: recommend <= 6
                email: [gone@example.com, owner@example.com]
                personal: false
              - id: nobody
                when: recommend == 0
                email: [gone@example.com]
                personal: false
            """,
            "team.survey.yaml"
        );
        await using var smtp = await SmtpServer.Start(null, null, "gone@example.com");
        await using var collector = await Collector.Start(o =>
            o with
            {
                Surveys = [survey],
                Alerts = AlertHarness.Config("http://127.0.0.1:9/", smtp.Port),
            }
        );
        await collector.PostJson(
            "{\"responseId\":\""
                + Guid.NewGuid()
                + "\",\"survey\":\"team\",\"version\":1,\"lang\":\"en\",\"answers\":{\"recommend\":0}}"
        );
        var mail = (await smtp.Until(1, TimeSpan.FromSeconds(15))).Single();
        Assert.Equal("owner@example.com", mail.Headers["X-Envelope-To"]);
        var outbox = collector.App.Services.GetRequiredService<IAlertOutbox>();
        var delivered = await AlertRetryTests.Eventually(async () =>
            (await outbox.ListAlertsAsync("delivered", 10, default)).SingleOrDefault()
        );
        Assert.Equal("low", delivered.Alert);
        Assert.Contains(
            "refused gone@example.com for good",
            delivered.LastError,
            StringComparison.Ordinal
        );
        var gone = await AlertRetryTests.Eventually(async () =>
            (await outbox.ListAlertsAsync("gone", 10, default)).SingleOrDefault()
        );
        Assert.Equal("nobody", gone.Alert);
        Assert.Single(smtp.Messages());
    }
}

/// <summary>The command line: a config the surveys do not fit stops the start with one sentence; the outbox commands.</summary>
public sealed class AlertCommandTests
{
    private static (int Code, string Output, string Error) Run(string folder, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Cli.SurveyKitCommand.Run(args, new Cli.CliContext(output, error, folder));
        return (code, output.ToString(), error.ToString());
    }

    private static string Survey =>
        Path.Combine(
            AppContext.BaseDirectory,
            "TestData",
            "examples",
            "klantloyaliteit",
            "klantloyaliteit.survey.yaml"
        );

    [Fact]
    public void A_config_without_the_surveys_target_stops_the_collector_with_one_sentence()
    {
        var folder = Directory.CreateTempSubdirectory("surveykit-alerts-cli-").FullName;
        File.WriteAllText(Path.Combine(folder, "alerts.json"), "{\"webhooks\":{}}");
        var (code, _, error) = Run(
            folder,
            "collect",
            "--survey",
            Survey,
            "--alerts",
            "alerts.json",
            "--db",
            "r.db"
        );
        Assert.Equal(1, code);
        Assert.Equal(
            "surveykit collect: survey 'klantloyaliteit' sends alert 'detractor' to the webhook 'cx-hook', which alerts.json does not name (it names no webhooks).",
            error.Trim()
        );
        var (missingCode, _, missing) = Run(
            folder,
            "collect",
            "--survey",
            Survey,
            "--alerts",
            "nope.json",
            "--db",
            "r.db"
        );
        Assert.Equal(1, missingCode);
        Assert.Equal(
            "surveykit collect: the alerts config 'nope.json' does not exist.",
            missing.Trim()
        );
        Assert.False(File.Exists(Path.Combine(folder, "r.db")), "nothing was created");
        Directory.Delete(folder, true);
    }

    [Fact]
    public async Task The_alerts_command_lists_the_outbox_and_retry_requeues_the_dead()
    {
        await using var harness = await AlertHarness.Start();
        harness.Receiver.Answer = _ => 410;
        await harness.Post(
            AlertHarness.Klantloyaliteit(Guid.NewGuid().ToString(), 2, consent: true)
        );
        await harness.Receiver.Until(
            r => r.Deliveries.Count == 1,
            TimeSpan.FromSeconds(15),
            "the attempt"
        );
        await harness.Smtp.Until(1, TimeSpan.FromSeconds(15));
        var outbox = harness.Collector.App.Services.GetRequiredService<IAlertOutbox>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (
            (await outbox.CountAlertsAsync(default)) is { Dead: 0 } or { Delivered: 0 }
            && DateTime.UtcNow < deadline
        )
        {
            await Task.Delay(50);
        }
        var database = Path.Combine(harness.Collector.Folder, "responses.db");
        var (code, output, _) = Run(harness.Collector.Folder, "alerts", "--db", database);
        Assert.Equal(0, code);
        Assert.StartsWith(
            "0 pending, 1 delivered, 1 dead-lettered.",
            output,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "gone  klantloyaliteit/detractor  webhook cx-hook  1 attempt",
            output,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "    last error: cx-hook answered 410 Gone",
            output,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "delivered  klantloyaliteit/detractor  email klantenservice@example.com  1 attempt  after",
            output,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "fix the target, then run surveykit alerts retry",
            output,
            StringComparison.Ordinal
        );
        harness.Receiver.Answer = _ => 204;
        var (retryCode, retried, _) = Run(
            harness.Collector.Folder,
            "alerts",
            "retry",
            "--db",
            database
        );
        Assert.Equal(0, retryCode);
        Assert.StartsWith("Re-queued 1 alert;", retried, StringComparison.Ordinal);
        await harness.Receiver.Until(
            r => r.Accepted().Count == 1,
            TimeSpan.FromSeconds(15),
            "the retried alert"
        );
    }

    [Fact]
    public void New_secret_writes_a_file_only_its_owner_can_read_and_never_overwrites_one()
    {
        var folder = Directory.CreateTempSubdirectory("surveykit-alerts-secret-").FullName;
        var (code, output, _) = Run(folder, "alerts", "new-secret", "hook.secret");
        Assert.Equal(0, code);
        Assert.Contains(
            "Wrote a new webhook secret to hook.secret",
            output,
            StringComparison.Ordinal
        );
        var path = Path.Combine(folder, "hook.secret");
        Assert.NotNull(AlertsConfig.ReadSecret(path, p => p, out _));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(
                UnixFileMode.UserRead | UnixFileMode.UserWrite,
                File.GetUnixFileMode(path)
            );
        }
        var before = File.ReadAllText(path);
        var (again, _, error) = Run(folder, "alerts", "new-secret", "hook.secret");
        Assert.Equal(1, again);
        Assert.Contains("exists", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(path));
        Directory.Delete(folder, true);
    }
}
