using SurveyKit.Core.Text;

namespace SurveyKit.Core.Expressions;

/// <summary>A range of characters within the text of an expression.</summary>
public readonly record struct TextRange(int Start, int Length)
{
    /// <summary>The first character after the range.</summary>
    public int End => Start + Length;

    /// <summary>The range from the start of <paramref name="first"/> to the end of <paramref name="last"/>.</summary>
    public static TextRange Cover(TextRange first, TextRange last) =>
        new(first.Start, last.End - first.Start);
}

/// <summary>
/// A node of a show_if expression. The one AST that the checker types, the generator emits to C#
/// and the site emits to JavaScript; visit it with <see cref="IExprVisitor{T}"/>.
/// </summary>
public abstract record Expr(TextRange Range)
{
    /// <summary>Calls the visitor's method for this kind of node.</summary>
    public abstract T Accept<T>(IExprVisitor<T> visitor);
}

/// <summary>A number such as <c>6</c> or <c>7.5</c>.</summary>
public sealed record NumberLiteral(double Value, TextRange Range) : Expr(Range)
{
    /// <inheritdoc />
    public override T Accept<T>(IExprVisitor<T> visitor) => visitor.VisitNumber(this);
}

/// <summary>A quoted text such as <c>'chat'</c>.</summary>
public sealed record StringLiteral(string Value, TextRange Range) : Expr(Range)
{
    /// <inheritdoc />
    public override T Accept<T>(IExprVisitor<T> visitor) => visitor.VisitString(this);
}

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed record BooleanLiteral(bool Value, TextRange Range) : Expr(Range)
{
    /// <inheritdoc />
    public override T Accept<T>(IExprVisitor<T> visitor) => visitor.VisitBoolean(this);
}

/// <summary>A list such as <c>['phone', 'chat']</c>; only valid after <c>in</c>.</summary>
public sealed record ListLiteral(EquatableArray<Expr> Items, TextRange Range) : Expr(Range)
{
    /// <inheritdoc />
    public override T Accept<T>(IExprVisitor<T> visitor) => visitor.VisitList(this);
}

/// <summary>
/// A reference to an answer or a context field: <c>recommend</c>, <c>segment</c>, or a touchpoint item <c>touchpoints.service</c>.
/// </summary>
/// <param name="Name">The question or context field id.</param>
/// <param name="Member">The touchpoint item id, or null.</param>
/// <param name="Range">Where it is written.</param>
public sealed record Reference(string Name, string? Member, TextRange Range) : Expr(Range)
{
    /// <summary>The reference as written.</summary>
    public string Path => Member is null ? Name : Name + "." + Member;

    /// <inheritdoc />
    public override T Accept<T>(IExprVisitor<T> visitor) => visitor.VisitReference(this);
}

/// <summary><c>not x</c>.</summary>
public sealed record NotExpr(Expr Operand, TextRange Range) : Expr(Range)
{
    /// <inheritdoc />
    public override T Accept<T>(IExprVisitor<T> visitor) => visitor.VisitNot(this);
}

/// <summary>The binary operators.</summary>
public enum BinaryOperator
{
    /// <summary><c>and</c></summary>
    And,

    /// <summary><c>or</c></summary>
    Or,

    /// <summary><c>==</c></summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,

    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,
}

/// <summary>A binary operation; comparisons with an unanswered value are false.</summary>
public sealed record BinaryExpr(BinaryOperator Operator, Expr Left, Expr Right, TextRange Range)
    : Expr(Range)
{
    /// <summary>True for the six comparison operators.</summary>
    public bool IsComparison => Operator is not (BinaryOperator.And or BinaryOperator.Or);

    /// <inheritdoc />
    public override T Accept<T>(IExprVisitor<T> visitor) => visitor.VisitBinary(this);
}

/// <summary><c>x in [a, b]</c>: true when x is answered and equals one of the items.</summary>
public sealed record InExpr(Expr Value, ListLiteral List, TextRange Range) : Expr(Range)
{
    /// <inheritdoc />
    public override T Accept<T>(IExprVisitor<T> visitor) => visitor.VisitIn(this);
}

/// <summary>The built-in functions.</summary>
public enum FunctionName
{
    /// <summary><c>answered(x)</c>: x has an answer ("not applicable" counts as no grade).</summary>
    Answered,

    /// <summary><c>contains(x, 'option')</c>: the multi_choice answer x includes the option.</summary>
    Contains,

    /// <summary><c>count(x)</c>: how many options of a multi_choice, or touchpoints graded.</summary>
    Count,
}

/// <summary>A call of a built-in function.</summary>
public sealed record CallExpr(
    FunctionName Function,
    EquatableArray<Expr> Arguments,
    TextRange Range
) : Expr(Range)
{
    /// <inheritdoc />
    public override T Accept<T>(IExprVisitor<T> visitor) => visitor.VisitCall(this);
}

/// <summary>Visits each kind of <see cref="Expr"/>; the emitters to C# and JavaScript implement this.</summary>
public interface IExprVisitor<out T>
{
    /// <summary>A number.</summary>
    T VisitNumber(NumberLiteral node);

    /// <summary>A text.</summary>
    T VisitString(StringLiteral node);

    /// <summary>true or false.</summary>
    T VisitBoolean(BooleanLiteral node);

    /// <summary>A list.</summary>
    T VisitList(ListLiteral node);

    /// <summary>A reference to an answer or context field.</summary>
    T VisitReference(Reference node);

    /// <summary>not.</summary>
    T VisitNot(NotExpr node);

    /// <summary>and, or and comparisons.</summary>
    T VisitBinary(BinaryExpr node);

    /// <summary>in.</summary>
    T VisitIn(InExpr node);

    /// <summary>A function call.</summary>
    T VisitCall(CallExpr node);
}
