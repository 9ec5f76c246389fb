using System.Collections.Generic;
using SurveyKit.Core.Text;

namespace SurveyKit.Core.Yaml;

/// <summary>
/// A node of a YAML document with its exact place in the file. SurveyKit builds this small tree itself from
/// YamlDotNet's event parser so that duplicate keys, nesting depth and alias expansion are checked while reading.
/// </summary>
public abstract class YamlNode(SourceSpan span)
{
    /// <summary>Where the node is written (for an alias: where its anchor's node is written).</summary>
    public SourceSpan Span { get; } = span;

    /// <summary>How the node is described in messages ("a text", "a list", "a mapping").</summary>
    public abstract string KindName { get; }

    /// <summary>How many nodes this one stands for once aliases are expanded; saturates at <see cref="long.MaxValue"/>.</summary>
    internal long ExpandedSize { get; set; } = 1;
}

/// <summary>A scalar. Its value is always kept as written: <c>no</c> is the string "no", never a boolean.</summary>
public sealed class YamlScalar(SourceSpan span, string value, bool isPlain, bool isBlock)
    : YamlNode(span)
{
    /// <summary>The text of the scalar.</summary>
    public string Value { get; } = value;

    /// <summary>True when written without quotes (only then can it be null or a number).</summary>
    public bool IsPlain { get; } = isPlain;

    /// <summary>True for literal (|) and folded (&gt;) block scalars, whose text starts on the next line.</summary>
    public bool IsBlock { get; } = isBlock;

    /// <summary>True for an empty plain scalar, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <inheritdoc />
    public override string KindName => IsNull ? "empty" : "a text";
}

/// <summary>A block or flow sequence.</summary>
public sealed class YamlSequence(SourceSpan span) : YamlNode(span)
{
    /// <summary>The items in order.</summary>
    public List<YamlNode> Items { get; } = [];

    /// <inheritdoc />
    public override string KindName => "a list";
}

/// <summary>A block or flow mapping whose keys are unique scalars.</summary>
public sealed class YamlMapping(SourceSpan span) : YamlNode(span)
{
    /// <summary>The entries in the order written.</summary>
    public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = [];

    /// <inheritdoc />
    public override string KindName => "a mapping";

    /// <summary>Finds the entry for <paramref name="key"/>.</summary>
    public bool TryGet(string key, out YamlScalar keyNode, out YamlNode value)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key)
            {
                keyNode = entry.Key;
                value = entry.Value;
                return true;
            }
        }
        keyNode = null!;
        value = null!;
        return false;
    }

    /// <summary>The value for <paramref name="key"/>, or null.</summary>
    public YamlNode? this[string key] => TryGet(key, out _, out var value) ? value : null;
}
