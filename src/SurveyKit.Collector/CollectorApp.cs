using System;
using System.IO;
using System.Linq;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SurveyKit.Collector.Alerts;
using SurveyKit.Collector.Http;
using SurveyKit.Collector.Storage;

namespace SurveyKit.Collector;

/// <summary>Builds the collector: the endpoints, their limits, the store, and (for <c>serve</c>) the site.</summary>
public static class CollectorApp
{
    /// <summary>The path submissions are posted to (the default endpoint of surveykit.json).</summary>
    public const string ResponsesPath = "/api/responses";

    /// <summary>A collector ready to start; its store is created and opened.</summary>
    /// <param name="options">How to run.</param>
    /// <param name="extend">More endpoints (<c>surveykit serve</c> adds live reload), mapped before the site's files.</param>
    public static async Task<WebApplication> Build(
        CollectorOptions options,
        Action<WebApplication>? extend = null
    )
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes + 1;
            kestrel.AddServerHeader = false;
        });
        builder.Logging.ClearProviders();
        var store = IResponseStore.Open(options.Database);
        await store.InitializeAsync(default);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new SurveyCatalog(options.Surveys));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IAlertOutbox>(store);
        builder.Services.AddSingleton(new AlertSignal());
        builder.Services.AddSingleton(
            new AlertPlanner(
                options.AlertMail
                    ?? AlertMail.Load(
                        null,
                        f => f,
                        new System.Collections.Generic.List<Core.Diagnostics.Diagnostic>()
                    )
            )
        );
        if (options.Alerts is { } alerts)
        {
            builder.Services.AddSingleton(alerts);
            builder.Services.AddSingleton(services => new WebhookSender(
                alerts,
                WebhookSender.CreateClient(),
                services.GetRequiredService<TimeProvider>()
            ));
            builder.Services.AddSingleton(new MailSender(alerts.Smtp));
            builder.Services.AddHostedService(services => new AlertDispatcher(
                services.GetRequiredService<IAlertOutbox>(),
                services.GetRequiredService<AlertSignal>(),
                services.GetRequiredService<WebhookSender>(),
                services.GetRequiredService<MailSender>(),
                services.GetRequiredService<TimeProvider>(),
                options.Log
            ));
        }
        builder.Services.AddSingleton<InvitationCheck>();
        builder.Services.AddSingleton<OptOutEndpoint>();
        builder.Services.AddSingleton<OpenedEndpoint>();
        builder.Services.AddHostedService(services => new Privacy.DailyPurge(
            services.GetRequiredService<SurveyCatalog>(),
            store,
            services.GetRequiredService<TimeProvider>(),
            options.Log
        ));
        builder.Services.AddSingleton<SubmitEndpoint>();
        builder.Services.AddSingleton<ExportEndpoint>();
        if (options.AllowedOrigins.Count > 0)
        {
            builder.Services.AddCors(cors =>
                cors.AddDefaultPolicy(policy =>
                    policy
                        .WithOrigins([.. options.AllowedOrigins])
                        .WithMethods("POST")
                        .WithHeaders("Content-Type", "Accept")
                )
            );
        }
        if (options.PostsPerMinute > 0)
        {
            builder.Services.AddRateLimiter(limiter =>
            {
                limiter.RejectionStatusCode = 429;
                limiter.OnRejected = async (context, token) =>
                {
                    context.HttpContext.Response.Headers.RetryAfter = "60";
                    await Problem
                        .Of(
                            429,
                            "Too many requests",
                            "",
                            "rate",
                            $"At most {options.PostsPerMinute} submissions a minute from one address."
                        )
                        .ExecuteAsync(context.HttpContext);
                };
                limiter.AddPolicy(
                    "posts",
                    context =>
                        RateLimitPartition.GetFixedWindowLimiter(
                            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                            _ => new FixedWindowRateLimiterOptions
                            {
                                PermitLimit = options.PostsPerMinute,
                                Window = TimeSpan.FromMinutes(1),
                            }
                        )
                );
            });
        }
        var app = builder.Build();
        app.Use(
            async (context, next) =>
            {
                SecurityHeaders(context.Response.Headers);
                await next(context);
            }
        );
        app.Use(
            async (context, next) =>
            {
                // Whatever escapes a handler is still an answer with a body, never an empty 500 or a stack trace.
                try
                {
                    await next(context);
                }
                catch (Exception exception)
                    when (!context.RequestAborted.IsCancellationRequested
                        && !context.Response.HasStarted
                    )
                {
                    options.Log.WriteLine(
                        $"{DateTimeOffset.UtcNow:O} {context.Request.Method} {context.Request.Path} failed: {StoreFailure.Describe(exception)}"
                    );
                    context.Response.Clear();
                    SecurityHeaders(context.Response.Headers); // Clear() took them too
                    await Problem
                        .Of(
                            500,
                            "Internal error",
                            "",
                            "internal",
                            "The collector failed on this request; nothing was stored. The operator's log says why."
                        )
                        .ExecuteAsync(context);
                }
            }
        );
        if (options.AllowedOrigins.Count > 0)
        {
            app.UseCors();
        }
        if (options.PostsPerMinute > 0)
        {
            app.UseRateLimiter();
        }
        extend?.Invoke(app);
        if (options.Site is { } site)
        {
            app.Use(
                async (context, next) =>
                {
                    if (!await site.TryServe(context))
                    {
                        await next(context);
                    }
                }
            );
        }
        var submit = app.MapPost(
            ResponsesPath,
            (HttpContext context, SubmitEndpoint endpoint) => endpoint.Handle(context)
        );
        if (options.PostsPerMinute > 0)
        {
            submit.RequireRateLimiting("posts");
        }
        app.MapGet(
            ResponsesPath,
            (HttpContext context, ExportEndpoint endpoint) => endpoint.Handle(context)
        );
        app.MapMethods(
            OptOutEndpoint.Path,
            ["GET", "POST"],
            (HttpContext context, OptOutEndpoint endpoint) => endpoint.Handle(context)
        );
        var opened = app.MapPost(
            OpenedEndpoint.Path,
            (HttpContext context, OpenedEndpoint endpoint) => endpoint.Handle(context)
        );
        if (options.PostsPerMinute > 0)
        {
            opened.RequireRateLimiting("posts");
        }
        app.MapGet("/health", (IResponseStore health) => Health(health, options.Log));
        app.Lifetime.ApplicationStopped.Register(() =>
            store.DisposeAsync().AsTask().GetAwaiter().GetResult()
        );
        return app;
    }

    // For the API's own answers; a served site's pages get the policy of its _headers file instead.
    private static void SecurityHeaders(IHeaderDictionary headers)
    {
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
    }

    /// <summary>How long /health waits for the store before it says the store is down.</summary>
    public static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(5);

    // 200 with the count when the store answers; 503 naming the store when it does not (a load balancer then sends
    // respondents elsewhere, and an operator sees which dependency is down).
    private static async Task<IResult> Health(IResponseStore store, TextWriter log)
    {
        using var timeout = new System.Threading.CancellationTokenSource(HealthTimeout);
        try
        {
            var responses = await store.CountAsync(null, timeout.Token);
            var alerts = await store.CountAlertsAsync(timeout.Token);
            var invitations = await store.CountInvitationsAsync(null, timeout.Token);
            double? oldestSeconds = alerts.OldestPending is { } oldest
                ? Math.Max(0, Math.Round((DateTimeOffset.UtcNow - oldest).TotalSeconds, 1))
                : null;
            return Results.Json(
                new HealthAnswer(
                    "ok",
                    store.Kind,
                    responses,
                    new HealthAlerts(alerts.Pending, oldestSeconds, alerts.Delivered, alerts.Dead),
                    new HealthInvitations(
                        invitations.Invited,
                        invitations.Opened,
                        invitations.Responded,
                        invitations.Reminded,
                        invitations.OptedOut
                    )
                ),
                CollectorJson.Default.HealthAnswer
            );
        }
        catch (Exception exception)
            when (StoreFailure.IsStorage(exception) || timeout.IsCancellationRequested)
        {
            // The details (a host, a path) are for the operator's log, not for whoever asks /health.
            log.WriteLine(
                $"{DateTimeOffset.UtcNow:O} health: the {store.Kind} store does not answer: {StoreFailure.Describe(exception)}"
            );
            return new StoreFailure.WithRetryAfter(
                Results.Json(
                    new HealthDown(
                        "unavailable",
                        store.Kind,
                        $"the {store.Kind} store does not answer"
                    ),
                    CollectorJson.Default.HealthDown,
                    statusCode: 503
                ),
                SubmitEndpoint.RetryAfterSeconds
            );
        }
    }
}
