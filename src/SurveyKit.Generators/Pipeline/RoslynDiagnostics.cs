using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using CoreDiagnostic = SurveyKit.Core.Diagnostics.Diagnostic;
using CoreSeverity = SurveyKit.Core.Diagnostics.DiagnosticSeverity;

namespace SurveyKit.Generators.Pipeline;

/// <summary>
/// Core's diagnostics as compiler diagnostics on the YAML file, so `dotnet build` prints
/// <c>klantloyaliteit.survey.yaml(33,18): error SK0010: ...</c> and fails. The catalogue stays in Core.
/// </summary>
internal static class RoslynDiagnostics
{
    private static readonly ConcurrentDictionary<string, DiagnosticDescriptor> Descriptors = new();

    public static Microsoft.CodeAnalysis.Diagnostic ToRoslyn(CoreDiagnostic diagnostic)
    {
        var descriptor = Descriptors.GetOrAdd(diagnostic.Id, _ => Create(diagnostic.Descriptor));
        var start = diagnostic.Span.Start;
        var end = diagnostic.Span.End.Line == 0 ? start : diagnostic.Span.End;
        // YamlDotNet's positions are 1-based; Roslyn's are 0-based.
        var lines = new LinePositionSpan(
            new LinePosition(start.Line - 1, start.Column - 1),
            new LinePosition(
                System.Math.Max(end.Line, start.Line) - 1,
                System.Math.Max(end.Column - 1, 0)
            )
        );
        var span = new TextSpan(start.Offset, System.Math.Max(0, end.Offset - start.Offset));
        var location = Location.Create(diagnostic.FilePath, span, lines);
        return Microsoft.CodeAnalysis.Diagnostic.Create(descriptor, location, diagnostic.Message);
    }

#pragma warning disable RS1017, RS2008 // Ids come from Core's catalogue (documented, release-tracked and tested), not literals here.
    private static DiagnosticDescriptor Create(
        SurveyKit.Core.Diagnostics.DiagnosticDescriptor core
    ) =>
        new(
            core.Id,
            core.Title,
            "{0}",
            "SurveyKit",
            core.Severity == CoreSeverity.Error
                ? Microsoft.CodeAnalysis.DiagnosticSeverity.Error
                : Microsoft.CodeAnalysis.DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "See docs/diagnostics.md in SurveyKit for an example and the fix."
        );
#pragma warning restore RS1017, RS2008
}
