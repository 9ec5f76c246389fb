using System.Text.RegularExpressions;

namespace SurveyKit.Analysis.Data;

/// <summary>
/// The value a record was rejected for, as a reason quotes it. The analyst sees it on the console, so the line can be
/// found and mended; the report does not show it: the report travels beyond the analyst, and a value in the wrong
/// column can be anything a respondent typed, an e-mail address or a name.
/// </summary>
internal static partial class OffendingValue
{
    // Marks around a quoted value inside a reason, taken out of the value itself so that no input can forge one.
    private const char Start = '\uFDD0';
    private const char End = '\uFDD1';

    // Enough to recognise a value; a whole comment in the wrong column would drown the console.
    private const int Longest = 40;

    /// <summary><paramref name="value"/>, marked for <see cref="Shown"/> and <see cref="Hidden"/>.</summary>
    public static string Quote(string value)
    {
        var clean = value.Replace(Start.ToString(), "").Replace(End.ToString(), "");
        if (clean.Length > Longest)
        {
            // Not between the two halves of a character outside the BMP (an emoji).
            var cut = char.IsHighSurrogate(clean[Longest - 1]) ? Longest - 1 : Longest;
            clean = clean[..cut] + "…";
        }
        return Start + clean + End;
    }

    /// <summary>A message from elsewhere with each part in single quotes marked as a value.</summary>
    public static string QuoteQuoted(string message) =>
        SingleQuoted().Replace(message, match => Quote(match.Groups[1].Value));

    /// <summary>
    /// The report's form of a reason given from outside this library (a generated reader's error), which may quote
    /// values anywhere: its field path, when it starts with one ("answers.recommend: …"), and the rest hidden.
    /// </summary>
    public static string HiddenUnchecked(string reason)
    {
        var match = LeadingPath().Match(reason);
        return match.Success ? match.Value + " '…'" : "'…'";
    }

    /// <summary>The reason with its values in single quotes.</summary>
    public static string Shown(string reason) => reason.Replace(Start, '\'').Replace(End, '\'');

    /// <summary>The reason with each value replaced by an ellipsis.</summary>
    public static string Hidden(string reason) => Marked().Replace(reason, "'…'");

    [GeneratedRegex("\uFDD0[^\uFDD1]*\uFDD1")]
    private static partial Regex Marked();

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex SingleQuoted();

    [GeneratedRegex(@"^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*:")]
    private static partial Regex LeadingPath();
}
