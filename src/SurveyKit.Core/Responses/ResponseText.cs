namespace SurveyKit.Core.Responses;

/// <summary>
/// What every text in a response must be before any other rule reads it, decided once here so that the collector
/// (SQLite and PostgreSQL alike), the generated types and the analysis accept the same things: no NUL character
/// (PostgreSQL cannot store one, SQLite can, so two stores would disagree), no half of a surrogate pair (not a
/// character at all), and, for the short texts that steer a response, a length limit.
/// </summary>
public static class ResponseText
{
    /// <summary>The longest context value (a segment, an account number, a customer id).</summary>
    public const int MaxContextValueLength = 256;

    /// <summary>The longest key (an answer key, a context field, a touchpoint item).</summary>
    public const int MaxKeyLength = 128;

    /// <summary>The longest language tag (BCP 47 tags in practice stay under 35 characters).</summary>
    public const int MaxLanguageLength = 35;

    /// <summary>Why <paramref name="text"/> cannot be stored, or null when it can.</summary>
    public static string? Problem(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return "contains the NUL character (U+0000), which no text may hold";
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return "contains half of a character (a lone surrogate), which is not text";
            }
        }
        return null;
    }

    /// <summary>
    /// Why <paramref name="text"/> cannot be a one-line steering value (a context value, a language) of at most
    /// <paramref name="maxLength"/> characters, or null when it can. Line breaks and other control characters are
    /// refused: these values end up in CSV cells, report headings and mail subjects.
    /// </summary>
    public static string? LineProblem(string text, int maxLength)
    {
        if (text.Length > maxLength)
        {
            return $"is {text.Length} characters long; at most {maxLength} are allowed";
        }
        if (Problem(text) is { } problem)
        {
            return problem;
        }
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return "contains a line break or another control character";
            }
        }
        return null;
    }
}
