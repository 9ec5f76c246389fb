using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Model;
using SurveyKit.Core.Text;

namespace SurveyKit.Core.Expressions;

/// <summary>
/// Types a show_if expression against the survey: every reference must name an earlier question, a touchpoint
/// item or a context field; values are compared only with values of their own kind; option ids must exist;
/// the whole must be a condition; and a condition that can never be true is pointed out.
/// </summary>
public sealed partial class ConditionChecker
{
    private readonly Survey _survey;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, (Question Question, int Index)> _questions = new();

    private readonly IReadOnlyCollection<string> _brokenIds;

    /// <summary>Prepares a checker for the conditions of <paramref name="survey"/>.</summary>
    /// <param name="survey">The survey.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="brokenIds">Questions that could not be read and were reported already; references to them are not reported again.</param>
    public ConditionChecker(
        Survey survey,
        DiagnosticBag diagnostics,
        IReadOnlyCollection<string>? brokenIds = null
    )
    {
        _survey = survey;
        _brokenIds = brokenIds ?? [];
        _diagnostics = diagnostics;
        var index = 0;
        foreach (var question in survey.Questions)
        {
            if (!_questions.ContainsKey(question.Id))
            {
                _questions[question.Id] = (question, index);
            }
            index++;
        }
    }

    /// <summary>
    /// Checks <paramref name="condition"/>, which belongs to <paramref name="owner"/> ("question 'reason'"), asked as question
    /// number <paramref name="ownerIndex"/>; only questions before that index may be referred to.
    /// </summary>
    /// <param name="condition">The condition.</param>
    /// <param name="owner">What it belongs to: "question 'reason'", "alert 'detractor'".</param>
    /// <param name="ownerIndex">The owner's place among the questions.</param>
    /// <param name="key">The key it is written under (<c>show_if</c>, <c>when</c>), as messages name it.</param>
    public void Check(Condition condition, string owner, int ownerIndex, string key = "show_if")
    {
        var scope = new Scope(condition, $"{key} of {owner}", ownerIndex)
        {
            IsItem = owner.StartsWith("item", System.StringComparison.Ordinal),
        };
        var type = TypeOf(condition.Root, scope);
        if (type.Kind is ValueKind.Error)
        {
            return;
        }
        if (type.Kind != ValueKind.Boolean)
        {
            ReportNotACondition(condition.Root, type, scope);
            return;
        }
        if (!scope.HasErrors && CanBeTrue(condition.Root, scope, out var reason) == false)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.NeverTrue,
                condition.SpanOf(condition.Root.Range),
                scope.Owner,
                reason,
                key == "show_if" ? "it is never shown" : "it never happens"
            );
        }
    }

    private sealed class Scope(Condition condition, string owner, int ownerIndex)
    {
        public Condition Condition { get; } = condition;
        public string Owner { get; } = owner;
        public int OwnerIndex { get; } = ownerIndex;
        public bool IsItem { get; init; }
        public bool HasErrors { get; set; }

        /// <summary>The types of the subjects a condition compares (references and count calls), for deciding "never true".</summary>
        public Dictionary<Expr, ValueType> Subjects { get; } = new();
    }

    private ValueType TypeOf(Expr expr, Scope scope)
    {
        switch (expr)
        {
            case NumberLiteral number:
                return new ValueType(
                    ValueKind.Number,
                    "the number " + number.Value.ToString(CultureInfo.InvariantCulture),
                    number.Value,
                    number.Value,
                    number.Value == System.Math.Floor(number.Value)
                );
            case StringLiteral text:
                return new ValueType(ValueKind.Text, $"the text '{text.Value}'");
            case BooleanLiteral boolean:
                return new ValueType(ValueKind.Boolean, boolean.Value ? "true" : "false");
            case ListLiteral list:
                foreach (var item in list.Items)
                {
                    TypeOf(item, scope);
                }
                return new ValueType(ValueKind.List, "a list");
            case Reference reference:
                var resolved = Resolve(reference, scope);
                scope.Subjects[reference] = resolved;
                return resolved;
            case NotExpr not:
                RequireCondition(not.Operand, TypeOf(not.Operand, scope), scope);
                return ValueType.Condition;
            case BinaryExpr { IsComparison: false } logical:
                RequireCondition(logical.Left, TypeOf(logical.Left, scope), scope);
                RequireCondition(logical.Right, TypeOf(logical.Right, scope), scope);
                return ValueType.Condition;
            case BinaryExpr comparison:
                CheckComparison(comparison, scope);
                return ValueType.Condition;
            case InExpr inExpr:
                CheckIn(inExpr, scope);
                return ValueType.Condition;
            case CallExpr call:
                var result = CheckCall(call, scope);
                scope.Subjects[call] = result;
                return result;
            default:
                return ValueType.Error;
        }
    }

    private ValueType Resolve(Reference reference, Scope scope)
    {
        var span = scope.Condition.SpanOf(reference.Range);
        if (_questions.TryGetValue(reference.Name, out var found))
        {
            var (question, index) = found;
            if (index >= scope.OwnerIndex)
            {
                return Fail(
                    scope,
                    DiagnosticDescriptors.ForwardReference,
                    span,
                    scope.Owner,
                    reference.Path,
                    index == scope.OwnerIndex
                        ? (
                            scope.IsItem
                                ? "which is the question this item belongs to"
                                : "which is this question itself"
                        )
                        : $"which is asked later (line {question.Span.Start.Line})"
                );
            }
            return reference.Member is null
                ? TypeOfQuestion(question)
                : TypeOfItem(question, reference, scope);
        }
        var context = _survey.FindContext(reference.Name);
        if (context is not null)
        {
            if (reference.Member is not null)
            {
                return Fail(
                    scope,
                    DiagnosticDescriptors.UnknownReference,
                    span,
                    scope.Owner,
                    reference.Path,
                    $" '{context.Id}' is a context field and has no items."
                );
            }
            return context.Values.IsEmpty
                ? new ValueType(
                    ValueKind.Text,
                    $"'{context.Id}' (a context field)",
                    Owner: context.Id
                )
                : new ValueType(
                    ValueKind.Option,
                    $"'{context.Id}' (a context field)",
                    Options: context.Values,
                    Owner: context.Id
                );
        }
        if (_brokenIds.Contains(reference.Name))
        {
            scope.HasErrors = true;
            return ValueType.Error;
        }
        var names = _questions.Keys.Concat(_survey.Context.Select(c => c.Id));
        return Fail(
            scope,
            DiagnosticDescriptors.UnknownReference,
            span,
            scope.Owner,
            reference.Path,
            DidYouMean.Hint(reference.Name, names)
        );
    }

    private static ValueType TypeOfQuestion(Question question)
    {
        var name = $"'{question.Id}'";
        return question switch
        {
            NpsQuestion => new ValueType(
                ValueKind.Number,
                $"{name} (nps, 0..10)",
                0,
                10,
                true,
                Owner: question.Id
            ),
            RatingQuestion rating => new ValueType(
                ValueKind.Number,
                $"{name} (rating, {rating.Scale.Min}..{rating.Scale.Max})",
                rating.Scale.Min,
                rating.Scale.Max,
                true,
                Owner: question.Id
            ),
            NumberQuestion number => new ValueType(
                ValueKind.Number,
                $"{name} (a number)",
                number.Min ?? double.NegativeInfinity,
                number.Max ?? double.PositiveInfinity,
                number.Integer,
                Owner: question.Id
            ),
            SingleChoiceQuestion choice => new ValueType(
                ValueKind.Option,
                $"{name} (single_choice)",
                Options: OptionIds(choice),
                Owner: question.Id
            ),
            MultiChoiceQuestion choice => new ValueType(
                ValueKind.OptionSet,
                $"{name} (multi_choice)",
                Options: OptionIds(choice),
                Owner: question.Id
            ),
            ConsentQuestion => new ValueType(
                ValueKind.Boolean,
                $"{name} (consent)",
                Owner: question.Id
            ),
            TouchpointsQuestion touchpoints => new ValueType(
                ValueKind.Touchpoints,
                $"{name} (touchpoints)",
                0,
                touchpoints.Items.Count,
                true,
                touchpoints.Items.Select(i => i.Id).ToEquatableArray(),
                question.Id
            ),
            _ => new ValueType(
                ValueKind.Text,
                $"{name} ({question.Type.ToYamlName()})",
                Owner: question.Id
            ),
        };
    }

    private ValueType TypeOfItem(Question question, Reference reference, Scope scope)
    {
        var span = scope.Condition.SpanOf(reference.Range);
        if (question is not TouchpointsQuestion touchpoints)
        {
            return Fail(
                scope,
                DiagnosticDescriptors.UnknownReference,
                span,
                scope.Owner,
                reference.Path,
                $" Only touchpoints questions have items, and '{question.Id}' is {Reading.Place.WithArticle(question.Type.ToYamlName())} question."
            );
        }
        if (!touchpoints.Items.Any(i => i.Id == reference.Member))
        {
            return Fail(
                scope,
                DiagnosticDescriptors.UnknownReference,
                span,
                scope.Owner,
                reference.Path,
                DidYouMean.Hint(reference.Member!, touchpoints.Items.Select(i => i.Id))
            );
        }
        return new ValueType(
            ValueKind.Number,
            $"'{reference.Path}' (a grade, {touchpoints.Scale.Min}..{touchpoints.Scale.Max})",
            touchpoints.Scale.Min,
            touchpoints.Scale.Max,
            true,
            Owner: question.Id
        );
    }

    private static EquatableArray<string> OptionIds(ChoiceQuestion choice) =>
        choice
            .Options.Select(o => o.Id)
            .Concat(choice.Other is null ? [] : ["other"])
            .ToEquatableArray();

    private void CheckComparison(BinaryExpr comparison, Scope scope)
    {
        var left = TypeOf(comparison.Left, scope);
        var right = TypeOf(comparison.Right, scope);
        if (left.Kind is ValueKind.Error || right.Kind is ValueKind.Error)
        {
            return;
        }
        var op = comparison.Operator.ToSymbol();
        var span = scope.Condition.SpanOf(comparison.Range);
        if (comparison.Operator is not (BinaryOperator.Equal or BinaryOperator.NotEqual))
        {
            foreach (var side in new[] { left, right })
            {
                if (side.Kind != ValueKind.Number)
                {
                    Fail(
                        scope,
                        DiagnosticDescriptors.TypeMismatch,
                        span,
                        scope.Owner,
                        $"'{op}' compares numbers, and {side.Description} is not a number.{OrderHint(side)}"
                    );
                    return;
                }
            }
            return;
        }
        // An option compared with a text literal: the text must be one of the options.
        if (
            IsOptionAndLiteral(left, comparison.Right, out var literal)
            || IsOptionAndLiteral(right, comparison.Left, out literal)
        )
        {
            var option = left.Kind == ValueKind.Option ? left : right;
            CheckOptionLiteral(option, literal!, scope);
            return;
        }
        if (!Comparable(left, right))
        {
            Fail(
                scope,
                DiagnosticDescriptors.TypeMismatch,
                span,
                scope.Owner,
                $"{left.Description} cannot be compared with {right.Description}.{EqualityHint(left, right, (comparison.Left as StringLiteral ?? comparison.Right as StringLiteral)?.Value)}"
            );
        }
    }

    private static bool IsOptionAndLiteral(ValueType type, Expr other, out StringLiteral? literal)
    {
        literal = other as StringLiteral;
        return type.Kind == ValueKind.Option && literal is not null;
    }

    private void CheckOptionLiteral(ValueType option, StringLiteral literal, Scope scope)
    {
        if (option.Options.Contains(literal.Value))
        {
            return;
        }
        Fail(
            scope,
            DiagnosticDescriptors.UnknownOption,
            scope.Condition.SpanOf(literal.Range),
            scope.Owner,
            literal.Value,
            option.Owner,
            DidYouMean.Hint(literal.Value, option.Options),
            string.Join(", ", option.Options)
        );
    }

    private static bool Comparable(ValueType left, ValueType right) =>
        (left.Kind, right.Kind) switch
        {
            (ValueKind.Number, ValueKind.Number) => true,
            (ValueKind.Text, ValueKind.Text) => true,
            (ValueKind.Boolean, ValueKind.Boolean) => true,
            (ValueKind.Option, ValueKind.Option) => left.Owner == right.Owner,
            _ => false,
        };

    private static string OrderHint(ValueType side) =>
        side.Kind switch
        {
            ValueKind.Option => " Compare it with == or use in, as in x in ['a', 'b'].",
            ValueKind.OptionSet => " To count its options, use count(" + side.Owner + ").",
            ValueKind.Touchpoints =>
                $" Compare one item, as in {side.Owner}.{side.Options.FirstOrDefault()} >= 6.",
            _ => "",
        };

    private static string EqualityHint(ValueType left, ValueType right, string? written = null)
    {
        var reference = left.Owner is not null ? left : right;
        var option =
            written is not null && reference.Options.Contains(written)
                ? written
                : reference.Options.FirstOrDefault();
        return reference.Kind switch
        {
            ValueKind.Option =>
                $" Compare it with one of its options: {string.Join(", ", reference.Options.Select(o => "'" + o + "'"))}.",
            ValueKind.OptionSet =>
                $" To test for an option, write contains({reference.Owner}, '{option}').",
            ValueKind.Boolean =>
                $" A consent is true or false: write {reference.Owner} or not {reference.Owner}.",
            ValueKind.Number => " Compare it with a number.",
            ValueKind.Touchpoints =>
                $" Compare one item, as in {reference.Owner}.{reference.Options.FirstOrDefault()} >= 6.",
            _ => "",
        };
    }

    private void CheckIn(InExpr inExpr, Scope scope)
    {
        var value = TypeOf(inExpr.Value, scope);
        if (value.Kind is ValueKind.Error)
        {
            return;
        }
        var span = scope.Condition.SpanOf(inExpr.Value.Range);
        if (value.Kind is not (ValueKind.Option or ValueKind.Number or ValueKind.Text))
        {
            var hint =
                value.Kind == ValueKind.OptionSet
                    ? $" To test for an option, write contains({value.Owner}, 'option')."
                    : "";
            Fail(
                scope,
                DiagnosticDescriptors.TypeMismatch,
                span,
                scope.Owner,
                $"'in' needs one value, and {value.Description} is not.{hint}"
            );
            return;
        }
        foreach (var item in inExpr.List.Items)
        {
            var itemType = TypeOf(item, scope);
            if (value.Kind == ValueKind.Option && item is StringLiteral literal)
            {
                CheckOptionLiteral(value, literal, scope);
            }
            else if (
                itemType.Kind != ValueKind.Error
                && !(
                    value.Kind == ValueKind.Option
                        ? itemType.Kind == ValueKind.Text
                        : itemType.Kind == value.Kind
                )
            )
            {
                Fail(
                    scope,
                    DiagnosticDescriptors.TypeMismatch,
                    scope.Condition.SpanOf(item.Range),
                    scope.Owner,
                    $"{value.Description} cannot be compared with {itemType.Description}.{EqualityHint(value, itemType)}"
                );
            }
        }
    }

    private ValueType CheckCall(CallExpr call, Scope scope)
    {
        var span = scope.Condition.SpanOf(call.Range);
        var arguments = call.Arguments.Select(a => TypeOf(a, scope)).ToList();
        if (arguments.Any(a => a.Kind == ValueKind.Error))
        {
            return call.Function == FunctionName.Count
                ? new ValueType(ValueKind.Number, "a count", 0, double.PositiveInfinity, true)
                : ValueType.Condition;
        }
        switch (call.Function)
        {
            case FunctionName.Answered:
                if (call.Arguments.Count != 1 || call.Arguments[0] is not Reference)
                {
                    return Fail(
                        scope,
                        DiagnosticDescriptors.WrongArguments,
                        span,
                        scope.Owner,
                        "answered(x) takes one question, item or context field, as in answered(recommend)."
                    );
                }
                return ValueType.Condition;
            case FunctionName.Contains:
                if (
                    call.Arguments.Count != 2
                    || arguments[0].Kind != ValueKind.OptionSet
                    || call.Arguments[1] is not StringLiteral option
                )
                {
                    return Fail(
                        scope,
                        DiagnosticDescriptors.WrongArguments,
                        span,
                        scope.Owner,
                        "contains(x, 'option') takes a multi_choice question and one of its option ids, as in contains(channels, 'chat')."
                    );
                }
                CheckOptionLiteral(arguments[0] with { Kind = ValueKind.Option }, option, scope);
                return ValueType.Condition;
            default:
                if (
                    call.Arguments.Count != 1
                    || arguments[0].Kind is not (ValueKind.OptionSet or ValueKind.Touchpoints)
                )
                {
                    return Fail(
                        scope,
                        DiagnosticDescriptors.WrongArguments,
                        span,
                        scope.Owner,
                        "count(x) takes a multi_choice or touchpoints question, as in count(channels) >= 2."
                    );
                }
                var max =
                    arguments[0].Kind == ValueKind.Touchpoints
                        ? arguments[0].Max
                        : arguments[0].Options.Count;
                return new ValueType(
                    ValueKind.Number,
                    $"count({arguments[0].Owner})",
                    0,
                    max,
                    true,
                    Owner: arguments[0].Owner
                );
        }
    }

    private void RequireCondition(Expr expr, ValueType type, Scope scope)
    {
        if (type.Kind is not (ValueKind.Boolean or ValueKind.Error))
        {
            ReportNotACondition(expr, type, scope);
        }
    }

    private void ReportNotACondition(Expr expr, ValueType type, Scope scope)
    {
        var owner = type.Owner ?? "x";
        var hint = type.Kind switch
        {
            ValueKind.Number => $" Compare it, as in {owner} >= 9, or test answered({owner}).",
            ValueKind.Option =>
                $" Compare it, as in {owner} == '{type.Options.FirstOrDefault()}', or test answered({owner}).",
            ValueKind.OptionSet =>
                $" Test an option, as in contains({owner}, '{type.Options.FirstOrDefault()}'), or test answered({owner}).",
            ValueKind.Touchpoints =>
                $" Compare one item, as in {owner}.{type.Options.FirstOrDefault()} >= 6, or test answered({owner}).",
            ValueKind.Text when type.Owner is not null =>
                $" Compare it with a text, or test answered({owner}).",
            _ => "",
        };
        Fail(
            scope,
            DiagnosticDescriptors.NotACondition,
            scope.Condition.SpanOf(expr.Range),
            scope.Owner,
            type.Description,
            hint
        );
    }

    private ValueType Fail(
        Scope scope,
        DiagnosticDescriptor descriptor,
        SourceSpan span,
        params object?[] args
    )
    {
        scope.HasErrors = true;
        _diagnostics.Report(descriptor, span, args);
        return ValueType.Error;
    }
}
