using System.Globalization;
using SurveyKit.Core.Text;

namespace SurveyKit.Core.Diagnostics;

/// <summary>One entry of the diagnostic catalogue: a stable id, a title, a severity and a message template.</summary>
public sealed class DiagnosticDescriptor
{
    internal DiagnosticDescriptor(
        string id,
        string title,
        DiagnosticSeverity severity,
        string messageFormat
    )
    {
        Id = id;
        Title = title;
        Severity = severity;
        MessageFormat = messageFormat;
    }

    /// <summary>The stable id (SK0001...). Never reused for another meaning.</summary>
    public string Id { get; }

    /// <summary>A short name for the catalogue.</summary>
    public string Title { get; }

    /// <summary>Error or warning.</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>A composite format string for <see cref="string.Format(System.IFormatProvider, string, object[])"/>.</summary>
    public string MessageFormat { get; }

    /// <summary>Makes a located diagnostic with this descriptor.</summary>
    public Diagnostic At(string filePath, SourceSpan span, params object?[] args) =>
        new(
            this,
            filePath,
            span,
            string.Format(CultureInfo.InvariantCulture, MessageFormat, args).TrimEnd()
        );

    /// <inheritdoc />
    public override string ToString() => Id;
}
