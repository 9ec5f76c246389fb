using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SurveyKit.Core.Model;

namespace SurveyKit.Collector.Tests;

/// <summary>A real collector on 127.0.0.1 (Kestrel), with the examples and a SQLite file of its own.</summary>
public sealed class Collector : IAsyncDisposable
{
    public const string Token = "test-token-0123456789";

    private Collector(WebApplication app, string folder, string url)
    {
        App = app;
        Folder = folder;
        Url = url;
        Http = new HttpClient(
            new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 64 }
        )
        {
            BaseAddress = new Uri(url),
        };
    }

    public WebApplication App { get; }
    public string Folder { get; }
    public string Url { get; }
    public HttpClient Http { get; }

    public static IReadOnlyList<Survey> Examples() =>
        Directory
            .GetFiles(
                Path.Combine(AppContext.BaseDirectory, "TestData", "examples"),
                "*.survey.yaml",
                SearchOption.AllDirectories
            )
            .Order(StringComparer.Ordinal)
            .Select(f => Core.SurveyLoader.LoadFile(f).Survey!)
            .ToList();

    public static async Task<Collector> Start(
        Func<CollectorOptions, CollectorOptions>? configure = null,
        string? database = null
    )
    {
        var folder = Directory.CreateTempSubdirectory("surveykit-collector-").FullName;
        var options = new CollectorOptions
        {
            Surveys = Examples(),
            Database = database ?? Path.Combine(folder, "responses.db"),
            Token = Token,
            Urls = ["http://127.0.0.1:0"],
            PostsPerMinute = 0,
        };
        var app = await CollectorApp.Build(configure?.Invoke(options) ?? options);
        await app.StartAsync();
        var url = app
            .Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        return new Collector(app, folder, url);
    }

    public Task<HttpResponseMessage> PostJson(string json) =>
        Http.PostAsync(
            "/api/responses",
            new StringContent(json, Encoding.UTF8, "application/json")
        );

    public Task<HttpResponseMessage> PostForm(string body, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/responses")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        if (accept is not null)
        {
            request.Headers.Add("Accept", accept);
        }
        return Http.SendAsync(request);
    }

    /// <summary>The stored responses (with personal data unless <paramref name="personal"/> is false), a line each.</summary>
    public async Task<string[]> Export(string survey, string format = "jsonl", bool personal = true)
    {
        var request = new HttpRequestMessage(
            HttpMethod.Get,
            $"/api/responses?survey={survey}&format={format}{(personal ? "&personal=true" : "")}"
        );
        request.Headers.Add("Authorization", "Bearer " + Token);
        var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsStringAsync()).Split(
            '\n',
            StringSplitOptions.RemoveEmptyEntries
        );
    }

    public static string Submission(
        string? id = null,
        string answers = "\"recommend\":8",
        string survey = "bezorging",
        int version = 1
    ) =>
        "{\"responseId\":\""
        + (id ?? Guid.NewGuid().ToString())
        + "\",\"survey\":\""
        + survey
        + "\",\"version\":"
        + version
        + ",\"lang\":\"nl\",\"answers\":{"
        + answers
        + "}}";

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, true);
        }
        catch (IOException)
        {
            // The system cleans its temp folder.
        }
    }
}
