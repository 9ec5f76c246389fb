using System;
using System.Diagnostics;

namespace SurveyKit.Tests.Shared;

/// <summary>
/// The surveykit tool as users on Linux x64 install it: compiled ahead of time and trimmed (issue 17). .ci/run packs and
/// installs it and sets SURVEYKIT_TEST_NATIVE_TOOL to it; the tests run it as a process of its own.
/// </summary>
public static class NativeTool
{
    public static string Path =>
        Environment.GetEnvironmentVariable("SURVEYKIT_TEST_NATIVE_TOOL") ?? "";

    /// <summary>Starts the tool in <paramref name="folder"/>, output and errors redirected.</summary>
    public static Process Start(string folder, params string[] args)
    {
        var start = new ProcessStartInfo(Path)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }
        return Process.Start(start)!;
    }

    /// <summary>Runs the tool to its end (at most two minutes): exit code, output and errors.</summary>
    public static (int ExitCode, string Output, string Error) Run(
        string folder,
        params string[] args
    )
    {
        using var process = Start(folder, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                "the native tool did not finish in two minutes: " + string.Join(' ', args)
            );
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}

/// <summary>A test of the installed native tool; skipped, with the reason, when SURVEYKIT_TEST_NATIVE_TOOL is not set.</summary>
public sealed class NativeToolFactAttribute : FactAttribute
{
    public const string Reason =
        "set SURVEYKIT_TEST_NATIVE_TOOL to the surveykit installed from the linux-x64 tool package (.ci/run packs, installs and sets it; README: The command)";

    // dotnet test prints a skipped test's name, not its reason, at its normal verbosity: the name carries it.
    public NativeToolFactAttribute(
        [System.Runtime.CompilerServices.CallerMemberName] string test = ""
    )
    {
        if (NativeTool.Path.Length == 0)
        {
            Skip = "Native tool test skipped: " + Reason + ".";
            DisplayName = $"{test} (skipped: {Reason})";
        }
    }
}
