using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using SurveyKit.Analysis.Data;
using SurveyKit.Analysis.Report;
using SurveyKit.Analysis.Scoring;
using SurveyKit.Collector.Storage;
using SurveyKit.Core.Responses;
using SurveyKit.Core.Workspace;
using SurveyKit.Submissions;

namespace SurveyKit.Cli.Commands;

/// <summary><c>surveykit export</c>: the responses of one survey from a collector's database, as JSON Lines or CSV.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var database = new Option<string>("--db")
        {
            Description = "The collector's SQLite file or PostgreSQL connection string.",
            Required = true,
        };
        var survey = new Option<string>("--survey")
        {
            Description = "The survey file (*.survey.yaml) whose responses to export.",
            Required = true,
        };
        var format = new Option<string>("--format")
        {
            Description =
                "jsonl, csv, sav (SPSS, the csv's columns with labels), xlsx (Excel: responses, variables and the report's tables), or parquet (the scored table of surveykit analyze --tables).",
            DefaultValueFactory = _ => "jsonl",
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "The file to write.",
            Required = true,
        };
        var personal = new Option<bool>("--personal")
        {
            Description =
                "Include personal data (pii context fields, e-mail answers); without it they are left out of every format.",
        };
        var language = new Option<string?>("--lang")
        {
            Description =
                "The language of the labels (with --format sav or xlsx); default the survey's first.",
        };
        var command = new Command(
            "export",
            "Export the stored responses of a survey from a collector's database."
        )
        {
            database,
            survey,
            format,
            output,
            personal,
            language,
        };
        command.SetAction(result =>
            Run(
                context,
                result.GetValue(database)!,
                result.GetValue(survey)!,
                result.GetValue(format)!,
                result.GetValue(output)!,
                result.GetValue(personal),
                result.GetValue(language)
            )
        );
        return command;
    }

    public static int Run(
        CliContext context,
        string database,
        string surveyPath,
        string format,
        string output,
        bool personal,
        string? language = null
    )
    {
        if (format is not ("jsonl" or "csv" or "sav" or "xlsx" or "parquet"))
        {
            context.Error.WriteLine(
                $"surveykit export: the format is jsonl, csv, sav, xlsx or parquet, not '{format}'."
            );
            return ExitCodes.Usage;
        }
        if (WorkspaceFiles.LoadSurvey(context, surveyPath) is not { } survey)
        {
            return ExitCodes.Errors;
        }
        var isPostgres = IResponseStore.IsPostgres(database);
        // Opening a SQLite file that is not there (or empty) would create a database: refuse instead.
        if (OptionRules.MissingDatabase(database, context.Resolve(database)) is { } missing)
        {
            context.Error.WriteLine("surveykit export: " + missing);
            return ExitCodes.Errors;
        }
        return Export(
                context,
                isPostgres ? database : context.Resolve(database),
                survey,
                format,
                context.Resolve(output),
                personal,
                language
            )
            .GetAwaiter()
            .GetResult();
    }

    private static async Task<int> Export(
        CliContext context,
        string database,
        Core.Model.Survey survey,
        string format,
        string output,
        bool personal,
        string? language
    )
    {
        await using var store = IResponseStore.Open(database);
        await store.InitializeAsync(default);
        if (
            format is "sav" or "xlsx"
            && language is not null
            && !survey.Languages.Contains(language)
        )
        {
            context.Error.WriteLine(
                $"surveykit export: --lang {language} is not one of the survey's languages ({string.Join(", ", survey.Languages)})."
            );
            return ExitCodes.Usage;
        }
        if (format == "sav")
        {
            return await ExportSav(context, store, survey, output, personal, language);
        }
        if (format == "xlsx")
        {
            return await ExportXlsx(context, store, survey, output, personal, language);
        }
        if (format == "parquet")
        {
            var exit = await ExportParquet(context, store, survey, output);
            context.Output.WriteLine(
                "The Parquet table holds the scored measures (grades, classes, segments), never personal data."
            );
            return exit;
        }
        await using var writer = new StreamWriter(output, false, new UTF8Encoding(false))
        {
            NewLine = format == "csv" ? "\r\n" : "\n",
        };
        var csv = format == "csv" ? new CsvExport(survey) : null;
        var leftOut = personal ? [] : PersonalData.Fields(survey);
        if (csv is not null)
        {
            await writer.WriteLineAsync(csv.Header(personal));
        }
        else if (leftOut.Count > 0)
        {
            await writer.WriteLineAsync(PersonalData.NoteLine(survey));
        }
        var count = 0;
        if (csv is not null)
        {
            // The rows of the one wide layout, as the sav and xlsx exports read them.
            await foreach (var row in Rows(store, survey))
            {
                await writer.WriteLineAsync(csv.Record(row, personal));
                count++;
            }
        }
        else
        {
            await foreach (var body in store.ReadAsync(survey.Id, default))
            {
                await writer.WriteLineAsync(
                    personal ? body : SubmissionJson.WithoutPersonal(body, survey)
                );
                count++;
            }
        }
        context.Output.WriteLine(
            $"Exported {DiagnosticPrinter.Count(count, "response")} of {survey.Id} to {context.Display(output)}."
        );
        SayLeftOut(context, survey, personal);
        return ExitCodes.Success;
    }

    /// <summary>
    /// SPSS: the columns of the CSV export with labels, codes and measurement levels. Two passes over the stored
    /// responses, because a string variable's width is written before the data.
    /// </summary>
    private static async Task<int> ExportSav(
        CliContext context,
        IResponseStore store,
        Core.Model.Survey survey,
        string output,
        bool personal,
        string? language
    )
    {
        var export = new Analysis.Spss.SavExport(survey, personal, language);
        await foreach (var row in Rows(store, survey))
        {
            export.Measure(row);
        }
        var count = 0;
        await Written(
            output,
            async stream =>
            {
                using var writer = export.Write(stream);
                await foreach (var row in Rows(store, survey))
                {
                    writer.Add(row);
                    count++;
                }
            }
        );
        context.Output.WriteLine(
            $"Exported {DiagnosticPrinter.Count(count, "response")} of {survey.Id} to {context.Display(output)} (SPSS, labels in {language ?? survey.DefaultLanguage})."
        );
        if (export.Cut > 0)
        {
            context.Output.WriteLine(
                $"{DiagnosticPrinter.Count(export.Cut, "answer")} longer than SPSS's 32,767 bytes {(export.Cut == 1 ? "was" : "were")} cut at a character; the csv and jsonl exports keep {(export.Cut == 1 ? "it" : "them")} whole."
            );
        }
        SayLeftOut(context, survey, personal);
        return ExitCodes.Success;
    }

    /// <summary>
    /// Excel: the responses (streamed), the variables and the report's main tables (from a first pass that scores
    /// them, as the Parquet export does).
    /// </summary>
    private static async Task<int> ExportXlsx(
        CliContext context,
        IResponseStore store,
        Core.Model.Survey survey,
        string output,
        bool personal,
        string? language
    )
    {
        var builder = new ResponseTableBuilder(AnalysisPlan.For(survey));
        await AnalyzeCommand.ReadStore(store, builder, "database");
        var result = SurveyAnalyzer.Analyze(builder.Build());
        var count = 0;
        await Written(
            output,
            stream =>
            {
                Analysis.Spreadsheet.XlsxExport.Write(
                    stream,
                    survey,
                    Rows(store, survey)
                        .ToBlockingEnumerable()
                        .Select(r =>
                        {
                            count++;
                            return r;
                        }),
                    result,
                    personal,
                    language
                );
                return Task.CompletedTask;
            }
        );
        context.Output.WriteLine(
            $"Exported {DiagnosticPrinter.Count(count, "response")} of {survey.Id} to {context.Display(output)} (sheets responses, variables and report; labels in {language ?? survey.DefaultLanguage})."
        );
        SayLeftOut(context, survey, personal);
        return ExitCodes.Success;
    }

    // A file appears whole or not at all: written beside its name and moved there when complete.
    private static async Task Written(string output, Func<Stream, Task> write)
    {
        var temporary = output + ".partial";
        try
        {
            await using (var stream = File.Create(temporary))
            {
                await write(stream);
            }
            File.Move(temporary, output, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    // The stored responses of the survey as rows of the wide layout; bodies that cannot be read are skipped, as in CSV.
    private static async IAsyncEnumerable<CsvExport.Row> Rows(
        IResponseStore store,
        Core.Model.Survey survey
    )
    {
        await foreach (var body in store.ReadAsync(survey.Id, default))
        {
            if (SubmissionJson.Read(Encoding.UTF8.GetBytes(body)).Submission is { } submission)
            {
                yield return new CsvExport.Row(
                    submission.Data,
                    submission.SubmittedAt?.ToString(
                        "o",
                        System.Globalization.CultureInfo.InvariantCulture
                    ),
                    submission.DurationMs
                );
            }
        }
    }

    /// <summary>Parquet: the responses as the analysis scores them (one typed column per measure, no personal data).</summary>
    private static async Task<int> ExportParquet(
        CliContext context,
        IResponseStore store,
        Core.Model.Survey survey,
        string output
    )
    {
        var builder = new ResponseTableBuilder(AnalysisPlan.For(survey));
        await AnalyzeCommand.ReadStore(store, builder, "database");
        var result = SurveyAnalyzer.Analyze(builder.Build());
        await using (var stream = File.Create(output))
        {
            await ScoredTable.WriteParquetAsync(result, stream);
        }
        context.Output.WriteLine(
            $"Exported {DiagnosticPrinter.Count(result.Table.Count, "response")} of {survey.Id} to {context.Display(output)}."
        );
        return ExitCodes.Success;
    }

    // Every format says what it left out, the same way.
    private static void SayLeftOut(CliContext context, Core.Model.Survey survey, bool personal)
    {
        if (!personal && PersonalData.Fields(survey) is { Count: > 0 } leftOut)
        {
            var sentence = PersonalData.Sentence(leftOut);
            context.Output.WriteLine(char.ToUpperInvariant(sentence[0]) + sentence[1..] + ".");
        }
    }
}
