using System;
using System.IO;

namespace SurveyKit.Cli.Tests;

public class NewCommandTests
{
    [Theory]
    [InlineData("klantloyaliteit")]
    [InlineData("klantloyaliteit", "--languages", "en")]
    [InlineData("klantloyaliteit", "--languages", "nl")]
    [InlineData("klantloyaliteit", "--languages", "en", "nl")]
    public void The_starter_passes_the_check(params string[] args)
    {
        using var cli = new CliRunner();
        var (code, output, _) = cli.Run(["new", .. args]);
        Assert.Equal(0, code);
        Assert.StartsWith("Wrote klantloyaliteit.survey.yaml.", output, StringComparison.Ordinal);
        var check = cli.Run("check", "klantloyaliteit.survey.yaml");
        Assert.Equal("Checked 1 survey: 0 errors, 0 warnings.\n", check.Output);
        Assert.Equal(0, check.ExitCode);
    }

    [Fact]
    public void The_starter_lists_languages_in_the_order_given()
    {
        using var cli = new CliRunner();
        cli.Run("new", "demo", "--languages", "en,nl");
        var text = File.ReadAllText(Path.Combine(cli.Folder, "demo.survey.yaml"));
        Assert.Contains("languages: [en, nl]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void It_writes_into_the_output_folder_and_links_the_schema_it_finds()
    {
        using var cli = new CliRunner();
        cli.Write("schema/survey.schema.json", "{}");
        var (code, _, _) = cli.Run("new", "demo", "--output", "surveys/demo");
        Assert.Equal(0, code);
        var text = File.ReadAllText(
            Path.Combine(cli.Folder, "surveys", "demo", "demo.survey.yaml")
        );
        Assert.StartsWith(
            "# yaml-language-server: $schema=../../schema/survey.schema.json\n",
            text,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void It_never_overwrites_without_force()
    {
        using var cli = new CliRunner();
        var path = cli.Write("demo.survey.yaml", "mine");
        var (code, _, error) = cli.Run("new", "demo");
        Assert.Equal(1, code);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(path));
        Assert.Equal(0, cli.Run("new", "demo", "--force").ExitCode);
        Assert.NotEqual("mine", File.ReadAllText(path));
    }

    [Theory]
    [InlineData("Klant Loyaliteit")]
    [InlineData("1survey")]
    [InlineData("klant_loyaliteit")]
    public void An_invalid_id_is_a_usage_error(string id)
    {
        using var cli = new CliRunner();
        var (code, _, error) = cli.Run("new", id);
        Assert.Equal(2, code);
        Assert.Contains("not a survey id", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(cli.Folder));
    }

    [Fact]
    public void A_language_without_a_starter_is_a_usage_error()
    {
        using var cli = new CliRunner();
        var (code, _, error) = cli.Run("new", "demo", "--languages", "de");
        Assert.Equal(2, code);
        Assert.Contains("'de'", error, StringComparison.Ordinal);
    }
}
