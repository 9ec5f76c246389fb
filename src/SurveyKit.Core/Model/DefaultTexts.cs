using System.Collections.Generic;
using System.Linq;
using SurveyKit.Core.Text;

namespace SurveyKit.Core.Model;

/// <summary>
/// The texts SurveyKit supplies when a survey does not write its own, for the languages it knows.
/// A survey in another language must write these texts itself; the checker says so.
/// </summary>
public static class DefaultTexts
{
    private static readonly Dictionary<string, Dictionary<string, string>> Texts = new()
    {
        ["nl"] = new()
        {
            ["nps.low"] = "Helemaal niet waarschijnlijk",
            ["nps.high"] = "Zeer waarschijnlijk",
            ["not_applicable"] = "Niet van toepassing",
            ["compare"] = "Vergeleken met andere aanbieders is dit...",
            ["compare.worse"] = "Slechter",
            ["compare.same"] = "Hetzelfde",
            ["compare.better"] = "Beter",
            ["other"] = "Anders",
        },
        ["en"] = new()
        {
            ["nps.low"] = "Not at all likely",
            ["nps.high"] = "Extremely likely",
            ["not_applicable"] = "Not applicable",
            ["compare"] = "Compared with other providers this is...",
            ["compare.worse"] = "Worse",
            ["compare.same"] = "The same",
            ["compare.better"] = "Better",
            ["other"] = "Other",
        },
    };

    // The one text mechanism (Core's TextTable); no fallback here: a survey's own texts must be in its language.
    private static readonly TextTable Table = new(Texts);

    /// <summary>The languages that have default texts.</summary>
    public static IReadOnlyCollection<string> Languages => Table.Languages;

    /// <summary>True when <paramref name="language"/> has default texts.</summary>
    public static bool Has(string language) => Table.Has(language);

    /// <summary>The default text <paramref name="key"/> (such as <c>nps.low</c>) in <paramref name="language"/>, or null.</summary>
    public static string? Get(string language, string key) => Table.Get(language, key);

    /// <summary>The default text <paramref name="key"/> in every language that has default texts.</summary>
    public static LocalizedText Localized(string key) =>
        new(
            Table.Languages.Select(l => new Translation(l, Table.Get(l, key)!)).ToEquatableArray(),
            default
        );
}
