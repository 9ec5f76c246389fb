using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StandardWebhooks;

namespace SurveyKit.Collector.Tests.Alerts;

/// <summary>One request to the receiver, as it arrived.</summary>
public sealed record Delivery(
    string Id,
    string Timestamp,
    string Body,
    bool Verified,
    int Answered,
    DateTimeOffset At
);

/// <summary>
/// A webhook receiver on 127.0.0.1 that verifies every delivery with the Standard Webhooks reference library (not
/// with SurveyKit's code), and behaves as a test says: failing the first attempts of each alert, answering slowly, or
/// saying 410 Gone. It notes when one alert is being delivered twice at the same time.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, int> attempts = new();
    private readonly ConcurrentDictionary<string, int> inFlight = new();

    private WebhookReceiver(WebApplication app, int port)
    {
        this.app = app;
        Port = port;
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/hook";
    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    /// <summary>What to answer to the n-th attempt (1-based) of an alert: 204 unless a test says otherwise.</summary>
    public Func<int, int> Answer { get; set; } = _ => 204;

    /// <summary>The Location header of a redirect answer, or null.</summary>
    public string? Location { get; set; }

    /// <summary>How long to wait before answering.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    private int overlaps;

    /// <summary>How often one webhook-id was being received by two requests at the same time.</summary>
    public int Overlaps => Volatile.Read(ref overlaps);

    public static async Task<WebhookReceiver> Start(string secret, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        var verifier = new StandardWebhook(secret);
        app.MapPost(
            "/hook",
            async (HttpContext context) =>
            {
                var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
                var verified = true;
                try
                {
                    verifier.Verify(body, context.Request.Headers);
                }
                catch (Exception)
                {
                    verified = false;
                }
                var id = context.Request.Headers["webhook-id"].ToString();
                if (receiver!.inFlight.AddOrUpdate(id, 1, (_, n) => n + 1) > 1)
                {
                    Interlocked.Increment(ref receiver.overlaps);
                }
                try
                {
                    var attempt = receiver.attempts.AddOrUpdate(id, 1, (_, n) => n + 1);
                    if (receiver.Delay > TimeSpan.Zero)
                    {
                        await Task.Delay(receiver.Delay);
                    }
                    var status = verified ? receiver.Answer(attempt) : 401;
                    receiver.Deliveries.Enqueue(
                        new Delivery(
                            id,
                            context.Request.Headers["webhook-timestamp"].ToString(),
                            body,
                            verified,
                            status,
                            DateTimeOffset.UtcNow
                        )
                    );
                    if (receiver.Location is { } location && status is >= 300 and < 400)
                    {
                        context.Response.Headers.Location = location;
                    }
                    return Results.StatusCode(status);
                }
                finally
                {
                    receiver.inFlight.AddOrUpdate(id, 0, (_, n) => n - 1);
                }
            }
        );
        await app.StartAsync();
        var address = app.Urls.First();
        receiver = new WebhookReceiver(app, new Uri(address).Port);
        return receiver;
    }

    /// <summary>The deliveries the receiver accepted (2xx), one per webhook-id.</summary>
    public IReadOnlyList<Delivery> Accepted() =>
        Deliveries
            .Where(d => d.Answered is >= 200 and < 300)
            .GroupBy(d => d.Id)
            .Select(g => g.First())
            .ToList();

    /// <summary>Waits until <paramref name="done"/> holds for what arrived, failing after <paramref name="timeout"/>.</summary>
    public async Task Until(Func<WebhookReceiver, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!done(this))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"{what}: not within {timeout.TotalSeconds} s; {Deliveries.Count} deliveries arrived ({Accepted().Count} accepted)"
                );
            }
            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
