using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using SurveyKit.Core;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Text;
using SurveyKit.Core.Workspace;

namespace SurveyKit.Cli.Commands;

/// <summary><c>surveykit check [paths...]</c>: every mistake in the surveys, at file(line,col), before a respondent sees them.</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description =
                "Survey files (*.survey.yaml) or folders to search recursively. Without paths: the surveys named in "
                + "surveykit.json, or every *.survey.yaml below the current folder.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var warningsAsErrors = new Option<bool>("--warnings-as-errors", "-w")
        {
            Description = "Treat warnings as errors (exit 1 when there are any).",
        };
        var command = new Command(
            "check",
            "Check surveys and print problems as path(line,col): error SK0000: message. Exit code 0: clean, 1: errors, 2: usage."
        )
        {
            paths,
            warningsAsErrors,
        };
        command.SetAction(result =>
            Run(context, result.GetValue(paths) ?? [], result.GetValue(warningsAsErrors))
        );
        return command;
    }

    public static int Run(CliContext context, IReadOnlyList<string> paths, bool warningsAsErrors)
    {
        var setDiagnostics = new List<Diagnostic>();
        var files =
            paths.Count == 0
                ? FromWorkspace(context, setDiagnostics)
                : NamedFiles(context, paths, setDiagnostics);
        var set = SurveySet.Load(files.Select(f => (f, context.Display(f))));
        var all = setDiagnostics.Concat(set.Diagnostics).Concat(HistoryChecks.Check(files, set));
        var (errors, warnings) = DiagnosticPrinter.Print(context, all, warningsAsErrors);
        var surveys = DiagnosticPrinter.Count(files.Count, "survey");
        context.Output.WriteLine(
            $"Checked {surveys}: {DiagnosticPrinter.Count(errors, "error")}, {DiagnosticPrinter.Count(warnings, "warning")}."
        );
        return errors > 0 ? ExitCodes.Errors : ExitCodes.Success;
    }

    private static List<string> FromWorkspace(CliContext context, List<Diagnostic> diagnostics)
    {
        if (!File.Exists(context.Resolve(WorkspaceConfig.FileName)))
        {
            return WorkspaceFiles.Below(context, context.WorkingDirectory, ".", diagnostics);
        }
        return WorkspaceFiles.Load(context, null, diagnostics)?.Files.ToList() ?? [];
    }

    private static List<string> NamedFiles(
        CliContext context,
        IReadOnlyList<string> paths,
        List<Diagnostic> diagnostics
    )
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            var full = context.Resolve(path);
            if (Directory.Exists(full))
            {
                files.AddRange(WorkspaceFiles.Below(context, full, path, diagnostics));
            }
            else if (File.Exists(full))
            {
                files.Add(full);
            }
            else
            {
                diagnostics.Add(
                    DiagnosticDescriptors.FileNotFound.At(path, SourceSpan.FileStart, path)
                );
            }
        }
        return files.Distinct().ToList();
    }
}
