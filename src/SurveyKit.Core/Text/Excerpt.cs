using System.Globalization;
using System.Text;

namespace SurveyKit.Core.Text;

/// <summary>
/// The start of a text that a message quotes: enough to recognise it, never so much that one long input (a 200 KB key,
/// a pasted essay in the wrong field) makes every message about it as long. Cut between whole characters.
/// </summary>
public static class Excerpt
{
    /// <summary>How many characters a message quotes by default.</summary>
    public const int DefaultLength = 40;

    /// <summary>
    /// <paramref name="text"/>, or its first <paramref name="length"/> characters and an ellipsis, with every character
    /// that could change how the line reads written as an escape: a line break (which could forge a line of output on
    /// a console or in a log), other control characters, and the format characters that reorder or hide text (U+202E,
    /// U+200B), as <c>\u202E</c>.
    /// </summary>
    public static string Of(string text, int length = DefaultLength)
    {
        if (text.Length > length)
        {
            // Not between the two halves of a character outside the BMP (an emoji).
            var cut = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
            text = text.Substring(0, cut) + "…";
        }
        return Printable(text);
    }

    /// <summary><paramref name="text"/> with control, format and lone surrogate characters written as escapes.</summary>
    public static string Printable(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair =
                char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var unsafeCharacter =
                !pair
                && (
                    char.IsControl(c)
                    || char.IsSurrogate(c)
                    || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format
                );
            if (unsafeCharacter)
            {
                builder ??= new StringBuilder(text, 0, i, text.Length + 16);
                builder.Append(
                    c switch
                    {
                        '\n' => "\\n",
                        '\r' => "\\r",
                        '\t' => "\\t",
                        _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                    }
                );
                continue;
            }
            builder?.Append(c);
            if (pair)
            {
                builder?.Append(text[i + 1]);
                i++;
            }
        }
        return builder?.ToString() ?? text;
    }
}
