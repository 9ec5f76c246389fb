using System.Linq;
using SurveyKit.Core.Text;

namespace SurveyKit.Core.Model;

/// <summary>One translation of a text.</summary>
public readonly record struct Translation(string Language, string Text);

/// <summary>
/// A text in every language of the survey. A single-language survey may write a plain string;
/// it is stored here under that one language, so consumers never need to tell the two apart.
/// </summary>
public sealed record LocalizedText(EquatableArray<Translation> Translations, SourceSpan Span)
{
    /// <summary>The text in <paramref name="language"/>, or in the first language when that is missing.</summary>
    public string this[string language] =>
        Translations.FirstOrDefault(t => t.Language == language).Text
        ?? (Translations.Count > 0 ? Translations[0].Text : "");

    /// <summary>The languages this text has.</summary>
    public EquatableArray<string> Languages =>
        Translations.Select(t => t.Language).ToEquatableArray();
}
