using System;

namespace SurveyKit.Cli;

/// <summary>The entry point of the <c>surveykit</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line; the exit code is 0 (done), 1 (problems found) or 2 (usage).</summary>
    public static int Main(string[] args) =>
        SurveyKitCommand.Run(
            args,
            new CliContext(Console.Out, Console.Error, Environment.CurrentDirectory)
        );
}
