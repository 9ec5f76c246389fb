using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SurveyKit.Generators.Tests;

/// <summary>
/// The generator does no work that did not change: an unrelated C# edit re-runs nothing, a comment-only YAML edit
/// leaves the emitted model unchanged, a real edit changes it, and no step holds on to compiler objects.
/// </summary>
public class IncrementalTests
{
    private const string ParseSurvey = "ParseSurvey";
    private const string BuildSpec = "BuildSpec";

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun(
        AdditionalText file
    )
    {
        var compilation = GeneratorHarness.Compilation("namespace Consumer { public class A { } }");
        var driver = GeneratorHarness.Driver([file]).RunGenerators(compilation);
        return (driver, compilation);
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(
        GeneratorDriver driver,
        string step
    ) =>
        driver
            .GetRunResult()
            .Results.Single()
            .TrackedSteps[step]
            .SelectMany(s => s.Outputs)
            .Select(o => o.Reason);

    [Fact]
    public void An_unrelated_csharp_edit_reruns_nothing()
    {
        var (driver, compilation) = FirstRun(GeneratorHarness.Example("bezorging"));
        var edited = compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("namespace Consumer { public class B { } }")
        );
        driver = driver.RunGenerators(edited);
        Assert.All(
            Reasons(driver, ParseSurvey),
            r => Assert.Equal(IncrementalStepRunReason.Cached, r)
        );
        Assert.All(
            Reasons(driver, BuildSpec),
            r => Assert.Equal(IncrementalStepRunReason.Cached, r)
        );
        Assert.All(
            driver
                .GetRunResult()
                .Results.Single()
                .TrackedOutputSteps.SelectMany(s => s.Value)
                .SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason)
        );
    }

    [Fact]
    public void A_comment_only_yaml_edit_leaves_the_model_unchanged()
    {
        var original = GeneratorHarness.Example("bezorging");
        var (driver, compilation) = FirstRun(original);
        var text = original.GetText()!.ToString();
        var commented = new InMemoryText(
            original.Path,
            "# Reviewed by the CX team.\n"
                + text.Replace("# Transactional survey", "# A transactional survey")
        );
        driver = driver.ReplaceAdditionalText(original, commented).RunGenerators(compilation);
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(driver, ParseSurvey)); // positions moved
        Assert.Equal([IncrementalStepRunReason.Unchanged], Reasons(driver, BuildSpec)); // the model did not
    }

    [Fact]
    public void A_real_yaml_edit_changes_the_model()
    {
        var original = GeneratorHarness.Example("bezorging");
        var (driver, compilation) = FirstRun(original);
        var edited = new InMemoryText(
            original.Path,
            original.GetText()!.ToString().Replace("max_length: 1000", "max_length: 500")
        );
        driver = driver.ReplaceAdditionalText(original, edited).RunGenerators(compilation);
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(driver, BuildSpec));
    }

    [Fact]
    public void A_changed_namespace_option_regenerates_the_source()
    {
        var file = GeneratorHarness.Example("bezorging");
        var compilation = GeneratorHarness.Compilation("namespace Consumer { public class A { } }");
        var first = GeneratorHarness
            .Driver([file], new() { ["build_property.RootNamespace"] = "One" })
            .RunGenerators(compilation);
        Assert.Contains(
            "namespace One",
            first.GetRunResult().GeneratedTrees.Last().ToString(),
            StringComparison.Ordinal
        );
        var second = GeneratorHarness
            .Driver([file], new() { ["build_property.RootNamespace"] = "Two" })
            .RunGenerators(compilation);
        Assert.Contains(
            "namespace Two",
            second.GetRunResult().GeneratedTrees.Last().ToString(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void No_step_holds_compiler_objects()
    {
        var (driver, _) = FirstRun(GeneratorHarness.Example("klantloyaliteit"));
        var result = driver.GetRunResult().Results.Single();
        foreach (var step in result.TrackedSteps.SelectMany(s => s.Value))
        {
            foreach (var (value, _) in step.Outputs)
            {
                AssertNoCompilerObjects(value, step.Name ?? "?", 0);
            }
        }
    }

    private static void AssertNoCompilerObjects(object? value, string step, int depth)
    {
        if (
            value is null
            || depth > 6
            || value is string
            || value.GetType().IsPrimitive
            || value.GetType().IsEnum
        )
        {
            return;
        }
        Assert.False(
            value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel,
            $"step {step} holds a {value.GetType().Name}"
        );
        if (
            value
                is Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider
                    or AdditionalText
            || value
                .GetType()
                .Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true
        )
        {
            return; // inputs such as AdditionalText and the options provider, which the compiler itself caches
        }
        if (value is System.Collections.IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                AssertNoCompilerObjects(item, step, depth + 1);
            }
            return;
        }
        foreach (
            var property in value
                .GetType()
                .GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0)
        )
        {
            AssertNoCompilerObjects(property.GetValue(value), step, depth + 1);
        }
    }
}
