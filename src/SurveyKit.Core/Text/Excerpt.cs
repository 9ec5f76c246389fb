namespace SurveyKit.Core.Text;

/// <summary>
/// The start of a text that a message quotes: enough to recognise it, never so much that one long input (a 200 KB key,
/// a pasted essay in the wrong field) makes every message about it as long. Cut between whole characters.
/// </summary>
public static class Excerpt
{
    /// <summary>How many characters a message quotes by default.</summary>
    public const int DefaultLength = 40;

    /// <summary><paramref name="text"/>, or its first <paramref name="length"/> characters and an ellipsis.</summary>
    public static string Of(string text, int length = DefaultLength)
    {
        if (text.Length <= length)
        {
            return text;
        }
        // Not between the two halves of a character outside the BMP (an emoji).
        var cut = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text.Substring(0, cut) + "…";
    }
}
