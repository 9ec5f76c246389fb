using System;
using System.IO;
using System.Linq;

namespace SurveyKit.Cli.Tests;

public class BuildCommandTests
{
    [Fact]
    public void The_examples_build_into_the_configured_output_folder()
    {
        using var cli = new CliRunner();
        cli.CopyExamples();
        cli.Write(
            "surveykit.json",
            """{ "surveys": ["examples/**/*.survey.yaml"], "output": "public", "baseUrl": "/enquete/" }"""
        );
        var (code, output, error) = cli.Run("build");
        Assert.Equal("", error);
        Assert.Equal(0, code);
        Assert.StartsWith("Built 3 surveys (6 survey pages, ", output, StringComparison.Ordinal);
        Assert.Contains(
            "  klantloyaliteit: /enquete/klantloyaliteit/\n",
            output,
            StringComparison.Ordinal
        );
        var page = File.ReadAllText(
            Path.Combine(cli.Folder, "public", "klantloyaliteit", "index.html")
        );
        Assert.Contains("<html lang=\"nl\">", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/enquete/klantloyaliteit/en/\"", page, StringComparison.Ordinal);
        Assert.True(
            File.Exists(Path.Combine(cli.Folder, "public", "klantloyaliteit", "en", "thanks.html"))
        );
        Assert.True(File.Exists(Path.Combine(cli.Folder, "public", "_headers")));
    }

    [Fact]
    public void Without_a_workspace_file_the_defaults_apply()
    {
        using var cli = new CliRunner();
        cli.CopyExamples();
        var (code, _, _) = cli.Run("build", "--out", "site");
        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(cli.Folder, "site", "bezorging", "index.html")));
        Assert.True(File.Exists(Path.Combine(cli.Folder, "site", "index.html")));
    }

    [Fact]
    public void A_file_where_the_site_folder_should_be_is_one_sentence_not_a_stack_trace()
    {
        using var cli = new CliRunner();
        cli.CopyExamples();
        cli.Write("site", "a file, not a folder");
        var (code, output, error) = cli.Run("build", "--out", "site");
        Assert.Equal(1, code);
        Assert.StartsWith("surveykit build: ", error, StringComparison.Ordinal);
        Assert.Contains("site", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + output, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_survey_with_an_error_stops_the_build_and_nothing_is_written()
    {
        using var cli = new CliRunner();
        cli.Write(
            "broken.survey.yaml",
            """
            survey: broken
            version: 1
            languages: [en]
            title: Broken
            questions:
              - id: recommend
                type: nsp
                text: How likely are you to recommend us?

            """
        );
        var (code, output, _) = cli.Run("build");
        Assert.Equal(1, code);
        Assert.StartsWith(
            "broken.survey.yaml(7,11): error SK0016: ",
            output,
            StringComparison.Ordinal
        );
        Assert.EndsWith(
            "Build stopped: 1 error in the surveys; nothing was written.\n",
            output,
            StringComparison.Ordinal
        );
        Assert.False(Directory.Exists(Path.Combine(cli.Folder, "_site")));
    }

    [Fact]
    public void A_named_workspace_file_that_does_not_exist_is_an_error()
    {
        using var cli = new CliRunner();
        var (code, output, _) = cli.Run("build", "--config", "nope.json");
        Assert.Equal(1, code);
        Assert.Equal("nope.json(1,1): error SK0083: 'nope.json' does not exist.\n", output);
    }

    [Fact]
    public void Timings_name_each_step_on_standard_error_and_leave_the_output_alone()
    {
        using var cli = new CliRunner();
        cli.CopyExamples();
        var plain = cli.Run("build", "--out", "a");
        var (code, output, error) = cli.Run("build", "--out", "b", "--timings");
        Assert.Equal(0, code);
        var steps = error
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Trim().Split("  ", StringSplitOptions.RemoveEmptyEntries)[0])
            .ToArray();
        Assert.Equal(
            ["workspace", "read and check", "history", "render", "write", "analysis projects"],
            steps
        );
        Assert.All(
            error.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            l => Assert.Matches(@"^  [a-z ]+ +\d+\.\d{3} s$", l)
        );
        Assert.Equal("", plain.Error);
        Assert.StartsWith("Built 3 surveys", output, StringComparison.Ordinal);
        Assert.DoesNotContain("read and check", output, StringComparison.Ordinal);
    }
}
