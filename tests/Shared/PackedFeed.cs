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
        // Two test assemblies pack at once under `dotnet test`, and other tests build the same projects: they would
        // write the same bin, obj and project.assets.json files. One at a time (see BuildLock).
        using var gate = BuildLock();
        foreach (var name in projects)
        {
            var project = Path.Combine("src", name, name + ".csproj");
            // The machine's package folder, as every other build of the repository uses: a private one would point the
            // projects' obj/project.assets.json at it, under the feet of tests building the same projects.
            var (code, output) = Dotnet(
                Repository,
                null,
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
        var machine =
            Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(
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

    /// <summary>Runs dotnet; <paramref name="packages"/> is the package folder to restore into, or null for the machine's.</summary>
    internal static (int ExitCode, string Output) Dotnet(
        string workingDirectory,
        string? packages,
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
        if (packages is not null)
        {
            start.Environment["NUGET_PACKAGES"] = packages;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            // Not left writing into bin and obj after the lock is let go.
            process.Kill(entireProcessTree: true);
            Assert.Fail("dotnet " + string.Join(' ', args) + " did not finish in 5 minutes");
        }
        return (process.ExitCode, output.Result + error.Result);
    }

    /// <summary>
    /// Held by every test that builds the repository's own projects (packing them, or building a project that
    /// references them): an exclusive open of one file in the temp folder, which .NET makes a lock across processes
    /// on Unix too. Dispose it to let the next one build.
    /// </summary>
    internal static FileStream BuildLock()
    {
        var path = Path.Combine(Path.GetTempPath(), "surveykit-tests-pack.lock");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(
                    path,
                    FileMode.OpenOrCreate,
                    FileAccess.ReadWrite,
                    FileShare.None
                );
            }
            catch (IOException) when (waited.Elapsed < TimeSpan.FromMinutes(30))
            {
                System.Threading.Thread.Sleep(200);
            }
        }
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
