using System;
using System.IO;
using System.Text.RegularExpressions;
using SurveyKit.Analysis.Report;
using SurveyKit.Analysis.Scaffold;
using SurveyKit.Analysis.Scoring;

namespace SurveyKit.Analysis.Tests.Scaffold;

/// <summary>What an analysis project outside the SurveyKit repository references, packed once for these tests.</summary>
public sealed class AnalysisFeed()
    : PackedFeed(
        "SurveyKit.Core",
        "SurveyKit.Submissions",
        "SurveyKit.Rendering",
        "SurveyKit.Analysis",
        "SurveyKit.Generators"
    );

/// <summary>
/// Outside the SurveyKit repository `surveykit build` writes an analysis project that references SurveyKit's packages
/// rather than its sources: packed into a folder feed, they restore, build and write the same report.
/// </summary>
public sealed class AnalysisPackageTests(AnalysisFeed feed)
    : IClassFixture<AnalysisFeed>,
        IDisposable
{
    private readonly string root = PackedFeed.TempFolder("surveykit-analysis-package-");

    public void Dispose() => PackedFeed.Delete(root);

    [Fact]
    public void Outside_the_repository_the_analysis_project_builds_from_the_packages_and_writes_the_report()
    {
        Assert.True(feed.Error is null, feed.Error);
        var survey = TestSurveys.Example("bezorging");
        var file = Path.Combine(root, "bezorging.survey.yaml");
        File.Copy(TestSurveys.ExamplePath("bezorging"), file);
        Assert.Null(AnalysisProjects.FindSource(root));
        var project = Assert.Single(
            AnalysisProjects.Write([(survey, file)], Path.Combine(root, "analysis"), source: null)
        );

        // The project references both packages at the version of the library that wrote it. The feed holds a version
        // no package cache has seen (so that nothing stale is restored); the project is pointed at it.
        var csproj = Path.Combine(project.Folder, "Bezorging.Analysis.csproj");
        var text = File.ReadAllText(csproj);
        var written =
            $"Version=\"{typeof(AnalysisProjects).Assembly.GetName().Version!.ToString(3)}\"";
        Assert.Equal(2, Regex.Count(text, Regex.Escape(written)));
        Assert.DoesNotContain("ProjectReference", text, StringComparison.Ordinal);
        File.WriteAllText(
            csproj,
            text.Replace(written, $"Version=\"{feed.Version}\"", StringComparison.Ordinal)
        );
        feed.UseIn(root);

        var data = Path.Combine(root, "bezorging.jsonl");
        File.WriteAllText(
            data,
            TestSurveys.JsonLines(TestSurveys.Sample(survey, 200, drivers: new()))
        );
        var report = Path.Combine(root, "report");
        var (code, output) = PackedFeed.Dotnet(
            root,
            Path.Combine(root, "packages"),
            "run",
            "--project",
            project.Folder,
            "--",
            data,
            "--out",
            report
        );
        Assert.True(code == 0, output);
        Assert.Contains("Read 200: scored 200, rejected 0.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", output, StringComparison.OrdinalIgnoreCase);

        var expected = Path.Combine(root, "library");
        ReportFiles.Write(
            SurveyAnalyzer.Analyze(TestSurveys.ReadJsonLines(survey, File.ReadAllText(data))),
            expected
        );
        Assert.Equal(
            File.ReadAllText(Path.Combine(expected, "summary.json")),
            File.ReadAllText(Path.Combine(report, "summary.json"))
        );
    }
}
