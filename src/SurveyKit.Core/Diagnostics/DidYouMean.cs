using System;
using System.Collections.Generic;

namespace SurveyKit.Core.Diagnostics;

/// <summary>Suggests the nearest known name for a misspelled one, as compilers do.</summary>
public static class DidYouMean
{
    /// <summary>
    /// " Did you mean 'x'?" for the candidate nearest to <paramref name="written"/>, or "" when none is near:
    /// within a third of the length in edits (at least one), ignoring case, so 'scael' finds 'scale' and 'colour' finds nothing silly.
    /// </summary>
    public static string Hint(string written, IEnumerable<string> candidates)
    {
        var best = Nearest(written, candidates);
        return best is null ? "" : $" Did you mean '{best}'?";
    }

    /// <summary>The candidate nearest to <paramref name="written"/>, or null when none is near enough.</summary>
    public static string? Nearest(string written, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var lower = written.ToLowerInvariant();
        foreach (var candidate in candidates)
        {
            if (candidate == written)
            {
                continue;
            }
            var distance = Distance(lower, candidate.ToLowerInvariant());
            var allowed = Math.Max(1, Math.Max(written.Length, candidate.Length) / 3);
            if (distance <= allowed && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    internal static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue; // names are short; long strings are not misspelled names
        }
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(
                    Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1),
                    d[i - 1, j - 1] + cost
                );
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
