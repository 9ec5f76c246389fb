using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using SurveyKit.Analysis.Report;
using SurveyKit.Analysis.Scaffold;
using SurveyKit.Analysis.Scoring;

namespace SurveyKit.Analysis.Tests.Scaffold;

/// <summary>The analysis project that `surveykit build` writes: it compiles against the typed model and reports the same.</summary>
public sealed class AnalysisProjectTests : IDisposable
{
    private readonly string folder = Path.Combine(
        Path.GetTempPath(),
        "surveykit-scaffold-" + Guid.NewGuid().ToString("N")
    );

    public void Dispose() => Directory.Delete(folder, true);

    private static string Repository =>
        AnalysisProjects.FindSource(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("no repository above the tests");

    [Fact]
    public void A_project_that_exists_is_kept_as_the_researcher_left_it()
    {
        var survey = TestSurveys.Klantloyaliteit;
        var file = TestSurveys.ExamplePath("klantloyaliteit");
        var first = AnalysisProjects.Write([(survey, file)], folder, Repository).Single();
        Assert.True(first.Created);
        var program = Path.Combine(first.Folder, "Program.cs");
        File.AppendAllText(program, "// mine\n");
        var second = AnalysisProjects.Write([(survey, file)], folder, Repository).Single();
        Assert.False(second.Created);
        Assert.EndsWith("// mine\n", File.ReadAllText(program), StringComparison.Ordinal);
    }

    [Fact]
    public void The_example_analysis_projects_build_and_write_the_same_report_as_the_library()
    {
        var ids = new[] { "klantloyaliteit", "bezorging", "accountmonitor" };
        var surveys = ids.Select(id => (TestSurveys.Example(id), TestSurveys.ExamplePath(id)));
        var projects = AnalysisProjects.Write(
            surveys,
            Path.Combine(folder, "analysis"),
            Repository
        );
        Assert.Equal(
            ["Klantloyaliteit.Analysis", "Bezorging.Analysis", "Accountmonitor.Analysis"],
            projects.Select(p => Path.GetFileName(p.Folder))
        );

        // One build of all three (as a solution: one restore, the shared references built once), then each is run.
        var solution = Path.Combine(folder, "analysis.slnx");
        File.WriteAllText(
            solution,
            "<Solution>\n"
                + string.Concat(
                    projects.Select(p =>
                        $"  <Project Path=\"{Path.GetRelativePath(folder, p.Folder)}/{Path.GetFileName(p.Folder)}.csproj\" />\n"
                    )
                )
                + "</Solution>\n"
        );
        // The build compiles the repository's projects too, as the package tests' packing does: one at a time.
        int built;
        string log;
        using (PackedFeed.BuildLock())
        {
            (built, log) = PackedFeed.Dotnet(
                folder,
                null,
                "build",
                solution,
                "-v",
                "quiet",
                "-nologo"
            );
        }
        Assert.True(built == 0, log);

        foreach (var (id, project) in ids.Zip(projects))
        {
            var survey = TestSurveys.Example(id);
            var data = Path.Combine(folder, id + ".jsonl");
            File.WriteAllText(
                data,
                TestSurveys.JsonLines(TestSurveys.Sample(survey, 300, drivers: new())) + "{broken\n"
            );
            var (code, output) = PackedFeed.Dotnet(
                folder,
                null,
                "run",
                "--no-build",
                "--project",
                project.Folder,
                "--",
                data,
                "--out",
                Path.Combine(folder, id + "-project")
            );
            Assert.True(code == 0, output);
            Assert.Contains("Read 301: scored 300, rejected 1.", output, StringComparison.Ordinal);

            var expected = Path.Combine(folder, id + "-library");
            ReportFiles.Write(
                SurveyAnalyzer.Analyze(TestSurveys.ReadJsonLines(survey, File.ReadAllText(data))),
                expected
            );
            Assert.Equal(
                File.ReadAllText(Path.Combine(expected, "summary.json")),
                File.ReadAllText(Path.Combine(folder, id + "-project", "summary.json"))
            );
        }
    }
}
