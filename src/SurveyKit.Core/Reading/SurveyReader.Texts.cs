using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Model;
using SurveyKit.Core.Text;
using SurveyKit.Core.Yaml;

namespace SurveyKit.Core.Reading;

// Texts: one per language, each language present, Markdown without raw HTML or unsafe links.
internal sealed partial class SurveyReader
{
    private static readonly Regex HtmlTag = new(
        @"</?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?/?>",
        RegexOptions.CultureInvariant
    );

    // The start of a link destination (inline "](", a reference definition "[x]:" at the start of a line, or an
    // autolink "<") and its scheme. Atomic groups (?>...) and one-line runs keep it linear: a text of "](" and a
    // million spaces, or of a million empty lines, once cost minutes of backtracking.
    private static readonly Regex LinkScheme = new(
        @"(\]\((?>\s*)<?(?>\s*)|^(?>[ \t]*)\[(?>[^\]\n]+)\]:(?>[ \t]*)<?(?>[ \t]*)|<)(?<scheme>[a-zA-Z](?>[a-zA-Z0-9+.\-]*)):",
        RegexOptions.CultureInvariant | RegexOptions.Multiline
    );

    private LocalizedText ReadRequiredText(MappingReader map, string key, bool markdown = false) =>
        (Required(map, key) is { } node ? ReadText(node, key, map.Place, markdown) : null)
        ?? Placeholder(map.Mapping.Span);

    private LocalizedText? ReadOptionalText(MappingReader map, string key, bool markdown = false) =>
        map[key] is { } node ? ReadText(node, key, map.Place, markdown) : null;

    // Stands in for a text that was reported missing, so the rest of the survey can still be read.
    private LocalizedText Placeholder(SourceSpan span) =>
        new(_languages.Select(l => new Translation(l, "")).ToEquatableArray(), span);

    private LocalizedText? ReadText(YamlNode node, string key, string owner, bool markdown)
    {
        var place = Place.TextOf(key, owner);
        if (node is YamlScalar scalar)
        {
            if (_languages.Count > 1)
            {
                var example = string.Join(", ", _languages.Select(l => l + ": ..."));
                Report(
                    DiagnosticDescriptors.SingleTextInMultilingualSurvey,
                    scalar,
                    Place.Sentence(place),
                    string.Join(" and ", _languages),
                    example
                );
            }
            CheckText(scalar, place, "", markdown);
            return new LocalizedText(
                _languages.Select(l => new Translation(l, scalar.Value)).ToEquatableArray(),
                scalar.Span
            );
        }
        if (node is not YamlMapping mapping)
        {
            Report(
                DiagnosticDescriptors.WrongNodeKind,
                node,
                key,
                owner,
                "a text, or one text per language",
                node.KindName
            );
            return null;
        }
        var translations = new List<Translation>();
        foreach (var entry in mapping.Entries)
        {
            var language = entry.Key.Value;
            if (!_languages.Contains(language))
            {
                var hint = DidYouMean.Hint(language, _languages);
                Report(
                    DiagnosticDescriptors.UnknownTextLanguage,
                    entry.Key,
                    Place.Sentence(place),
                    language,
                    string.Join(", ", _languages),
                    hint.Length > 0 ? hint : $" Add it to 'languages' or remove this text."
                );
                continue;
            }
            if (AsScalar(entry.Value, language, place) is not { } text)
            {
                continue;
            }
            CheckText(text, place, language, markdown);
            translations.Add(new Translation(language, text.Value));
        }
        foreach (var language in _languages.Where(l => translations.All(t => t.Language != l)))
        {
            // A language written with something that is not a text (a list, a map) was reported where it is written;
            // one not written at all is reported here. Either way the text gets an empty translation, so that every
            // language has one.
            if (!mapping.TryGet(language, out _, out _))
            {
                Report(
                    DiagnosticDescriptors.MissingTranslation,
                    mapping,
                    Place.Sentence(place),
                    language,
                    string.Join(", ", _languages)
                );
            }
            translations.Add(new Translation(language, ""));
        }
        var ordered = _languages.Select(l => translations.First(t => t.Language == l));
        return new LocalizedText(ordered.ToEquatableArray(), mapping.Span);
    }

    private void CheckText(YamlScalar text, string place, string language, bool markdown)
    {
        if (text.IsNull || text.Value.Trim().Length == 0)
        {
            Report(
                DiagnosticDescriptors.EmptyText,
                text,
                Place.Sentence(place),
                language.Length > 0 ? $" in '{language}'" : ""
            );
            return;
        }
        if (!markdown)
        {
            return;
        }
        var shift = ColumnShift(text);
        foreach (Match link in LinkScheme.Matches(text.Value))
        {
            var scheme = link.Groups["scheme"];
            if (scheme.Value.ToLowerInvariant() is not ("http" or "https" or "mailto"))
            {
                var at = Expressions.Condition.MapRange(
                    text.Span,
                    shift,
                    new Expressions.TextRange(scheme.Index, scheme.Length)
                );
                Report(
                    DiagnosticDescriptors.UnsafeLink,
                    at,
                    Place.Sentence(place),
                    scheme.Value + ":"
                );
            }
        }
        var tag = HtmlTag.Match(text.Value);
        if (tag.Success)
        {
            var at = Expressions.Condition.MapRange(
                text.Span,
                shift,
                new Expressions.TextRange(tag.Index, tag.Length)
            );
            Report(DiagnosticDescriptors.RawHtml, at, Place.Sentence(place), tag.Value);
        }
    }
}
