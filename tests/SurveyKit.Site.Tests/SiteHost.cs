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
        // The collector's reader: the pages are tested against the format the collector accepts.
        var read = Submissions.SubmissionJson.Read(System.Text.Encoding.UTF8.GetBytes(body));
        if (read.Submission is not { } submission)
        {
            Rejected.Enqueue(string.Join("; ", read.Errors));
            return Results.Problem(
                statusCode: 400,
                title: "Not a submission",
                detail: read.Errors[0].Message
            );
        }
        var data = submission.Data;
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
