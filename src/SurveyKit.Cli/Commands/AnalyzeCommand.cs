using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using SurveyKit.Analysis.Data;
using SurveyKit.Analysis.Report;
using SurveyKit.Analysis.Scoring;
using SurveyKit.Analysis.Statistics;
using SurveyKit.Collector.Storage;
using SurveyKit.Core.Workspace;

namespace SurveyKit.Cli.Commands;

/// <summary>
/// <c>surveykit analyze</c>: scores submissions (JSON Lines, the CSV export, or a collector's database) and writes
/// report.html, report.md, summary.json, the scored table as CSV and Parquet, and the follow-up list.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create(CliContext context)
    {
        var survey = new Argument<string>("survey")
        {
            Description = "The survey file (*.survey.yaml).",
        };
        var inputs = new Argument<string[]>("submissions")
        {
            Description =
                "Files of submissions (.jsonl, .csv) or a collector database (a SQLite file or a PostgreSQL connection string).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "The folder to write the report to.",
            DefaultValueFactory = _ => "report",
        };
        var interval = new Option<string>("--interval")
        {
            Description = "The NPS interval: adjusted-wald, wald, score or bootstrap.",
            DefaultValueFactory = _ => "adjusted-wald",
        };
        var tables = new Option<bool>("--tables")
        {
            Description =
                "Also write the scored responses as responses.csv and responses.parquet (for warehouse engines).",
        };
        var timings = new Option<bool>("--timings")
        {
            Description = "Print how long reading, scoring and each output file took.",
        };
        var templates = new Option<string?>("--templates")
        {
            Description =
                "A templates folder whose report/ files replace the built-in report templates (default: the templates folder of surveykit.json here, when there is one).",
        };
        var definitions = new Option<string[]>("--definition")
        {
            Description =
                "An earlier version of the survey as N=path/to/file.survey.yaml, where the file's git history does not have it (repeatable).",
            AllowMultipleArgumentsPerToken = true,
        };
        var by = new Option<string?>("--by")
        {
            Description =
                "The periods of the trend: month, quarter, week, version or wave (default: quarter when the responses span more than one quarter).",
        };
        by.AcceptOnlyFromAmong("month", "quarter", "week", "version", "wave", "none");
        var command = new Command("analyze", "Score submissions and write the report.")
        {
            survey,
            inputs,
            output,
            interval,
            tables,
            timings,
            templates,
            definitions,
            by,
        };
        command.SetAction(result =>
            Run(
                context,
                result.GetValue(survey)!,
                result.GetValue(inputs)!,
                result.GetValue(output)!,
                result.GetValue(interval)!,
                result.GetValue(timings),
                result.GetValue(tables),
                result.GetValue(templates),
                result.GetValue(definitions) ?? [],
                result.GetValue(by)
            )
        );
        return command;
    }

    public static int Run(
        CliContext context,
        string surveyPath,
        string[] inputs,
        string output,
        string interval,
        bool timings = false,
        bool tables = false,
        string? templatesFolder = null,
        string[]? definitions = null,
        string? by = null
    )
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var phases = new PhaseTimings(context, timings);
        void Time(string step, TimeSpan elapsed) => phases.Print(step, elapsed);
        IntervalMethod? method = interval switch
        {
            "adjusted-wald" => IntervalMethod.AdjustedWald,
            "wald" => IntervalMethod.Wald,
            "score" => IntervalMethod.Score,
            "bootstrap" => IntervalMethod.Bootstrap,
            _ => null,
        };
        if (method is null)
        {
            context.Error.WriteLine(
                $"surveykit analyze: the interval is adjusted-wald, wald, score or bootstrap, not '{interval}'."
            );
            return ExitCodes.Usage;
        }
        if (WorkspaceFiles.LoadSurvey(context, surveyPath) is not { } definition)
        {
            return ExitCodes.Errors;
        }
        var trendBy = by switch
        {
            null => TrendBy.Auto,
            "month" => TrendBy.Month,
            "quarter" => TrendBy.Quarter,
            "week" => TrendBy.Week,
            "version" => TrendBy.Version,
            "wave" => TrendBy.Wave,
            _ => TrendBy.None,
        };
        if (trendBy == TrendBy.Wave && definition.Analysis?.Wave is null)
        {
            context.Error.WriteLine(
                $"surveykit analyze: --by wave needs the survey to name its wave: add `analysis: {{ wave: <context field> }}` to {context.Display(context.Resolve(surveyPath))}."
            );
            return ExitCodes.Usage;
        }
        if (Templates(context, templatesFolder) is not { } reportTemplates)
        {
            return ExitCodes.Errors;
        }
        if (Versions(context, surveyPath, definition, definitions ?? []) is not { } maps)
        {
            return ExitCodes.Errors;
        }
        var builder = new ResponseTableBuilder(AnalysisPlan.For(definition, maps));
        Time("survey", clock.Elapsed);
        clock.Restart();
        // A collector's database also holds what it did with the alerts: the report's follow-up view.
        var alerts = new List<AlertDelivery>();
        var invited = new List<InvitedCustomer>();
        foreach (var input in inputs)
        {
            var error = Read(context, builder, input, alerts, invited).GetAwaiter().GetResult();
            if (error is not null)
            {
                context.Error.WriteLine("surveykit analyze: " + error);
                return ExitCodes.Errors;
            }
        }
        var table = builder.Build();
        Time("read", clock.Elapsed);
        clock.Restart();
        var result = SurveyAnalyzer.Analyze(
            table,
            new AnalysisOptions
            {
                Interval = method.Value,
                By = trendBy,
                InvitedShares =
                    invited.Count == 0
                        ? null
                        : InvitedPopulation.Shares(
                            invited,
                            (definition.Analysis?.Weights ?? default)
                                .Where(w => w.FromInvited)
                                .Select(w => w.Variable.Id)
                        ),
                Timing = (part, elapsed) => Time("  " + part, elapsed),
            }
        ) with
        {
            Alerts = inputs.Any(IsDatabase) ? AlertActivity.Of(alerts) : null,
            // Broken down by the context fields the analysis segments by, else by every context field with values.
            Invitations =
                invited.Count == 0
                    ? null
                    : InvitationActivity.Of(
                        invited,
                        definition
                            .Context.Where(c =>
                                definition.Analysis?.Segments.Any(s => s.Id == c.Id)
                                ?? c.Values.Count > 0
                            )
                            .Select(c => c.Id)
                    ),
        };
        Time("score", clock.Elapsed);
        var folder = context.Resolve(output);
        IReadOnlyList<string> written;
        try
        {
            written = ReportFiles.Write(result, folder, tables, Time, reportTemplates);
        }
        catch (ReportTemplateException exception)
        {
            DiagnosticPrinter.Print(context, [exception.Diagnostic], false);
            context.Output.WriteLine("No report written: a report template failed.");
            return ExitCodes.Errors;
        }

        foreach (var rejection in table.Rejections.Take(5))
        {
            context.Error.WriteLine(
                $"{rejection.Source}({rejection.Line}): warning: {rejection.Reason}; not scored"
            );
        }
        if (table.Rejected > 5)
        {
            context.Error.WriteLine(
                $"... and {table.Rejected - 5:N0} more; the report lists them."
            );
        }
        if (table.UnknownColumns.Count > 0)
        {
            context.Error.WriteLine(
                $"warning: the input has columns that are not the survey's, left out: {string.Join(", ", table.UnknownColumns.Take(10).Select(c => Core.Text.Excerpt.Of(c)))}{(table.UnknownColumns.Count > 10 ? ", ..." : "")}"
            );
        }
        if (table.LeftOut.Count > 0)
        {
            context.Error.WriteLine(
                $"warning: the input left out personal data ({string.Join(", ", table.LeftOut)}), so the follow-up list has no contact details; export with --personal to include them."
            );
        }
        foreach (var (version, count) in table.VersionCounts)
        {
            if (version != definition.Version && !maps.ContainsKey(version))
            {
                context.Error.WriteLine(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"warning: {count:N0} responses are to version {version}, whose definition is not in the file's git history; they are scored on what they share with version {definition.Version}. Give it with --definition {version}=path/to/version-{version}.survey.yaml to map them."
                    )
                );
            }
        }
        if (
            result.Accounts is { Accounts: 0, WithoutAccount: > 0 }
            && table.Plan.Account is { } account
        )
        {
            context.Error.WriteLine(
                $"warning: no response names its account ('{account.Id}'), so there is no roll-up per account{(account.Pii ? "; it is personal data: export with --personal to include it" : "")}."
            );
        }
        var nps = result.Nps;
        context.Output.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Read {table.Read:N0}: scored {table.Count:N0}, rejected {table.Rejected:N0} ({table.Duplicates:N0} duplicates)."
            )
        );
        if (nps.N > 0)
        {
            context.Output.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"NPS {Round(nps.Value):+0.0;-0.0;0.0} (95% interval {Round(nps.Ci95.Low):+0.0;-0.0;0.0} to {Round(nps.Ci95.High):+0.0;-0.0;0.0}, n = {nps.N:N0})."
                )
            );
        }
        context.Output.WriteLine(
            $"Wrote {string.Join(", ", written.Select(Path.GetFileName))} to {context.Display(folder)}."
        );
        if (table.Count == 0)
        {
            // A report of nothing is written (it lists what was rejected), but a script must notice.
            context.Error.WriteLine(
                table.Read == 0
                    ? "surveykit analyze: the input holds no responses."
                    : "surveykit analyze: no response could be scored; the reasons are above and in the report. Are these submissions to this survey?"
            );
            return ExitCodes.Errors;
        }
        return ExitCodes.Success;
    }

    // The report's templates: the built-in ones, with a workspace's report/ overrides (named, or surveykit.json's).
    private static ReportTemplates? Templates(CliContext context, string? folder)
    {
        if (folder is null)
        {
            var config = context.Resolve(WorkspaceConfig.FileName);
            if (File.Exists(config) && WorkspaceLoader.Load(config).Config is { } workspace)
            {
                folder = Path.Combine(workspace.Root, workspace.Templates);
            }
        }
        else
        {
            folder = context.Resolve(folder);
        }
        var diagnostics = new List<Core.Diagnostics.Diagnostic>();
        var templates = ReportTemplates.Load(folder, context.Display, diagnostics);
        if (DiagnosticPrinter.Print(context, diagnostics, false).Errors > 0)
        {
            context.Output.WriteLine("No report written: the report templates have errors.");
            return null;
        }
        return templates;
    }

    /// <summary>
    /// The maps from the survey's earlier versions to this one: each version as in the last commit of the file that had
    /// it (git), or as given with --definition N=path. Null (after saying why) when a given definition is wrong.
    /// </summary>
    private static Dictionary<int, Core.Versions.VersionMap>? Versions(
        CliContext context,
        string surveyPath,
        Core.Model.Survey current,
        string[] given
    )
    {
        var history = History.SurveyHistory.Load(context.Resolve(surveyPath));
        var versions = history
            .Versions.Where(v => v.Key < current.Version)
            .ToDictionary(v => v.Key, v => v.Value);
        foreach (var item in given)
        {
            var split = item.IndexOf('=', StringComparison.Ordinal);
            if (
                split <= 0
                || !int.TryParse(item[..split], CultureInfo.InvariantCulture, out var number)
            )
            {
                context.Error.WriteLine(
                    $"surveykit analyze: --definition takes N=path/to/file.survey.yaml (the survey as it was in version N), not '{item}'."
                );
                return null;
            }
            if (WorkspaceFiles.LoadSurvey(context, item[(split + 1)..]) is not { } old)
            {
                return null;
            }
            if (old.Version != number || old.Id != current.Id)
            {
                context.Error.WriteLine(
                    $"surveykit analyze: {item[(split + 1)..]} is version {old.Version} of '{old.Id}', not version {number} of '{current.Id}'."
                );
                return null;
            }
            versions[number] = old;
        }
        var ordered = versions.OrderBy(v => v.Key).Select(v => v.Value).Append(current).ToList();
        return ordered
            .Take(ordered.Count - 1)
            .Select((old, i) => Core.Versions.VersionMap.Across(ordered.Skip(i).ToList()))
            .ToDictionary(m => m.From);
    }

    /// <summary>Rounded as the report rounds, so the console and the report never differ in the last digit.</summary>
    private static double Round(double value) =>
        Math.Round(value, 1, MidpointRounding.AwayFromZero) + 0.0; // never "-0.0"

    /// <summary>Reads one input into the builder; returns why it cannot be read at all, or null.</summary>
    private static async Task<string?> Read(
        CliContext context,
        ResponseTableBuilder builder,
        string input,
        List<AlertDelivery> alerts,
        List<InvitedCustomer> invited
    )
    {
        if (IsDatabase(input))
        {
            return await ReadDatabase(context, builder, input, alerts, invited);
        }
        var path = context.Resolve(input);
        if (!File.Exists(path))
        {
            return $"the file '{input}' does not exist.";
        }
        using var stream = new FileStream(
            path,
            FileMode.Open,
            FileAccess.Read,
            FileShare.Read,
            1 << 16
        );
        if (InputSniffer.NotSubmissions(path, stream) is { } kind)
        {
            return $"'{input}' is {kind}, not submissions: analyze reads JSON Lines (.jsonl), the CSV export (.csv) or a collector's database. Nothing was written.";
        }
        using var progress = new ProgressLine(context, context.Display(path), stream.Length);
        builder.Progress = progress.Report;
        try
        {
            if (IsCsv(path, stream))
            {
                builder.ReadCsv(stream, context.Display(path));
            }
            else
            {
                builder.ReadJsonLines(stream, context.Display(path));
            }
        }
        catch (UnreadableInputException exception)
        {
            return $"'{input}' cannot be read: {exception.Message}";
        }
        finally
        {
            builder.Progress = null;
        }
        return null;
    }

    private static async Task<string?> ReadDatabase(
        CliContext context,
        ResponseTableBuilder builder,
        string input,
        List<AlertDelivery> alerts,
        List<InvitedCustomer> invited
    )
    {
        var isPostgres = IResponseStore.IsPostgres(input);
        var database = isPostgres ? input : context.Resolve(input);
        if (OptionRules.MissingDatabase(input, database) is { } missing)
        {
            return missing;
        }
        var source = isPostgres ? "postgresql" : context.Display(database);
        await using var store = IResponseStore.Open(database);
        try
        {
            await store.InitializeAsync(default);
            await ReadStore(store, builder, source);
            await foreach (
                var (invitation, responded) in store.ReadInvitationsAsync(
                    builder.Plan.Survey.Id,
                    default
                )
            )
            {
                invited.Add(new InvitedCustomer(invitation, responded));
            }
            await foreach (var entry in store.ReadAlertsAsync(builder.Plan.Survey.Id, default))
            {
                alerts.Add(
                    new AlertDelivery(
                        entry.Alert,
                        entry.ResponseId,
                        entry.Status,
                        entry.DeliveredAt is { } at ? (at - entry.CreatedAt).TotalSeconds : null
                    )
                );
            }
        }
        catch (Exception exception)
            when (exception is Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
        {
            return $"the database '{source}' cannot be read: {exception.Message}";
        }
        return null;
    }

    /// <summary>Every stored response of the builder's survey, in the order stored; the row number stands for a line.</summary>
    internal static async Task ReadStore(
        IResponseStore store,
        ResponseTableBuilder builder,
        string source
    )
    {
        long row = 0;
        await foreach (var body in store.ReadAsync(builder.Plan.Survey.Id, default))
        {
            builder.AddJson(Encoding.UTF8.GetBytes(body), source, ++row);
        }
    }

    private static bool IsDatabase(string input) =>
        IResponseStore.IsPostgres(input)
        || input.EndsWith(".db", StringComparison.OrdinalIgnoreCase)
        || input.EndsWith(".sqlite", StringComparison.OrdinalIgnoreCase)
        || input.EndsWith(".sqlite3", StringComparison.OrdinalIgnoreCase);

    /// <summary>By extension; a file with another name is CSV unless it starts like a JSON object.</summary>
    private static bool IsCsv(string path, FileStream stream)
    {
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (
            path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        )
        {
            return false;
        }
        var first = stream.ReadByte();
        stream.Position = 0;
        return first != '{' && first != 0xEF;
    }
}
