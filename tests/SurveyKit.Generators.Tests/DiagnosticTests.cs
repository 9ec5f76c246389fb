using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SurveyKit.Generators.Tests;

/// <summary>Survey mistakes are compiler diagnostics on the YAML file, at the YAML line and column.</summary>
public class DiagnosticTests
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

    [Fact]
    public void A_survey_mistake_is_an_error_at_its_yaml_position()
    {
        var file = new InMemoryText(
            "/repo/demo.survey.yaml",
            Minimal.Replace("type: nps", "type: nsp")
        );
        var result = GeneratorHarness.Run([file]);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("SK0016", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/repo/demo.survey.yaml", span.Path);
        Assert.Equal((6, 10), (span.StartLinePosition.Line, span.StartLinePosition.Character)); // 0-based: (7,11) in the file
        Assert.StartsWith(
            "Unknown question type 'nsp'. Did you mean 'nps'?",
            diagnostic.GetMessage(),
            StringComparison.Ordinal
        );
        // Only the placeholder: an empty response class, no members generated from a survey with errors.
        var placeholder = Assert.Single(
            result.Sources,
            s => s.HintName.StartsWith("Demo", StringComparison.Ordinal)
        );
        Assert.Contains("has errors", placeholder.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("Recommend", placeholder.Source, StringComparison.Ordinal);
    }

    // Issue 18: a YAML mistake once also gave "CS0246: The type or namespace name ... could not be found" for the
    // developer's own code; the survey's error is the only one now.
    [Fact]
    public void Code_that_names_a_survey_with_errors_gets_only_the_survey_error()
    {
        var file = new InMemoryText(
            "/repo/fiets.survey.yaml",
            Minimal.Replace("survey: demo", "survey: fiets").Replace("type: nps", "type: nsp")
        );
        var result = GeneratorHarness.Run(
            [file],
            """
            using Consumer;

            namespace App
            {
                internal static class Use
                {
                    public static FietsResponse? Last { get; set; }
                }
            }
            """
        );
        Assert.Equal("SK0016", Assert.Single(result.GeneratorDiagnostics).Id);
        Assert.Empty(result.CompileDiagnostics);
    }

    [Fact]
    public void Warnings_are_warnings_and_the_code_is_still_generated()
    {
        var file = new InMemoryText("/repo/other.survey.yaml", Minimal);
        var result = GeneratorHarness.Run([file]);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(("SK0082", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains(result.Sources, s => s.HintName == "DemoResponse.g.cs");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\0\0\0")]
    [InlineData("[[[[[[[[")]
    [InlineData("survey: [unclosed\nversion: 1\n")]
    [InlineData("- just\n- a list\n")]
    [InlineData("survey: demo\nquestions: *undefined\n")]
    public void Garbage_never_throws_and_never_generates(string yaml)
    {
        var result = GeneratorHarness.Run([new InMemoryText("/repo/demo.survey.yaml", yaml)]);
        Assert.NotEmpty(result.GeneratorDiagnostics);
        Assert.All(
            result.GeneratorDiagnostics,
            d => Assert.StartsWith("SK", d.Id, StringComparison.Ordinal)
        );
        Assert.DoesNotContain(
            result.GeneratorDiagnostics,
            d => d.Id is "CS8784" or "CS8785" or "SK9999"
        );
        Assert.Empty(result.CompileDiagnostics);
    }

    [Fact]
    public void Two_files_with_one_survey_id_generate_once_and_report_the_second()
    {
        var first = new InMemoryText("/repo/a/demo.survey.yaml", Minimal);
        var second = new InMemoryText("/repo/b/demo.survey.yaml", Minimal);
        var result = GeneratorHarness.Run([second, first]);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("SK0081", diagnostic.Id);
        Assert.Equal("/repo/b/demo.survey.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Single(result.Sources, s => s.HintName == "DemoResponse.g.cs");
        Assert.Empty(result.CompileDiagnostics);
    }

    [Fact]
    public void Only_survey_files_are_read()
    {
        var result = GeneratorHarness.Run([new InMemoryText("/repo/notes.yaml", "not: a survey")]);
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Equal(["SurveyKit.Shared.g.cs"], result.Sources.Select(s => s.HintName));
    }
}
