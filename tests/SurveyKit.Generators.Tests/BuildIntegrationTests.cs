using System;
using System.IO;
using System.Linq;

namespace SurveyKit.Generators.Tests;

/// <summary>
/// The only proof that the package works: pack SurveyKit.Core and SurveyKit.Generators into a folder feed, build a
/// consumer project from it with `dotnet build`, run it, then break its survey and read the compiler's error line.
/// </summary>
public sealed class BuildIntegrationTests(GeneratorFeed feed)
    : IClassFixture<GeneratorFeed>,
        IDisposable
{
    private readonly string _root = PackedFeed.TempFolder("surveykit-consumer-");

    public void Dispose() => PackedFeed.Delete(_root);

    private string Consumer(string surveyYaml)
    {
        Assert.True(feed.Error is null, feed.Error);
        var consumer = Path.Combine(_root, "consumer");
        Directory.CreateDirectory(consumer);
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Consumer");
        var project = File.ReadAllText(Path.Combine(fixtures, "Consumer.csproj.txt"))
            .Replace("$(SurveyKitVersion)", feed.Version);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), project);
        File.Copy(Path.Combine(fixtures, "Program.cs.txt"), Path.Combine(consumer, "Program.cs"));
        File.WriteAllText(Path.Combine(consumer, "bezorging.survey.yaml"), surveyYaml);
        feed.UseIn(consumer);
        return consumer;
    }

    private (int ExitCode, string Output) Dotnet(string workingDirectory, params string[] args) =>
        PackedFeed.Dotnet(workingDirectory, Path.Combine(_root, "packages"), args);

    private static string Survey => File.ReadAllText(GeneratorHarness.ExamplePath("bezorging"));

    [Fact]
    public void A_project_that_references_the_package_builds_and_runs_with_the_generated_types()
    {
        var consumer = Consumer(Survey);
        var (code, output) = Dotnet(consumer, "run", "-nologo");
        Assert.True(code == 0, output);
        Assert.Contains(
            "\"answers\":{\"recommend\":4,\"delivery\":{\"on_time\":5,\"driver\":\"na\"},\"contact_ok\":true,\"email\":\"a@example.org\"}",
            output,
            StringComparison.Ordinal
        );
        Assert.Equal("valid", output.Split('\n').Last(l => l.Trim().Length > 0).Trim());
        Assert.DoesNotContain("warning", output, StringComparison.OrdinalIgnoreCase);

        // The package carries the generator with Core and YamlDotNet beside it, and the props for *.survey.yaml.
        var package = Directory.GetFiles(feed.Folder, "SurveyKit.Generators.*.nupkg").Single();
        using var zip = System.IO.Compression.ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("analyzers/dotnet/cs/SurveyKit.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/SurveyKit.Core.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", entries);
        Assert.Contains("buildTransitive/SurveyKit.Generators.props", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_broken_survey_fails_the_build_with_the_yaml_line_and_column()
    {
        var consumer = Consumer(Survey.Replace("type: rating", "type: ratng"));
        var (code, output) = Dotnet(consumer, "build", "-nologo");
        Assert.NotEqual(0, code);
        var lines = File.ReadAllLines(Path.Combine(consumer, "bezorging.survey.yaml")).ToList();
        var line = lines.FindIndex(l => l.Contains("type: ratng", StringComparison.Ordinal)) + 1;
        Assert.Contains(
            $"bezorging.survey.yaml({line},11): error SK0016: Unknown question type 'ratng'. Did you mean 'rating'?",
            output,
            StringComparison.Ordinal
        );
    }
}

/// <summary>SurveyKit.Core and SurveyKit.Generators, packed once for these tests.</summary>
public sealed class GeneratorFeed() : PackedFeed("SurveyKit.Core", "SurveyKit.Generators");
