using System.Collections.Generic;
using System.Linq;
using SurveyKit.Core.Expressions;

namespace SurveyKit.Core.Responses;

/// <summary>
/// Evaluates a show_if against the answers given so far. The semantics every emitter must match:
/// a comparison with an unanswered value is false (so <c>not (recommend &gt; 6)</c> is true while unanswered);
/// a "not applicable" touchpoint is not a grade (unanswered for comparisons and answered());
/// a bare consent question is true only when the respondent agreed.
/// </summary>
public sealed class ConditionEvaluator(ResponseData data) : IExprVisitor<object?>
{
    /// <summary>True when <paramref name="condition"/> holds for the answers.</summary>
    public bool IsTrue(Expr condition) => condition.Accept(this) is true;

    /// <inheritdoc />
    public object? VisitNumber(NumberLiteral node) => node.Value;

    /// <inheritdoc />
    public object? VisitString(StringLiteral node) => node.Value;

    /// <inheritdoc />
    public object? VisitBoolean(BooleanLiteral node) => node.Value;

    /// <inheritdoc />
    public object? VisitList(ListLiteral node) => node.Items.Select(i => i.Accept(this)).ToList();

    /// <inheritdoc />
    public object? VisitReference(Reference node)
    {
        if (data.Answers.TryGetValue(node.Name, out var answer))
        {
            if (node.Member is null)
            {
                return Plain(answer);
            }
            return
                answer.Kind == AnswerKind.Map
                && answer.TryGetEntry(node.Member, out var item)
                && item.Kind == AnswerKind.Number
                ? item.Number
                : null; // unanswered, or "not applicable", which is never a grade
        }
        return node.Member is null && data.Context.TryGetValue(node.Name, out var context)
            ? context
            : null;
    }

    private static object? Plain(AnswerValue answer) =>
        answer.Kind switch
        {
            AnswerKind.Number => answer.Number,
            AnswerKind.Text => answer.Text,
            AnswerKind.Boolean => answer.Boolean,
            AnswerKind.TextList => answer.Texts,
            AnswerKind.Map => answer.Entries,
            _ => null,
        };

    /// <inheritdoc />
    public object? VisitNot(NotExpr node) => node.Operand.Accept(this) is not true;

    /// <inheritdoc />
    public object? VisitBinary(BinaryExpr node)
    {
        switch (node.Operator)
        {
            case BinaryOperator.And:
                return node.Left.Accept(this) is true && node.Right.Accept(this) is true;
            case BinaryOperator.Or:
                return node.Left.Accept(this) is true || node.Right.Accept(this) is true;
        }
        var left = node.Left.Accept(this);
        var right = node.Right.Accept(this);
        if (left is null || right is null)
        {
            return false;
        }
        if (left is double a && right is double b)
        {
            return node.Operator switch
            {
                BinaryOperator.Equal => a == b,
                BinaryOperator.NotEqual => a != b,
                BinaryOperator.Less => a < b,
                BinaryOperator.LessOrEqual => a <= b,
                BinaryOperator.Greater => a > b,
                _ => a >= b,
            };
        }
        return node.Operator switch
        {
            BinaryOperator.Equal => Same(left, right),
            BinaryOperator.NotEqual => !Same(left, right),
            _ => false,
        };
    }

    private static bool Same(object left, object right) =>
        (left, right) switch
        {
            (string a, string b) => a == b,
            (bool a, bool b) => a == b,
            (double a, double b) => a == b,
            _ => false,
        };

    /// <inheritdoc />
    public object? VisitIn(InExpr node)
    {
        var value = node.Value.Accept(this);
        return value is not null
            && node.List.Items.Any(i => i.Accept(this) is { } item && Same(value, item));
    }

    /// <inheritdoc />
    public object? VisitCall(CallExpr node)
    {
        var argument = node.Arguments.Count > 0 ? node.Arguments[0].Accept(this) : null;
        switch (node.Function)
        {
            case FunctionName.Answered:
                return argument switch
                {
                    null => false,
                    string text => text.Length > 0,
                    IReadOnlyList<string> list => list.Count > 0,
                    IReadOnlyDictionary<string, AnswerValue> grades => Graded(grades) > 0,
                    _ => true,
                };
            case FunctionName.Contains:
                return argument is IReadOnlyList<string> options
                    && node.Arguments.Count == 2
                    && node.Arguments[1].Accept(this) is string option
                    && options.Contains(option);
            default:
                return argument switch
                {
                    IReadOnlyList<string> list => (double)list.Count,
                    IReadOnlyDictionary<string, AnswerValue> grades => (double)Graded(grades),
                    _ => 0d,
                };
        }
    }

    private static int Graded(IReadOnlyDictionary<string, AnswerValue> grades) =>
        grades.Values.Count(v => v.Kind == AnswerKind.Number);
}
