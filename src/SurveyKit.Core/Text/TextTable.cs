using System.Collections.Generic;
using System.Globalization;

namespace SurveyKit.Core.Text;

/// <summary>
/// Words SurveyKit writes itself, per language: the pages' buttons and messages, the report, the default texts of a
/// survey. One mechanism for all of them: a key missing in a language falls back to English, numbers are written as
/// the language writes them (7,4 and 1.500 in Dutch; 7.4 and 1,500 in English), and each language has its own name
/// for a language switcher (Nederlands, English, Deutsch).
/// </summary>
public sealed class TextTable
{
    /// <summary>The language every table has in full, and the fallback for a missing key.</summary>
    public const string Fallback = "en";

    private readonly Dictionary<string, Dictionary<string, string>> texts;

    /// <summary>A table of <paramref name="texts"/> by language, then key; it must hold English.</summary>
    public TextTable(Dictionary<string, Dictionary<string, string>> texts) => this.texts = texts;

    /// <summary>The languages the table has words for.</summary>
    public IReadOnlyCollection<string> Languages => texts.Keys;

    /// <summary>True when the table has words of its own for <paramref name="language"/>.</summary>
    public bool Has(string language) => texts.ContainsKey(language);

    /// <summary>The words for <paramref name="language"/> (English where the table has none).</summary>
    public Words For(string language) =>
        new(language, texts.TryGetValue(language, out var own) ? own : null, texts[Fallback]);

    /// <summary>The text <paramref name="key"/> in <paramref name="language"/> itself (no fallback), or null.</summary>
    public string? Get(string language, string key) =>
        texts.TryGetValue(language, out var own) && own.TryGetValue(key, out var text)
            ? text
            : null;

    /// <summary>
    /// The name of <paramref name="language"/> in that language, for a switcher: a Dutch reader looks for
    /// "Nederlands", a German one for "Deutsch". The tag itself for a language SurveyKit does not know.
    /// </summary>
    public static string NativeName(string language) =>
        NativeNames.TryGetValue(Primary(language), out var name) ? name : language;

    /// <summary>The number format of <paramref name="language"/>: its decimal and group separators.</summary>
    public static NumberFormatInfo NumberFormat(string language)
    {
        var (decimalSeparator, groupSeparator) = Primary(language) switch
        {
            "nl" or "de" or "es" or "it" or "da" or "id" or "tr" or "pt" => (",", "."),
            "fr" or "sv" or "nb" or "no" or "fi" or "pl" or "cs" or "sk" or "ru" or "uk" => (
                ",",
                "\u202F"
            ),
            _ => (".", ","),
        };
        return new NumberFormatInfo
        {
            NumberDecimalSeparator = decimalSeparator,
            NumberGroupSeparator = groupSeparator,
            PercentDecimalSeparator = decimalSeparator,
            PercentGroupSeparator = groupSeparator,
            NegativeSign = "-",
        };
    }

    private static string Primary(string language)
    {
        var dash = language.IndexOf('-');
        return (dash < 0 ? language : language.Substring(0, dash)).ToLowerInvariant();
    }

    private static readonly Dictionary<string, string> NativeNames = new()
    {
        ["nl"] = "Nederlands",
        ["en"] = "English",
        ["de"] = "Deutsch",
        ["fr"] = "Français",
        ["es"] = "Español",
        ["it"] = "Italiano",
        ["pt"] = "Português",
        ["da"] = "Dansk",
        ["sv"] = "Svenska",
        ["nb"] = "Norsk bokmål",
        ["no"] = "Norsk",
        ["fi"] = "Suomi",
        ["pl"] = "Polski",
        ["cs"] = "Čeština",
        ["tr"] = "Türkçe",
        ["fy"] = "Frysk",
    };
}

/// <summary>The words of one language, with its number format.</summary>
public sealed class Words
{
    private readonly Dictionary<string, string>? own;
    private readonly Dictionary<string, string> fallback;

    internal Words(
        string language,
        Dictionary<string, string>? own,
        Dictionary<string, string> fallback
    )
    {
        Language = language;
        this.own = own;
        this.fallback = fallback;
        Numbers = TextTable.NumberFormat(language);
    }

    /// <summary>The language these words are for.</summary>
    public string Language { get; }

    /// <summary>How this language writes numbers.</summary>
    public NumberFormatInfo Numbers { get; }

    /// <summary>True when the language has this text itself (not from the fallback).</summary>
    public bool HasOwn(string key) => own is not null && own.ContainsKey(key);

    /// <summary>The text <paramref name="key"/>.</summary>
    public string this[string key] =>
        own is not null && own.TryGetValue(key, out var text) ? text : fallback[key];

    /// <summary>The text <paramref name="key"/> with <paramref name="values"/> in its {0} places, numbers as the language writes them.</summary>
    public string Format(string key, params object[] values) =>
        string.Format(Numbers, this[key], values);

    /// <summary>A number with <paramref name="decimals"/> decimals; "-" when it cannot be computed.</summary>
    public string Number(double value, int decimals = 1)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return "-";
        }
        // + 0.0 turns a rounded -0 into 0: "-0,0" reads as a loss that is not there.
        var rounded =
            System.Math.Round(value, decimals, System.MidpointRounding.AwayFromZero) + 0.0;
        return rounded.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Numbers);
    }

    /// <summary>A count with the language's group separator: 1.500, 1,500.</summary>
    public string Count(long value) => value.ToString("N0", Numbers);
}
