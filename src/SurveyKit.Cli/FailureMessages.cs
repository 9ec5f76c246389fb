using System;
using System.Data.Common;
using System.IO;
using System.Reflection;

namespace SurveyKit.Cli;

/// <summary>
/// The last line of defence between an exception and the user: a file in the way, a busy port, a database that is
/// not one. Each becomes one sentence naming the problem (and the fix where there is one), never a stack trace.
/// Commands still say what they can themselves; this catches what reaches the top.
/// </summary>
internal static class FailureMessages
{
    public static string Describe(Exception exception)
    {
        var e = Unwrap(exception);
        return e switch
        {
            IOException
                when e.Message.Contains(
                    "address already in use",
                    StringComparison.OrdinalIgnoreCase
                ) => e.Message.TrimEnd('.')
                + ". Another program listens there: choose another with --port or --urls.",
            // FormatException too: Kestrel's "Invalid url: 'x'" for --urls says what is wrong.
            IOException or UnauthorizedAccessException or FormatException => e.Message,
            DbException => "the database cannot be used: " + e.Message,
            _ =>
                $"an unexpected error: {e.GetType().Name}: {e.Message}. This is a bug in SurveyKit; please report it with the command you ran.",
        };
    }

    private static Exception Unwrap(Exception exception) =>
        exception switch
        {
            AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(
                aggregate.InnerExceptions[0]
            ),
            TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
            _ => exception,
        };
}
