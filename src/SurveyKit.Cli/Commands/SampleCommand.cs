using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using SurveyKit.Analysis.Sampling;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;
using SurveyKit.Core.Workspace;
using SurveyKit.Submissions;

namespace SurveyKit.Cli.Commands;

/// <summary><c>surveykit sample</c>: realistic synthetic submissions, so a new user sees a full report in a minute.</summary>
internal static class SampleCommand
{
    public static Command Create(CliContext context)
    {
        var survey = new Argument<string>("survey")
        {
            Description = "The survey file (*.survey.yaml).",
        };
        var count = new Option<int>("--n")
        {
            Description = "How many submissions.",
            DefaultValueFactory = _ => 1000,
        }.Positive();
        var seed = new Option<int>("--seed")
        {
            Description = "The same seed gives the same submissions.",
            DefaultValueFactory = _ => 1,
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "The file to write: .jsonl (JSON Lines) or .csv (the CSV export).",
            Required = true,
        }.Extension(".jsonl", ".csv");
        var drivers = new Option<string?>("--drivers")
        {
            Description =
                "The planted driver structure as id=weight pairs, e.g. service=0.5,delivery=0.3 "
                + "(default: descending weights, the first driver matters most).",
        };
        var command = new Command("sample", "Write realistic synthetic submissions for a survey.")
        {
            survey,
            count,
            seed,
            output,
            drivers,
        };
        command.SetAction(result =>
            Run(
                context,
                result.GetValue(survey)!,
                result.GetValue(count),
                result.GetValue(seed),
                result.GetValue(output)!,
                result.GetValue(drivers)
            )
        );
        return command;
    }

    public static int Run(
        CliContext context,
        string surveyPath,
        int count,
        int seed,
        string output,
        string? drivers
    )
    {
        if (count < 0)
        {
            context.Error.WriteLine("surveykit sample: --n is a number of submissions, 0 or more.");
            return ExitCodes.Usage;
        }
        if (!TryParseWeights(drivers, out var weights, out var problem))
        {
            context.Error.WriteLine("surveykit sample: " + problem);
            return ExitCodes.Usage;
        }
        if (WorkspaceFiles.LoadSurvey(context, surveyPath) is not { } definition)
        {
            return ExitCodes.Errors;
        }
        IEnumerable<SampleResponse> responses;
        try
        {
            responses = SampleGenerator.Generate(
                definition,
                new SampleOptions(count, seed, weights)
            );
        }
        catch (ArgumentException exception)
        {
            context.Error.WriteLine("surveykit sample: " + exception.Message);
            return ExitCodes.Usage;
        }
        var path = context.Resolve(output);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Write(definition, responses, path);
        context.Output.WriteLine(
            $"Wrote {DiagnosticPrinter.Count(count, "submission")} of {definition.Id} to {context.Display(path)}."
        );
        return ExitCodes.Success;
    }

    internal static void Write(Survey survey, IEnumerable<SampleResponse> responses, string path)
    {
        var csv = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            ? new CsvExport(survey)
            : null;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16)
        {
            NewLine = csv is null ? "\n" : "\r\n",
        };
        if (csv is not null)
        {
            // Synthetic people: the contact columns are written so that the follow-up list has something to show.
            writer.WriteLine(csv.Header(includePersonalData: true));
        }
        foreach (var response in responses)
        {
            if (csv is null)
            {
                writer.WriteLine(
                    SubmissionJson.Write(
                        new Submission(response.Data, response.SubmittedAt, response.DurationMs),
                        null
                    )
                );
            }
            else
            {
                var at = response.SubmittedAt.ToString("o", CultureInfo.InvariantCulture);
                writer.WriteLine(
                    csv.Record(new CsvExport.Row(response.Data, at, response.DurationMs), true)
                );
            }
        }
    }

    private static bool TryParseWeights(
        string? text,
        out IReadOnlyDictionary<string, double>? weights,
        out string problem
    )
    {
        weights = null;
        problem = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        var parsed = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (
            var pair in text.Split(
                ',',
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
            )
        )
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (
                parts.Length != 2
                || !double.TryParse(
                    parts[1],
                    NumberStyles.Float,
                    CultureInfo.InvariantCulture,
                    out var weight
                )
                || weight < 0
            )
            {
                problem =
                    $"--drivers takes id=weight pairs with weights of 0 or more, such as service=0.5; '{pair}' is not one.";
                return false;
            }
            parsed[parts[0]] = weight;
        }
        weights = parsed;
        return true;
    }
}
