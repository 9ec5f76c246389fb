using System;
using System.Text;

namespace SurveyKit.Rendering.Html;

/// <summary>
/// Escapes text for HTML. Scriban does not escape, so every survey text is escaped here, before a template sees it:
/// the view model only ever holds safe HTML.
/// </summary>
public static class HtmlText
{
    /// <summary>
    /// <paramref name="text"/> safe in element content and in double- or single-quoted attributes. Only the five
    /// characters that matter are escaped, so Dutch accents stay readable (and short) in the page.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var first = text.AsSpan().IndexOfAny("&<>\"'");
        if (first < 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&#39;"),
                _ => builder.Append(c),
            };
        }
        return builder.ToString();
    }
}
