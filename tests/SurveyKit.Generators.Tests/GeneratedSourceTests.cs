using System.Linq;
using Microsoft.CodeAnalysis;

namespace SurveyKit.Generators.Tests;

public class GeneratedSourceTests
{
    [Theory]
    [InlineData("klantloyaliteit")]
    [InlineData("accountmonitor")]
    [InlineData("bezorging")]
    public void Each_example_generates_code_that_compiles_without_warnings(string example)
    {
        var result = GeneratorHarness.Run([GeneratorHarness.Example(example)]);
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileDiagnostics.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("klantloyaliteit", "KlantloyaliteitResponse.g.cs")]
    [InlineData("accountmonitor", "AccountmonitorResponse.g.cs")]
    [InlineData("bezorging", "BezorgingResponse.g.cs")]
    public void Generated_source_matches_its_snapshot(string example, string hintName)
    {
        var result = GeneratorHarness.Run([GeneratorHarness.Example(example)]);
        Snapshot.Verify(
            hintName,
            result.Source(hintName),
            nameof(GeneratedSourceTests),
            nameof(Generated_source_matches_its_snapshot) + "_" + example
        );
    }

    [Fact]
    public void The_shared_helpers_are_added_once_and_internal()
    {
        var result = GeneratorHarness.Run([
            GeneratorHarness.Example("klantloyaliteit"),
            GeneratorHarness.Example("bezorging"),
        ]);
        var shared = result.Source("SurveyKit.Shared.g.cs");
        Assert.Contains(
            "internal static class SurveyKitJsonLines",
            shared,
            System.StringComparison.Ordinal
        );
        Assert.DoesNotContain(
            "public ",
            shared.Replace("public static", "").Replace("public override", ""),
            System.StringComparison.Ordinal
        );
        Assert.Empty(result.CompileDiagnostics);
    }
}
