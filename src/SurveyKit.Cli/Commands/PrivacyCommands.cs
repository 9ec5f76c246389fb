using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using SurveyKit.Collector.Privacy;
using SurveyKit.Collector.Storage;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Model;
using SurveyKit.Core.Workspace;

namespace SurveyKit.Cli.Commands;

/// <summary>
/// <c>surveykit purge</c> (personal data older than each survey's <c>privacy.retention_days</c>) and
/// <c>surveykit erase --customer ID</c> (one person's personal data, everywhere): each prints a receipt, table by table.
/// </summary>
internal static class PrivacyCommands
{
    public static Command Purge(CliContext context)
    {
        var (database, surveys) = Common();
        var command = new Command(
            "purge",
            "Remove personal data older than each survey's privacy.retention_days from a collector's database."
        )
        {
            database,
            surveys,
        };
        command.SetAction(result =>
            Run(
                context,
                "purge",
                result.GetValue(database)!,
                result.GetValue(surveys) ?? [],
                async (store, loaded) =>
                {
                    var now = DateTimeOffset.UtcNow;
                    foreach (var survey in loaded)
                    {
                        if (await Retention.Purge(store, survey, now, default) is not { } removed)
                        {
                            context.Output.WriteLine(
                                $"{survey.Id}: no privacy.retention_days, so its personal data is kept until erased."
                            );
                            continue;
                        }
                        context.Output.WriteLine(
                            $"{survey.Id}: personal data older than {survey.RetentionDays} days (before {now.AddDays(-survey.RetentionDays!.Value):yyyy-MM-dd}) removed from {Receipt(removed)}."
                        );
                    }
                }
            )
        );
        return command;
    }

    public static Command Erase(CliContext context)
    {
        var (database, surveys) = Common();
        var customer = new Option<string>("--customer")
        {
            Description =
                "The customer's id, as in customers.csv and the surveys' personal context fields.",
            Required = true,
        };
        var command = new Command(
            "erase",
            "Remove one customer's personal data from every table of a collector's database, and print a receipt."
        )
        {
            customer,
            database,
            surveys,
        };
        command.SetAction(result =>
            Run(
                context,
                "erase",
                result.GetValue(database)!,
                result.GetValue(surveys) ?? [],
                async (store, loaded) =>
                {
                    var id = result.GetValue(customer)!;
                    var removed = await Retention.Erase(store, id, loaded, default);
                    context.Output.WriteLine($"Erased the personal data of customer {id}:");
                    context.Output.WriteLine(
                        $"  responses: {removed.Responses} (e-mail answers and personal context fields removed; the anonymous answers kept)"
                    );
                    context.Output.WriteLine(
                        $"  invitations: {removed.Invitations} (customer id and address removed; the dates kept for response rates)"
                    );
                    context.Output.WriteLine(
                        $"  alert deliveries: {removed.Alerts} (their payloads removed)"
                    );
                    context.Output.WriteLine(
                        "  opt-out: kept as a one-way hash of the id, so they are not invited again."
                    );
                }
            )
        );
        return command;
    }

    private static (Option<string> Database, Option<string[]> Surveys) Common() =>
        (
            new Option<string>("--db")
            {
                Description = "The collector's SQLite file or PostgreSQL connection string.",
                DefaultValueFactory = _ => "responses.db",
            },
            new Option<string[]>("--survey", "-s")
            {
                Description =
                    "Survey files (repeat the option; default: the surveys of surveykit.json).",
                AllowMultipleArgumentsPerToken = true,
            }
        );

    private static string Receipt(PersonalDataRemoved removed) =>
        $"{removed.Responses} responses, {removed.Invitations} invitations and {removed.Alerts} alert deliveries";

    private static int Run(
        CliContext context,
        string name,
        string database,
        string[] surveyPaths,
        Func<IResponseStore, IReadOnlyList<Survey>, Task> action
    )
    {
        var diagnostics = new List<Diagnostic>();
        IReadOnlyList<string> files =
            surveyPaths.Length > 0
                ? surveyPaths.Select(context.Resolve).ToList()
                : WorkspaceFiles.Load(context, null, diagnostics)?.Files ?? [];
        var set = SurveySet.Load(files.Select(f => (f, context.Display(f))));
        diagnostics.AddRange(set.Diagnostics);
        var (errors, _) = DiagnosticPrinter.Print(context, diagnostics, false);
        if (errors > 0)
        {
            context.Error.WriteLine(
                $"surveykit {name}: the surveys have errors; nothing was removed."
            );
            return ExitCodes.Errors;
        }
        var isPostgres = IResponseStore.IsPostgres(database);
        var path = isPostgres ? database : context.Resolve(database);
        if (OptionRules.MissingDatabase(database, path) is { } missing)
        {
            context.Error.WriteLine($"surveykit {name}: {missing}");
            return ExitCodes.Errors;
        }
        Task.Run(async () =>
            {
                await using var store = IResponseStore.Open(path);
                await store.InitializeAsync(default);
                await action(store, set.Surveys.ToList());
            })
            .GetAwaiter()
            .GetResult();
        return ExitCodes.Success;
    }
}
