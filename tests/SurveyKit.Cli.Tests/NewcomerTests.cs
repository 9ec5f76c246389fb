using System;
using System.IO;
using System.Linq;

namespace SurveyKit.Cli.Tests;

/// <summary>
/// The wrong turns a newcomer takes (issue 18), each answered with a sentence that names the problem and the way out:
/// usage errors name what is missing, misspellings get the nearest real name, and input that is plainly something
/// else is said for what it is before anything is read or written.
/// </summary>
public class NewcomerTests
{
    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void A_missing_argument_is_named_once_with_the_usage_line_once()
    {
        using var cli = new CliRunner();
        var (code, _, error) = cli.Run("analyze");
        Assert.Equal(2, code);
        var lines = Lines(error);
        Assert.Equal(
            [
                "surveykit analyze: missing <survey>: The survey file (*.survey.yaml).",
                "surveykit analyze: missing <submissions>: Files of submissions (.jsonl, .csv) or a collector database (a SQLite file or a PostgreSQL connection string).",
                "Usage: surveykit analyze <survey> <submissions>... [options]",
                "Run 'surveykit analyze --help' for the options.",
            ],
            lines
        );
    }

    [Theory]
    [InlineData(new[] { "chek" }, "surveykit: unknown command 'chek'. Did you mean 'check'?")]
    [InlineData(new[] { "biuld" }, "surveykit: unknown command 'biuld'. Did you mean 'build'?")]
    [InlineData(
        new[] { "analyze", "x.survey.yaml", "data.jsonl", "--tabels" },
        "surveykit analyze: unknown option '--tabels'. Did you mean '--tables'?"
    )]
    [InlineData(
        new[] { "build", "--verbos" },
        "surveykit build: unknown option '--verbos'. Did you mean '--verbose'?"
    )]
    public void A_misspelled_command_or_option_gets_the_nearest_real_one(
        string[] args,
        string expected
    )
    {
        using var cli = new CliRunner();
        var (code, _, error) = cli.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(expected, Lines(error)[0]);
        Assert.Single(Lines(error), l => l.StartsWith("Usage: ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(
        new[] { "sample", "s.survey.yaml", "--out", "data.txt" },
        "--out 'data.txt': the file name says the format; use .jsonl or .csv."
    )]
    [InlineData(
        new[] { "sample", "s.survey.yaml", "--out", "d.jsonl", "--n", "0" },
        "--n must be 1 or more."
    )]
    [InlineData(
        new[] { "sample", "s.survey.yaml", "--out", "d.jsonl", "--n", "many" },
        "--n takes a whole number, not 'many'."
    )]
    [InlineData(
        new[] { "collect", "--posts-per-minute", "-5" },
        "--posts-per-minute cannot be negative (0 means no limit)."
    )]
    [InlineData(
        new[] { "collect", "--allow-origin", "https://surveys.example.org/" },
        "--allow-origin 'https://surveys.example.org/' is not an origin"
    )]
    [InlineData(
        new[] { "collect", "--allow-origin", "surveys.example.org" },
        "--allow-origin 'surveys.example.org' is not an origin"
    )]
    public void A_value_that_breaks_a_rule_is_refused_before_anything_runs(
        string[] args,
        string expected
    )
    {
        using var cli = new CliRunner();
        var (code, output, error) = cli.Run(args);
        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal("", output);
        Assert.Empty(Directory.GetFiles(cli.Folder));
    }

    [Fact]
    public void A_good_origin_is_accepted()
    {
        using var cli = new CliRunner();
        var (_, _, error) = cli.Run(
            "collect",
            "--allow-origin",
            "https://surveys.example.org:8443",
            "--help"
        );
        Assert.DoesNotContain("not an origin", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        "report.html",
        "<!doctype html>\n<html lang=\"nl\"><body>report</body></html>\n",
        "is an HTML or XML page"
    )]
    [InlineData("bezorging.survey.yaml", "", "is a YAML file (a survey, perhaps)")]
    [InlineData("responses.parquet", "PAR1\u0001\u0002", "is a Parquet file")]
    [InlineData("export.xlsx", "PK\u0003\u0004....", "is a zip file")]
    public void Input_that_is_plainly_not_submissions_is_said_for_what_it_is_and_nothing_is_written(
        string name,
        string content,
        string expected
    )
    {
        using var cli = new CliRunner();
        cli.CopyExamples();
        const string survey = "examples/bezorging/bezorging.survey.yaml";
        var input = content.Length == 0 ? survey : cli.Write(name, content);
        var (code, _, error) = cli.Run("analyze", survey, input, "--out", "report");
        Assert.Equal(1, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("not submissions", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(cli.Folder, "report")));
    }

    [Theory]
    [InlineData("export")]
    [InlineData("analyze")]
    public void A_database_that_is_not_there_or_empty_is_refused_not_created(string command)
    {
        using var cli = new CliRunner();
        cli.CopyExamples();
        const string survey = "examples/bezorging/bezorging.survey.yaml";
        foreach (
            var (database, said) in new[]
            {
                ("missing.db", "does not exist"),
                ("empty.db", "is empty"),
            }
        )
        {
            if (database == "empty.db")
            {
                cli.Write(database, "");
            }
            var (code, _, error) =
                command == "export"
                    ? cli.Run("export", "--survey", survey, "--db", database, "--out", "x.jsonl")
                    : cli.Run("analyze", survey, database, "--out", "report");
            Assert.Equal(1, code);
            Assert.Contains(said, error, StringComparison.Ordinal);
            var path = Path.Combine(cli.Folder, database);
            Assert.True(
                !File.Exists(path) || new FileInfo(path).Length == 0,
                database + " was created"
            );
        }
    }

    [Fact]
    public void Samples_of_another_size_with_the_same_seed_have_other_ids()
    {
        using var cli = new CliRunner();
        cli.CopyExamples();
        const string survey = "examples/bezorging/bezorging.survey.yaml";
        cli.Run("sample", survey, "--n", "50", "--seed", "3", "--out", "a.jsonl");
        cli.Run("sample", survey, "--n", "80", "--seed", "3", "--out", "b.jsonl");
        cli.Run("sample", survey, "--n", "80", "--seed", "3", "--out", "c.jsonl");
        string[] Ids(string file) =>
            File.ReadAllLines(Path.Combine(cli.Folder, file)).Select(l => l[15..51]).ToArray();
        Assert.Empty(Ids("a.jsonl").Intersect(Ids("b.jsonl")));
        Assert.Equal(Ids("b.jsonl"), Ids("c.jsonl")); // the same run is the same
        var (code, output, _) = cli.Run("analyze", survey, "a.jsonl", "b.jsonl", "--out", "report");
        Assert.Equal(0, code);
        Assert.Contains(
            "Read 130: scored 130, rejected 0 (0 duplicates).",
            output,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Help_says_each_default_once()
    {
        using var cli = new CliRunner();
        foreach (
            var command in new[]
            {
                "collect",
                "sample",
                "analyze",
                "serve",
                "new",
                "export",
                "alerts",
                "invite",
                "purge",
                "erase",
            }
        )
        {
            var (_, output, _) = cli.Run(command, "--help");
            foreach (
                var line in Lines(output)
                    .Where(l => l.Contains("[default:", StringComparison.Ordinal))
            )
            {
                Assert.DoesNotContain("(default", line, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Build_lists_twenty_surveys_and_counts_the_rest_unless_verbose()
    {
        using var cli = new CliRunner();
        for (var i = 0; i < 25; i++)
        {
            cli.Write(
                $"s{i:00}.survey.yaml",
                $"survey: s{i:00}\nversion: 1\nlanguages: [en]\ntitle: S\nquestions:\n  - id: recommend\n    type: nps\n    text: Recommend?\n"
            );
        }
        var (code, output, _) = cli.Run("build", "--out", "site");
        Assert.Equal(0, code);
        Assert.Equal(
            20,
            Lines(output)
                .Count(l =>
                    l.StartsWith("  s", StringComparison.Ordinal)
                    && l.Contains(": /", StringComparison.Ordinal)
                )
        );
        Assert.Contains(
            "  ... and 5 more surveys (surveykit build --verbose lists them all).",
            output,
            StringComparison.Ordinal
        );
        (code, output, _) = cli.Run("build", "--out", "site", "--verbose");
        Assert.Equal(
            25,
            Lines(output)
                .Count(l =>
                    l.StartsWith("  s", StringComparison.Ordinal)
                    && l.Contains(": /", StringComparison.Ordinal)
                )
        );
    }
}
