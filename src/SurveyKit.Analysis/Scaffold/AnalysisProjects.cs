using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Scriban.Runtime;
using SurveyKit.Analysis.Data;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Model;
using SurveyKit.Core.Text;
using SurveyKit.Rendering.Templates;

namespace SurveyKit.Analysis.Scaffold;

/// <summary>
/// Writes <c>analysis/&lt;Survey&gt;.Analysis/</c> per survey: a project that reads the submissions with the survey's
/// generated typed model and writes the report with this library. The templates are the repository's
/// <c>templates/analysis</c>, embedded. A project that exists is never overwritten: it belongs to the researcher.
/// </summary>
public static class AnalysisProjects
{
    /// <summary>What happened to one survey's project.</summary>
    public sealed record Written(string SurveyId, string Folder, bool Created);

    /// <summary>
    /// The scaffold's templates: the built-in <c>templates/analysis</c>, with a workspace's
    /// <c>templates/analysis/...</c> files in their place.
    /// </summary>
    public static TemplateSet Templates(
        string? overrideFolder,
        Func<string, string> display,
        List<Diagnostic> diagnostics
    ) =>
        TemplateSet.Load(
            typeof(AnalysisProjects).Assembly,
            "analysis",
            overrideFolder,
            display,
            diagnostics
        );

    /// <summary>
    /// Writes the projects of <paramref name="surveys"/> (each with its file) under <paramref name="folder"/>.
    /// <paramref name="source"/> is the SurveyKit repository to reference by project, or null to reference packages.
    /// <paramref name="templates"/> renders them (the built-in ones when null); a template that fails adds an SK0085
    /// to <paramref name="diagnostics"/> and that project is not written.
    /// </summary>
    public static IReadOnlyList<Written> Write(
        IEnumerable<(Survey Survey, string File)> surveys,
        string folder,
        string? source,
        TemplateSet? templates = null,
        List<Diagnostic>? diagnostics = null
    )
    {
        ArgumentNullException.ThrowIfNull(surveys);
        diagnostics ??= [];
        templates ??= Templates(null, p => p, diagnostics);
        var written = new List<Written>();
        foreach (var (survey, file) in surveys)
        {
            var name = CSharpNames.Pascal(survey.Id) + ".Analysis";
            var project = Path.Combine(folder, name);
            var csproj = Path.Combine(project, name + ".csproj");
            var program = Path.Combine(project, "Program.cs");
            if (File.Exists(csproj) || File.Exists(program))
            {
                written.Add(new Written(survey.Id, project, false));
                continue;
            }
            var model = Model(survey, file, project, folder, name, source);
            var projectText = templates.Render("project.csproj.sbn", model, out var projectError);
            var programText = templates.Render("Program.cs.sbn", model, out var programError);
            if (projectError is not null || programError is not null)
            {
                diagnostics.AddRange(new[] { projectError, programError }.OfType<Diagnostic>());
                continue;
            }
            Directory.CreateDirectory(project);
            File.WriteAllText(csproj, projectText.Replace("\r\n", "\n", StringComparison.Ordinal));
            File.WriteAllText(program, programText.Replace("\r\n", "\n", StringComparison.Ordinal));
            written.Add(new Written(survey.Id, project, true));
        }
        return written;
    }

    /// <summary>The SurveyKit repository above <paramref name="start"/> (where src/SurveyKit.Analysis is), or null.</summary>
    public static string? FindSource(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (
                File.Exists(
                    Path.Combine(
                        folder.FullName,
                        "src",
                        "SurveyKit.Analysis",
                        "SurveyKit.Analysis.csproj"
                    )
                )
            )
            {
                return folder.FullName;
            }
        }
        return null;
    }

    private static ScriptObject Model(
        Survey survey,
        string file,
        string project,
        string folder,
        string name,
        string? source
    )
    {
        var type = CSharpNames.Pascal(survey.Id) + "Response";
        var (variable, condition, text) = Query(survey);
        var model = new ScriptObject
        {
            ["survey_id"] = survey.Id,
            ["namespace"] = name,
            ["type"] = type,
            ["project_path"] = Slashes(
                Path.GetRelativePath(Path.GetDirectoryName(folder)!, project)
            ),
            ["survey_path"] = Slashes(Path.GetRelativePath(project, file)),
            ["source"] = source is null ? null : Slashes(Path.GetRelativePath(project, source)),
            ["version"] =
                typeof(AnalysisProjects).Assembly.GetName().Version?.ToString(3) ?? "1.0.0",
            ["query_variable"] = variable,
            ["query_condition"] = condition,
            ["query_text"] = text,
        };
        return model;
    }

    /// <summary>
    /// The example typed question: how many gave the first driver a low grade (or, without drivers, how many are
    /// promoters), written with the generated property names.
    /// </summary>
    private static (string Variable, string Condition, string Text) Query(Survey survey)
    {
        var plan = AnalysisPlan.For(survey);
        if (plan.Drivers.FirstOrDefault() is { } driver)
        {
            var low = driver.Scale.Min + (driver.Scale.Max - driver.Scale.Min) / 2;
            var property = CSharpNames.Pascal(driver.QuestionId);
            return driver.ItemId is { } item
                ? (
                    "lowGrades",
                    $"response.{property}.{CSharpNames.Pascal(item)} is {{ IsGrade: true, Value: <= {low} }}",
                    $"Graded {item} {low} or lower"
                )
                : (
                    "lowGrades",
                    // A rating with "not applicable" is a TouchpointGrade?, like a touchpoint item.
                    survey.FindQuestion(driver.QuestionId)
                        is RatingQuestion { NotApplicable: not null }
                        ? $"response.{property} is {{ IsGrade: true, Value: <= {low} }}"
                        : $"response.{property} <= {low}",
                    $"Rated {driver.QuestionId} {low} or lower"
                );
        }
        return plan.Outcome is { } outcome
            ? ("promoters", $"response.{CSharpNames.Pascal(outcome.Id)} >= 9", "Promoters")
            : ("responses", "true", "Responses");
    }

    private static string Slashes(string path) => path.Replace('\\', '/');
}
