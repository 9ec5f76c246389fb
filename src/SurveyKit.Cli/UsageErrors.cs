using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;
using SurveyKit.Core.Diagnostics;

namespace SurveyKit.Cli;

/// <summary>
/// What a command line that does not parse gets back: each problem once, named ("missing &lt;survey&gt;: the survey
/// file"), a misspelled command or option with the nearest real one (as the checker does for YAML keys), then the
/// usage line of the command once and where its help is. System.CommandLine's own messages say "Required argument
/// missing for command: 'analyze'" once per argument, without saying which.
/// </summary>
internal static class UsageErrors
{
    /// <summary>
    /// The problems of <paramref name="parsed"/>, or none. <paramref name="exists"/> says whether a path exists: a
    /// command that takes files takes any word, so "--tabels" would be read as a file; a word that starts with a dash
    /// and is not a file is an unknown option.
    /// </summary>
    public static IReadOnlyList<string> Describe(
        ParseResult parsed,
        RootCommand root,
        System.Func<string, bool> exists
    )
    {
        var command = parsed.CommandResult.Command;
        var name = Name(command, root);
        var lines = new List<string>();
        if (IsHelpRequest(parsed))
        {
            return lines;
        }
        foreach (var argument in command.Arguments.Where(a => !a.Hidden))
        {
            if (argument.Arity.MinimumNumberOfValues > 0 && Missing(parsed, argument))
            {
                lines.Add($"{name}: missing <{argument.Name}>: {Sentence(argument.Description)}");
            }
        }
        foreach (var token in parsed.UnmatchedTokens)
        {
            lines.Add($"{name}: {Unknown(token, command)}");
        }
        foreach (
            var token in parsed.Tokens.Where(t =>
                t.Type == TokenType.Argument
                && t.Value.Length > 1
                && t.Value[0] == '-'
                && !parsed.UnmatchedTokens.Contains(t.Value)
                && !exists(t.Value)
                && !double.TryParse(
                    t.Value,
                    System.Globalization.CultureInfo.InvariantCulture,
                    out _
                )
            )
        )
        {
            lines.Add($"{name}: {Unknown(token.Value, command)}");
        }
        if (command == root && parsed.Tokens.Count == 0)
        {
            lines.Add("surveykit: no command given.");
        }
        // Anything else (a value that is not a number, an option given twice) in System.CommandLine's words, once:
        // the errors about a value that was given. Missing arguments and unknown words are said above.
        lines.AddRange(
            parsed
                .Errors.Where(e =>
                    e.SymbolResult is OptionResult
                    || e.SymbolResult is ArgumentResult { Tokens.Count: > 0 }
                )
                .Select(e => $"{name}: {Value(e)}")
                .Distinct()
        );
        if (lines.Count == 0 && parsed.Errors.Count > 0)
        {
            lines.AddRange(parsed.Errors.Select(e => $"{name}: {e.Message}").Distinct());
        }
        if (lines.Count == 0)
        {
            return lines;
        }
        lines.Add("Usage: " + Usage(command, root));
        lines.Add($"Run '{name} --help' for {(command == root ? "the commands" : "the options")}.");
        return lines;
    }

    /// <summary>A value that does not convert, or a required option left out, said in the user's terms.</summary>
    private static string Value(ParseError error)
    {
        if (error.SymbolResult is not OptionResult { Option: var option } result)
        {
            return error.Message;
        }
        if (result.Tokens.Count == 0)
        {
            return $"missing {option.Name}: {Sentence(option.Description)}";
        }
        var type = System.Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        var token = result.Tokens[^1].Value;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        // A value that converts broke a rule of OptionRules, whose message says which; one that does not convert
        // gets System.CommandLine's "Cannot parse argument ... as expected type 'System.Int32'", said plainly here.
        var expected =
            (type == typeof(int) || type == typeof(long)) && !long.TryParse(token, invariant, out _)
                ? "a whole number"
            : type == typeof(double) && !double.TryParse(token, invariant, out _) ? "a number"
            : type == typeof(bool) && !bool.TryParse(token, out _) ? "true or false"
            : null;
        return expected is null ? error.Message : $"{option.Name} takes {expected}, not '{token}'.";
    }

    private static bool IsHelpRequest(ParseResult parsed) =>
        parsed.Tokens.Any(t => t.Value is "--help" or "-h" or "-?");

    private static bool Missing(ParseResult parsed, Argument argument) =>
        parsed.GetResult(argument) is not { } result || result.Tokens.Count == 0;

    private static string Unknown(string token, Command command)
    {
        if (token.StartsWith('-'))
        {
            var options = command
                .Options.Concat(
                    command
                        .Parents.OfType<Command>()
                        .SelectMany(p => p.Options.Where(o => o.Recursive))
                )
                .Where(o => !o.Hidden)
                .SelectMany(o => o.Aliases.Prepend(o.Name));
            return $"unknown option '{token}'.{DidYouMean.Hint(token, options)}";
        }
        var commands = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        return commands.Count > 0
            ? $"unknown command '{token}'.{DidYouMean.Hint(token, commands)}"
            : $"unexpected argument '{token}'.";
    }

    /// <summary>"surveykit analyze &lt;survey&gt; &lt;submissions&gt;... [options]".</summary>
    private static string Usage(Command command, RootCommand root)
    {
        if (command == root)
        {
            return "surveykit <command> [options], where <command> is one of: "
                + string.Join(", ", root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))
                + ".";
        }
        var parts = new List<string> { Name(command, root) };
        foreach (var argument in command.Arguments.Where(a => !a.Hidden))
        {
            var shown =
                "<" + argument.Name + ">" + (argument.Arity.MaximumNumberOfValues > 1 ? "..." : "");
            parts.Add(argument.Arity.MinimumNumberOfValues > 0 ? shown : "[" + shown + "]");
        }
        parts.Add("[options]");
        return string.Join(" ", parts);
    }

    private static string Name(Command command, RootCommand root) =>
        command == root ? "surveykit" : "surveykit " + command.Name;

    private static string Sentence(string? description) =>
        string.IsNullOrWhiteSpace(description) ? "required." : description.Trim();
}
