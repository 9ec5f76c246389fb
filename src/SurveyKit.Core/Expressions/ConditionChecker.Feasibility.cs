using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SurveyKit.Core.Expressions;

// Decides, where it is decidable, that a condition can never be true: a comparison outside the range of
// its question, constant false, or parts of an 'and' that exclude each other (recommend > 8 and recommend < 5,
// complaint == 'no' and complaint == 'resolved'). Anything it cannot decide counts as possibly true.
public sealed partial class ConditionChecker
{
    private static bool CanBeTrue(Expr expr, Scope scope, out string reason)
    {
        reason = "";
        switch (expr)
        {
            case BooleanLiteral boolean:
                reason = "it is the constant false";
                return boolean.Value;
            case BinaryExpr { Operator: BinaryOperator.Or } or:
                if (CanBeTrue(or.Left, scope, out var leftReason))
                {
                    return true;
                }
                if (CanBeTrue(or.Right, scope, out var rightReason))
                {
                    return true;
                }
                reason = leftReason + "; " + rightReason;
                return false;
            case BinaryExpr { Operator: BinaryOperator.And } and:
                return ConjunctionCanBeTrue(Flatten(and), scope, out reason);
            case BinaryExpr or InExpr:
                return ConjunctionCanBeTrue([expr], scope, out reason);
            default:
                return true;
        }
    }

