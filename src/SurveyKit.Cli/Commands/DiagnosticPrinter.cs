using System.Collections.Generic;
using SurveyKit.Core.Diagnostics;

namespace SurveyKit.Cli.Commands;

/// <summary>Prints diagnostics in the MSBuild format that CI systems and editors turn into annotations.</summary>
internal static class DiagnosticPrinter
{
    /// <summary>Writes each diagnostic on a line of its own, then returns the number of errors and warnings.</summary>
    public static (int Errors, int Warnings) Print(
        CliContext context,
        IEnumerable<Diagnostic> diagnostics,
        bool warningsAsErrors
    )
    {
        var errors = 0;
        var warnings = 0;
        foreach (var diagnostic in diagnostics)
        {
            var line = diagnostic.ToString();
            if (warningsAsErrors && !diagnostic.IsError)
            {
                line = line.Replace(": warning " + diagnostic.Id, ": error " + diagnostic.Id);
                errors++;
            }
            else if (diagnostic.IsError)
            {
                errors++;
            }
            else
            {
                warnings++;
            }
            context.Output.WriteLine(line);
        }
        return (errors, warnings);
    }

    /// <summary>"1 error", "2 errors".</summary>
    public static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";
}
