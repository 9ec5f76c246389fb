using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace SurveyKit.Collector.Tests;

/// <summary>Nothing acknowledged is lost, nothing is stored twice: under concurrent load, and across a crash.</summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task Under_concurrent_load_with_repeats_every_acknowledged_response_is_stored_exactly_once()
    {
        await using var collector = await Collector.Start();
        var acknowledged = new ConcurrentDictionary<string, int>();
        var clients = Enumerable
            .Range(0, 32)
            .Select(client =>
                Task.Run(async () =>
                {
                    var random = new Random(client);
                    string? last = null;
                    for (var i = 0; i < 100; i++)
                    {
                        // One post in five repeats the client's previous response, as a retry after a lost answer does.
                        var id =
                            last is not null && random.Next(5) == 0
                                ? last
                                : Guid.NewGuid().ToString();
                        var response = await collector.PostJson(
                            Collector.Submission(id, $"\"recommend\":{random.Next(11)}")
                        );
                        Assert.True(
                            response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK,
                            response.StatusCode.ToString()
                        );
                        acknowledged.AddOrUpdate(id, 1, (_, n) => n + 1);
                        last = id;
                    }
                })
            )
            .ToArray();
        await Task.WhenAll(clients);
        var stored = (await collector.Export("bezorging"))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("responseId").GetString()!)
            .ToList();
        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.Equal(acknowledged.Keys.Order(), stored.Order());
        Assert.True(acknowledged.Values.Any(n => n > 1), "the load had repeats");
    }

    [Fact]
    public async Task A_collector_killed_mid_load_has_every_acknowledged_response_after_a_restart()
    {
        var folder = Directory.CreateTempSubdirectory("surveykit-crash-").FullName;
        var database = Path.Combine(folder, "responses.db");
        var survey = Path.Combine(
            AppContext.BaseDirectory,
            "TestData",
            "examples",
            "bezorging",
            "bezorging.survey.yaml"
        );
        File.WriteAllText(Path.Combine(folder, "token"), Collector.Token);
        var port = FreePort();
        var acknowledged = new ConcurrentBag<string>();
        using (var process = StartCollect(survey, database, port, folder))
        {
            await WaitForHealth(port);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            using var stop = new CancellationTokenSource();
            var senders = Enumerable
                .Range(0, 16)
                .Select(_ =>
                    Task.Run(async () =>
                    {
                        while (!stop.IsCancellationRequested)
                        {
                            var id = Guid.NewGuid().ToString();
                            try
                            {
                                var response = await http.PostAsync(
                                    "/api/responses",
                                    new StringContent(
                                        Collector.Submission(id),
                                        Encoding.UTF8,
                                        "application/json"
                                    )
                                );
                                if (
                                    response.StatusCode
                                    is HttpStatusCode.Created
                                        or HttpStatusCode.OK
                                )
                                {
                                    acknowledged.Add(id);
                                }
                            }
                            catch (HttpRequestException)
                            {
                                // The process died under this request: not acknowledged, so the client would retry.
                                return;
                            }
                        }
                    })
                )
                .ToArray();
            await Task.Delay(1500);
            process.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush
            await process.WaitForExitAsync();
            stop.Cancel();
            await Task.WhenAll(senders);
        }
        Assert.True(
            acknowledged.Count > 50,
            $"only {acknowledged.Count} acknowledged before the kill"
        );
        using (var restarted = StartCollect(survey, database, port, folder))
        {
            await WaitForHealth(port);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var request = new HttpRequestMessage(
                HttpMethod.Get,
                "/api/responses?survey=bezorging&personal=true"
            );
            request.Headers.Add("Authorization", "Bearer " + Collector.Token);
            var export = await (await http.SendAsync(request)).Content.ReadAsStringAsync();
            var stored = export
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l =>
                    JsonDocument.Parse(l).RootElement.GetProperty("responseId").GetString()
                )
                .ToHashSet();
            var lost = acknowledged.Where(id => !stored.Contains(id)).ToList();
            Assert.True(
                lost.Count == 0,
                $"{lost.Count} of {acknowledged.Count} acknowledged responses were lost"
            );
            restarted.Kill(entireProcessTree: true);
            await restarted.WaitForExitAsync();
        }
        Directory.Delete(folder, true);
    }

    internal static Process StartCollect(
        string survey,
        string database,
        int port,
        string folder,
        params string[] extra
    )
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "surveykit.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (
            var argument in new[]
            {
                cli,
                "collect",
                "--survey",
                survey,
                "--db",
                database,
                "--urls",
                $"http://127.0.0.1:{port}",
                "--token-file",
                "token",
                "--posts-per-minute",
                "0",
            }.Concat(extra)
        )
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static async Task WaitForHealth(int port)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await LocalServer.WaitForHealth(http, "the collector", TimeSpan.FromSeconds(30));
    }

    internal static int FreePort() => LocalServer.FreePort();
}
