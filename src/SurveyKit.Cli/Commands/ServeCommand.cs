using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SurveyKit.Collector;
using SurveyKit.Collector.Pages;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Workspace;
using SurveyKit.Site;

namespace SurveyKit.Cli.Commands;

/// <summary>
/// <c>surveykit serve</c>: build the site, serve it with the collector on localhost, and rebuild and reload the
/// browser when a survey or a template changes. Responses go to a SQLite file in <c>.surveykit/</c>. The site is built
/// in memory and served from there: its pages load the live-reload script, so they must never land where
/// <c>surveykit build</c> writes the site people are sent to, and nothing on disk can lead a request out of the site.
/// </summary>
internal static class ServeCommand
{
    private const string VersionPath = "/_surveykit/version";

    // Polls the build number; a rebuild changes it and the page reloads (fetch is allowed by the pages' policy).
    private const string ReloadScript =
        "(function(){var v=null;setInterval(function(){fetch('"
        + VersionPath
        + "',{cache:'no-store'}).then(function(r){return r.text()})"
        + ".then(function(t){if(v!==null&&t!==v){location.reload()}v=t}).catch(function(){})},1000)})();";

    public static Command Create(CliContext context)
    {
        var config = new Option<string?>("--config", "-c")
        {
            Description = "The workspace file (default: surveykit.json, or the defaults).",
        };
        var port = new Option<int>("--port", "-p")
        {
            Description = "The port on 127.0.0.1.",
            DefaultValueFactory = _ => 5080,
        };
        var command = new Command(
            "serve",
            "Build the site and serve it with the collector on localhost; rebuild and reload on every change. Ctrl+C stops."
        )
        {
            config,
            port,
        };
        command.SetAction(result => Run(context, result.GetValue(config), result.GetValue(port)));
        return command;
    }

    public static int Run(CliContext context, string? configPath, int port)
    {
        var diagnostics = new List<Diagnostic>();
        var workspace = WorkspaceFiles.Load(context, configPath, diagnostics);
        if (workspace is null)
        {
            DiagnosticPrinter.Print(context, diagnostics, false);
            return ExitCodes.Errors;
        }
        var root = workspace.Config.Root;
        var output = Path.Combine(root, workspace.Config.Output);
        var state = Path.Combine(root, ".surveykit");
        Directory.CreateDirectory(state);
        var build = 0;
        var built = Build(context, workspace, diagnostics);
        if (built is not var (surveys, files))
        {
            return ExitCodes.Errors;
        }
        var site = new SiteContent(files);
        var options = new CollectorOptions
        {
            Surveys = surveys,
            Database = Path.Combine(state, "responses.db"),
            Site = site,
            Urls = [$"http://127.0.0.1:{port}"],
            PostsPerMinute = 0,
        };
        var app = CollectorApp
            .Build(
                options,
                web =>
                {
                    web.MapGet(
                        "/_surveykit/reload.js",
                        () => Results.Text(ReloadScript, "text/javascript")
                    );
                    web.MapGet(
                        VersionPath,
                        () =>
                            Results.Text(
                                Volatile
                                    .Read(ref build)
                                    .ToString(System.Globalization.CultureInfo.InvariantCulture)
                            )
                    );
                }
            )
            .GetAwaiter()
            .GetResult();
        var catalog = app.Services.GetRequiredService<SurveyCatalog>();
        app.Start();
        context.Output.WriteLine(
            $"Serving the surveys with the collector on {app.Urls.First()}/ (responses in {context.Display(options.Database)})."
        );
        foreach (var survey in surveys)
        {
            context.Output.WriteLine(
                $"  {survey.Id}: {app.Urls.First()}{workspace.Config.BaseUrl.TrimEnd('/')}/{survey.Id}/"
            );
        }
        context.Output.WriteLine("Watching the surveys and templates; Ctrl+C stops.");
        context.Output.Flush();
        using var watcher = new FileSystemWatcher(root)
        {
            IncludeSubdirectories = true,
            EnableRaisingEvents = true,
        };
        using var debounce = new Timer(_ =>
        {
            var fresh = WorkspaceFiles.Load(context, configPath, []);
            if (fresh is null)
            {
                return;
            }
            if (Build(context, fresh, []) is var (rebuilt, rebuiltFiles))
            {
                site.Replace(rebuiltFiles);
                catalog.Replace(rebuilt);
                Interlocked.Increment(ref build);
            }
            context.Output.Flush();
        });
        FileSystemEventHandler changed = (_, e) =>
        {
            var full = Path.GetFullPath(e.FullPath);
            if (
                full.StartsWith(Path.GetFullPath(output), StringComparison.Ordinal)
                || full.StartsWith(state, StringComparison.Ordinal)
            )
            {
                return; // our own output
            }
            if (
                full.EndsWith(Core.SurveyLoader.FileSuffix, StringComparison.Ordinal)
                || full.StartsWith(
                    Path.Combine(root, workspace.Config.Templates),
                    StringComparison.Ordinal
                )
                || Path.GetFileName(full) == WorkspaceConfig.FileName
            )
            {
                debounce.Change(200, Timeout.Infinite);
            }
        };
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (s, e) => changed(s, e);
        app.WaitForShutdown();
        app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return ExitCodes.Success;
    }

    // Check and build the site in memory; on errors print them and keep the last good site.
    private static (List<Core.Model.Survey> Surveys, List<(string, byte[])> Files)? Build(
        CliContext context,
        Workspace workspace,
        List<Diagnostic> diagnostics
    )
    {
        var set = SurveySet.Load(workspace.Files.Select(f => (f, context.Display(f))));
        var (errors, _) = DiagnosticPrinter.Print(
            context,
            diagnostics.Concat(set.Diagnostics),
            false
        );
        if (errors > 0)
        {
            context.Output.WriteLine(
                "Not rebuilt: the surveys have errors (the last good site is still served)."
            );
            return null;
        }
        var surveys = set.Surveys.ToList();
        var site = new SiteBuilder(
            SiteOptions.From(workspace.Config) with
            {
                LiveReload = true,
            },
            context.Display
        ).Build(surveys);
        if (!site.Succeeded)
        {
            DiagnosticPrinter.Print(context, site.Diagnostics, false);
            context.Output.WriteLine(
                "Not rebuilt: the templates have errors (the last good site is still served)."
            );
            return null;
        }
        context.Output.WriteLine(
            $"Built {DiagnosticPrinter.Count(surveys.Count, "survey")} ({DiagnosticPrinter.Count(site.Files.Count, "file")}, in memory)."
        );
        return (surveys, site.Files.Select(f => (f.Path, f.Content)).ToList());
    }
}
