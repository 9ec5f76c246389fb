using System.Text;
using System.Text.RegularExpressions;

namespace SurveyKit.Core.Workspace;

/// <summary>File patterns as in surveykit.json: <c>**</c> any folders, <c>*</c> any name part, <c>?</c> one character; '/' separates folders.</summary>
public static class Glob
{
    /// <summary>A regular expression that matches relative paths (with '/') against <paramref name="pattern"/>.</summary>
    public static Regex ToRegex(string pattern)
    {
        var builder = new StringBuilder("^");
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
                // "**/" matches zero or more folders; a trailing "**" matches everything below.
                var slash = i + 2 < p.Length && p[i + 2] == '/';
                builder.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                builder.Append("[^/]*");
            }
            else if (c == '?')
            {
                builder.Append("[^/]");
            }
            else
            {
                builder.Append(Regex.Escape(c.ToString()));
            }
        }
        builder.Append('$');
        return new Regex(builder.ToString(), RegexOptions.CultureInvariant);
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
