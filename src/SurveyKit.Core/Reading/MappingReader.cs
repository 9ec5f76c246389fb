using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Text;
using SurveyKit.Core.Yaml;

namespace SurveyKit.Core.Reading;

/// <summary>
/// Reads one YAML mapping that accepts a known set of keys. Unknown keys are reported as soon as it is made,
/// with the nearest known key as a hint, or with the question types a key belongs to when it belongs to another type.
/// </summary>
internal sealed class MappingReader
{
    public MappingReader(
        SurveyReader reader,
        YamlMapping mapping,
        string place,
        IReadOnlyCollection<string> allowed,
        Func<string, string?>? belongsElsewhere = null
    )
    {
        Mapping = mapping;
        Place = place;
        foreach (var entry in mapping.Entries)
        {
            var key = entry.Key.Value;
            if (allowed.Contains(key))
            {
                continue;
            }
            var elsewhere = belongsElsewhere?.Invoke(key);
            if (elsewhere is not null)
            {
                reader.Report(
                    DiagnosticDescriptors.KeyNotForType,
                    entry.Key,
                    key,
                    Reading.Place.WithArticle(elsewhere.Split('|')[0]),
                    elsewhere.Split('|')[1]
                );
                continue;
            }
            var nearest = DidYouMean.Nearest(key, allowed);
            if (nearest is not null)
            {
                Misspelled.Add(nearest);
            }
            var hint = DidYouMean.Hint(key, allowed);
            if (hint.Length == 0)
            {
                hint = " The keys here are: " + string.Join(", ", allowed) + ".";
            }
            reader.Report(
                DiagnosticDescriptors.UnknownKey,
                entry.Key,
                Excerpt.Of(key),
                place,
                hint
            );
        }
    }

    /// <summary>Known keys that an unknown key was reported as a misspelling of; they are not reported missing too.</summary>
    public HashSet<string> Misspelled { get; } = [];

    /// <summary>The mapping read.</summary>
    public YamlMapping Mapping { get; }

    /// <summary>How messages name it.</summary>
    public string Place { get; }

    /// <summary>The value of <paramref name="key"/>, or null when absent or written empty (<c>key:</c>).</summary>
    public YamlNode? this[string key] =>
        Mapping.TryGet(key, out _, out var value) && value is not YamlScalar { IsNull: true }
            ? value
            : null;

    /// <summary>True when <paramref name="key"/> is written with a value.</summary>
    public bool Has(string key) => this[key] is not null;
}
