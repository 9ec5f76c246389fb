using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;

namespace SurveyKit.Collector.Pages;

/// <summary>
/// The rules of a <c>_headers</c> file as Netlify and Cloudflare Pages read it: a line with a path pattern (a '*' at
/// the end matches the rest), then indented <c>Name: value</c> lines for every response whose path matches.
/// </summary>
internal sealed class SiteHeaders(
    List<(string Pattern, List<(string Name, string Value)> Headers)> rules
)
{
    public static SiteHeaders None { get; } = new([]);

    public static SiteHeaders Parse(string text)
    {
        var rules = new List<(string, List<(string, string)>)>();
        List<(string, string)>? headers = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }
            if (!char.IsWhiteSpace(line[0]))
            {
                headers = [];
                rules.Add((line.Trim(), headers));
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (headers is not null && colon > 0)
            {
                headers.Add((line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }
        return new SiteHeaders(rules);
    }

    public void Apply(string path, IHeaderDictionary response)
    {
        foreach (var (pattern, headers) in rules)
        {
            var matches = pattern.EndsWith('*')
                ? path.StartsWith(pattern[..^1], StringComparison.Ordinal)
                : path == pattern;
            if (!matches)
            {
                continue;
            }
            foreach (var (name, value) in headers)
            {
                response[name] = value;
            }
        }
    }
}
