using System;
using System.Text;

namespace SurveyKit.Rendering.Templates;

/// <summary>
/// Trims the shipped JavaScript and CSS without a JavaScript toolchain: indentation, blank lines and comments that
/// stand on lines of their own go. Inside a line only SurveyKit's own script changes (<see cref="ScriptSpaces"/>):
/// a workspace's script means what its source says.
/// The sources stay readable, and a whole page still fits in one round trip (14 KB).
/// </summary>
public static class AssetTrimmer
{
    /// <summary>
    /// Trims <paramref name="bytes"/> when <paramref name="name"/> is JavaScript or CSS; with
    /// <paramref name="squeeze"/> (SurveyKit's own script only) also the spaces beside punctuation.
    /// </summary>
    public static byte[] Trim(string name, byte[] bytes, bool squeeze = false)
    {
        squeeze &= name.EndsWith(".js", StringComparison.Ordinal);
        if (
            !name.EndsWith(".js", StringComparison.Ordinal)
            && !name.EndsWith(".css", StringComparison.Ordinal)
        )
        {
            return bytes;
        }
        var text = Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n");
        var output = new StringBuilder(text.Length);
        var inComment = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (inComment)
            {
                inComment = !line.Contains("*/", StringComparison.Ordinal);
                continue;
            }
            if (line.StartsWith("/*", StringComparison.Ordinal))
            {
                var end = line.IndexOf("*/", 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    inComment = true;
                    continue;
                }
                if (end == line.Length - 2)
                {
                    continue;
                }
            }
            if (line.StartsWith("//", StringComparison.Ordinal) || line.Length == 0)
            {
                continue;
            }
            if (squeeze && (line = ScriptSpaces.Squeeze(line)).Length == 0)
            {
                continue;
            }
            output.Append(line).Append('\n');
        }
        return Encoding.UTF8.GetBytes(output.ToString());
    }
}
