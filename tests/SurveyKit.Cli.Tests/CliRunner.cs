using System;
using System.IO;

namespace SurveyKit.Cli.Tests;

/// <summary>Runs the surveykit command in-process against a working folder, capturing what it prints.</summary>
internal sealed class CliRunner : IDisposable
{
    public CliRunner()
    {
        Folder = Path.Combine(Path.GetTempPath(), "surveykit-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var code = SurveyKitCommand.Run(args, new CliContext(output, error, Folder));
        return (code, output.ToString(), error.ToString());
    }

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Copies the repository's examples into the working folder, as examples/...</summary>
    public void CopyExamples()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "TestData", "examples");
        foreach (
            var file in Directory.GetFiles(source, "*.survey.yaml", SearchOption.AllDirectories)
        )
        {
            var relative = Path.GetRelativePath(source, file);
            var target = Path.Combine(Folder, "examples", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
