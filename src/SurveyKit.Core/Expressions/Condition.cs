using SurveyKit.Core.Text;

namespace SurveyKit.Core.Expressions;

/// <summary>
/// A parsed show_if: its text, its AST, and where it is written, so that a problem in part of the expression
/// can be reported at the exact column.
/// </summary>
/// <param name="Source">The expression as written.</param>
/// <param name="Root">The AST.</param>
/// <param name="Span">The span of the YAML scalar that holds it.</param>
/// <param name="ColumnShift">Columns between the scalar's start and the expression's first character (1 for a quoted scalar), or -1 when the scalar spans several lines and columns cannot be mapped.</param>
public sealed record Condition(string Source, Expr Root, SourceSpan Span, int ColumnShift)
{
    /// <summary>The place in the file of <paramref name="range"/> of the expression.</summary>
    public SourceSpan SpanOf(TextRange range) => MapRange(Span, ColumnShift, range);

    internal static SourceSpan MapRange(SourceSpan scalar, int columnShift, TextRange range) =>
        columnShift < 0
            ? new SourceSpan(scalar.Start, scalar.Start)
            : scalar.Slice(columnShift + range.Start, range.Length);
}
