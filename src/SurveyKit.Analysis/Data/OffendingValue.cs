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
            clean = clean[..Longest] + "…";
        }
        return Start + clean + End;
    }

    /// <summary>The reason with its values in single quotes.</summary>
    public static string Shown(string reason) => reason.Replace(Start, '\'').Replace(End, '\'');

    /// <summary>The reason with each value replaced by an ellipsis.</summary>
    public static string Hidden(string reason) => Marked().Replace(reason, "'…'");

    [GeneratedRegex("\uFDD0[^\uFDD1]*\uFDD1")]
    private static partial Regex Marked();
}
