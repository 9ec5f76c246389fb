using System.Globalization;

namespace SurveyKit.Core.Responses;

/// <summary>
/// Whether a text is an e-mail address a follow-up can be sent to: <c>local@domain.tld</c> with the characters of
/// RFC 5322's dot-atom (and letters of any script, RFC 6531), a domain of dot-separated labels (RFC 1035, IDN
/// letters allowed), at most 254 characters (RFC 5321). A single left-to-right scan: the text comes from the public
/// internet, so the check must cost time in proportion to its length, never more (a backtracking pattern took a
/// minute of CPU for one post of 'a@' and 250,000 dots).
/// </summary>
public static class EmailAddress
{
    /// <summary>The longest address a mail server accepts (RFC 5321: a 256-character path less its brackets).</summary>
    public const int MaxLength = 254;

    /// <summary>The longest local part (before the @), RFC 5321.</summary>
    public const int MaxLocalLength = 64;

    /// <summary>The longest label of a domain, RFC 1035.</summary>
    public const int MaxLabelLength = 63;

    /// <summary>True when <paramref name="text"/> is an address as described above.</summary>
    public static bool IsValid(string text)
    {
        if (text.Length is < 3 or > MaxLength)
        {
            return false;
        }
        var at = text.IndexOf('@');
        if (at is < 1 or > MaxLocalLength || at != text.LastIndexOf('@'))
        {
            return false;
        }
        return IsLocalPart(text, 0, at) && IsDomain(text, at + 1, text.Length);
    }

    // Dot-atom: atext runs separated by single dots, not starting or ending with one.
    private static bool IsLocalPart(string text, int start, int end)
    {
        var previousDot = true;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == '.')
            {
                if (previousDot)
                {
                    return false;
                }
                previousDot = true;
                continue;
            }
            previousDot = false;
            if (IsAsciiAtext(c))
            {
                continue;
            }
            if (!IsWordCharacter(text, ref i, end))
            {
                return false;
            }
        }
        return !previousDot;
    }

    // Labels of letters, digits and hyphens (not at either end of a label), at least two of them.
    private static bool IsDomain(string text, int start, int end)
    {
        var labels = 0;
        var labelStart = start;
        for (var i = start; i <= end; i++)
        {
            if (i < end && text[i] != '.')
            {
                var c = text[i];
                if (
                    c < 0x80
                        ? !(IsAsciiLetterOrDigit(c) || c == '-')
                        : !IsWordCharacter(text, ref i, end)
                )
                {
                    return false;
                }
                continue;
            }
            var length = i - labelStart;
            if (length is 0 or > MaxLabelLength || text[labelStart] == '-' || text[i - 1] == '-')
            {
                return false;
            }
            labels++;
            labelStart = i + 1;
        }
        return labels >= 2;
    }

    private static bool IsAsciiLetterOrDigit(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';

    private static bool IsAsciiAtext(char c) =>
        IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~".IndexOf(c) >= 0;

    // A letter, mark or digit of any script (a surrogate pair counts as one character and moves i past it).
    // Everything else outside ASCII is refused: spaces, controls, and the format characters that reorder text
    // (U+202E) or hide in it (U+200B), which would make an address read differently from what it is.
    private static bool IsWordCharacter(string text, ref int i, int end)
    {
        var c = text[i];
        if (c < 0x80)
        {
            return false;
        }
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 >= end || !char.IsLowSurrogate(text[i + 1]))
            {
                return false;
            }
            var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
            i++;
            return IsWordCategory(category);
        }
        return !char.IsLowSurrogate(c) && IsWordCategory(CharUnicodeInfo.GetUnicodeCategory(c));
    }

    private static bool IsWordCategory(UnicodeCategory category) =>
        category
            is UnicodeCategory.UppercaseLetter
                or UnicodeCategory.LowercaseLetter
                or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter
                or UnicodeCategory.OtherLetter
                or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.DecimalDigitNumber;
}
