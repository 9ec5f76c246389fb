using System;
using System.Text;

namespace SurveyKit.Rendering.Templates;

/// <summary>
/// Takes out the spaces next to punctuation in one line of SurveyKit's own JavaScript (<c>a = b;</c> becomes
/// <c>a=b;</c>), and a comment at the end of a line, leaving strings and regular expressions exactly as written. Only
/// for the shipped script, whose style it knows: a regular expression starts where a value is expected (after
/// <c>( , = : [ ! &amp; | ? { } ;</c>, at the start of a line or after <c>return</c>), and no template literals. A
/// workspace's own script is only trimmed, never squeezed.
/// </summary>
internal static class ScriptSpaces
{
    private const string Punctuation = "{}();,=:+-*/<>!&|?[]%";
    private const string BeforeRegex = "(,=:[!&|?{};";

    public static string Squeeze(string line)
    {
        var output = new StringBuilder(line.Length);
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c is '"' or '\'')
            {
                i = CopyQuoted(line, i, c, output);
                continue;
            }
            if (c == '/' && i + 1 < line.Length && line[i + 1] == '/')
            {
                break; // a comment to the end of the line
            }
            if (c == '/' && StartsValue(output))
            {
                i = CopyRegex(line, i, output);
                continue;
            }
            if (c == ' ')
            {
                var before = output.Length > 0 ? output[^1] : '\0';
                var after = i + 1 < line.Length ? line[i + 1] : '\0';
                // "a - -b" and "a + +b" need their space; everywhere else a space beside punctuation does nothing.
                var signs = before is '+' or '-' && after is '+' or '-';
                if (
                    !signs
                    && (
                        Punctuation.Contains(before, StringComparison.Ordinal)
                        || Punctuation.Contains(after, StringComparison.Ordinal)
                        || after is ' ' or '\0'
                    )
                )
                {
                    i++;
                    continue;
                }
            }
            output.Append(c);
            i++;
        }
        return output.ToString().TrimEnd();
    }

    private static int CopyQuoted(string line, int start, char quote, StringBuilder output)
    {
        var i = start + 1;
        while (i < line.Length && line[i] != quote)
        {
            i += line[i] == '\\' ? 2 : 1;
        }
        var end = Math.Min(i + 1, line.Length);
        output.Append(line, start, end - start);
        return end;
    }

    private static int CopyRegex(string line, int start, StringBuilder output)
    {
        var i = start + 1;
        var inClass = false;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == '\\')
            {
                i += 2;
                continue;
            }
            if (c == '[')
            {
                inClass = true;
            }
            else if (c == ']')
            {
                inClass = false;
            }
            else if (c == '/' && !inClass)
            {
                break;
            }
            i++;
        }
        var end = Math.Min(i + 1, line.Length);
        output.Append(line, start, end - start);
        return end;
    }

    // Where a value is expected, '/' opens a regular expression; after a value it divides.
    private static bool StartsValue(StringBuilder output)
    {
        var end = output.Length;
        while (end > 0 && output[end - 1] == ' ')
        {
            end--;
        }
        if (end == 0)
        {
            return true;
        }
        if (BeforeRegex.Contains(output[end - 1], StringComparison.Ordinal))
        {
            return true;
        }
        var start = end;
        while (start > 0 && char.IsAsciiLetter(output[start - 1]))
        {
            start--;
        }
        var word = output.ToString(start, end - start);
        return word is "return" or "typeof";
    }
}
