using System.Globalization;
using System.Text;

namespace SurveyKit.Site.Scripts;

/// <summary>JavaScript string literals that stay literals whatever the text holds (quotes, line separators, <c>&lt;/script</c>).</summary>
internal static class JsString
{
    /// <summary><paramref name="text"/> as a double-quoted JavaScript string literal, ASCII only.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                default:
                    if (c < 0x20 || c > 0x7e || c is '<' or '>' or '&' or '\'')
                    {
                        builder
                            .Append("\\u")
                            .Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        return builder.Append('"').ToString();
    }
}
