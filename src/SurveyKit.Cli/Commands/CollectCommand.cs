using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.Extensions.Hosting;
using SurveyKit.Collector;
using SurveyKit.Collector.Alerts;
using SurveyKit.Collector.Storage;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Workspace;

namespace SurveyKit.Cli.Commands;

/// <summary><c>surveykit collect</c>: the collector alone, for production behind a reverse proxy.</summary>
internal static class CollectCommand
{
    public static Command Create(CliContext context)
    {
        var surveys = new Option<string[]>("--survey", "-s")
        {
            Description =
                "Survey files to accept responses for (repeat the option; default: the surveys of surveykit.json).",
            AllowMultipleArgumentsPerToken = true,
        };
        var database = new Option<string>("--db")
        {
            Description =
                "A SQLite file (default: responses.db), or a PostgreSQL connection string such as 'Host=db;Database=surveys;Username=surveykit'.",
        };
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen (default: http://127.0.0.1:5080).",
        };
        var tokenFile = new Option<string?>("--token-file")
        {
            Description =
                "A file holding the bearer token that export needs; without it, responses cannot be read over HTTP.",
        };
        var origins = new Option<string[]>("--allow-origin")
        {
            Description =
                "An origin whose pages may post from a browser, such as https://surveys.example.org (repeatable).",
            AllowMultipleArgumentsPerToken = true,
        }.Origins();
        var alerts = new Option<string?>("--alerts")
        {
            Description =
                "The alerts config (alerts.json: named webhooks with secret files, the SMTP server); without it, alerts wait in the outbox unsent.",
        };
        var invitationKey = new Option<string?>("--invitation-key-file")
        {
            Description =
                "The invitation key (surveykit invite --new-key): personal links are checked, and each invitation takes one response.",
        };
        var rate = new Option<int>("--posts-per-minute")
        {
            Description = "Posts per minute per client address (0: no limit).",
            DefaultValueFactory = _ => 120,
        }.NotNegative();
        var command = new Command(
            "collect",
            "Run the collector: POST /api/responses, GET /api/responses (with the token), GET /health."
        )
        {
            surveys,
            database,
            urls,
            tokenFile,
            origins,
            rate,
            alerts,
            invitationKey,
        };
        command.SetAction(result =>
            Run(
                context,
                result.GetValue(surveys) ?? [],
                new CollectorOptions
                {
                    Surveys = [],
                    Database = result.GetValue(database) ?? "responses.db",
                    Urls = [result.GetValue(urls) ?? "http://127.0.0.1:5080"],
                    AllowedOrigins = result.GetValue(origins) ?? [],
                    PostsPerMinute = result.GetValue(rate),
                },
                result.GetValue(tokenFile),
                result.GetValue(alerts),
                result.GetValue(invitationKey)
            )
        );
        return command;
    }

    /// <summary>Loads the surveys (errors stop it), then runs the collector until Ctrl+C.</summary>
    public static int Run(
        CliContext context,
        IReadOnlyList<string> surveyPaths,
        CollectorOptions options,
        string? tokenFile,
        string? alertsFile = null,
        string? invitationKeyFile = null
    )
    {
        var diagnostics = new List<Diagnostic>();
        IReadOnlyList<string> files;
        string? templates = null;
        if (surveyPaths.Count > 0)
        {
            files = surveyPaths.Select(context.Resolve).ToList();
        }
        else
        {
            var workspace = WorkspaceFiles.Load(context, null, diagnostics);
            files = workspace?.Files ?? [];
            templates = workspace is null
                ? null
                : Path.Combine(workspace.Config.Root, workspace.Config.Templates);
        }
        templates ??= context.Resolve("templates");
        var set = SurveySet.Load(files.Select(f => (f, context.Display(f))));
        diagnostics.AddRange(set.Diagnostics);
        var mail = AlertMail.Load(
            Directory.Exists(templates) ? templates : null,
            context.Display,
            diagnostics
        );
        var (errors, _) = DiagnosticPrinter.Print(context, diagnostics, false);
        if (errors > 0 || !set.Surveys.Any())
        {
            context.Output.WriteLine(
                errors > 0
                    ? "The collector did not start: the surveys have errors."
                    : "The collector did not start: no surveys."
            );
            return ExitCodes.Errors;
        }
        string? token = null;
        if (tokenFile is not null)
        {
            var path = context.Resolve(tokenFile);
            if (!File.Exists(path))
            {
                context.Error.WriteLine(
                    $"surveykit collect: the token file '{tokenFile}' does not exist."
                );
                return ExitCodes.Usage;
            }
            token = File.ReadAllText(path).Trim();
        }
        AlertsConfig? alertsConfig = null;
        if (alertsFile is not null)
        {
            alertsConfig = AlertsConfig.Load(
                context.Resolve(alertsFile),
                set.Surveys,
                context.Display,
                out var problem
            );
            if (alertsConfig is null)
            {
                context.Error.WriteLine($"surveykit collect: {problem}");
                return ExitCodes.Errors;
            }
        }
        byte[]? invitationKey = null;
        if (invitationKeyFile is not null)
        {
            invitationKey = Submissions.Invitations.InvitationToken.ReadKey(
                context.Resolve(invitationKeyFile),
                invitationKeyFile,
                out var keyProblem
            );
            if (invitationKey is null)
            {
                context.Error.WriteLine($"surveykit collect: {keyProblem}");
                return ExitCodes.Errors;
            }
        }
        else if (set.Surveys.FirstOrDefault(s => s.Settings.InvitationRequired) is { } required)
        {
            context.Error.WriteLine(
                $"surveykit collect: survey '{required.Id}' takes responses through personal links only (invitation: required); start with --invitation-key-file and the key surveykit invite signs them with."
            );
            return ExitCodes.Errors;
        }
        var database = IResponseStore.IsPostgres(options.Database)
            ? options.Database
            : context.Resolve(options.Database);
        options = options with
        {
            Surveys = set.Surveys.ToList(),
            Token = token,
            Database = database,
            Alerts = alertsConfig,
            AlertMail = mail,
            InvitationKey = invitationKey,
        };
        var app = CollectorApp.Build(options).GetAwaiter().GetResult();
        app.Start();
        context.Output.WriteLine(
            $"Collecting responses for {string.Join(", ", options.Surveys.Select(s => s.Id))} on {string.Join(", ", app.Urls)} "
                + $"({(IResponseStore.IsPostgres(database) ? "PostgreSQL" : context.Display(database))}). Ctrl+C stops."
        );
        var withAlerts = options.Surveys.Where(s => s.Alerts.Count > 0).Select(s => s.Id).ToList();
        if (alertsConfig is null && withAlerts.Count > 0)
        {
            context.Output.WriteLine(
                $"The alerts of {string.Join(", ", withAlerts)} are kept in the outbox but not sent: start with --alerts alerts.json to send them (docs/alerts.md)."
            );
        }
        else if (alertsConfig is not null)
        {
            context.Output.WriteLine(
                $"Sending alerts: {alertsConfig.Webhooks.Count} webhook{(alertsConfig.Webhooks.Count == 1 ? "" : "s")}"
                    + (
                        alertsConfig.Smtp is { } smtp
                            ? $", mail through {smtp.Host}:{smtp.Port}."
                            : ", no mail."
                    )
            );
        }
        context.Output.Flush();
        app.WaitForShutdown();
        app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return ExitCodes.Success;
    }
}
