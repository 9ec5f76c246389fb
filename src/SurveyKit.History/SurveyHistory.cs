using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using SurveyKit.Core;
using SurveyKit.Core.Model;

namespace SurveyKit.History;

/// <summary>
/// The committed versions of one survey file: for each <c>version: N</c>, the survey as in the last commit that had
/// it, and the survey as in the last commit of all (what the evolution rules compare the file with). Read with the
/// git command (one <c>git log</c> and one <c>git cat-file --batch</c>), so it works wherever git does; outside a
/// repository, or for a file git does not know, there is no history and <see cref="Missing"/> says why.
/// </summary>
public sealed class SurveyHistory
{
    /// <summary>How many commits of a file are read at most: enough for years of versions, bounded for any repository.</summary>
    public const int MaxCommits = 500;

    private SurveyHistory(
        Survey? committed,
        Dictionary<int, Survey> versions,
        string? missing,
        bool shallow
    )
    {
        Committed = committed;
        Versions = versions;
        Missing = missing;
        Shallow = shallow;
    }

    /// <summary>The survey as in the file's last commit; null when it was never committed (or there is no git).</summary>
    public Survey? Committed { get; }

    /// <summary>Each committed version by number: the survey as in the last commit that had it.</summary>
    public IReadOnlyDictionary<int, Survey> Versions { get; }

    /// <summary>Why there is no history (not a git repository, git not installed, the file not committed); null when there is.</summary>
    public string? Missing { get; }

    /// <summary>The repository is a shallow clone: older versions may be missing from it.</summary>
    public bool Shallow { get; }

    /// <summary>A history without versions, for a reason.</summary>
    public static SurveyHistory None(string reason) => new(null, [], reason, false);

    /// <summary>The history of the survey file at <paramref name="path"/>.</summary>
    public static SurveyHistory Load(string path) => LoadAll([path])[Path.GetFullPath(path)];

    /// <summary>
    /// The histories of many survey files at once, by full path: one <c>git rev-parse</c> per folder, and per
    /// repository one <c>git log</c> and one <c>git cat-file --batch</c> for all its files, so a workspace of a thousand
    /// surveys costs a few git processes, not thousands.
    /// </summary>
    public static Dictionary<string, SurveyHistory> LoadAll(IEnumerable<string> paths)
    {
        var result = new Dictionary<string, SurveyHistory>(StringComparer.Ordinal);
        var roots = new Dictionary<string, (int Code, string Root, bool Shallow)>(
            StringComparer.Ordinal
        );
        var byRoot = new Dictionary<string, (bool Shallow, List<string> Files)>(
            StringComparer.Ordinal
        );
        foreach (var full in paths.Select(Path.GetFullPath).Distinct())
        {
            var folder = Path.GetDirectoryName(full)!;
            if (!roots.TryGetValue(folder, out var root))
            {
                // One process answers both (a process is a few milliseconds of a 25 ms check).
                var found = Git(folder, "rev-parse", "--show-toplevel", "--is-shallow-repository");
                var lines = found.Output.Split('\n', StringSplitOptions.TrimEntries);
                root = roots[folder] = (
                    found.Code,
                    lines[0],
                    lines.Length > 1 && lines[1] == "true"
                );
            }
            if (root.Code != 0)
            {
                result[full] = None(
                    root.Code == -1 ? "git is not installed" : "the file is not in a git repository"
                );
                continue;
            }
            if (!byRoot.TryGetValue(root.Root, out var repository))
            {
                byRoot[root.Root] = repository = (root.Shallow, []);
            }
            repository.Files.Add(full);
        }
        foreach (var (top, (shallow, files)) in byRoot)
        {
            foreach (var (full, history) in Repository(top, shallow, files))
            {
                result[full] = history;
            }
        }
        return result;
    }

    private static IEnumerable<(string Full, SurveyHistory History)> Repository(
        string top,
        bool shallow,
        List<string> files
    )
    {
        var relative = files.ToDictionary(
            f => Path.GetRelativePath(top, f).Replace('\\', '/'),
            f => f,
            StringComparer.Ordinal
        );
        // Each commit that touched one of the files, newest first, with the files it touched.
        var arguments = new List<string>
        {
            "log",
            "--format=%x00%H",
            "--name-only",
            "--no-renames",
        };
        arguments.Add("--");
        arguments.AddRange(relative.Keys);
        var log = Git(top, [.. arguments]);
        var commitsOf = relative.Keys.ToDictionary(
            k => k,
            _ => new List<string>(),
            StringComparer.Ordinal
        );
        if (log.Code == 0)
        {
            foreach (var entry in log.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
            {
                var lines = entry.Split(
                    '\n',
                    StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
                );
                foreach (var name in lines.Skip(1))
                {
                    if (commitsOf.TryGetValue(name, out var list) && list.Count < MaxCommits)
                    {
                        list.Add(lines[0]);
                    }
                }
            }
        }
        var requests = commitsOf
            .SelectMany(p => p.Value.Select(c => (File: p.Key, Commit: c)))
            .ToList();
        var blobs = CatFile(top, requests.Select(r => r.Commit + ":" + r.File).ToList());
        var at = 0;
        foreach (var (name, commits) in commitsOf)
        {
            var versions = new Dictionary<int, Survey>();
            Survey? committed = null;
            for (var i = 0; i < commits.Count; i++, at++)
            {
                if (
                    blobs[at] is not { } text
                    || SurveyLoader.Parse(name, text).Survey is not { } survey
                )
                {
                    continue; // deleted in that commit, or not checking there: it says nothing about a version
                }
                committed ??= i == 0 ? survey : null;
                versions.TryAdd(survey.Version, survey);
            }
            yield return (
                relative[name],
                commits.Count == 0
                    ? new(null, [], "the file has no commits", shallow)
                    : new(committed, versions, null, shallow)
            );
        }
    }

    /// <summary>The contents of each "commit:path", or null where the path is not in that commit.</summary>
    private static List<string?> CatFile(string root, List<string> objects)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (objects.Count == 0)
        {
            return [];
        }
        start.ArgumentList.Add("cat-file");
        start.ArgumentList.Add("--batch");
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        // The requests go in on their own thread: git answers while it reads, and a full pipe would block both.
        var writer = System.Threading.Tasks.Task.Run(() =>
        {
            foreach (var item in objects)
            {
                process.StandardInput.Write(item + "\n");
            }
            process.StandardInput.Close();
        });
        var output = process.StandardOutput.BaseStream;
        var results = new List<string?>();
        foreach (var _ in objects)
        {
            var header = ReadLine(output);
            var parts = header.Split(' ');
            if (parts.Length < 3 || parts[1] != "blob")
            {
                results.Add(null); // "<object> missing"
                continue;
            }
            var size = int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
            var bytes = new byte[size];
            output.ReadExactly(bytes);
            output.ReadByte(); // the newline after the contents
            results.Add(Encoding.UTF8.GetString(bytes));
        }
        writer.Wait();
        errors.Wait();
        process.WaitForExit();
        return results;
    }

    private static string ReadLine(Stream stream)
    {
        var bytes = new List<byte>();
        int b;
        while ((b = stream.ReadByte()) >= 0 && b != '\n')
        {
            bytes.Add((byte)b);
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>Runs git; code -1 when git cannot be started.</summary>
    private static (int Code, string Output) Git(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (-1, "");
        }
    }
}
