using System.CommandLine;
using System.IO;
using System.Linq;
using SurveyKit.Cli.Starter;
using SurveyKit.Core;

namespace SurveyKit.Cli.Commands;

/// <summary><c>surveykit new &lt;id&gt;</c>: a starter survey that passes the check, to edit from there.</summary>
internal static class NewCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("id")
        {
            Description =
                "The survey id: lowercase letters, digits and '-', starting with a letter (for example klantloyaliteit).",
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "The folder to write <id>.survey.yaml in.",
            DefaultValueFactory = _ => ".",
        };
        var languages = new Option<string[]>("--languages", "-l")
        {
            Description = "The languages, the first being the default: nl, en or both.",
            DefaultValueFactory = _ => ["nl", "en"],
            AllowMultipleArgumentsPerToken = true,
        };
        var force = new Option<bool>("--force", "-f")
        {
            Description = "Overwrite the file when it exists.",
        };
        var command = new Command(
            "new",
            "Write a starter loyalty survey, <id>.survey.yaml, that passes 'surveykit check'."
        )
        {
            id,
            output,
            languages,
            force,
        };
        command.SetAction(result =>
            Run(
                context,
                result.GetValue(id)!,
                result.GetValue(output)!,
                result.GetValue(languages)!,
                result.GetValue(force)
            )
        );
        return command;
    }

    public static int Run(
        CliContext context,
        string id,
        string folder,
        string[] languages,
        bool force
    )
    {
        if (!SurveyLoader.IsValidSurveyId(id))
        {
            context.Error.WriteLine(
                $"surveykit new: '{id}' is not a survey id: start with a lowercase letter and use only a-z, 0-9 and '-'."
            );
            return ExitCodes.Usage;
        }
        var chosen = languages
            .SelectMany(l => l.Split(','))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)
            .Distinct()
            .ToList();
        var unknown = chosen.FirstOrDefault(l => !StarterSurvey.Languages.Contains(l));
        if (unknown is not null || chosen.Count == 0)
        {
            context.Error.WriteLine(
                $"surveykit new: the starter is written in {string.Join(" and ", StarterSurvey.Languages)}; '{unknown}' is not one of them. "
                    + "Start from one of these and add your language to 'languages' and to every text."
            );
            return ExitCodes.Usage;
        }
        var path = Path.Combine(context.Resolve(folder), id + SurveyLoader.FileSuffix);
        if (File.Exists(path) && !force)
        {
            context.Error.WriteLine(
                $"surveykit new: {context.Display(path)} exists already; pass --force to overwrite it."
            );
            return ExitCodes.Errors;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(
            path,
            StarterSurvey.Write(id, chosen, FindSchema(Path.GetDirectoryName(path)!))
        );
        context.Output.WriteLine(
            $"Wrote {context.Display(path)}. Edit it, then run: surveykit check {context.Display(path)}"
        );
        return ExitCodes.Success;
    }

    // The repository's schema/survey.schema.json, found upwards from the new file, so editors autocomplete it.
    private static string? FindSchema(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var schema = Path.Combine(dir.FullName, "schema", "survey.schema.json");
            if (File.Exists(schema))
            {
                return Path.GetRelativePath(folder, schema).Replace('\\', '/');
            }
        }
        return null;
    }
}
