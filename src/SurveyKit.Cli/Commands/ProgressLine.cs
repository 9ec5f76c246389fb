using System;
using System.Diagnostics;

namespace SurveyKit.Cli.Commands;

/// <summary>
/// A progress bar on one terminal line while a large file is read (in MB) or a batch is worked through (in its
/// <c>unit</c>, such as mails); silent when the error stream is not a terminal
/// (a pipe, a CI log, a test), where a carriage-return animation is only noise.
/// </summary>
internal sealed class ProgressLine(CliContext context, string name, long total, string? unit = null)
    : IDisposable
{
    private const int Width = 30;
    private readonly bool enabled =
        ReferenceEquals(context.Error, Console.Error) && !Console.IsErrorRedirected && total > 0;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long lastShown = -1;

    public void Report(long done)
    {
        if (!enabled || clock.ElapsedMilliseconds - lastShown < 100)
        {
            return;
        }
        lastShown = clock.ElapsedMilliseconds;
        var share = Math.Clamp((double)done / total, 0, 1);
        var filled = (int)(share * Width);
        Console.Error.Write(
            $"\r{name} [{new string('#', filled)}{new string('.', Width - filled)}] {share, 4:P0} "
                + (unit is null ? $"{done / 1048576.0, 7:0.0} MB" : $"{done, 7} {unit}")
        );
    }

    public void Dispose()
    {
        if (enabled && lastShown >= 0)
        {
            Console.Error.Write("\r" + new string(' ', name.Length + Width + 24) + "\r");
        }
    }
}
