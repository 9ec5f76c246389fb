using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SurveyKit.Core.Yaml;

/// <summary>
/// Turns the bytes of a YAML file into a <see cref="YamlNode"/> tree, or into located diagnostics.
/// Every limit here exists so that hostile or broken input costs bounded time and memory:
/// the file size, the nesting depth and the size that aliases expand to.
/// </summary>
public static class YamlLoader
{
    /// <summary>The largest survey file read (1 MiB): ten times the largest real survey.</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>The deepest nesting accepted; a survey needs about eight levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most nodes a document may stand for once aliases are expanded.</summary>
    public const long MaxExpandedNodes = 100_000;

    private static readonly Regex MarkPrefix = new(
        @"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ",
        RegexOptions.CultureInvariant
    );

    /// <summary>Decodes UTF-8 (with or without a byte order mark) and reports a file that is too large or not UTF-8.</summary>
    public static string? Decode(byte[] bytes, DiagnosticBag diagnostics)
    {
        if (bytes.Length > MaxFileBytes)
        {
            diagnostics.Report(
                DiagnosticDescriptors.FileTooLarge,
                SourceSpan.FileStart,
                bytes.Length,
                MaxFileBytes
            );
            return null;
        }
        var invalid = Utf8Check.FirstInvalidByte(bytes);
        if (invalid >= 0)
        {
            var position = PositionOfByte(bytes, invalid);
            diagnostics.Report(
                DiagnosticDescriptors.InvalidEncoding,
                new SourceSpan(position, position),
                bytes[invalid].ToString("X2", System.Globalization.CultureInfo.InvariantCulture)
            );
            return null;
        }
        var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        return hasBom
            ? Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3)
            : Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Parses one YAML document. Returns null, with diagnostics, when there is no usable document.</summary>
    public static YamlNode? Load(string text, DiagnosticBag diagnostics)
    {
        if (text.Length > MaxFileBytes)
        {
            diagnostics.Report(
                DiagnosticDescriptors.FileTooLarge,
                SourceSpan.FileStart,
                text.Length,
                MaxFileBytes
            );
            return null;
        }
        // A BOM that survived decoding (text handed over by an editor or the compiler) is not content.
        var offset = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        if (offset == 1)
        {
            text = text.Substring(1);
        }
        if (FindUnusualLineBreak(text) is { } unusual)
        {
            diagnostics.Report(
                DiagnosticDescriptors.YamlSyntax,
                new SourceSpan(unusual.At, unusual.At),
                $"the character U+{(int)unusual.Character:X4} is a line break in YAML but not in editors, so positions would disagree; replace it with a normal line break or a space."
            );
            return null;
        }
        var builder = new TreeBuilder(text, diagnostics);
        try
        {
            return builder.Build();
        }
        catch (YamlException e)
        {
            ReportSyntaxError(text, e, diagnostics);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner (16.x to 18.x) throws this instead of a syntax error for some unclosed flow
            // collections, such as "title: [unclosed" followed by more lines; point after the last part it read.
            var at = builder.LastEnd;
            diagnostics.Report(
                DiagnosticDescriptors.YamlSyntax,
                new SourceSpan(at, at),
                "the text after this point cannot be read; is a bracket or a quote left open?"
            );
            return null;
        }
    }

    private static void ReportSyntaxError(string text, YamlException e, DiagnosticBag diagnostics)
    {
        var position = ToPosition(e.Start);
        var message = MarkPrefix.Replace(e.Message, "");
        // YamlDotNet reports some tabs at the start of the file ("found invalid tab as indentation" at 1,1): then
        // the first tab in any indentation is the one to point at.
        var tab =
            message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0
                ? FindTabInIndentation(text, 1, int.MaxValue)
                : FindTabInIndentation(text, position.Line - 1, position.Line + 1);
        if (tab is { } tabPosition)
        {
            diagnostics.Report(
                DiagnosticDescriptors.TabIndentation,
                new SourceSpan(tabPosition, tabPosition)
            );
            return;
        }
        if (IndentationHint.For(text, position.Line) is { } hint)
        {
            diagnostics.Report(
                DiagnosticDescriptors.YamlSyntax,
                new SourceSpan(hint.At, hint.At),
                hint.Message
            );
            return;
        }
        diagnostics.Report(
            DiagnosticDescriptors.YamlSyntax,
            new SourceSpan(position, ToPosition(e.End)),
            message
        );
    }

