using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using SurveyKit.Core.Text;

namespace SurveyKit.Analysis.Themes;

/// <summary>
/// What the detractors wrote, kept small: up to three anonymised quotes per theme (the first read), and the words and
/// two-word phrases of answers that no theme covers (without Dutch and English stop words), so the researcher can see
/// what the codebook misses. A quote repeated word for word is kept once.
/// </summary>
public sealed partial class ThemeTexts
{
    private const int Quotes = 3;
    private const int MaxQuote = 240;
    private readonly Dictionary<int, List<string>> examples = [];
    private readonly Dictionary<string, int> words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> phrases = new(StringComparer.Ordinal);

    /// <summary>Detractors with an open answer that matches no theme.</summary>
    public int Uncovered { get; private set; }

    /// <summary>Up to three quotes of theme <paramref name="theme"/>.</summary>
    public IReadOnlyList<string> Examples(int theme) =>
        examples.TryGetValue(theme, out var list) ? list : [];

    /// <summary>The most frequent uncovered words, most frequent first.</summary>
    public IReadOnlyList<(string Text, int Count)> TopWords(int count) => Top(words, count);

    /// <summary>The most frequent uncovered two-word phrases.</summary>
    public IReadOnlyList<(string Text, int Count)> TopPhrases(int count) => Top(phrases, count);

    internal void Add(ulong themes, string text)
    {
        var coded = themes & ~ThemeCoder.Answered;
        if (coded == 0)
        {
            Uncovered++;
            var folded = ThemePattern
                .Words(text)
                .Where(w => !StopWords.Contains(w) && w.Length > 1)
                .ToList();
            foreach (var word in folded.Distinct(StringComparer.Ordinal))
            {
                words[word] = words.GetValueOrDefault(word) + 1;
            }
            foreach (
                var phrase in folded
                    .Zip(folded.Skip(1), (a, b) => a + " " + b)
                    .Distinct(StringComparer.Ordinal)
            )
            {
                phrases[phrase] = phrases.GetValueOrDefault(phrase) + 1;
            }
            return;
        }
        for (var t = 0; t < 63; t++)
        {
            if ((coded & (1UL << t)) == 0)
            {
                continue;
            }
            if (!examples.TryGetValue(t, out var list))
            {
                examples[t] = list = [];
            }
            var quote = Anonymised(text);
            if (list.Count < Quotes && !list.Contains(quote))
            {
                list.Add(quote);
            }
        }
    }

    // Quotes go into a report for management: e-mail addresses, links and long numbers (phone, account, order)
    // become [...], and a long answer is cut.
    internal static string Anonymised(string text)
    {
        var masked = Personal().Replace(text, "[…]").Replace('\n', ' ').Replace('\r', ' ').Trim();
        return masked.Length <= MaxQuote ? masked : masked[..(MaxQuote - 1)].TrimEnd() + "…";
    }

    [GeneratedRegex(
        @"[\w.+-]+@[\w-]+(\.[\w-]+)+|https?://\S+|www\.\S+|\+?\d[\d\s-]{5,}\d",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex Personal();

    private static List<(string, int)> Top(Dictionary<string, int> counts, int count) =>
        counts
            .Where(c => c.Value > 1)
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(count)
            .Select(c => (c.Key, c.Value))
            .ToList();

    // Folded (no accents, lower case) as ThemePattern folds the answers.
    private static readonly HashSet<string> StopWords = new(
        (
            "de het een en of maar dat die dit deze is zijn was waren ben bent wordt worden werd heb heeft hebben had "
            + "ik je jij u we wij ze zij hij mij me mijn uw ons onze hun niet geen wel ook nog al er daar hier dan "
            + "als om te van voor naar met op in aan bij uit over door tot zo heel erg veel meer wat wie hoe waar "
            + "waarom omdat want kan kunnen zou zouden moet moeten wil willen gaat gaan ga doen doe deed is "
            + "the a an and or but that this these those is are was were be been being have has had do does did "
            + "i you we they he she it me my your our their not no yes so very too also just to of for in on at "
            + "with from by about as if than then there here what which who how why when can could would should "
            + "will shall may might must get got"
        ).Split(' ', StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal
    );
}
