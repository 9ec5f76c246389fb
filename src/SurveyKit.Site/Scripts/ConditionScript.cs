using System.Globalization;
using System.Linq;
using SurveyKit.Core.Expressions;

namespace SurveyKit.Site.Scripts;

/// <summary>
/// Compiles a show_if expression to JavaScript from the one AST that the C# side evaluates
/// (<see cref="SurveyKit.Core.Responses.ConditionEvaluator"/>). The emitted code calls the small runtime in
/// surveykit.js (<c>h</c>), which implements the same semantics: a comparison with an unanswered value is false,
/// "not applicable" is never a grade, and a condition holds only when it is exactly <c>true</c>.
/// </summary>
internal sealed class ConditionScript : IExprVisitor<string>
{
    private static readonly ConditionScript Instance = new();

    /// <summary>A function expression <c>function(h){return ...}</c> for <paramref name="condition"/>.</summary>
    public static string Compile(Expr condition) =>
        "function(h){return h.t(" + condition.Accept(Instance) + ")}";

    public string VisitNumber(NumberLiteral node) =>
        node.Value.ToString("R", CultureInfo.InvariantCulture);

    public string VisitString(StringLiteral node) => JsString.Quote(node.Value);

    public string VisitBoolean(BooleanLiteral node) => node.Value ? "true" : "false";

    public string VisitList(ListLiteral node) =>
        "[" + string.Join(",", node.Items.Select(i => i.Accept(this))) + "]";

    public string VisitReference(Reference node) =>
        node.Member is null
            ? "h.v(" + JsString.Quote(node.Name) + ")"
            : "h.m(" + JsString.Quote(node.Name) + "," + JsString.Quote(node.Member) + ")";

    public string VisitNot(NotExpr node) => "!h.t(" + node.Operand.Accept(this) + ")";

    public string VisitBinary(BinaryExpr node)
    {
        var left = node.Left.Accept(this);
        var right = node.Right.Accept(this);
        return node.Operator switch
        {
            BinaryOperator.And => "(h.t(" + left + ")&&h.t(" + right + "))",
            BinaryOperator.Or => "(h.t(" + left + ")||h.t(" + right + "))",
            _ => "h.c(" + JsString.Quote(node.Operator.ToSymbol()) + "," + left + "," + right + ")",
        };
    }

    public string VisitIn(InExpr node) =>
        "h.i(" + node.Value.Accept(this) + "," + node.List.Accept(this) + ")";

    public string VisitCall(CallExpr node)
    {
        var arguments = string.Join(",", node.Arguments.Select(a => a.Accept(this)));
        return node.Function switch
        {
            FunctionName.Answered => "h.a(" + arguments + ")",
            FunctionName.Contains => "h.h(" + arguments + ")",
            _ => "h.n(" + arguments + ")",
        };
    }
}
