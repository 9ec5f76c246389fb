using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SurveyKit.Cli.Tests;

/// <summary>
/// Survey versions from git (issue 13), as a researcher meets them: change a question, forget to bump the version and
/// check fails at the question; bump it, collect again, and analyze reads both versions into one report, through the
/// renames, with what could not be carried over said per version.
/// </summary>
public sealed class VersionHistoryTests : IDisposable
{
    private readonly CliRunner cli = new();
    private const string File = "bezorging.survey.yaml";

    public VersionHistoryTests()
    {
        cli.CopyExamples();
        System.IO.File.Copy(
            Path.Combine(cli.Folder, "examples", "bezorging", File),
            Path.Combine(cli.Folder, File)
        );
        Git("init", "-q");
        Commit("version 1");
    }

    public void Dispose() => cli.Dispose();

    private void Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = cli.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (
            var argument in new[]
            {
                "-c",
                "user.name=test",
                "-c",
                "user.email=test@example.org",
            }.Concat(arguments)
        )
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "git " + string.Join(' ', arguments) + ": " + error);
    }

    private void Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "-m", message);
    }

    private void Edit(Func<string, string> change)
    {
        var path = Path.Combine(cli.Folder, File);
        System.IO.File.WriteAllText(path, change(System.IO.File.ReadAllText(path)));
    }

    /// <summary>Version 2: 'ease' renamed to 'effort' with a 1-7 scale, the packaging item renamed to wrapping.</summary>
    private static string Version2(string yaml) =>
        yaml.Replace("version: 1", "version: 2", StringComparison.Ordinal)
            .Replace(
                "  - id: ease\n",
                "  - id: effort\n    renamed_from: ease\n",
                StringComparison.Ordinal
            )
            .Replace(
                "      - id: packaging\n",
                "      - id: wrapping\n        renamed_from: packaging\n",
                StringComparison.Ordinal
            )
            .Replace("delivery.packaging", "delivery.wrapping", StringComparison.Ordinal)
            .Replace("satisfaction: ease", "satisfaction: effort", StringComparison.Ordinal)
            .Replace(
                "scale: { min: 1, max: 5 }",
                "scale: { min: 1, max: 7 }",
                StringComparison.Ordinal
            )
            .Replace(
                "      5: { nl: Zeer makkelijk",
                "      7: { nl: Zeer makkelijk",
                StringComparison.Ordinal
            );

    [Fact]
    public void A_changed_scale_without_a_new_version_fails_check_and_build_at_the_question()
    {
        Edit(yaml =>
            yaml.Replace(
                "scale: { min: 1, max: 5 }",
                "scale: { min: 1, max: 7 }",
                StringComparison.Ordinal
            )
        );
        var (code, output, _) = cli.Run("check", File);
        Assert.Equal(1, code);
        Assert.Contains(
            "bezorging.survey.yaml(51,5): error SK0088: Question 'ease' changed its scale from 1-5 to 1-7 since version 1 was committed, which changes what an answer means; raise 'version' to 2.",
            output,
            StringComparison.Ordinal
        );
        Assert.Equal(1, cli.Run("build", "--out", "site").ExitCode);

        Edit(yaml => yaml.Replace("version: 1", "version: 2", StringComparison.Ordinal));
        Assert.Equal(0, cli.Run("check", File).ExitCode);
    }

    [Fact]
    public void A_text_edit_needs_no_new_version_and_a_typo_in_renamed_from_is_an_error()
    {
        Edit(yaml =>
            yaml.Replace(
                "Hoe was uw bezorging?",
                "Hoe ging uw bezorging?",
                StringComparison.Ordinal
            )
        );
        Assert.Equal(0, cli.Run("check", File).ExitCode);
        Edit(yaml =>
            Version2(yaml)
                .Replace("renamed_from: ease", "renamed_from: eaze", StringComparison.Ordinal)
        );
        var (code, output, _) = cli.Run("check", File);
        Assert.Equal(1, code);
        Assert.Contains(
            "error SK0089: Question 'effort' is renamed_from 'eaze', but no earlier version (1) has a question 'eaze'. Did you mean 'ease'?",
            output,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Analyze_reads_two_versions_into_one_report_through_the_renames()
    {
        const string Survey = "bezorging.survey.yaml";
        Assert.Equal(
            0,
            cli.Run("sample", Survey, "--n", "200", "--seed", "1", "--out", "v1.jsonl").ExitCode
        );
        Edit(Version2);
        Commit("version 2");
        Assert.Equal(
            0,
            cli.Run("sample", Survey, "--n", "200", "--seed", "2", "--out", "v2.jsonl").ExitCode
        );

        var (code, output, error) = cli.Run(
            "analyze",
            Survey,
            "v1.jsonl",
            "v2.jsonl",
            "--out",
            "report"
        );
        Assert.True(code == 0, error);
        Assert.Contains("Read 400: scored 400, rejected 0", output, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", error, StringComparison.Ordinal);
        var report = System.IO.File.ReadAllText(Path.Combine(cli.Folder, "report", "report.en.md"));
        // Every version-1 response that graded the packaging now grades the wrapping; the easy question's 1-5 answers
        // are kept out of its 1-7 successor.
        var packaging = System
            .IO.File.ReadAllLines(Path.Combine(cli.Folder, "v1.jsonl"))
            .Count(l => l.Contains("\"packaging\":", StringComparison.Ordinal));
        var ease = System
            .IO.File.ReadAllLines(Path.Combine(cli.Folder, "v1.jsonl"))
            .Count(l => l.Contains("\"ease\":", StringComparison.Ordinal));
        Assert.Contains(
            $"| 1 | 200 | {packaging} | 0 | {ease} |",
            report,
            StringComparison.Ordinal
        );
        Assert.Contains("| 2 (current version) | 200 |", report, StringComparison.Ordinal);
        Assert.Contains(
            "changed after version 1 (1-5 → 1-7): answers to version 1 and earlier do not count for it",
            report,
            StringComparison.Ordinal
        );
        using var summary = JsonDocument.Parse(
            System.IO.File.ReadAllText(Path.Combine(cli.Folder, "report", "summary.json"))
        );
        // The wrapping's grades are both versions' (version 1's under its old id), "did not use" never a grade.
        Assert.Equal(
            CountGraded("v1.jsonl", "packaging") + CountGraded("v2.jsonl", "wrapping"),
            summary
                .RootElement.GetProperty("touchpoints")
                .GetProperty("wrapping")
                .GetProperty("n")
                .GetInt32()
        );
    }

    /// <summary>
    /// The issue's "done when": a researcher changes questions, bumps the version, collects again, and gets one
    /// report over both versions with the change in NPS, its significance and its cause (the time slot was kept
    /// far better from April), by quarter and by version.
    /// </summary>
    [Fact]
    public void One_report_over_two_versions_gives_the_change_its_significance_and_its_cause()
    {
        const string Survey = "bezorging.survey.yaml";
        var sample = new[] { "sample", Survey, "--n", "1500", "--seed", "3" };
        Assert.Equal(
            0,
            cli.Run([.. sample, "--periods", "2026-01..2026-03", "--out", "v1.jsonl"]).ExitCode
        );
        Edit(Version2);
        Commit("version 2");
        Assert.Equal(
            0,
            cli.Run([
                .. sample,
                "--periods",
                "2026-04..2026-06",
                "--shift",
                "on_time=+1@2026-04",
                "--out",
                "v2.jsonl",
            ]).ExitCode
        );

        var (code, _, error) = cli.Run(
            "analyze",
            Survey,
            "v1.jsonl",
            "v2.jsonl",
            "--out",
            "report"
        );
        Assert.True(code == 0, error);
        var report = System.IO.File.ReadAllText(Path.Combine(cli.Folder, "report", "report.en.md"));
        Assert.Matches(
            @"The NPS rose from [-+]\d+\.\d to \*\*\+\d+\.\d\*\* between Q1\u00A02026 and Q2\u00A02026 \(p (?:=|\\<) 0\.\d+ after Holm's correction\)\. Delivery within the agreed time slot rose most in that period",
            report
        );
        using var summary = JsonDocument.Parse(
            System.IO.File.ReadAllText(Path.Combine(cli.Folder, "report", "summary.json"))
        );
        var periods = summary.RootElement.GetProperty("trend").GetProperty("periods");
        Assert.Equal(2, periods.GetArrayLength());
        Assert.True(periods[1].GetProperty("significant").GetBoolean());
        Assert.True(periods[1].GetProperty("p_change_holm").GetDouble() < 0.05);

        (code, _, error) = cli.Run(
            "analyze",
            Survey,
            "v1.jsonl",
            "v2.jsonl",
            "--out",
            "by-version",
            "--by",
            "version"
        );
        Assert.True(code == 0, error);
        var byVersion = System.IO.File.ReadAllText(
            Path.Combine(cli.Folder, "by-version", "report.en.md")
        );
        Assert.Contains(
            "between version\u00A01 and version\u00A02",
            byVersion,
            StringComparison.Ordinal
        );
        Assert.Contains("| version\u00A01 | 1,500 |", byVersion, StringComparison.Ordinal);
    }

    private int CountGraded(string file, string item) =>
        System
            .IO.File.ReadAllLines(Path.Combine(cli.Folder, file))
            .Count(l =>
                l.Contains($"\"{item}\":", StringComparison.Ordinal)
                && !l.Contains($"\"{item}\":\"na\"", StringComparison.Ordinal)
            );

    [Fact]
    public void A_version_git_does_not_have_is_said_and_can_be_given()
    {
        const string Survey = "bezorging.survey.yaml";
        var old = System.IO.File.ReadAllText(Path.Combine(cli.Folder, Survey));
        System.IO.File.WriteAllText(Path.Combine(cli.Folder, "old.yaml"), old);
        Assert.Equal(
            0,
            cli.Run("sample", Survey, "--n", "100", "--seed", "1", "--out", "v1.jsonl").ExitCode
        );
        // A copied folder: no history.
        Directory.Delete(Path.Combine(cli.Folder, ".git"), recursive: true);
        Edit(Version2);
        var (code, _, error) = cli.Run("analyze", Survey, "v1.jsonl", "--out", "report");
        Assert.Equal(0, code);
        Assert.Contains(
            "warning: 100 responses are to version 1, whose definition is not in the file's git history",
            error,
            StringComparison.Ordinal
        );
        Assert.Contains("--definition 1=", error, StringComparison.Ordinal);

        System.IO.File.Move(
            Path.Combine(cli.Folder, "old.yaml"),
            Path.Combine(cli.Folder, "old.survey.yaml")
        );
        (code, _, error) = cli.Run(
            "analyze",
            Survey,
            "v1.jsonl",
            "--out",
            "report2",
            "--definition",
            "1=old.survey.yaml"
        );
        Assert.Equal(0, code);
        Assert.DoesNotContain("warning", error, StringComparison.Ordinal);
        var report = System.IO.File.ReadAllText(
            Path.Combine(cli.Folder, "report2", "report.en.md")
        );
        Assert.Contains("| 1 | 100 |", report, StringComparison.Ordinal);
    }
}
