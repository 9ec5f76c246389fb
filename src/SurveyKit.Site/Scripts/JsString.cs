using System.Globalization;
using System.Text;
using SurveyKit.Core.Text;

namespace SurveyKit.Site.Scripts;

/// <summary>JavaScript string literals for the compiled show_if rules.</summary>
internal static class JsString
{
    /// <summary>
    /// <paramref name="text"/> as a double-quoted JavaScript string literal. Core's <see cref="DoubleQuoted"/> escapes
    /// mean the same in JavaScript; beyond those, everything outside ASCII becomes \uXXXX, so the rules file reads the
    /// same whatever charset a host serves it with.
    /// </summary>
    public static string Quote(string text)
    {
        var quoted = DoubleQuoted.Escape(text);
        var builder = new StringBuilder(quoted.Length);
        foreach (var c in quoted)
        {
            if (c > 0x7e)
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
