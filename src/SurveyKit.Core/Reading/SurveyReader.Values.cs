using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Text;
using SurveyKit.Core.Yaml;

namespace SurveyKit.Core.Reading;

// Scalars, numbers, booleans, ids and lists: each read reports what it expected and what it found.
internal sealed partial class SurveyReader
{
    private static readonly Regex IdPattern = new(
        "^[a-z][a-z0-9_]*$",
        RegexOptions.CultureInvariant
    );

    internal void Report(DiagnosticDescriptor descriptor, YamlNode at, params object?[] args) =>
        _diagnostics.Report(descriptor, at.Span, args);

    internal void Report(DiagnosticDescriptor descriptor, SourceSpan at, params object?[] args) =>
        _diagnostics.Report(descriptor, at, args);

    /// <summary>The mapping at <paramref name="node"/>, or null after reporting that it is something else.</summary>
    private YamlMapping? AsMapping(YamlNode node, string key, string place)
    {
        if (node is YamlMapping mapping)
        {
            return mapping;
        }
        Report(
            DiagnosticDescriptors.WrongNodeKind,
            node,
            key,
            place,
            "a mapping (key: value lines)",
            node.KindName
        );
        return null;
    }

    /// <summary>The items of the list at <paramref name="node"/>, or none after reporting that it is something else.</summary>
    private List<YamlNode> AsList(YamlNode node, string key, string place)
    {
        if (node is YamlSequence sequence)
        {
            return sequence.Items;
        }
        Report(DiagnosticDescriptors.WrongNodeKind, node, key, place, "a list", node.KindName);
        return [];
    }

    private YamlScalar? AsScalar(
        YamlNode node,
        string key,
        string place,
        string expected = "a text"
    )
    {
        if (node is YamlScalar scalar)
        {
            return scalar;
        }
        Report(DiagnosticDescriptors.WrongNodeKind, node, key, place, expected, node.KindName);
        return null;
    }

    private YamlNode? Required(MappingReader map, string key, string hint = "")
    {
        var node = map[key];
        if (node is null && !map.Misspelled.Contains(key))
        {
            var at = map.Mapping.TryGet(key, out var keyNode, out _)
                ? keyNode.Span
                : map.Mapping.Span;
            Report(DiagnosticDescriptors.MissingKey, at, Place.Sentence(map.Place), key, hint);
        }
        return node;
    }

    private int? ReadInt(
        MappingReader map,
        string key,
        int min,
        int max,
        string expected,
        string hint = ""
    )
    {
        var node = map[key];
        return node is null ? null : ReadInt(node, key, map.Place, min, max, expected, hint);
    }

    private int? ReadInt(
        YamlNode node,
        string key,
        string place,
        int min,
        int max,
        string expected,
        string hint = ""
    )
    {
        var scalar = AsScalar(node, key, place, expected);
        if (scalar is null)
        {
            return null;
        }
        if (
            scalar.IsPlain
            && int.TryParse(
                scalar.Value,
                NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture,
                out var value
            )
            && value >= min
            && value <= max
        )
        {
            return value;
        }
        Report(
            DiagnosticDescriptors.InvalidValue,
            scalar,
            key,
            place,
            expected,
            scalar.Value,
            hint
        );
        return null;
    }

    private double? ReadNumber(MappingReader map, string key)
    {
        var node = map[key];
        var scalar = node is null ? null : AsScalar(node, key, map.Place, "a number");
        if (scalar is null)
        {
            return null;
        }
        if (
            scalar.IsPlain
            && double.TryParse(
                scalar.Value,
                NumberStyles.Float,
                CultureInfo.InvariantCulture,
                out var value
            )
            && !double.IsInfinity(value)
            && !double.IsNaN(value)
        )
        {
            return value;
        }
        Report(
            DiagnosticDescriptors.InvalidValue,
            scalar,
            key,
            map.Place,
            "a number",
            scalar.Value,
            ""
        );
        return null;
    }

    private bool ReadBool(MappingReader map, string key, bool fallback)
    {
        var node = map[key];
        var scalar = node is null ? null : AsScalar(node, key, map.Place, "true or false");
        if (scalar is null)
        {
            return fallback;
        }
        switch (scalar.IsPlain ? scalar.Value : "")
        {
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
        }
        var hint = scalar.Value.ToLowerInvariant() is "yes" or "no" or "on" or "off" or "y" or "n"
            ? " SurveyKit reads YAML 1.2, where only true and false are booleans."
            : "";
        Report(
            DiagnosticDescriptors.InvalidValue,
            scalar,
            key,
            map.Place,
            "true or false",
            scalar.Value,
            hint
        );
        return fallback;
    }

