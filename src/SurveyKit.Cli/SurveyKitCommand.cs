using System;
using System.CommandLine;
using SurveyKit.Cli.Commands;

namespace SurveyKit.Cli;

/// <summary>Builds the command tree and runs it.</summary>
internal static class SurveyKitCommand
{
    public static int Run(string[] args, CliContext context)
    {
        var root = new RootCommand(
            "SurveyKit: customer-loyalty surveys written as YAML in git, checked before a respondent sees them."
        )
        {
            CheckCommand.Create(context),
            NewCommand.Create(context),
            BuildCommand.Create(context),
            CollectCommand.Create(context),
            ServeCommand.Create(context),
            ExportCommand.Create(context),
            SampleCommand.Create(context),
            AnalyzeCommand.Create(context),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && !IsHelpRequest(parsed))
        {
            foreach (var error in parsed.Errors)
            {
                context.Error.WriteLine("surveykit: " + error.Message);
            }
            context.Error.WriteLine("Run 'surveykit --help' for the commands and their options.");
            return ExitCodes.Usage;
        }
        var configuration = new InvocationConfiguration
        {
            Output = context.Output,
            Error = context.Error,
            // Its handler prints the stack trace; FailureMessages says it in one sentence instead.
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return parsed.Invoke(configuration);
        }
#pragma warning disable CA1031 // The boundary of the program: whatever escapes a command becomes a message.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var command = parsed.CommandResult.Command.Name;
            context.Error.WriteLine($"surveykit {command}: {FailureMessages.Describe(exception)}");
            return ExitCodes.Errors;
        }
    }

    private static bool IsHelpRequest(ParseResult parsed) =>
        parsed.Tokens.Count > 0 && parsed.Tokens[^1].Value is "--help" or "-h" or "-?";
}
