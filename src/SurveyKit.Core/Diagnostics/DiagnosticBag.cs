using System.Collections.Generic;
using System.Linq;
using SurveyKit.Core.Text;

namespace SurveyKit.Core.Diagnostics;

/// <summary>Collects the diagnostics of one file while it is read and checked.</summary>
public sealed class DiagnosticBag(string filePath)
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>The file every diagnostic is reported on.</summary>
    public string FilePath { get; } = filePath;

    /// <summary>True once an error has been reported.</summary>
    public bool HasErrors => _items.Any(d => d.IsError);

    /// <summary>The most characters of one argument a message carries (see <see cref="Report"/>).</summary>
    public const int MaxArgumentLength = 1000;

    /// <summary>
    /// Reports <paramref name="descriptor"/> at <paramref name="span"/>. A text argument longer than
    /// <see cref="MaxArgumentLength"/> is cut: a message quotes what the file says, and a hostile file must not turn
    /// one diagnostic into megabytes on every console and build log it reaches.
    /// </summary>
    public void Report(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is string { Length: > MaxArgumentLength } text)
            {
                args[i] = Excerpt.Of(text, MaxArgumentLength);
            }
        }
        _items.Add(descriptor.At(FilePath, span, args));
    }

    /// <summary>The diagnostics in file order (line, then column), errors before warnings at the same place.</summary>
    public EquatableArray<Diagnostic> ToSortedArray() =>
        _items
            .OrderBy(d => d.Span.Start.Line)
            .ThenBy(d => d.Span.Start.Column)
            .ThenBy(d => d.Severity)
            .ToEquatableArray();
}
