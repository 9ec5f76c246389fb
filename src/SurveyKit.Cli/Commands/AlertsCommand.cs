using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using SurveyKit.Collector.Alerts;
using SurveyKit.Collector.Storage;

namespace SurveyKit.Cli.Commands;

/// <summary>
/// <c>surveykit alerts</c>: the alert outbox of a collector's database (pending, delivered, dead-lettered, with the
/// last error and the next try); <c>alerts retry</c> re-queues the dead ones; <c>alerts new-secret</c> writes a webhook
/// secret file.
/// </summary>
internal static class AlertsCommand
{
    public static Command Create(CliContext context)
    {
        var database = DatabaseOption();
        var status = new Option<string?>("--status")
        {
            Description = "Only alerts in this state: pending, delivered, dead or gone.",
        };
        status.AcceptOnlyFromAmong("pending", "delivered", "dead", "gone");
        var limit = new Option<int>("--limit")
        {
            Description = "How many alerts to list, newest first.",
            DefaultValueFactory = _ => 20,
        }.NotNegative();
        var command = new Command(
            "alerts",
            "Show the alert outbox of a collector's database: pending, delivered and dead-lettered alerts."
        )
        {
            database,
            status,
            limit,
        };
        command.SetAction(result =>
            Run(
                context,
                result.GetValue(database)!,
                store => List(context, store, result.GetValue(status), result.GetValue(limit))
            )
        );
        var retryDatabase = DatabaseOption();
        var retry = new Command(
            "retry",
            "Put dead-lettered alerts back in the queue, with a new 24 hours of tries."
        )
        {
            retryDatabase,
        };
        retry.SetAction(result =>
            Run(
                context,
                result.GetValue(retryDatabase)!,
                async store =>
                {
                    var count = await store.RequeueDeadAlertsAsync(DateTimeOffset.UtcNow, default);
                    context.Output.WriteLine(
                        count == 0
                            ? "No dead-lettered alerts: nothing to retry."
                            : $"Re-queued {count} alert{(count == 1 ? "" : "s")}; a running collector with --alerts sends them within a second."
                    );
                    return ExitCodes.Success;
                }
            )
        );
        var file = new Argument<string>("file")
        {
            Description = "The secret file to write, such as cx-hook.secret.",
        };
        var newSecret = new Command(
            "new-secret",
            "Write a new webhook secret (whsec_ and 32 random bytes in base64) to a file that only you can read."
        )
        {
            file,
        };
        newSecret.SetAction(result => NewSecret(context, result.GetValue(file)!));
        command.Add(retry);
        command.Add(newSecret);
        return command;
    }

    private static Option<string> DatabaseOption() =>
        new("--db")
        {
            Description = "The collector's SQLite file or PostgreSQL connection string.",
            DefaultValueFactory = _ => "responses.db",
        };

    private static int Run(
        CliContext context,
        string database,
        Func<IResponseStore, Task<int>> action
    )
    {
        var isPostgres = IResponseStore.IsPostgres(database);
        if (OptionRules.MissingDatabase(database, context.Resolve(database)) is { } missing)
        {
            context.Error.WriteLine("surveykit alerts: " + missing);
            return ExitCodes.Errors;
        }
        return Open(isPostgres ? database : context.Resolve(database), action)
            .GetAwaiter()
            .GetResult();
    }

    private static async Task<int> Open(string database, Func<IResponseStore, Task<int>> action)
    {
        await using var store = IResponseStore.Open(database);
        await store.InitializeAsync(default);
        return await action(store);
    }

    private static async Task<int> List(
        CliContext context,
        IResponseStore store,
        string? status,
        int limit
    )
    {
        var counts = await store.CountAlertsAsync(default);
        var now = DateTimeOffset.UtcNow;
        var oldest = counts.OldestPending is { } at ? $" (oldest {Age(now - at)} old)" : "";
        context.Output.WriteLine(
            $"{counts.Pending} pending{oldest}, {counts.Delivered} delivered, {counts.Dead} dead-lettered."
        );
        var entries = await store.ListAlertsAsync(status, limit, default);
        if (entries.Count == 0)
        {
            return ExitCodes.Success;
        }
        context.Output.WriteLine();
        foreach (var entry in entries)
        {
            var when = entry.Status switch
            {
                OutboxStatus.Pending => entry.NextAttempt is { } next
                    ? next <= now
                        ? "due now"
                        : $"next try in {Age(next - now)}"
                    : "",
                OutboxStatus.Delivered => entry.DeliveredAt is { } delivered
                    ? $"after {Age(delivered - entry.CreatedAt)}"
                    : "",
                _ => "",
            };
            context.Output.WriteLine(
                string.Join(
                    "  ",
                    new[]
                    {
                        entry.CreatedAt.UtcDateTime.ToString(
                            "yyyy-MM-dd HH:mm:ss",
                            CultureInfo.InvariantCulture
                        ),
                        entry.Status,
                        $"{entry.Survey}/{entry.Alert}",
                        $"{entry.Channel} {entry.Target}",
                        $"{entry.Attempts} attempt{(entry.Attempts == 1 ? "" : "s")}",
                        when,
                    }.Where(s => s.Length > 0)
                )
            );
            if (entry.LastError is { } error && entry.Status != OutboxStatus.Delivered)
            {
                context.Output.WriteLine("    last error: " + error);
            }
        }
        if (counts.Dead > 0)
        {
            context.Output.WriteLine();
            context.Output.WriteLine(
                "Dead-lettered alerts are not sent again on their own: fix the target, then run surveykit alerts retry."
            );
        }
        return ExitCodes.Success;
    }

    private static string Age(TimeSpan span) =>
        span.TotalSeconds < 1 ? $"{Math.Max(0, span.TotalMilliseconds):0} ms"
        : span.TotalSeconds < 90 ? $"{span.TotalSeconds:0} s"
        : span.TotalMinutes < 90 ? $"{span.TotalMinutes:0} min"
        : $"{span.TotalHours:0.#} h";

    private static int NewSecret(CliContext context, string file)
    {
        var path = context.Resolve(file);
        if (!OptionRules.WriteOwnerOnly(path, WebhookSignature.NewSecret()))
        {
            context.Error.WriteLine(
                $"surveykit alerts new-secret: '{file}' exists; a new secret would break the receivers that use it. Choose another file."
            );
            return ExitCodes.Errors;
        }
        context.Output.WriteLine(
            $"Wrote a new webhook secret to {context.Display(path)}; give the same file's text to the receiver, and name the file in alerts.json as secretFile."
        );
        return ExitCodes.Success;
    }
}
