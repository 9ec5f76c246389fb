using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;

namespace SurveyKit.Tests.Shared;

// Linked into each test project that builds a consumer of SurveyKit's packages; the project passes its
// RepositoryRoot as assembly metadata.

/// <summary>
/// SurveyKit projects packed once into a folder feed, with a version no package cache has seen (a test fixture: each
/// test project names what it needs in a subclass).
/// </summary>
public abstract class PackedFeed : IDisposable
{
    internal static readonly string Repository = typeof(PackedFeed)
        .Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot")
        .Value!;

    protected PackedFeed(params string[] projects)
    {
        Folder = TempFolder("surveykit-feed-");
        Version =
            "0.0.0-test."
            + DateTime.UtcNow.ToString(
                "yyyyMMddHHmmssfff",
                System.Globalization.CultureInfo.InvariantCulture
            );
        foreach (var name in projects)
        {
            var project = Path.Combine("src", name, name + ".csproj");
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

    /// <summary>
    /// Makes <paramref name="folder"/> restore from the feed: a nuget.config with the folder feed first, the registry
    /// for third-party packages and the machine's package cache read in place; and the repository's global.json.
    /// </summary>
    public void UseIn(string folder)
    {
        var machine = Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
            ".nuget",
            "packages"
        );
        File.WriteAllText(
            Path.Combine(folder, "nuget.config"),
            $"""
            <configuration>
              <packageSources><clear /><add key="feed" value="{Folder}" /><add key="nuget" value="https://api.nuget.org/v3/index.json" /></packageSources>
              <fallbackPackageFolders><add key="machine" value="{machine}" /></fallbackPackageFolders>
            </configuration>
            """
        );
        File.WriteAllText(
            Path.Combine(folder, "global.json"),
            File.ReadAllText(Path.Combine(Repository, "global.json"))
        );
    }

    public void Dispose()
    {
        Delete(Folder);
        GC.SuppressFinalize(this);
    }

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
