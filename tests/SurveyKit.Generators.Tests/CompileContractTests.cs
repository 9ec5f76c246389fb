using System;
using System.Linq;

namespace SurveyKit.Generators.Tests;

/// <summary>What the compiler enforces for the developer: ids are members, so a wrong or removed id does not compile.</summary>
public class CompileContractTests
{
    private const string Usage = """
        namespace Consumer
        {
            public static class Use
            {
                public static bool Check(KlantloyaliteitResponse r) =>
                    r.Touchpoints.Service is { IsGrade: true } && r.Complaint == KlantloyaliteitComplaint.Resolved;
            }
        }
        """;

    [Fact]
    public void Code_that_uses_the_generated_types_compiles()
    {
        var result = GeneratorHarness.Run([GeneratorHarness.Example("klantloyaliteit")], Usage);
        Assert.Empty(result.CompileDiagnostics);
    }

    [Fact]
    public void A_misspelled_question_id_does_not_compile()
    {
        var result = GeneratorHarness.Run(
            [GeneratorHarness.Example("klantloyaliteit")],
            Usage.Replace("r.Complaint", "r.Complaints")
        );
        Assert.Contains(
            result.CompileDiagnostics,
            d => d.Id == "CS1061" && d.GetMessage().Contains("Complaints", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Removing_a_question_from_the_yaml_breaks_every_use_of_it()
    {
        var original = GeneratorHarness.Example("klantloyaliteit");
        var yaml = original.GetText()!.ToString();
        var start = yaml.IndexOf("      - id: complaint\n", StringComparison.Ordinal);
        var end = yaml.IndexOf("      - id: complaint_detail\n", StringComparison.Ordinal);
        var detailEnd = yaml.IndexOf("  - id: contact\n", StringComparison.Ordinal);
        // The question, the one that depends on it, and their places among the segments and the open answers.
        var withoutComplaint = yaml.Remove(start, detailEnd - start)
            .Replace("segments: [segment, complaint]", "segments: [segment]")
            .Replace(
                "open_answers: [reason, service_improve, complaint_detail]",
                "open_answers: [reason, service_improve]"
            );
        Assert.True(end > start && detailEnd > end);
        var result = GeneratorHarness.Run(
            [new InMemoryText(original.Path, withoutComplaint)],
            Usage
        );
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Contains(
            result.CompileDiagnostics,
            d => d.Id == "CS1061" && d.GetMessage().Contains("Complaint", StringComparison.Ordinal)
        );
        Assert.Contains(
            result.CompileDiagnostics,
            d =>
                d.Id == "CS0103"
                && d.GetMessage().Contains("KlantloyaliteitComplaint", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Ids_that_clash_with_members_or_keywords_get_other_names()
    {
        var yaml = """
            survey: clash
            version: 1
            languages: [en]
            title: Clash
            questions:
              - id: definition
                type: text
                text: Which definition do you use?
              - id: class
                type: single_choice
                text: Which class?
                options:
                  - { id: first, label: First }
                  - { id: second, label: Second }
                other: Other
              - id: validate
                type: consent
                text: Validate?
              - id: grades
                type: touchpoints
                text: Grades
                compare: Compared with others
                items:
                  - { id: a_b, label: A }
                  - { id: ab, label: B }
            """;
        var result = GeneratorHarness.Run([new InMemoryText("/repo/clash.survey.yaml", yaml)]);
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.True(
            result.CompileDiagnostics.Count == 0,
            string.Join("\n", result.CompileDiagnostics)
        );
        var source = result.Source("ClashResponse.g.cs");
        Assert.Contains(
            "public string? DefinitionAnswer { get; set; }",
            source,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "public bool? ValidateAnswer { get; set; }",
            source,
            StringComparison.Ordinal
        );
        Assert.Contains("public ClashClass? Class { get; set; }", source, StringComparison.Ordinal);
    }

    [Fact]
    public void The_namespace_can_be_set_per_file()
    {
        var file = GeneratorHarness.Example("bezorging");
        var driver = GeneratorHarness.Driver(
            [file],
            new()
            {
                ["build_property.RootNamespace"] = "Root",
                ["build_property.SurveyKitNamespace"] = "Project.Surveys",
            },
            new()
            {
                [file.Path] = new()
                {
                    ["build_metadata.AdditionalFiles.SurveyNamespace"] = "Delivery.Team",
                },
            }
        );
        var source = driver
            .RunGenerators(GeneratorHarness.Compilation("class A { }"))
            .GetRunResult()
            .GeneratedTrees.Last()
            .ToString();
        Assert.Contains("namespace Delivery.Team", source, StringComparison.Ordinal);
    }
}