    /// <summary>
    /// <c>renamed_from</c>: an id or a list of ids this part had in earlier versions. An id that is the part's own id
    /// is SK0087 (a part cannot be renamed from itself); which of them an earlier version had is checked against the
    /// survey's history, where there is one (SK0089).
    /// </summary>
    private EquatableArray<string> ReadRenamedFrom(MappingReader map, string id)
    {
        if (map["renamed_from"] is not { } node)
        {
            return EquatableArray<string>.Empty;
        }
        var ids = new List<string>();
        var items = node is YamlSequence sequence ? sequence.Items : [node];
        foreach (var item in items)
        {
            var old = ReadIdValue(item, "renamed_from", map.Place);
            if (old.Length == 0)
            {
                continue;
            }
            if (old == id)
            {
                Report(
                    DiagnosticDescriptors.RenamedFromItself,
                    item,
                    Place.Sentence(map.Place),
                    old
                );
                continue;
            }
            if (!ids.Contains(old))
            {
                ids.Add(old);
            }
        }
        return ids.ToEquatableArray();
    }

    /// <summary>Reads an id; returns "" (and reports) when it is missing or invalid, so reading can go on.</summary>
    private string ReadId(MappingReader map, string key = "id", bool survey = false)
    {
        var node = Required(map, key, survey ? " Add, for example, survey: klantloyaliteit." : "");
        return node is null ? "" : ReadIdValue(node, key, map.Place, survey);
    }

    private string ReadIdValue(YamlNode node, string key, string place, bool survey = false)
    {
        var scalar = AsScalar(node, key, place, "an id");
        if (scalar is null)
        {
            return "";
        }
        if (scalar.Value.Length > SurveyLoader.MaxIdLength)
        {
            Report(
                DiagnosticDescriptors.InvalidId,
                scalar,
                Excerpt.Of(scalar.Value),
                $"an id is at most {SurveyLoader.MaxIdLength} characters, and this one has {scalar.Value.Length.ToString("N0", CultureInfo.InvariantCulture)}",
                ""
            );
            return "";
        }
        var valid = survey
            ? SurveyLoader.IsValidSurveyId(scalar.Value)
            : IdPattern.IsMatch(scalar.Value);
        if (valid)
        {
            return scalar.Value;
        }
        var rule = survey
            ? "a survey id starts with a lowercase letter and holds only a-z, 0-9 and -"
            : "an id starts with a lowercase letter and holds only a-z, 0-9 and _";
        var suggestion = SuggestId(scalar.Value, survey ? '-' : '_');
        Report(
            DiagnosticDescriptors.InvalidId,
            scalar,
            scalar.Value,
            rule,
            suggestion is null ? "" : $" Try '{suggestion}'."
        );
        return "";
    }

    private static string? SuggestId(string written, char separator)
    {
        var builder = new StringBuilder();
        foreach (var c in written.Trim().ToLowerInvariant())
        {
            var plain = c switch
            {
                'à' or 'á' or 'â' or 'ä' or 'ã' => 'a',
                'è' or 'é' or 'ê' or 'ë' => 'e',
                'ì' or 'í' or 'î' or 'ï' => 'i',
                'ò' or 'ó' or 'ô' or 'ö' or 'õ' => 'o',
                'ù' or 'ú' or 'û' or 'ü' => 'u',
                _ => c,
            };
            if (plain is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(plain);
            }
            else if (builder.Length > 0 && builder[builder.Length - 1] != separator)
            {
                builder.Append(separator);
            }
        }
        var id = builder.ToString().TrimEnd(separator);
        if (id.Length > 0 && !char.IsLetter(id[0]))
        {
            id = "q" + separator + id;
        }
        return id.Length == 0 || id == written ? null : id;
    }

    /// <summary>Columns from a scalar's start to its text (1 for quotes), or -1 when its text spans lines.</summary>
    internal static int ColumnShift(YamlScalar scalar)
    {
        if (scalar.IsBlock || scalar.Span.Start.Line != scalar.Span.End.Line)
        {
            return -1;
        }
        return scalar.IsPlain ? 0 : 1;
    }
}
