using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Yaml;

namespace SurveyKit.Core.Tests.Schema;

/// <summary>
/// YAML to JSON as an editor's schema validator sees it (the YAML 1.2 core schema): plain scalars that look like
/// null, booleans or numbers become those; everything else, including `no` and `yes`, is a string.
/// </summary>
internal static class YamlToJson
{
    private static readonly Regex Integer = new("^[-+]?[0-9]+$");
    private static readonly Regex Float = new(
        @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$"
    );

    public static JsonNode? Convert(string yaml)
    {
        var bag = new DiagnosticBag("x.yaml");
        var root = YamlLoader.Load(yaml, bag);
        Assert.False(bag.HasErrors);
        return Convert(root!);
    }

    private static JsonNode? Convert(YamlNode node)
    {
        switch (node)
        {
            case YamlMapping mapping:
                var obj = new JsonObject();
                foreach (var entry in mapping.Entries)
                {
                    obj[entry.Key.Value] = Convert(entry.Value);
                }
                return obj;
            case YamlSequence sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Items)
                {
                    array.Add(Convert(item));
                }
                return array;
            default:
                var scalar = (YamlScalar)node;
                if (!scalar.IsPlain)
                {
                    return JsonValue.Create(scalar.Value);
                }
                if (scalar.IsNull)
                {
                    return null;
                }
                if (scalar.Value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
                {
                    return JsonValue.Create(
                        scalar.Value.Equals("true", System.StringComparison.OrdinalIgnoreCase)
                    );
                }
                if (
                    Integer.IsMatch(scalar.Value)
                    && long.TryParse(
                        scalar.Value,
                        NumberStyles.AllowLeadingSign,
                        CultureInfo.InvariantCulture,
                        out var whole
                    )
                )
                {
                    return JsonValue.Create(whole);
                }
                if (Float.IsMatch(scalar.Value))
                {
                    return JsonValue.Create(
                        double.Parse(scalar.Value, CultureInfo.InvariantCulture)
                    );
                }
                return JsonValue.Create(scalar.Value);
        }
    }
}
