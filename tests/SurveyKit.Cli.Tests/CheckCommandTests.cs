using System;
using System.IO;
using System.Linq;

namespace SurveyKit.Cli.Tests;

public class CheckCommandTests
{
    private const string Minimal = """
        survey: demo
        version: 1
        languages: [en]
        title: Demo
        questions:
          - id: recommend
            type: nps
            text: How likely are you to recommend us?

        """;

    private static string[] DiagnosticLines(string output) =>
        output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith("Checked ", StringComparison.Ordinal))
            .ToArray();

    [Fact]
    public void The_examples_are_clean()
    {
        using var cli = new CliRunner();
        cli.CopyExamples();
        var (code, output, error) = cli.Run("check", "examples");
        Assert.Equal("", error);
        Assert.Equal("Checked 3 surveys: 0 errors, 0 warnings.\n", output);
        Assert.Equal(0, code);
    }

    [Fact]
    public void Errors_print_in_msbuild_format_and_exit_1()
    {
        using var cli = new CliRunner();
        cli.Write("surveys/demo.survey.yaml", Minimal.Replace("type: nps", "type: nsp"));
        var (code, output, _) = cli.Run("check", "surveys");
        Assert.Equal(1, code);
        var line = Assert.Single(DiagnosticLines(output));
        Assert.StartsWith(
            "surveys/demo.survey.yaml(7,11): error SK0016: Unknown question type 'nsp'. Did you mean 'nps'?",
            line,
            StringComparison.Ordinal
        );
        Assert.EndsWith(
            "Checked 1 survey: 1 error, 0 warnings.\n",
            output,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Warnings_alone_exit_0_unless_they_count_as_errors()
    {
        using var cli = new CliRunner();
        cli.Write("other.survey.yaml", Minimal);
        var (code, output, _) = cli.Run("check", "other.survey.yaml");
        Assert.Equal(0, code);
        Assert.StartsWith(
            "other.survey.yaml(1,9): warning SK0082:",
            output,
            StringComparison.Ordinal
        );

        var (strictCode, strictOutput, _) = cli.Run(
            "check",
            "--warnings-as-errors",
            "other.survey.yaml"
        );
        Assert.Equal(1, strictCode);
        Assert.StartsWith(
            "other.survey.yaml(1,9): error SK0082:",
            strictOutput,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_missing_path_is_an_error_at_that_path()
    {
        using var cli = new CliRunner();
        var (code, output, _) = cli.Run("check", "surveys/typo.survey.yaml");
        Assert.Equal(1, code);
        Assert.Equal(
            "surveys/typo.survey.yaml(1,1): error SK0083: 'surveys/typo.survey.yaml' does not exist.",
            DiagnosticLines(output).Single()
        );
    }

    [Fact]
    public void A_folder_without_surveys_is_a_warning()
    {
        using var cli = new CliRunner();
        cli.Write("docs/readme.md", "# nothing here");
        var (code, output, _) = cli.Run("check", "docs");
        Assert.Equal(0, code);
        Assert.Equal(
            "docs(1,1): warning SK0080: No survey file matches 'docs/**/*.survey.yaml'; survey files end in .survey.yaml.",
            DiagnosticLines(output).Single()
        );
    }

    [Fact]
    public void Two_files_with_one_survey_id_are_an_error_at_the_second()
    {
        using var cli = new CliRunner();
        cli.Write("a/demo.survey.yaml", Minimal);
        cli.Write("b/demo.survey.yaml", Minimal);
        var (code, output, _) = cli.Run("check", "a", "b");
        Assert.Equal(1, code);
        Assert.Equal(
            "b/demo.survey.yaml(1,9): error SK0081: The survey id 'demo' is also used by a/demo.survey.yaml; survey ids must be unique in a workspace.",
            DiagnosticLines(output).Single()
        );
    }

    [Fact]
    public void Without_paths_it_checks_the_surveys_of_surveykit_json()
    {
        using var cli = new CliRunner();
        cli.Write("surveys/demo.survey.yaml", Minimal);
        cli.Write("ignored/broken.survey.yaml", "not: a survey");
        cli.Write("surveykit.json", """{ "surveys": ["surveys/**/*.survey.yaml"] }""");
        var (code, output, _) = cli.Run("check");
        Assert.Equal("Checked 1 survey: 0 errors, 0 warnings.\n", output);
        Assert.Equal(0, code);
    }

    [Fact]
    public void A_mistake_in_surveykit_json_is_located_too()
    {
        using var cli = new CliRunner();
        cli.Write(
            "surveykit.json",
            "{\n  \"surveys\": [\"**/*.survey.yaml\"],\n  \"outptu\": \"_site\"\n}\n"
        );
        var (code, output, _) = cli.Run("check");
        Assert.Equal(1, code);
        Assert.Equal(
            "surveykit.json(3,3): error SK0010: Unknown key 'outptu' in surveykit.json. Did you mean 'output'?",
            DiagnosticLines(output).Single()
        );
    }

    [Fact]
    public void Without_surveykit_json_it_checks_every_survey_below_the_folder()
    {
        using var cli = new CliRunner();
        cli.Write("one/demo.survey.yaml", Minimal);
        cli.Write("two/deeper/other.survey.yaml", Minimal.Replace("survey: demo", "survey: other"));
        cli.Write("bin/stale.survey.yaml", "build output is skipped");
        var (code, output, _) = cli.Run("check");
        Assert.Equal("Checked 2 surveys: 0 errors, 0 warnings.\n", output);
        Assert.Equal(0, code);
    }

    [Theory]
    [InlineData("check", "--bogus")]
    [InlineData("chekc")]
    [InlineData]
    public void Usage_errors_exit_2_and_say_where_help_is(params string[] args)
    {
        using var cli = new CliRunner();
        var (code, _, error) = cli.Run(args);
        Assert.Equal(2, code);
        Assert.Contains("--help", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_describes_the_commands_and_exit_codes()
    {
        using var cli = new CliRunner();
        var (code, output, _) = cli.Run("check", "--help");
        Assert.Equal(0, code);
        Assert.Contains(
            "Exit code 0: clean, 1: errors, 2: usage",
            output,
            StringComparison.Ordinal
        );
        Assert.Contains("--warnings-as-errors", output, StringComparison.Ordinal);
    }
}
