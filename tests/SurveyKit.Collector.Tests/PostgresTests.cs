using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Npgsql;

namespace SurveyKit.Collector.Tests;

/// <summary>
/// The PostgreSQL store against a real server (CI installs and starts Debian's postgresql and sets
/// SURVEYKIT_TEST_POSTGRES): two collectors on one database, as behind a load balancer, store each response once.
/// </summary>
public sealed class PostgresTests
{
    [PostgresFact]
    public async Task Two_collectors_on_one_database_store_each_response_once_under_concurrent_repeats()
    {
        await using var database = await TestDatabase.Create();
        await using var first = await Collector.Start(database: database.ConnectionString);
        await using var second = await Collector.Start(database: database.ConnectionString);
        var acknowledged = new ConcurrentBag<string>();
        var clients = Enumerable
            .Range(0, 16)
            .Select(client =>
                Task.Run(async () =>
                {
                    for (var i = 0; i < 40; i++)
                    {
                        var id = Guid.NewGuid().ToString();
                        // Each response goes to both instances, as a retry through a load balancer would.
                        var a = await first.PostJson(
                            Collector.Submission(id, "\"recommend\":" + (i % 11))
                        );
                        var b = await second.PostJson(
                            Collector.Submission(id, "\"recommend\":" + (i % 11))
                        );
                        Assert.Equal(HttpStatusCode.Created, a.StatusCode);
                        Assert.Equal(HttpStatusCode.OK, b.StatusCode);
                        acknowledged.Add(id);
                    }
                })
            )
            .ToArray();
        await Task.WhenAll(clients);
        var stored = (await second.Export("bezorging"))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("responseId").GetString()!)
            .ToList();
        Assert.Equal(640, stored.Count);
        Assert.Equal(acknowledged.Order(), stored.Order());
        Assert.Contains(
            "\"store\":\"postgresql\",\"responses\":640",
            await first.Http.GetStringAsync("/health"),
            StringComparison.Ordinal
        );
    }

    [PostgresFact]
    public async Task Analyze_reads_a_PostgreSQL_collector_by_its_connection_string()
    {
        await using var database = await TestDatabase.Create();
        await using var collector = await Collector.Start(database: database.ConnectionString);
        foreach (var score in new[] { 2, 8, 9, 10 })
        {
            await collector.PostJson(Collector.Submission(answers: "\"recommend\":" + score));
        }
        var folder = collector.Folder;
        var output = new System.IO.StringWriter();
        var error = new System.IO.StringWriter();
        var code = Cli.Commands.AnalyzeCommand.Run(
            new Cli.CliContext(output, error, folder),
            System.IO.Path.Combine(
                AppContext.BaseDirectory,
                "TestData",
                "examples",
                "bezorging",
                "bezorging.survey.yaml"
            ),
            [database.ConnectionString],
            "report",
            "adjusted-wald"
        );
        Assert.True(code == 0, error.ToString());
        Assert.Contains(
            "Read 4: scored 4, rejected 0",
            output.ToString(),
            StringComparison.Ordinal
        );
        Assert.Contains("NPS +25.0", output.ToString(), StringComparison.Ordinal); // 2 promoters, 1 detractor of 4
    }

    [PostgresFact]
    public async Task Bad_input_stores_nothing_in_PostgreSQL_either()
    {
        await using var database = await TestDatabase.Create();
        await using var collector = await Collector.Start(database: database.ConnectionString);
        Assert.Equal(
            422,
            (int)
                (
                    await collector.PostJson(Collector.Submission(answers: "\"recommend\":12"))
                ).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Created,
            (
                await collector.PostJson(
                    Collector.Submission(
                        answers: "\"recommend\":7,\"remarks\":\"Prima \\u2028 \\\"quoted\\\"\""
                    )
                )
            ).StatusCode
        );
        var line = Assert.Single(await collector.Export("bezorging"));
        Assert.Equal(
            "Prima \u2028 \"quoted\"",
            JsonDocument
                .Parse(line)
                .RootElement.GetProperty("answers")
                .GetProperty("remarks")
                .GetString()
        );
    }

    // A NUL once gave a 500 on every retry on PostgreSQL (jsonb cannot hold one) while SQLite stored it.
    [PostgresFact]
    public async Task A_nul_is_refused_as_on_SQLite_and_nothing_is_stored()
    {
        await using var database = await TestDatabase.Create();
        await using var collector = await Collector.Start(database: database.ConnectionString);
        var response = await collector.PostJson(
            Collector.Submission(answers: "\"recommend\":3,\"remarks\":\"a\\u0000b\"")
        );
        Assert.Equal(422, (int)response.StatusCode);
        var form = await collector.PostForm("survey=bezorging&version=1&recommend=3&remarks=%00");
        Assert.Equal(422, (int)form.StatusCode);
        Assert.Empty(await collector.Export("bezorging"));
    }

    // A database that went down once gave an empty 500: now a 503 the page retries after, and /health names it.
    [PostgresFact]
    public async Task A_database_that_goes_down_gets_a_503_with_retry_after_and_nothing_is_lost()
    {
        await using var database = await TestDatabase.Create();
        var log = new System.IO.StringWriter();
        await using var collector = await Collector.Start(
            o => o with { Log = System.IO.TextWriter.Synchronized(log) },
            database.ConnectionString
        );
        Assert.Equal(
            HttpStatusCode.Created,
            (await collector.PostJson(Collector.Submission())).StatusCode
        );
        await database.SetConnections(allowed: false);
        var id = Guid.NewGuid().ToString();
        var refused = await collector.PostJson(Collector.Submission(id));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("30", refused.Headers.RetryAfter?.ToString());
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains(
            "nothing was stored",
            await refused.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
        var health = await collector.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var body = await health.Content.ReadAsStringAsync();
        Assert.Contains("\"status\":\"unavailable\"", body, StringComparison.Ordinal);
        Assert.Contains("postgresql", body, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", body, StringComparison.Ordinal); // details go to the operator's log
        Assert.Contains("could not store response " + id, log.ToString(), StringComparison.Ordinal);
        await database.SetConnections(allowed: true);
        // The page sends it again after Retry-After: stored once.
        Assert.Equal(
            HttpStatusCode.Created,
            (await collector.PostJson(Collector.Submission(id))).StatusCode
        );
        Assert.Equal(2, (await collector.Export("bezorging")).Length);
        Assert.Equal(HttpStatusCode.OK, (await collector.Http.GetAsync("/health")).StatusCode);
    }

    /// <summary>A database of its own for one test, dropped afterwards.</summary>
    internal sealed class TestDatabase : IAsyncDisposable
    {
        private readonly string name = "surveykit_test_" + Guid.NewGuid().ToString("N")[..12];

        public string ConnectionString { get; private set; } = "";

        public static async Task<TestDatabase> Create()
        {
            var database = new TestDatabase();
            await using (var admin = new NpgsqlConnection(PostgresFactAttribute.ConnectionString))
            {
                await admin.OpenAsync();
                await using var command = new NpgsqlCommand(
                    $"CREATE DATABASE {database.name}",
                    admin
                );
                await command.ExecuteNonQueryAsync();
            }
            database.ConnectionString = new NpgsqlConnectionStringBuilder(
                PostgresFactAttribute.ConnectionString
            )
            {
                Database = database.name,
            }.ToString();
            return database;
        }

        /// <summary>Takes the database down for the collector (and every open connection to it), or back up.</summary>
        public async Task SetConnections(bool allowed)
        {
            await using var admin = new NpgsqlConnection(PostgresFactAttribute.ConnectionString);
            await admin.OpenAsync();
            await using (
                var alter = new NpgsqlCommand(
                    $"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS {(allowed ? "true" : "false")}",
                    admin
                )
            )
            {
                await alter.ExecuteNonQueryAsync();
            }
            if (!allowed)
            {
                await using var terminate = new NpgsqlCommand(
                    $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'",
                    admin
                );
                await terminate.ExecuteNonQueryAsync();
            }
        }

        public async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresFactAttribute.ConnectionString);
            await admin.OpenAsync();
            // An autovacuum worker (the server's, after the writes of a test) cannot be ended by the test's role: the
            // drop waits for it to finish, a few seconds at most.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var command = new NpgsqlCommand(
                        $"DROP DATABASE IF EXISTS {name} WITH (FORCE)",
                        admin
                    );
                    await command.ExecuteNonQueryAsync();
                    return;
                }
                catch (PostgresException exception)
                    when (exception.SqlState == "42501" && attempt < 40)
                {
                    await Task.Delay(250);
                }
            }
        }
    }
}

/// <summary>A test that needs a PostgreSQL server; skipped, with the reason, when SURVEYKIT_TEST_POSTGRES is not set.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("SURVEYKIT_TEST_POSTGRES") ?? "";

    public const string Reason =
        "set SURVEYKIT_TEST_POSTGRES to a connection string with CREATEDB (.ci/run starts Debian's postgresql and sets it; README: Working on SurveyKit)";

    // dotnet test prints a skipped test's name, not its reason, at its normal verbosity: the name carries it.
    public PostgresFactAttribute(
        [System.Runtime.CompilerServices.CallerMemberName] string test = ""
    )
    {
        if (ConnectionString.Length == 0)
        {
            Skip = "PostgreSQL test skipped: " + Reason + ".";
            DisplayName = $"{test} (skipped: {Reason})";
        }
    }
}
