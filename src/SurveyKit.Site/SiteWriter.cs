using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

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
        var paths = files.Select(f => Full(folder, f.Path)!).ToArray();
        foreach (var directory in paths.Select(p => Path.GetDirectoryName(p)!).Distinct())
        {
            Directory.CreateDirectory(directory);
        }
        var changed = 0;
        // Files are independent; writing a few at once keeps the disk busy while the next is prepared.
        Parallel.For(
            0,
            files.Count,
            new ParallelOptions { MaxDegreeOfParallelism = 4 },
            i =>
            {
                if (!Same(paths[i], files[i].Content))
                {
                    // Not File.WriteAllBytes: it preallocates (fallocate), which costs more than it saves for small pages.
                    using var handle = File.OpenHandle(paths[i], FileMode.Create, FileAccess.Write);
                    RandomAccess.Write(handle, files[i].Content, 0);
                    Interlocked.Increment(ref changed);
                }
            }
        );
        File.WriteAllLines(manifest, files.Select(f => f.Path));
        return changed;
    }

    private static bool Same(string path, byte[] content)
    {
        var info = new FileInfo(path);
        return info.Exists
            && info.Length == content.Length
            && File.ReadAllBytes(path).AsSpan().SequenceEqual(content);
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
