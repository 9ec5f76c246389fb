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
            AlertsCommand.Create(context),
            InviteCommand.Create(context),
            PrivacyCommands.Purge(context),
            PrivacyCommands.Erase(context),
        };
        var parsed = root.Parse(args);
        var usage = UsageErrors.Describe(
            parsed,
            root,
            path => System.IO.Path.Exists(context.Resolve(path))
        );
        if (usage.Count > 0)
        {
            foreach (var line in usage)
            {
                context.Error.WriteLine(line);
            }
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
}
