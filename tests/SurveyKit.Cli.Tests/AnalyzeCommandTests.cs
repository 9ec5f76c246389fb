using System;
using System.IO;
using System.Linq;

namespace SurveyKit.Cli.Tests;

/// <summary><c>surveykit sample</c> and <c>surveykit analyze</c>: a full report from nothing in two commands.</summary>
public class AnalyzeCommandTests
{
    private const string Survey = "examples/klantloyaliteit/klantloyaliteit.survey.yaml";

    [Fact]
    public void Sample_then_analyze_writes_the_report_and_says_what_was_read()
    {
        using var cli = new CliRunner();
        cli.CopyExamples();
        var (code, output, error) = cli.Run(
            "sample",
            Survey,
            "--n",
            "300",
            "--seed",
            "4",
            "--out",
            "data/k.jsonl"
        );
        Assert.Equal((0, ""), (code, error));
        Assert.Equal("Wrote 300 submissions of klantloyaliteit to data/k.jsonl.\n", output);
        File.AppendAllText(Path.Combine(cli.Folder, "data", "k.jsonl"), "{\"broken\n");

        (code, output, error) = cli.Run("analyze", Survey, "data/k.jsonl", "--out", "report");
        Assert.Equal(0, code);
        Assert.StartsWith(
            "Read 301: scored 300, rejected 1 (0 duplicates).\nNPS ",
            output,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "data/k.jsonl(301): warning: The submission is not valid JSON",
            error,
            StringComparison.Ordinal
        );
        foreach (
            var file in new[]
            {
                "report.html",
                "report.md",
                "report.en.md",
                "summary.json",
                "follow-up.csv",
            }
        )
        {
            Assert.True(File.Exists(Path.Combine(cli.Folder, "report", file)), file);
        }
        Assert.False(File.Exists(Path.Combine(cli.Folder, "report", "responses.parquet")));

        (code, _, _) = cli.Run("analyze", Survey, "data/k.jsonl", "--out", "report", "--tables");
        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(cli.Folder, "report", "responses.parquet")));
    }

    [Fact]
    public void The_CSV_sample_analyzes_to_the_same_summary_as_the_JSON_Lines_sample()
    {
        using var cli = new CliRunner();
        cli.CopyExamples();
        cli.Run("sample", Survey, "--n", "200", "--out", "k.jsonl");
        cli.Run("sample", Survey, "--n", "200", "--out", "k.csv");
        Assert.Equal(0, cli.Run("analyze", Survey, "k.jsonl", "--out", "a").ExitCode);
        Assert.Equal(0, cli.Run("analyze", Survey, "k.csv", "--out", "b").ExitCode);
        Assert.Equal(
            File.ReadAllText(Path.Combine(cli.Folder, "a", "summary.json")),
            File.ReadAllText(Path.Combine(cli.Folder, "b", "summary.json"))
        );
    }

    [Fact]
    public void Mistakes_on_the_command_line_are_said_plainly()
    {
        using var cli = new CliRunner();
        cli.CopyExamples();
        var missing = cli.Run("analyze", Survey, "nothing.jsonl");
        Assert.Equal(
            (1, "surveykit analyze: the file 'nothing.jsonl' does not exist.\n"),
            (missing.ExitCode, missing.Error)
        );
        var interval = cli.Run("analyze", Survey, "x.jsonl", "--interval", "exact");
        Assert.Equal(2, interval.ExitCode);
        Assert.Contains(
            "adjusted-wald, wald, score or bootstrap",
            interval.Error,
            StringComparison.Ordinal
        );
        var driver = cli.Run("sample", Survey, "--out", "x.jsonl", "--drivers", "servcie=1");
        Assert.Equal(2, driver.ExitCode);
        Assert.Contains(
            "'servcie' is not a driver of klantloyaliteit",
            driver.Error,
            StringComparison.Ordinal
        );
        var weights = cli.Run("sample", Survey, "--out", "x.jsonl", "--drivers", "service");
        Assert.Equal(2, weights.ExitCode);
        Assert.Contains("id=weight pairs", weights.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(cli.Folder, "x.jsonl")));

        cli.Run("sample", Survey, "--n", "20", "--out", "k.jsonl");
        var swapped = cli.Run("analyze", "k.jsonl", Survey);
        Assert.Equal(
            (
                1,
                "surveykit: 'k.jsonl' holds submissions, not a survey; the survey file (*.survey.yaml) comes first.\n"
            ),
            (swapped.ExitCode, swapped.Error)
        );
    }

    [Fact]
    public void Sample_spreads_over_months_with_a_planted_shift_and_analyze_shows_the_trend()
    {
        using var cli = new CliRunner();
        cli.CopyExamples();
        var (code, output, error) = cli.Run(
            "sample",
            Survey,
            "--n",
            "1200",
            "--periods",
            "2026-01..2026-06",
            "--shift",
            "service=+1@2026-04",
            "--out",
            "t.jsonl"
        );
        Assert.Equal((0, ""), (code, error));
        var months = File.ReadAllLines(Path.Combine(cli.Folder, "t.jsonl"))
            .Select(l => l[(l.IndexOf("\"submittedAt\":\"", StringComparison.Ordinal) + 15)..][..7])
            .Distinct()
            .Order()
            .ToArray();
        Assert.Equal(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"], months);

        (code, output, error) = cli.Run(
            "analyze",
            Survey,
            "t.jsonl",
            "--out",
            "report",
            "--by",
            "month"
        );
        Assert.True(code == 0, error);
        var report = File.ReadAllText(Path.Combine(cli.Folder, "report", "report.en.md"));
        Assert.Contains("## Over time", report, StringComparison.Ordinal);
        Assert.Contains("| June\u00A02026 |", report, StringComparison.Ordinal);
        // By default, by quarter: the data spans two.
        (code, _, _) = cli.Run("analyze", Survey, "t.jsonl", "--out", "report2");
        Assert.Equal(0, code);
        Assert.Contains(
            "\"by\": \"quarter\"",
            File.ReadAllText(Path.Combine(cli.Folder, "report2", "summary.json")),
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData(
        "sample|--periods|2026-13..2026-14",
        "--periods takes months as YYYY-MM..YYYY-MM, such as 2026-01..2026-06; '2026-13..2026-14' is not that."
    )]
    [InlineData(
        "sample|--periods|2026-06..2026-01",
        "--periods 2026-06..2026-01 ends before it starts."
    )]
    [InlineData(
        "sample|--shift|service=+1@2026-04",
        "--shift plants a change at a month, so it needs --periods (e.g. --periods 2026-01..2026-06)."
    )]
    [InlineData(
        "sample|--periods|2026-01..2026-02|--shift|service=up@2026-02",
        "--shift takes driver=delta@month, such as service=+0.8@2026-04; 'service=up@2026-02' is not one."
    )]
    [InlineData(
        "sample|--periods|2026-01..2026-02|--shift|servce=1@2026-02",
        "'servce' is not a driver of klantloyaliteit, so it cannot be shifted; its drivers are website, store, service, delivery, invoice."
    )]
    [InlineData(
        "analyze|x.jsonl|--by|wave",
        "--by wave needs the survey to name its wave: add `analysis: { wave: <context field> }`"
    )]
    public void Trend_options_that_cannot_work_are_said_plainly(string arguments, string expected)
    {
        using var cli = new CliRunner();
        cli.CopyExamples();
        var parts = arguments.Split('|');
        var args = new[] { parts[0], Survey }
            .Concat(parts.Skip(1))
            .Concat(parts[0] == "sample" ? ["--out", "s.jsonl"] : [])
            .ToArray();
        var (code, _, error) = cli.Run(args);
        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(cli.Folder, "s.jsonl")));
    }

    [Fact]
    public void Nothing_scored_is_a_failure_a_script_notices()
    {
        using var cli = new CliRunner();
        cli.CopyExamples();
        cli.Write("empty.jsonl", "");
        var empty = cli.Run("analyze", Survey, "empty.jsonl", "--out", "a");
        Assert.Equal(1, empty.ExitCode);
        Assert.EndsWith(
            "surveykit analyze: the input holds no responses.\n",
            empty.Error,
            StringComparison.Ordinal
        );

        // Submissions to another survey: every line is rejected, and the report still lists why.
        cli.Run(
            "sample",
            "examples/bezorging/bezorging.survey.yaml",
            "--n",
            "10",
            "--out",
            "other.jsonl"
        );
        var other = cli.Run("analyze", Survey, "other.jsonl", "--out", "b");
        Assert.Equal(1, other.ExitCode);
        Assert.Contains("no response could be scored", other.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(cli.Folder, "b", "report.html")));
    }
}
