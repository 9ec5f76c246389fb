using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Linq;
using SurveyKit.Analysis.Scaffold;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Workspace;
using SurveyKit.Site;

namespace SurveyKit.Cli.Commands;

/// <summary><c>surveykit build</c>: check every survey of the workspace, then write the static site.</summary>
internal static class BuildCommand
{
    public static Command Create(CliContext context)
    {
        var config = new Option<string?>("--config", "-c")
        {
            Description =
                "The workspace file (default: surveykit.json in the current folder, or the built-in defaults).",
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description =
                "Where to write the site (default: 'output' in surveykit.json, which defaults to _site).",
        };
        var verbose = new Option<bool>("--verbose", "-v")
        {
            Description =
                $"List every survey's address and new analysis project (without it: the first {Listed}).",
        };
        var timings = new Option<bool>("--timings")
        {
            Description =
                "Print how long reading the surveys, the checks, rendering, writing and the analysis projects took.",
        };
        var command = new Command(
            "build",
            "Check the surveys, then write the static site (a page per survey and language, a thank-you page, one CSS and one JS file) and an analysis project per survey. Exit code 0: built, 1: errors."
        )
        {
            config,
            output,
            verbose,
            timings,
        };
        command.SetAction(result =>
            Run(
                context,
                result.GetValue(config),
                result.GetValue(output),
                result.GetValue(verbose),
                result.GetValue(timings)
            )
        );
        return command;
    }

    /// <summary>How many surveys (and new analysis projects) are listed without --verbose: a thousand lines help nobody.</summary>
    private const int Listed = 20;

    public static int Run(
        CliContext context,
        string? configPath,
        string? outputPath,
        bool verbose = false,
        bool timings = false
    )
    {
        var clock = Stopwatch.StartNew();
        var phases = new PhaseTimings(context, timings);
        var diagnostics = new List<Diagnostic>();
        var workspace = WorkspaceFiles.Load(context, configPath, diagnostics);
        if (workspace is null)
        {
            DiagnosticPrinter.Print(context, diagnostics, false);
            return ExitCodes.Errors;
        }
        phases.Lap("workspace");
        var set = SurveySet.Load(workspace.Files.Select(f => (f, context.Display(f))));
        diagnostics.AddRange(set.Diagnostics);
        phases.Lap("read and check");
        diagnostics.AddRange(HistoryChecks.Check(workspace.Files, set));
        phases.Lap("history");
        var (errors, warnings) = DiagnosticPrinter.Print(context, diagnostics, false);
        if (errors > 0)
        {
            context.Output.WriteLine(
                $"Build stopped: {DiagnosticPrinter.Count(errors, "error")} in the surveys; nothing was written."
            );
            return ExitCodes.Errors;
        }
        var surveys = set.Surveys.ToList();
        var builder = new SiteBuilder(SiteOptions.From(workspace.Config), context.Display);
        var site = builder.Build(surveys);
        phases.Lap("render");
        if (!site.Succeeded)
        {
            DiagnosticPrinter.Print(context, site.Diagnostics, false);
            context.Output.WriteLine(
                "Build stopped: the site templates have errors; nothing was written."
            );
            return ExitCodes.Errors;
        }
        var folder = outputPath is null
            ? Path.GetFullPath(Path.Combine(workspace.Config.Root, workspace.Config.Output))
            : context.Resolve(outputPath);
        var changed = SiteWriter.Write(folder, site.Files);
        phases.Lap("write");
        var pages = surveys.Sum(s => s.Languages.Count);
        context.Output.WriteLine(
            $"Built {DiagnosticPrinter.Count(surveys.Count, "survey")} ({DiagnosticPrinter.Count(pages, "survey page")}, "
                + $"{DiagnosticPrinter.Count(site.Files.Count, "file")}, {changed} changed) in {context.Display(folder)} "
                + $"in {clock.Elapsed.TotalSeconds:0.00} s, {DiagnosticPrinter.Count(warnings, "warning")}."
        );
        foreach (var survey in surveys.Take(verbose ? int.MaxValue : Listed))
        {
            context.Output.WriteLine(
                $"  {survey.Id}: {workspace.Config.BaseUrl.TrimEnd('/')}/{survey.Id}/"
            );
        }
        More(context, surveys.Count, verbose, "surveys");
        WriteAnalysisProjects(context, workspace.Config, set, verbose);
        phases.Lap("analysis projects");
        return ExitCodes.Success;
    }

    /// <summary>One analysis project per survey, written only when missing (a researcher's edits are theirs).</summary>
    private static void WriteAnalysisProjects(
        CliContext context,
        WorkspaceConfig config,
        SurveySet set,
        bool verbose
    )
    {
        var folder = Path.GetFullPath(Path.Combine(config.Root, config.Analysis));
        var surveys = set
            .Files.Where(f => f.Result.Survey is not null)
            .Select(f => (f.Result.Survey!, f.Path));
        var diagnostics = new List<Core.Diagnostics.Diagnostic>();
        var templates = AnalysisProjects.Templates(
            Path.Combine(config.Root, config.Templates),
            context.Display,
            diagnostics
        );
        var written = AnalysisProjects.Write(
            surveys,
            folder,
            AnalysisProjects.FindSource(config.Root),
            templates,
            diagnostics
        );
        DiagnosticPrinter.Print(context, diagnostics, false);
        var created = written.Count(w => w.Created);
        context.Output.WriteLine(
            $"Analysis projects in {context.Display(folder)}: {created} new, {written.Count - created} kept as they are."
        );
        foreach (var project in written.Where(w => w.Created).Take(verbose ? int.MaxValue : Listed))
        {
            context.Output.WriteLine(
                $"  dotnet run --project {context.Display(project.Folder)} -- submissions.jsonl"
            );
        }
        More(context, created, verbose, "new projects");
    }

    private static void More(CliContext context, int count, bool verbose, string what)
    {
        if (!verbose && count > Listed)
        {
            context.Output.WriteLine(
                $"  ... and {(count - Listed).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} more {what} (surveykit build --verbose lists them all)."
            );
        }
    }
}
