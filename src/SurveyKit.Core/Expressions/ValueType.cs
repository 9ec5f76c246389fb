using SurveyKit.Core.Text;

namespace SurveyKit.Core.Expressions;

/// <summary>What kind of value an expression stands for.</summary>
public enum ValueKind
{
    /// <summary>A condition: consent answers, comparisons, and/or/not, answered() and contains().</summary>
    Boolean,

    /// <summary>A number: nps, rating, number answers, touchpoint grades, count().</summary>
    Number,

    /// <summary>Free text: text and email answers, context fields without values.</summary>
    Text,

    /// <summary>One option id: single_choice answers, context fields with values.</summary>
    Option,

    /// <summary>A set of option ids: multi_choice answers.</summary>
    OptionSet,

    /// <summary>A whole touchpoints question; only answered() and count() take it.</summary>
    Touchpoints,

    /// <summary>A list literal.</summary>
    List,

    /// <summary>Already reported; no further message about it.</summary>
    Error,
}

/// <summary>The type of an expression, with what the checker needs for its messages and for deciding "never true".</summary>
/// <param name="Kind">The kind of value.</param>
/// <param name="Description">How a message names it: "'recommend' (nps, 0..10)" or "the number 3".</param>
/// <param name="Min">For numbers: the smallest possible value.</param>
/// <param name="Max">For numbers: the largest possible value.</param>
/// <param name="Integral">For numbers: only whole values occur.</param>
/// <param name="Options">For options and option sets: the valid ids.</param>
/// <param name="Owner">For a reference: the question or context id it names.</param>
public sealed record ValueType(
    ValueKind Kind,
    string Description,
    double Min = double.NegativeInfinity,
    double Max = double.PositiveInfinity,
    bool Integral = false,
    EquatableArray<string> Options = default,
    string? Owner = null
)
{
    /// <summary>The type of something already reported.</summary>
    public static ValueType Error { get; } = new(ValueKind.Error, "");

    /// <summary>The type of a condition.</summary>
    public static ValueType Condition { get; } = new(ValueKind.Boolean, "a condition");
}
