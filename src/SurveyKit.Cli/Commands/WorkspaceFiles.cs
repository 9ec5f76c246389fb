using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SurveyKit.Core;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Text;
using SurveyKit.Core.Workspace;

namespace SurveyKit.Cli.Commands;

/// <summary>A workspace as the commands see it: its configuration and the survey files it names.</summary>
internal sealed record Workspace(WorkspaceConfig Config, IReadOnlyList<string> Files);

/// <summary>Finds the workspace of a command: surveykit.json (named, or in the working folder), or the defaults.</summary>
internal static class WorkspaceFiles
{
    /// <summary>
    /// Reads <paramref name="configPath"/> (or surveykit.json in the working folder, when it exists) and finds its survey
    /// files. Without a configuration the workspace is the working folder with the defaults. Null when the
    /// configuration has errors, which are in <paramref name="diagnostics"/>.
    /// </summary>
    public static Workspace? Load(
        CliContext context,
        string? configPath,
        List<Diagnostic> diagnostics
    )
    {
        var path = context.Resolve(configPath ?? WorkspaceConfig.FileName);
        WorkspaceConfig config;
        if (configPath is null && !File.Exists(path))
        {
            config = WorkspaceConfig.Default(context.WorkingDirectory);
        }
        else
        {
            var loaded = WorkspaceLoader.Load(path, context.Display(path));
            diagnostics.AddRange(loaded.Diagnostics);
            if (loaded.Config is null)
            {
                return null;
            }
            config = loaded.Config;
        }
        var bag = new DiagnosticBag(context.Display(path));
        var files = WorkspaceLoader.FindSurveyFiles(config, bag).ToList();
        diagnostics.AddRange(bag.ToSortedArray());
        return new Workspace(config, files);
    }

    /// <summary>
    /// The one survey a command works on (sample, analyze, export), checked; its diagnostics are printed, and null
    /// means it has errors.
    /// </summary>
    public static Core.Model.Survey? LoadSurvey(CliContext context, string surveyPath)
    {
        // Arguments in the wrong order would otherwise meet the YAML checker ("not valid UTF-8", "too large").
        if (
            SubmissionExtensions.Any(e =>
                surveyPath.EndsWith(e, StringComparison.OrdinalIgnoreCase)
            )
        )
        {
            context.Error.WriteLine(
                $"surveykit: '{surveyPath}' holds submissions, not a survey; the survey file (*{SurveyLoader.FileSuffix}) comes first."
            );
            return null;
        }
        var set = SurveySet.Load([(context.Resolve(surveyPath), surveyPath)]);
        var (errors, _) = DiagnosticPrinter.Print(context, set.Diagnostics, false);
        return errors > 0 ? null : set.Surveys.FirstOrDefault();
    }

    private static readonly string[] SubmissionExtensions =
    [
        ".jsonl",
        ".json",
        ".csv",
        ".db",
        ".sqlite",
        ".parquet",
    ];

    /// <summary>The survey files below <paramref name="folder"/>; a warning when there are none.</summary>
    public static List<string> Below(
        CliContext context,
        string folder,
        string shownAs,
        List<Diagnostic> diagnostics
    )
    {
        var files = WorkspaceLoader
            .EnumerateFiles(folder)
            .Where(f => f.EndsWith(SurveyLoader.FileSuffix, System.StringComparison.Ordinal))
            .ToList();
        if (files.Count == 0)
        {
            diagnostics.Add(
                DiagnosticDescriptors.NoSurveysFound.At(
                    context.Display(folder),
                    SourceSpan.FileStart,
                    shownAs + "/**/*" + SurveyLoader.FileSuffix
                )
            );
        }
        return files;
    }
}