    // The parts of a chain of 'and', left to right, without recursion.
    private static List<Expr> Flatten(Expr expr)
    {
        var parts = new List<Expr>();
        var pending = new Stack<Expr>();
        pending.Push(expr);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (next is BinaryExpr { Operator: BinaryOperator.And } and)
            {
                pending.Push(and.Right);
                pending.Push(and.Left);
            }
            else
            {
                parts.Add(next);
            }
        }
        return parts;
    }

    private static bool ConjunctionCanBeTrue(List<Expr> parts, Scope scope, out string reason)
    {
        var numbers = new Dictionary<string, NumberRange>();
        var options = new Dictionary<string, HashSet<string>>();
        foreach (var part in parts)
        {
            if (part is not (BinaryExpr or InExpr))
            {
                if (!CanBeTrue(part, scope, out reason))
                {
                    return false;
                }
                continue;
            }
            if (!Constrain(part, scope, numbers, options, out reason))
            {
                return false;
            }
        }
        reason = "";
        return true;
    }

    private static bool Constrain(
        Expr part,
        Scope scope,
        Dictionary<string, NumberRange> numbers,
        Dictionary<string, HashSet<string>> options,
        out string reason
    )
    {
        reason = "";
        if (part is BinaryExpr { Operator: BinaryOperator.And or BinaryOperator.Or })
        {
            return CanBeTrue(part, scope, out reason);
        }
        if (part is InExpr inExpr)
        {
            return
                SubjectName(inExpr.Value) is { } inName
                && scope.Subjects.TryGetValue(inExpr.Value, out var inType)
                ? ConstrainIn(inName, inType, inExpr.List, numbers, options, out reason)
                : true;
        }
        var comparison = (BinaryExpr)part;
        if (comparison.Left is NumberLiteral a && comparison.Right is NumberLiteral b)
        {
            reason =
                $"{Format(a.Value)} {comparison.Operator.ToSymbol()} {Format(b.Value)} is false";
            return Compare(a.Value, comparison.Operator, b.Value);
        }
        var (subject, literal, op) = comparison switch
        {
            { Right: NumberLiteral or StringLiteral } => (
                comparison.Left,
                comparison.Right,
                comparison.Operator
            ),
            { Left: NumberLiteral or StringLiteral } => (
                comparison.Right,
                comparison.Left,
                Flip(comparison.Operator)
            ),
            _ => (comparison.Left, null, comparison.Operator),
        };
        if (
            literal is null
            || SubjectName(subject) is not { } name
            || !scope.Subjects.TryGetValue(subject, out var type)
        )
        {
            return true;
        }
        if (type.Kind == ValueKind.Number && literal is NumberLiteral number)
        {
            var range = numbers.TryGetValue(name, out var known) ? known : NumberRange.Of(type);
            var narrowed = range.Narrow(op, number.Value);
            numbers[name] = narrowed;
            reason = narrowed.IsEmpty(type.Integral)
                ? Explain(name, type, range, op, number.Value)
                : "";
            return !narrowed.IsEmpty(type.Integral);
        }
        if (
            type.Kind == ValueKind.Option
            && literal is StringLiteral text
            && op is BinaryOperator.Equal or BinaryOperator.NotEqual
        )
        {
            var allowed = options.TryGetValue(name, out var set)
                ? set
                : new HashSet<string>(type.Options);
            if (op == BinaryOperator.Equal)
            {
                allowed.IntersectWith([text.Value]);
            }
            else
            {
                allowed.Remove(text.Value);
            }
            options[name] = allowed;
            reason = $"the parts about '{name}' exclude each other";
            return allowed.Count > 0;
        }
        return true;
    }

    private static bool ConstrainIn(
        string name,
        ValueType type,
        ListLiteral list,
        Dictionary<string, NumberRange> numbers,
        Dictionary<string, HashSet<string>> options,
        out string reason
    )
    {
        reason = $"'{name}' can be none of the listed values";
        if (list.Items.Count == 0)
        {
            reason = "the list after 'in' is empty";
            return false;
        }
        if (type.Kind == ValueKind.Option)
        {
            var allowed = options.TryGetValue(name, out var set)
                ? set
                : new HashSet<string>(type.Options);
            allowed.IntersectWith(list.Items.OfType<StringLiteral>().Select(s => s.Value));
            options[name] = allowed;
            return allowed.Count > 0;
        }
        if (type.Kind == ValueKind.Number && list.Items.All(i => i is NumberLiteral))
        {
            var range = numbers.TryGetValue(name, out var known) ? known : NumberRange.Of(type);
            return list
                .Items.Cast<NumberLiteral>()
                .Any(n => !range.Narrow(BinaryOperator.Equal, n.Value).IsEmpty(type.Integral));
        }
        return true;
    }

    /// <summary>The name a subject is known by in messages and in the constraint tables: a reference path or count(x).</summary>
    private static string? SubjectName(Expr subject) =>
        subject switch
        {
            Reference reference => reference.Path,
            CallExpr { Function: FunctionName.Count } call => call.Arguments.Count == 1
            && call.Arguments[0] is Reference r
                ? "count(" + r.Path + ")"
                : null,
            _ => null,
        };

    private static string Explain(
        string name,
        ValueType type,
        NumberRange before,
        BinaryOperator op,
        double value
    )
    {
        // Out of range on its own, or only because of the other parts of the 'and'.
        return before.Equals(NumberRange.Of(type))
            ? $"'{name}' runs from {Format(type.Min)} to {Format(type.Max)}, so it is never {op.ToSymbol()} {Format(value)}"
            : $"the parts about '{name}' exclude each other";
    }

    private static BinaryOperator Flip(BinaryOperator op) =>
        op switch
        {
            BinaryOperator.Less => BinaryOperator.Greater,
            BinaryOperator.LessOrEqual => BinaryOperator.GreaterOrEqual,
            BinaryOperator.Greater => BinaryOperator.Less,
            BinaryOperator.GreaterOrEqual => BinaryOperator.LessOrEqual,
            _ => op,
        };

    private static bool Compare(double a, BinaryOperator op, double b) =>
        op switch
        {
            BinaryOperator.Equal => a == b,
            BinaryOperator.NotEqual => a != b,
            BinaryOperator.Less => a < b,
            BinaryOperator.LessOrEqual => a <= b,
            BinaryOperator.Greater => a > b,
            _ => a >= b,
        };

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The values a number can still take: an interval whose ends may be open.</summary>
    private readonly record struct NumberRange(double Low, bool LowOpen, double High, bool HighOpen)
    {
        public static NumberRange Of(ValueType type) => new(type.Min, false, type.Max, false);

        public NumberRange Narrow(BinaryOperator op, double value) =>
            op switch
            {
                BinaryOperator.Equal => this with
                {
                    Low = Math.Max(Low, value),
                    High = Math.Min(High, value),
                    LowOpen = LowOpen && Low >= value,
                    HighOpen = HighOpen && High <= value,
                },
                BinaryOperator.Less => value <= High
                    ? this with
                    {
                        High = value,
                        HighOpen = true,
                    }
                    : this,
                BinaryOperator.LessOrEqual => value < High
                    ? this with
                    {
                        High = value,
                        HighOpen = false,
                    }
                    : this,
                BinaryOperator.Greater => value >= Low
                    ? this with
                    {
                        Low = value,
                        LowOpen = true,
                    }
                    : this,
                BinaryOperator.GreaterOrEqual => value > Low
                    ? this with
                    {
                        Low = value,
                        LowOpen = false,
                    }
                    : this,
                _ => this,
            };

        public bool IsEmpty(bool integral)
        {
            if (!integral)
            {
                return Low > High || (Low == High && (LowOpen || HighOpen));
            }
            var low = LowOpen ? Math.Floor(Low) + 1 : Math.Ceiling(Low);
            var high = HighOpen ? Math.Ceiling(High) - 1 : Math.Floor(High);
            return low > high;
        }
    }
}
