using System.Globalization;
using SurveyKit.Core.Text;

namespace SurveyKit.Core.Diagnostics;

/// <summary>How bad a diagnostic is. Errors stop a build; warnings do not.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The survey cannot be used as written.</summary>
    Error,

    /// <summary>The survey works, but probably not as meant.</summary>
    Warning,
}

/// <summary>A located problem in a file: what is wrong, where, and how to fix it.</summary>
/// <param name="Descriptor">The catalogue entry (stable id and severity).</param>
/// <param name="FilePath">The file as the user named it.</param>
/// <param name="Span">Where in the file.</param>
/// <param name="Message">The problem and, where there is one, the fix.</param>
public sealed record Diagnostic(
    DiagnosticDescriptor Descriptor,
    string FilePath,
    SourceSpan Span,
    string Message
)
{
    /// <summary>The stable id, such as SK0010.</summary>
    public string Id => Descriptor.Id;

    /// <summary>Error or warning.</summary>
    public DiagnosticSeverity Severity => Descriptor.Severity;

    /// <summary>True for errors.</summary>
    public bool IsError => Descriptor.Severity == DiagnosticSeverity.Error;

    /// <summary>
    /// The canonical MSBuild form, <c>path(line,col): error SK0010: message</c>, which CI systems and editors turn into annotations.
    /// </summary>
    public override string ToString() =>
        string.Format(
            CultureInfo.InvariantCulture,
            "{0}({1},{2}): {3} {4}: {5}",
            FilePath,
            Span.Start.Line,
            Span.Start.Column,
            Severity == DiagnosticSeverity.Error ? "error" : "warning",
            Id,
            Message
        );
}
