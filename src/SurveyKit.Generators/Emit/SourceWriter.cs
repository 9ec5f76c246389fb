using System.Text;

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

    public SourceWriter Open(string line)
    {
        Line(line);
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
}