    // YamlDotNet reports a tab in the indentation as "found character that cannot start any token" or as a
    // mapping without its key, somewhere from the line before the tab to the line after; the tab is the place to point at.
    private static SourcePosition? FindTabInIndentation(string text, int firstLine, int lastLine)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i <= text.Length && line <= lastLine; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                if (line >= firstLine)
                {
                    for (var j = lineStart; j < i && (text[j] == ' ' || text[j] == '\t'); j++)
                    {
                        if (text[j] == '\t')
                        {
                            return new SourcePosition(line, j - lineStart + 1, j);
                        }
                    }
                }
                line++;
                lineStart = i + 1;
            }
        }
        return null;
    }

    // YAML 1.1 also breaks lines at NEL, LS and PS; editors and MSBuild do not. Refusing them keeps every
    // line and column SurveyKit reports equal to what the user's editor shows.
    private static (SourcePosition At, char Character)? FindUnusualLineBreak(string text)
    {
        var index = text.IndexOfAny(['\u0085', '\u2028', '\u2029']);
        if (index < 0)
        {
            return null;
        }
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (
                text[i] == '\n'
                || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))
            )
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (new SourcePosition(line, index - lineStart + 1, index), text[index]);
    }

    internal static SourcePosition ToPosition(Mark mark) =>
        new(
            (int)Math.Min(mark.Line, int.MaxValue),
            (int)Math.Min(mark.Column, int.MaxValue),
            (int)Math.Min(mark.Index, int.MaxValue)
        );

    private static SourcePosition PositionOfByte(byte[] bytes, int offset)
    {
        var line = 1;
        var column = 1;
        var chars = 0;
        for (var i = 0; i < offset; i++)
        {
            var b = bytes[i];
            if ((b & 0xC0) == 0x80)
            {
                continue; // a continuation byte belongs to the character before it
            }
            // Columns count UTF-16 code units, as YamlDotNet and editors do: a character past U+FFFF counts two.
            var width = b >= 0xF0 ? 2 : 1;
            chars += width;
            var lineEnd =
                b == (byte)'\n'
                || (b == (byte)'\r' && (i + 1 >= offset || bytes[i + 1] != (byte)'\n'));
            if (lineEnd)
            {
                line++;
                column = 1;
            }
            else
            {
                column += width;
            }
        }
        return new SourcePosition(line, column, chars);
    }

    /// <summary>Builds the node tree from parser events with an explicit stack, so depth never recurses.</summary>
    private sealed class TreeBuilder(string text, DiagnosticBag diagnostics)
    {
        private readonly Parser _parser = new(new StringReader(text));
        private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
        private readonly Stack<Frame> _stack = new();
        private YamlNode? _root;
        private int _documents;
        private bool _usedAlias;

        /// <summary>Where the last event the parser produced ends.</summary>
        public SourcePosition LastEnd { get; private set; } = SourcePosition.FileStart;

        public YamlNode? Build()
        {
            while (_parser.MoveNext())
            {
                var current = _parser.Current!;
                LastEnd = ToPosition(current.End);
                switch (current)
                {
                    case DocumentStart start:
                        _documents++;
                        if (_documents > 1)
                        {
                            var at = ToPosition(start.Start);
                            diagnostics.Report(
                                DiagnosticDescriptors.MultipleDocuments,
                                new SourceSpan(at, at)
                            );
                            return _root;
                        }
                        break;
                    case Scalar scalar:
                        ReportTag(scalar.Tag, scalar);
                        if (!Add(ToScalar(scalar), scalar.Anchor))
                        {
                            return null;
                        }
                        break;
                    case AnchorAlias alias:
                        if (!AddAlias(alias))
                        {
                            return null;
                        }
                        break;
                    case SequenceStart sequenceStart:
                        if (
                            !Open(
                                new YamlSequence(SpanOf(sequenceStart)),
                                sequenceStart.Anchor,
                                sequenceStart
                            )
                        )
                        {
                            return null;
                        }
                        break;
                    case MappingStart mappingStart:
                        if (
                            !Open(
                                new YamlMapping(SpanOf(mappingStart)),
                                mappingStart.Anchor,
                                mappingStart
                            )
                        )
                        {
                            return null;
                        }
                        break;
                    case SequenceEnd:
                    case MappingEnd:
                        if (!Close(current))
                        {
                            return null;
                        }
                        break;
                }
            }
            if (_root is null || _root is YamlScalar { IsNull: true })
            {
                diagnostics.Report(DiagnosticDescriptors.EmptyDocument, SourceSpan.FileStart);
                return null;
            }
            return _root;
        }

        private static SourceSpan SpanOf(ParsingEvent e) =>
            new(ToPosition(e.Start), ToPosition(e.End));

        private static YamlScalar ToScalar(Scalar scalar) =>
            new(
                SpanOf(scalar),
                scalar.Value,
                scalar.Style == ScalarStyle.Plain,
                scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded
            );

        // Tags (!x) change nothing in a survey, so one is a mistake: most often "!" meant as "not" in a condition.
        private void ReportTag(TagName tag, NodeEvent e)
        {
            if (tag.IsEmpty || tag.IsNonSpecific || tag.Value == "tag:yaml.org,2002:str")
            {
                return;
            }
            var at = ToPosition(e.Start);
            diagnostics.Report(
                DiagnosticDescriptors.YamlSyntax,
                new SourceSpan(at, at),
                $"the tag '{tag.Value}' has no meaning in a survey; remove it (to negate a condition, write 'not x'), or quote the text if the '!' belongs to it."
            );
        }

        private bool Open(YamlNode node, AnchorName anchor, ParsingEvent e)
        {
            if (e is NodeEvent node_)
            {
                ReportTag(node_.Tag, node_);
            }
            if (_stack.Count >= MaxDepth)
            {
                var at = ToPosition(e.Start);
                diagnostics.Report(
                    DiagnosticDescriptors.NestingTooDeep,
                    new SourceSpan(at, at),
                    MaxDepth
                );
                return false;
            }
            _stack.Push(new Frame(node, anchor));
            return true;
        }

        private bool Close(ParsingEvent e)
        {
            var frame = _stack.Pop();
            if (!frame.Anchor.IsEmpty)
            {
                _anchors[frame.Anchor.Value] = frame.Node;
            }
            return Attach(frame.Node, e);
        }

        private bool Add(YamlNode node, AnchorName anchor)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = node;
            }
            return Attach(node, null);
        }

        private bool AddAlias(AnchorAlias alias)
        {
            if (!_anchors.TryGetValue(alias.Value.Value, out var node))
            {
                // An alias to an unknown anchor, or to a node that is not finished yet (a cycle).
                diagnostics.Report(
                    DiagnosticDescriptors.YamlSyntax,
                    SpanOf(alias),
                    $"the alias '*{alias.Value.Value}' refers to no anchor defined before it."
                );
                return false;
            }
            _usedAlias = true;
            return Attach(node, alias);
        }

        private bool Attach(YamlNode node, ParsingEvent? at)
        {
            if (_stack.Count == 0)
            {
                _root ??= node;
                return true;
            }
            var parent = _stack.Peek();
            parent.Node.ExpandedSize = SaturatingAdd(parent.Node.ExpandedSize, node.ExpandedSize);
            if (parent.Node.ExpandedSize > MaxExpandedNodes)
            {
                // Many values without an alias is a large file, not an alias bomb: each gets its own message.
                var position = at is null ? node.Span : SpanOf(at);
                diagnostics.Report(
                    _usedAlias
                        ? DiagnosticDescriptors.AliasExpansionTooLarge
                        : DiagnosticDescriptors.TooManyNodes,
                    position,
                    MaxExpandedNodes
                );
                return false;
            }
            switch (parent.Node)
            {
                case YamlSequence sequence:
                    sequence.Items.Add(node);
                    break;
                case YamlMapping mapping:
                    if (parent.PendingKey is null)
                    {
                        parent.PendingKey = node as YamlScalar ?? ComplexKey(node);
                    }
                    else
                    {
                        AddEntry(mapping, parent.PendingKey, node);
                        parent.PendingKey = null;
                    }
                    break;
            }
            return true;
        }

        private YamlScalar ComplexKey(YamlNode node)
        {
            diagnostics.Report(
                DiagnosticDescriptors.WrongNodeKind,
                node.Span,
                "key",
                "a mapping",
                "a name",
                node.KindName
            );
            return new YamlScalar(node.Span, "", isPlain: false, isBlock: false);
        }

        private void AddEntry(YamlMapping mapping, YamlScalar key, YamlNode value)
        {
            if (key.Value.Length == 0 && !key.IsPlain && value is not null)
            {
                // A complex key, already reported: keep the value out of the model.
                return;
            }
            if (mapping.TryGet(key.Value, out var first, out _))
            {
                diagnostics.Report(
                    DiagnosticDescriptors.DuplicateKey,
                    key.Span,
                    key.Value,
                    first.Span.Start.Line
                );
                return;
            }
            mapping.Entries.Add(new KeyValuePair<YamlScalar, YamlNode>(key, value!));
        }

        private static long SaturatingAdd(long a, long b) =>
            a > long.MaxValue - b ? long.MaxValue : a + b;

        private sealed class Frame(YamlNode node, AnchorName anchor)
        {
            public YamlNode Node { get; } = node;
            public AnchorName Anchor { get; } = anchor;
            public YamlScalar? PendingKey { get; set; }
        }
    }
}
