using System;
using System.Diagnostics;
using System.Globalization;

namespace SurveyKit.Cli.Commands;

/// <summary>
/// The <c>--timings</c> lines of a command (on standard error, so they never mix with what a script reads): how long
/// each step took, to show where a run's time goes.
/// </summary>
internal sealed class PhaseTimings(CliContext context, bool enabled)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();

    /// <summary>Prints the time since the last lap (or the start) for this step, and starts the next.</summary>
    public void Lap(string step)
    {
        Print(step, clock.Elapsed);
        clock.Restart();
    }

    /// <summary>Prints a step's time measured elsewhere.</summary>
    public void Print(string step, TimeSpan elapsed)
    {
        if (enabled)
        {
            context.Error.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {step, -20} {elapsed.TotalSeconds, 7:0.000} s"
                )
            );
        }
    }
}
