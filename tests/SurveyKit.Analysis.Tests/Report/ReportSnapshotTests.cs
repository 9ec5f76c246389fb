using System;
using System.IO;
using SurveyKit.Analysis.Report;
using SurveyKit.Analysis.Scoring;

namespace SurveyKit.Analysis.Tests.Report;

/// <summary>
/// The report a user reads, byte for byte, from a fixed-seed sample of the klantloyaliteit example (every section:
/// segments, drivers, what-if, competitors, complaints, follow-up): report.html and both languages' Markdown. A change
/// to the report shows here as a diff to review and accept (SURVEYKIT_ACCEPT_SNAPSHOTS=1).
/// </summary>
public sealed class ReportSnapshotTests : IDisposable
{
    private readonly string folder = Directory
        .CreateTempSubdirectory("surveykit-snapshot-")
        .FullName;

    public ReportSnapshotTests()
    {
        var survey = TestSurveys.Klantloyaliteit;
        var table = TestSurveys.ReadJsonLines(
            survey,
            TestSurveys.JsonLines(TestSurveys.Sample(survey, 1500, seed: 7))
        );
        ReportFiles.Write(SurveyAnalyzer.Analyze(table), folder, tables: false, timing: null);
    }

    public void Dispose() => Directory.Delete(folder, true);

    [Theory]
    [InlineData("report.html")]
    [InlineData("report.md")]
    [InlineData("report.en.md")]
    public void The_report_matches_its_snapshot(string file) =>
        Snapshot.VerifyFile(
            file,
            File.ReadAllText(Path.Combine(folder, file)),
            nameof(ReportSnapshotTests),
            nameof(The_report_matches_its_snapshot)
        );
}
