using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;

namespace SurveyKit.Generators.Tests;

/// <summary>
/// The only proof that the package works: pack SurveyKit.Core and SurveyKit.Generators into a folder feed, build a
/// consumer project from it with `dotnet build`, run it, then break its survey and read the compiler's error line.
/// </summary>
public sealed class BuildIntegrationTests(PackedFeed feed) : IClassFixture<PackedFeed>, IDisposable
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
        // The folder feed first, the registry for YamlDotNet, and the machine's package cache read in place.
        var machine = Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
            ".nuget",
            "packages"
        );
        File.WriteAllText(
            Path.Combine(consumer, "nuget.config"),
            $"""
            <configuration>
              <packageSources><clear /><add key="feed" value="{feed.Folder}" /><add key="nuget" value="https://api.nuget.org/v3/index.json" /></packageSources>
              <fallbackPackageFolders><add key="machine" value="{machine}" /></fallbackPackageFolders>
            </configuration>
            """
        );
        File.WriteAllText(
            Path.Combine(consumer, "global.json"),
            File.ReadAllText(Path.Combine(PackedFeed.Repository, "global.json"))
        );
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

/// <summary>SurveyKit.Core and SurveyKit.Generators packed once into a folder feed, with a version no cache has seen.</summary>
public sealed class PackedFeed : IDisposable
{
    internal static readonly string Repository = typeof(PackedFeed)
        .Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot")
        .Value!;

    public PackedFeed()
    {
        Folder = TempFolder("surveykit-feed-");
        Version =
            "0.0.0-test."
            + DateTime.UtcNow.ToString(
                "yyyyMMddHHmmssfff",
                System.Globalization.CultureInfo.InvariantCulture
            );
        foreach (
            var project in new[]
            {
                "src/SurveyKit.Core/SurveyKit.Core.csproj",
                "src/SurveyKit.Generators/SurveyKit.Generators.csproj",
            }
        )
        {
            var (code, output) = Dotnet(
                Repository,
                Path.Combine(Folder, "packages"),
                "pack",
                project,
                "-c",
                "Release",
                "-o",
                Folder,
                "-p:Version=" + Version,
                "-nologo"
            );
            if (code != 0)
            {
                Error = output;
                return;
            }
        }
    }

    public string Folder { get; }

    public string Version { get; }

    /// <summary>Why packing failed, or null.</summary>
    public string? Error { get; }

    public void Dispose() => Delete(Folder);

    internal static (int ExitCode, string Output) Dotnet(
        string workingDirectory,
        string packages,
        params string[] args
    )
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["NUGET_PACKAGES"] = packages;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(
            process.WaitForExit(TimeSpan.FromMinutes(5)),
            "dotnet " + string.Join(' ', args) + " did not finish in 5 minutes"
        );
        return (process.ExitCode, output.Result + error.Result);
    }

    internal static string TempFolder(string prefix)
    {
        var folder = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    internal static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a build server may still hold a file; the system cleans its temp folder
        }
    }
}
