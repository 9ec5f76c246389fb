using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SurveyKit.Site;

/// <summary>
/// Puts a built site on disk. It remembers what it wrote (in <c>.surveykit-files</c>) so a rebuild removes the
/// pages of a survey that is gone, and never touches a file it did not write. Unchanged files are left alone, so a
/// host or a watcher sees only what changed.
/// </summary>
public static class SiteWriter
{
    /// <summary>The list of files written by the last build.</summary>
    public const string ManifestName = ".surveykit-files";

    /// <summary>Writes <paramref name="files"/> under <paramref name="folder"/>; returns how many changed.</summary>
    public static int Write(string folder, IReadOnlyList<SiteFile> files)
    {
        Directory.CreateDirectory(folder);
        var manifest = Path.Combine(folder, ManifestName);
        var previous = File.Exists(manifest) ? File.ReadAllLines(manifest) : [];
        var current = new HashSet<string>(files.Select(f => f.Path), StringComparer.Ordinal);
        foreach (var stale in previous.Where(p => p.Length > 0 && !current.Contains(p)))
        {
            var path = Full(folder, stale);
            if (path is not null && File.Exists(path))
            {
                File.Delete(path);
            }
        }
        var changed = 0;
        foreach (var file in files)
        {
            var path = Full(folder, file.Path)!;
            if (
                File.Exists(path)
                && new FileInfo(path).Length == file.Content.Length
                && File.ReadAllBytes(path).AsSpan().SequenceEqual(file.Content)
            )
            {
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Content);
            changed++;
        }
        File.WriteAllLines(manifest, files.Select(f => f.Path));
        return changed;
    }

    // A manifest line that would leave the folder is ignored rather than followed.
    private static string? Full(string folder, string relative)
    {
        var root = Path.GetFullPath(folder);
        var path = Path.GetFullPath(Path.Combine(root, relative));
        return path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : null;
    }
}
