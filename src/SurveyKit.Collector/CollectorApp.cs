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
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
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
                context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Response.Headers["Referrer-Policy"] = "no-referrer";
                await next(context);
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
        if (options.SiteFolder is { } site && Directory.Exists(site))
        {
            var files = new PhysicalFileProvider(Path.GetFullPath(site));
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
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
        app.MapGet(
            "/health",
            async (IResponseStore health) =>
                Results.Json(
                    new
                    {
                        status = "ok",
                        store = health.Kind,
                        responses = await health.CountAsync(null, default),
                    }
                )
        );
        app.Lifetime.ApplicationStopped.Register(() =>
            store.DisposeAsync().AsTask().GetAwaiter().GetResult()
        );
        return app;
    }
}
