using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SurveyKit.Core.Text;

/// <summary>
/// The words of a theme's codebook and how they match an open answer. Both are folded the same way: lower case,
/// accents removed (<c>café</c> is <c>cafe</c>, <c>geërgerd</c> is <c>geergerd</c>), split into words at anything that
/// is not a letter or a digit. A pattern is a word (<c>onbereikbaar</c>: that word), a stem (<c>wacht*</c>: words
/// that start so, such as wachttijd and wachten; <c>*service</c>: words that end so, such as klantenservice), or a
/// phrase of such words (<c>lang duren</c>: those words one after the other).
/// </summary>
public static class ThemePattern
{
    private static readonly char[] Space = [' '];

    // The accented Latin letters of Dutch, English, French, German and Scandinavian words, and their plain letters.
    private const string Accented =
        "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżž";
    private const string Plain =
        "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzz";

    /// <summary>Why <paramref name="pattern"/> can never match, or null when it is fine.</summary>
    public static string? Problem(string pattern)
    {
        var words = pattern.Split(Space, System.StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return "is empty";
        }
        foreach (var word in words)
        {
            var core = word.Trim('*');
            if (core.Length == 0)
            {
                return "has a word that is only '*', which would match everything";
            }
            if (core.IndexOf('*') >= 0)
            {
                return "has '*' inside a word; a stem has it at the start or the end (wacht*, *service)";
            }
            if (Words(core).Count != 1)
            {
                return "has a word with other characters than letters and digits; write words, stems and phrases";
            }
        }
        return null;
    }

    /// <summary>The folded words of <paramref name="text"/>.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue; // a combining accent
            }
            if (char.IsLetterOrDigit(c))
            {
                var lower = char.ToLowerInvariant(c);
                // Without ICU (invariant globalization) Normalize does not decompose: fold by table instead.
                var at = Accented.IndexOf(lower);
                if (at >= 0)
                {
                    word.Append(Plain[at]);
                }
                else if (lower is 'æ' or 'œ' or 'ĳ' or 'ß')
                {
                    word.Append(
                        lower switch
                        {
                            'æ' => "ae",
                            'œ' => "oe",
                            'ĳ' => "ij",
                            _ => "ss",
                        }
                    );
                }
                else
                {
                    word.Append(lower);
                }
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }
        return words;
    }

    /// <summary>True when the folded <paramref name="words"/> contain <paramref name="pattern"/>.</summary>
    public static bool Matches(IReadOnlyList<string> words, string pattern) =>
        Compile(pattern).Matches(words);

    /// <summary><paramref name="pattern"/> read once, for matching many answers.</summary>
    public static Compiled Compile(string pattern) =>
        new(
            pattern
                .Split(Space, System.StringSplitOptions.RemoveEmptyEntries)
                .Select(part => new Part(
                    Words(part.Trim('*')).FirstOrDefault() ?? "",
                    part.EndsWith("*", System.StringComparison.Ordinal),
                    part.StartsWith("*", System.StringComparison.Ordinal)
                ))
                .ToArray()
        );

    /// <summary>One word of a pattern: its folded letters, and whether words may go on after it or come before it.</summary>
    public readonly record struct Part(string Core, bool Prefix, bool Suffix)
    {
        public bool Matches(string word) =>
            (Prefix, Suffix) switch
            {
                (true, true) => word.IndexOf(Core, System.StringComparison.Ordinal) >= 0,
                (true, false) => word.StartsWith(Core, System.StringComparison.Ordinal),
                (false, true) => word.EndsWith(Core, System.StringComparison.Ordinal),
                _ => word == Core,
            };
    }

    /// <summary>A pattern read once: its words, in order.</summary>
    public sealed class Compiled(Part[] parts)
    {
        public bool Matches(IReadOnlyList<string> words)
        {
            for (var start = 0; start + parts.Length <= words.Count; start++)
            {
                var all = true;
                for (var p = 0; p < parts.Length && all; p++)
                {
                    all = parts[p].Matches(words[start + p]);
                }
                if (all)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
