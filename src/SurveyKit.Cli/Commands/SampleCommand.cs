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
        var periods = new Option<string?>("--periods")
        {
            Description =
                "Spread the submissions evenly over these months, e.g. 2026-01..2026-06 (default: 14 days from 5 January 2026).",
        };
        var shifts = new Option<string?>("--shift")
        {
            Description =
                "Planted changes as driver=delta@month pairs, e.g. service=+0.8@2026-04: from that month on the driver is graded 0.8 points higher (needs --periods).",
        };
        var command = new Command("sample", "Write realistic synthetic submissions for a survey.")
        {
            survey,
            count,
            seed,
            output,
            drivers,
            periods,
            shifts,
        };
        command.SetAction(result =>
            Run(
                context,
                result.GetValue(survey)!,
                result.GetValue(count),
                result.GetValue(seed),
                result.GetValue(output)!,
                result.GetValue(drivers),
                result.GetValue(periods),
                result.GetValue(shifts)
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
        string? drivers,
        string? periods = null,
        string? shifts = null
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
        var options = new SampleOptions(count, seed, weights);
        if (periods is not null)
        {
            if (!SampleTime.TryParsePeriods(periods, out var start, out var end, out problem))
            {
                context.Error.WriteLine("surveykit sample: " + problem);
                return ExitCodes.Usage;
            }
            options = options with { Start = start, End = end };
        }
        if (shifts is not null)
        {
            if (periods is null)
            {
                context.Error.WriteLine(
                    "surveykit sample: --shift plants a change at a month, so it needs --periods (e.g. --periods 2026-01..2026-06)."
                );
                return ExitCodes.Usage;
            }
            if (!SampleTime.TryParseShifts(shifts, out var planted, out problem))
            {
                context.Error.WriteLine("surveykit sample: " + problem);
                return ExitCodes.Usage;
            }
            options = options with { Shifts = planted };
        }
        if (WorkspaceFiles.LoadSurvey(context, surveyPath) is not { } definition)
        {
            return ExitCodes.Errors;
        }
        IEnumerable<SampleResponse> responses;
        try
        {
            responses = SampleGenerator.Generate(definition, options);
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
