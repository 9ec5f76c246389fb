using System;
using System.Collections.Generic;
using SurveyKit.Core.Text;

namespace SurveyKit.Core.Yaml;

/// <summary>
/// Says what is wrong with the indentation of a line that YAML could not read, in the words of the person who wrote
/// it ("this line is indented 3 spaces, but 'type' on line 7 is indented 4"), where the parser only says "did not
/// find expected '-' indicator". It compares the line with the levels that lines above it open: the keys of the
/// mapping it would belong to, the '-' of the list it would belong to, and every enclosing level.
/// </summary>
internal static class IndentationHint
{
    /// <summary>The place and message for line <paramref name="lineNumber"/> (1-based), or null when its indentation is not the problem.</summary>
    public static (SourcePosition At, string Message)? For(string text, int lineNumber)
    {
        var lines = SplitLines(text);
        if (lineNumber < 1 || lineNumber > lines.Count)
        {
            return null;
        }
        var line = Shape.Of(lines[lineNumber - 1].Text);
        if (line is null || line.Value.HasTab)
        {
            return null;
        }
        var current = line.Value;
        var levels = LevelsAbove(lines, lineNumber, out var previous);
        if (previous is not { } above)
        {
            return null;
        }
        var at = new SourcePosition(
            lineNumber,
            current.Indent + 1,
            lines[lineNumber - 1].Start + current.Indent
        );
        // A line under "key:" (or a lone "-") may go deeper: that is a child, never a mistake of indentation.
        if (above.Shape.OpensBlock && current.Indent > above.Shape.KeyIndent)
        {
            return null;
        }
        var matches = levels.FindAll(l => l.Indent == current.Indent);
        if (matches.Count > 0)
        {
            // The right depth, the wrong kind: a list item where only the keys of a mapping are.
            if (
                current.IsItem
                && !matches.Exists(l => l.IsDash)
                && levels.Find(l => l.IsDash) is { } list
            )
            {
                return (
                    at,
                    $"this list item ('-') is indented {Spaces(current.Indent)}, where the keys of the item on line {list.Line} are. To add an item to that list, put its '-' at {Spaces(list.Indent)}, like line {list.Line}; a nested list belongs under a key that ends with ':'."
                );
            }
            return null;
        }
        var target = Nearest(levels, current, above);
        var reason =
            target.Line == above.Line && !above.Shape.OpensBlock && current.Indent > target.Indent
                ? $"{Describe(target)} on line {target.Line} is indented {Spaces(target.Indent)} and has its value on the same line, so nothing can be nested under it"
                : $"{Describe(target)} on line {target.Line} is indented {Spaces(target.Indent)}";
        return (
            at,
            $"this line is indented {Spaces(current.Indent)}, but {reason}. Lines of one mapping or list line up: indent it {Spaces(target.Indent)}."
        );
    }

    private static string Spaces(int n) => n == 1 ? "1 space" : $"{n} spaces";

    private static string Describe(Level level) =>
        level.IsDash ? "the '-' of the list item"
        : level.Key.Length > 0 ? $"'{Excerpt.Of(level.Key)}'"
        : "the line";

    // The level the line most likely belongs to: for a list item the nearest '-', for a key the nearest key, and
    // on a tie the level of the line just above (people indent relative to the line they look at).
    private static Level Nearest(List<Level> levels, Shape line, (int Line, Shape Shape) above)
    {
        var candidates = levels.FindAll(l => l.IsDash == line.IsItem);
        if (candidates.Count == 0)
        {
            candidates = levels;
        }
        var best = candidates[0];
        foreach (var level in candidates)
        {
            var distance = Math.Abs(level.Indent - line.Indent);
            var bestDistance = Math.Abs(best.Indent - line.Indent);
            if (distance < bestDistance || (distance == bestDistance && level.Line == above.Line))
            {
                best = level;
            }
        }
        return best;
    }

    // The levels open at a line, walking up: the line just above gives its key (and its '-'), each line further up
    // that is less indented than everything seen so far gives an enclosing level.
    private static List<Level> LevelsAbove(
        List<(string Text, int Start)> lines,
        int lineNumber,
        out (int Line, Shape Shape)? previous
    )
    {
        var levels = new List<Level>();
        previous = null;
        var limit = int.MaxValue;
        for (var k = lineNumber - 2; k >= 0 && limit > 0; k--)
        {
            if (Shape.Of(lines[k].Text) is not { HasTab: false } shape)
            {
                continue;
            }
            previous ??= (k + 1, shape);
            if (shape.KeyIndent < limit)
            {
                levels.Add(new Level(shape.KeyIndent, false, k + 1, shape.Key));
            }
            if (shape.IsItem && shape.Indent < limit)
            {
                levels.Add(new Level(shape.Indent, true, k + 1, ""));
            }
            limit = Math.Min(limit, shape.Indent);
        }
        return levels;
    }

    private static List<(string Text, int Start)> SplitLines(string text)
    {
        var lines = new List<(string, int)>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                var end = i > start && text[i - 1] == '\r' ? i - 1 : i;
                lines.Add((text.Substring(start, end - start), start));
                start = i + 1;
            }
        }
        return lines;
    }

    private readonly record struct Level(int Indent, bool IsDash, int Line, string Key);

    /// <summary>What indentation shows of one line: where it starts, whether it is a list item, where its key is.</summary>
    private readonly record struct Shape(
        int Indent,
        bool IsItem,
        int KeyIndent,
        string Key,
        bool OpensBlock,
        bool HasTab
    )
    {
        // Null for a blank line or a comment, which say nothing about levels.
        public static Shape? Of(string line)
        {
            var indent = 0;
            var hasTab = false;
            while (indent < line.Length && line[indent] is ' ' or '\t')
            {
                hasTab |= line[indent] == '\t';
                indent++;
            }
            if (indent == line.Length || line[indent] == '#')
            {
                return null;
            }
            var isItem =
                line[indent] == '-' && (indent + 1 == line.Length || line[indent + 1] == ' ');
            var key = indent;
            if (isItem)
            {
                key++;
                while (key < line.Length && line[key] == ' ')
                {
                    key++;
                }
            }
            var content = StripComment(line.Substring(Math.Min(key, line.Length))).TrimEnd();
            var colon = content.IndexOf(": ", StringComparison.Ordinal);
            var name =
                colon > 0 ? content.Substring(0, colon)
                : content.EndsWith(":", StringComparison.Ordinal)
                    ? content.Substring(0, content.Length - 1)
                : "";
            var opens =
                content.Length == 0
                || content.EndsWith(":", StringComparison.Ordinal)
                || content.EndsWith("|", StringComparison.Ordinal)
                || content.EndsWith(">", StringComparison.Ordinal)
                || content.EndsWith("|-", StringComparison.Ordinal)
                || content.EndsWith(">-", StringComparison.Ordinal);
            return new Shape(indent, isItem, key, name.Trim(), opens, hasTab);
        }

        private static string StripComment(string text)
        {
            var hash = text.IndexOf(" #", StringComparison.Ordinal);
            return hash < 0 ? text : text.Substring(0, hash);
        }
    }
}
