using System.Collections.Generic;

namespace SurveyKit.Core.Workspace;

/// <summary>
/// File patterns as in surveykit.json: <c>**/</c> any folders (or none), <c>**</c> anything below, <c>*</c> any part
/// of a name, <c>?</c> one character; '/' separates folders. Matched by dynamic programming over the pattern and the
/// path, so a match costs at most (pattern length × path length) steps whatever the pattern: a backtracking regular
/// expression took over a minute for <c>*a*a*a*a*a*a*ab.survey.yaml</c> against one long file name.
/// </summary>
public sealed class Glob
{
    private readonly List<(Kind Kind, char Character)> _parts = [];

    /// <summary>Reads <paramref name="pattern"/> ('\' is read as '/'; a leading "./" is dropped).</summary>
    public Glob(string pattern)
    {
        var p = pattern.Replace('\\', '/');
        if (p.StartsWith("./", System.StringComparison.Ordinal))
        {
            p = p.Substring(2);
        }
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '*' && i + 1 < p.Length && p[i + 1] == '*')
            {
                var slash = i + 2 < p.Length && p[i + 2] == '/';
                _parts.Add((slash ? Kind.AnyFolders : Kind.Anything, c));
                i += slash ? 2 : 1;
            }
            else
            {
                _parts.Add(
                    (
                        c == '*' ? Kind.AnyName
                        : c == '?' ? Kind.OneCharacter
                        : Kind.Literal,
                        c
                    )
                );
            }
        }
    }

    private enum Kind
    {
        Literal,
        OneCharacter, // ?
        AnyName, // *: any characters but '/'
        Anything, // **
        AnyFolders, // **/: nothing, or anything that ends with '/'
    }

    /// <summary>True when the relative path <paramref name="path"/> (with '/') matches the whole pattern.</summary>
    public bool IsMatch(string path)
    {
        var n = path.Length;
        // next[j]: the parts after the current one match path[j..]; filled from the last part to the first.
        var next = new bool[n + 1];
        var current = new bool[n + 1];
        var folders = new bool[n + 1];
        next[n] = true;
        for (var p = _parts.Count - 1; p >= 0; p--)
        {
            var (kind, character) = _parts[p];
            current[n] = kind is Kind.AnyName or Kind.Anything or Kind.AnyFolders && next[n];
            folders[n] = false;
            for (var j = n - 1; j >= 0; j--)
            {
                var c = path[j];
                // folders[j]: some '/' at or after j ends a run of folders that the rest matches after.
                folders[j] = (c == '/' && next[j + 1]) || folders[j + 1];
                current[j] = kind switch
                {
                    Kind.Literal => c == character && next[j + 1],
                    Kind.OneCharacter => c != '/' && next[j + 1],
                    Kind.AnyName => next[j] || (c != '/' && current[j + 1]),
                    Kind.Anything => next[j] || current[j + 1],
                    _ => next[j] || folders[j],
                };
            }
            (next, current) = (current, next);
        }
        return next[0];
    }

    /// <summary>The folder part of <paramref name="pattern"/> before its first wildcard, where enumeration can start.</summary>
    public static string FixedPrefix(string pattern)
    {
        var p = pattern.Replace('\\', '/');
        var wildcard = p.IndexOfAny(['*', '?']);
        var upTo = wildcard < 0 ? p : p.Substring(0, wildcard);
        var slash = upTo.LastIndexOf('/');
        return slash < 0 ? "" : upTo.Substring(0, slash);
    }
}
