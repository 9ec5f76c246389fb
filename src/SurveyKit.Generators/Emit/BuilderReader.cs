using System;
using System.IO;
using System.Text;

namespace SurveyKit.Generators.Emit;

/// <summary>Reads a <see cref="StringBuilder"/> without turning it into one string first.</summary>
internal sealed class BuilderReader(StringBuilder text) : TextReader
{
    private int _position;

    public override int Peek() => _position < text.Length ? text[_position] : -1;

    public override int Read() => _position < text.Length ? text[_position++] : -1;

    public override int Read(char[] buffer, int index, int count)
    {
        var n = Math.Min(count, text.Length - _position);
        if (n <= 0)
        {
            return 0;
        }
        text.CopyTo(_position, buffer, index, n);
        _position += n;
        return n;
    }
}
