using System;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SurveyKit.Generators.Emit;

/// <summary>Writes C# with indentation; braces open and close blocks.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4).Append(line);
        }
        _text.Append('\n');
        return this;
    }

    /// <summary>
    /// A line written as an interpolated string goes straight into the text, piece by piece: no string per line
    /// (a survey's source is thousands of lines, and those strings were a sixth of what the emitter allocated).
    /// </summary>
    public SourceWriter Line([InterpolatedStringHandlerArgument("")] LineHandler line)
    {
        line.DropIndentIfEmpty();
        _text.Append('\n');
        return this;
    }

    public SourceWriter Open(string line)
    {
        Line(line);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Open([InterpolatedStringHandlerArgument("")] LineHandler line)
    {
        line.DropIndentIfEmpty();
        _text.Append('\n');
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        // No blank line before a closing brace.
        while (
            _text.Length >= 2 && _text[_text.Length - 1] == '\n' && _text[_text.Length - 2] == '\n'
        )
        {
            _text.Length--;
        }
        _indent--;
        return Line("}" + suffix);
    }

    public SourceWriter Doc(string summary) =>
        Line("/// <summary>" + Naming.Xml(summary) + "</summary>");

    public override string ToString() => _text.ToString();

    /// <summary>
    /// The text for the compiler, read from the builder in pieces. As one string, the source of a survey of a dozen
    /// questions or more (85,000 bytes) would be allocated on the large object heap on every generator run, and
    /// those allocations bring full collections (78 per 1,000 runs of the 50-question benchmark before this).
    /// </summary>
    public SourceText ToSourceText() =>
        _text.Length < LargeText
            ? SourceText.From(_text.ToString(), Encoding.UTF8)
            : SourceText.From(new BuilderReader(_text), _text.Length, Encoding.UTF8);

    // Where Roslyn's SourceText.From(TextReader) starts keeping text in chunks; below it, it reads one string anyway.
    private const int LargeText = 40 * 1024;

    /// <summary>Appends an interpolated line to the writer's text after its indentation.</summary>
    [InterpolatedStringHandler]
    internal readonly struct LineHandler
    {
        private readonly StringBuilder _text;
        private readonly int _start;
        private readonly int _indent;

        public LineHandler(int literalLength, int formattedCount, SourceWriter writer)
        {
            _text = writer._text;
            _start = _text.Length;
            _indent = writer._indent * 4;
            _text.Append(' ', _indent);
        }

        /// <summary>An empty line gets no indentation, as with <see cref="Line(string)"/>.</summary>
        public void DropIndentIfEmpty()
        {
            if (_text.Length == _start + _indent)
            {
                _text.Length = _start;
            }
        }

        public void AppendLiteral(string value) => _text.Append(value);

        public void AppendFormatted(string? value) => _text.Append(value);

        public void AppendFormatted(Naming.Quoted value) =>
            Core.Text.DoubleQuoted.Append(_text, value.Text);

        public void AppendFormatted<T>(T value) => _text.Append(Naming.Invariant(value, null));
    }
}
