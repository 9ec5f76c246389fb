using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using SurveyKit.Collector.Tests.Alerts;
using SurveyKit.Collector.Tests.Invitations;

namespace SurveyKit.Collector.Tests;

/// <summary>
/// The native tool (issue 17) on the paths whose libraries the trimmer could cut short: mail through MailKit and
/// MimeKit with the invitation templates, and the PostgreSQL store through Npgsql. The same commands run in-process
/// in the other tests; here the installed, natively compiled surveykit runs them as a process of its own.
/// </summary>
public sealed class NativeToolCollectorTests
{
    [NativeToolFact]
    public async Task The_native_tool_mails_invitations_through_a_real_SMTP_server()
    {
        using var cli = new InviteFolder();
        cli.Prepare();
        File.WriteAllLines(
            Path.Combine(cli.Folder, "customers.csv"),
            [
                "customer,email,lang,segment,account",
                "C1,c1@example.com,nl,b2c,A1",
                "C2,c2@example.com,en,b2b,A2",
            ]
        );
        await using var smtp = await SmtpServer.Start();
        File.WriteAllText(
            Path.Combine(cli.Folder, "alerts.json"),
            $"{{\"smtp\":{{\"host\":\"127.0.0.1\",\"port\":{smtp.Port},\"from\":\"cx@example.org\",\"security\":\"none\"}}}}"
        );
        var (code, output, error) = NativeTool.Run(
            cli.Folder,
            "invite",
            "relatie.survey.yaml",
            "--customers",
            "customers.csv",
            "--send",
            "--key-file",
            "invite.key",
            "--base-url",
            "https://surveys.example.org",
            "--db",
            "responses.db",
            "--mail-config",
            "alerts.json"
        );
        Assert.True(code == 0, output + error);
        Assert.Contains(
            "Sent 2 mails for relatie through 127.0.0.1:",
            output,
            StringComparison.Ordinal
        );
        var mails = smtp.Messages();
        var dutch = mails.Single(m => m.To.Mailboxes.Single().Address == "c1@example.com");
        Assert.Equal("Relatiemonitor", dutch.Subject);
        Assert.Contains("Aanbevelen?", dutch.TextBody, StringComparison.Ordinal);
        Assert.Contains("&amp;recommend=10\"", dutch.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith(
            "<https://surveys.example.org/",
            dutch.Headers["List-Unsubscribe"],
            StringComparison.Ordinal
        );
        var english = mails.Single(m => m.To.Mailboxes.Single().Address == "c2@example.com");
        Assert.Equal("Relationship monitor", english.Subject);
        Assert.Contains("Recommend?", english.TextBody, StringComparison.Ordinal);
    }

    private const string Survey = """
        survey: kort
        version: 1
        languages: [en]
        title: Short
        questions:
          - id: recommend
            type: nps
            required: true
            text: Recommend?
          - id: remarks
            type: text
            text: Remarks?
        """;

    [NativeToolPostgresFact]
    public async Task The_native_collector_stores_in_PostgreSQL_and_its_export_matches()
    {
        await using var database = await PostgresTests.TestDatabase.Create();
        using var cli = new InviteFolder();
        File.WriteAllText(Path.Combine(cli.Folder, "kort.survey.yaml"), Survey);
        Assert.Equal(0, cli.Run("sample", "kort.survey.yaml", "--n", "25", "-o", "s.jsonl").Code);
        var port = LocalServer.FreePort();
        using var collector = NativeTool.Start(
            cli.Folder,
            "collect",
            "--survey",
            "kort.survey.yaml",
            "--db",
            database.ConnectionString,
            "--urls",
            $"http://127.0.0.1:{port}"
        );
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await LocalServer.WaitForHealth(http, "collect", TimeSpan.FromSeconds(30), collector);
            foreach (var line in File.ReadLines(Path.Combine(cli.Folder, "s.jsonl")))
            {
                using var body = new StringContent(line, Encoding.UTF8, "application/json");
                Assert.Equal(
                    HttpStatusCode.Created,
                    (await http.PostAsync("/api/responses", body)).StatusCode
                );
            }
            var health = await (await http.GetAsync("/health")).Content.ReadAsStringAsync();
            Assert.Contains("\"store\":\"postgresql\"", health, StringComparison.Ordinal);
            Assert.Contains("\"responses\":25", health, StringComparison.Ordinal);
        }
        finally
        {
            collector.Kill(entireProcessTree: true);
            await collector.WaitForExitAsync();
        }
        string[] export =
        [
            "export",
            "--db",
            database.ConnectionString,
            "--survey",
            "kort.survey.yaml",
            "--format",
            "csv",
        ];
        Assert.Equal(0, cli.Run([.. export, "-o", "jit.csv"]).Code);
        var native = NativeTool.Run(cli.Folder, [.. export, "-o", "native.csv"]);
        Assert.True(native.ExitCode == 0, native.Output + native.Error);
        var rows = File.ReadAllLines(Path.Combine(cli.Folder, "native.csv"));
        Assert.Equal(26, rows.Count(l => l.Length > 0 && !l.StartsWith('#')));
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(cli.Folder, "jit.csv")),
            File.ReadAllBytes(Path.Combine(cli.Folder, "native.csv"))
        );
    }
}

/// <summary>A native-tool test that also needs PostgreSQL; skipped, with the reasons, when either is missing.</summary>
public sealed class NativeToolPostgresFactAttribute : FactAttribute
{
    public NativeToolPostgresFactAttribute(
        [System.Runtime.CompilerServices.CallerMemberName] string test = ""
    )
    {
        var missing = new[]
        {
            NativeTool.Path.Length == 0 ? NativeToolFactAttribute.Reason : null,
            PostgresFactAttribute.ConnectionString.Length == 0
                ? PostgresFactAttribute.Reason
                : null,
        }
            .Where(r => r is not null)
            .ToList();
        if (missing.Count > 0)
        {
            Skip = "Native tool test skipped: " + string.Join("; ", missing) + ".";
            DisplayName = $"{test} (skipped: {string.Join("; ", missing)})";
        }
    }
}
