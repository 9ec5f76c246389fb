using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;

namespace SurveyKit.Site.Tests;

/// <summary>
/// A static host on 127.0.0.1 for a built site, with a submission endpoint that behaves like a collector:
/// it checks each JSON response with Core's rules, stores a responseId once, answers a form post with a redirect to
/// the thank-you page, and can be taken down to play an unreachable server.
/// </summary>
public sealed class SiteHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Dictionary<string, Survey> surveys;

    private SiteHost(WebApplication app, IEnumerable<Survey> surveys)
    {
        this.app = app;
        this.surveys = surveys.ToDictionary(s => s.Id);
    }

    public string Url { get; private set; } = "";

    /// <summary>Every JSON response stored, by responseId.</summary>
    public ConcurrentDictionary<string, JsonElement> Stored { get; } = new();

    /// <summary>Every POST that reached the endpoint, stored or not.</summary>
    public ConcurrentQueue<string> Posts { get; } = new();

    /// <summary>The fields of each form post (a browser without JavaScript).</summary>
    public ConcurrentQueue<List<KeyValuePair<string, string>>> FormPosts { get; } = new();

    /// <summary>The problems of JSON responses that broke Core's rules.</summary>
    public ConcurrentQueue<string> Rejected { get; } = new();

    /// <summary>While true the endpoint answers 503, as an unreachable or overloaded server would.</summary>
    public bool Down { get; set; }

    public static async Task<SiteHost> Start(string folder, IEnumerable<Survey> surveys)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var host = new SiteHost(app, surveys);
        var files = new PhysicalFileProvider(folder);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapPost("/api/responses", (Func<HttpContext, Task<IResult>>)host.Receive);
        await app.StartAsync();
        host.Url = app
            .Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        return host;
    }

    private async Task<IResult> Receive(HttpContext context)
    {
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync();
            var fields = form.SelectMany(f =>
                    f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))
                )
                .ToList();
            FormPosts.Enqueue(fields);
            Posts.Enqueue("form");
            return Results.Redirect(form["_next"].ToString(), permanent: false);
        }
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        Posts.Enqueue(body);
        if (Down)
        {
            return Results.StatusCode(503);
        }
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement.Clone();
        var data = Submission.Read(root);
        if (data.Survey is null || !surveys.TryGetValue(data.Survey, out var survey))
        {
            return Results.Problem(statusCode: 422, title: "Unknown survey");
        }
        var errors = ResponseValidator.Validate(survey, data);
        if (errors.Count > 0)
        {
            Rejected.Enqueue(string.Join("; ", errors));
            return Results.Problem(
                statusCode: 422,
                title: "Invalid response",
                detail: errors[0].Message
            );
        }
        return Stored.TryAdd(data.ResponseId!, root) ? Results.Created() : Results.Ok();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>Reads the submission JSON of formats.md into Core's neutral form.</summary>
internal static class Submission
{
    public static ResponseData Read(JsonElement root)
    {
        var data = new ResponseData
        {
            ResponseId = root.TryGetProperty("responseId", out var id) ? id.GetString() : null,
            Survey = root.TryGetProperty("survey", out var survey) ? survey.GetString() : null,
            Version = root.TryGetProperty("version", out var version) ? version.GetInt32() : null,
            Lang = root.TryGetProperty("lang", out var lang) ? lang.GetString() : null,
        };
        if (root.TryGetProperty("context", out var context))
        {
            foreach (var field in context.EnumerateObject())
            {
                data.Context[field.Name] = field.Value.GetString() ?? "";
            }
        }
        if (root.TryGetProperty("answers", out var answers))
        {
            foreach (var answer in answers.EnumerateObject())
            {
                data.Answers[answer.Name] = Value(answer.Value);
            }
        }
        return data;
    }

    private static AnswerValue Value(JsonElement value) =>
        value.ValueKind switch
        {
            JsonValueKind.Number => AnswerValue.Of(value.GetDouble()),
            JsonValueKind.String => AnswerValue.Of(value.GetString()!),
            JsonValueKind.True => AnswerValue.Of(true),
            JsonValueKind.False => AnswerValue.Of(false),
            JsonValueKind.Array
                when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) =>
                AnswerValue.Of(value.EnumerateArray().Select(v => v.GetString()!)),
            JsonValueKind.Object => AnswerValue.Of(
                (IReadOnlyDictionary<string, AnswerValue>)
                    value.EnumerateObject().ToDictionary(p => p.Name, p => Value(p.Value))
            ),
            _ => AnswerValue.Invalid(value.ValueKind.ToString()),
        };
}
