using System;
using System.Globalization;

namespace SurveyKit.Core.Responses;

/// <summary>
/// The answer for one touchpoint: a grade on the question's scale, or "not applicable" (the respondent did not use it).
/// Not applicable is never a grade: it has no <see cref="Value"/> and never counts in a mean. An unanswered item is a
/// null <c>TouchpointGrade?</c>, so the three states stay apart.
/// </summary>
public readonly struct TouchpointGrade : IEquatable<TouchpointGrade>
{
    private readonly int _value;

    private TouchpointGrade(int value, bool notApplicable)
    {
        _value = value;
        IsNotApplicable = notApplicable;
    }

    /// <summary>The "did not use this" answer.</summary>
    public static TouchpointGrade NotApplicable { get; } = new(0, true);

    /// <summary>A grade.</summary>
    public static TouchpointGrade Of(int grade) => new(grade, false);

    /// <summary>True for "not applicable".</summary>
    public bool IsNotApplicable { get; }

    /// <summary>True when this is a grade.</summary>
    public bool IsGrade => !IsNotApplicable;

    /// <summary>The grade; throws for "not applicable", which has none.</summary>
    public int Value =>
        IsNotApplicable
            ? throw new InvalidOperationException("A 'not applicable' answer has no grade.")
            : _value;

    /// <summary>The grade, or null for "not applicable".</summary>
    public int? GradeOrNull => IsNotApplicable ? null : _value;

    /// <inheritdoc />
    public bool Equals(TouchpointGrade other) =>
        IsNotApplicable == other.IsNotApplicable && _value == other._value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TouchpointGrade other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => IsNotApplicable ? -1 : _value;

    /// <summary>"na" or the grade, as in the submission format.</summary>
    public override string ToString() =>
        IsNotApplicable
            ? AnswerValues.NotApplicable
            : _value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Value equality.</summary>
    public static bool operator ==(TouchpointGrade left, TouchpointGrade right) =>
        left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(TouchpointGrade left, TouchpointGrade right) =>
        !left.Equals(right);
}

/// <summary>How a touchpoint compares with other providers, in the respondent's view.</summary>
public enum Comparison
{
    /// <summary><c>worse</c></summary>
    Worse,

    /// <summary><c>same</c></summary>
    Same,

    /// <summary><c>better</c></summary>
    Better,
}
