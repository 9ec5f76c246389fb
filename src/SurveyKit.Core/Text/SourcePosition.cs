namespace SurveyKit.Core.Text;

/// <summary>A place in a source file: 1-based line and column (as editors and MSBuild show them) and a 0-based character offset.</summary>
public readonly record struct SourcePosition(int Line, int Column, int Offset)
{
    /// <summary>The start of a file.</summary>
    public static SourcePosition FileStart => new(1, 1, 0);

    /// <inheritdoc />
    public override string ToString() =>
        string.Concat(
            Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ",",
            Column.ToString(System.Globalization.CultureInfo.InvariantCulture)
        );
}

/// <summary>A range of a source file, from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive).</summary>
public readonly record struct SourceSpan(SourcePosition Start, SourcePosition End)
{
    /// <summary>An empty span at the start of a file, for problems that concern the whole file.</summary>
    public static SourceSpan FileStart => new(SourcePosition.FileStart, SourcePosition.FileStart);

    /// <summary>A span that starts <paramref name="startColumns"/> characters into this one on the same line and is <paramref name="length"/> characters long.</summary>
    public SourceSpan Slice(int startColumns, int length)
    {
        var start = new SourcePosition(
            Start.Line,
            Start.Column + startColumns,
            Start.Offset + startColumns
        );
        var end = new SourcePosition(Start.Line, start.Column + length, start.Offset + length);
        return new SourceSpan(start, end);
    }
}
