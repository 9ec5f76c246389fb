using System.IO;

namespace SurveyKit.Cli;

/// <summary>Where a command writes and which folder it works in; tests pass their own.</summary>
internal sealed record CliContext(TextWriter Output, TextWriter Error, string WorkingDirectory)
{
    /// <summary>A path from the command line, made absolute against the working directory.</summary>
    public string Resolve(string path) => Path.GetFullPath(Path.Combine(WorkingDirectory, path));

    /// <summary>How a path is shown: relative to the working directory when below it, with '/' separators.</summary>
    public string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(WorkingDirectory, fullPath);
        var shown =
            relative.StartsWith("..", System.StringComparison.Ordinal)
            || Path.IsPathRooted(relative)
                ? fullPath
                : relative;
        return shown.Replace('\\', '/');
    }
}
