using System.Linq;
using SurveyKit.Core.Expressions;

namespace SurveyKit.Core.Tests.Expressions;

public class ExpressionParserTests
{
    private static Expr Parse(string text)
    {
        var expr = ExpressionParser.Parse(text, out var error);
        Assert.Null(error);
        return expr!;
    }

    private static ExpressionError Fail(string text)
    {
        var expr = ExpressionParser.Parse(text, out var error);
        Assert.Null(expr);
        return error!;
    }

    /// <summary>Writes the AST back with full parentheses, to see its shape.</summary>
    private sealed class Printer : IExprVisitor<string>
    {
        public string VisitNumber(NumberLiteral node) =>
            node.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public string VisitString(StringLiteral node) => "'" + node.Value + "'";

        public string VisitBoolean(BooleanLiteral node) => node.Value ? "true" : "false";

        public string VisitList(ListLiteral node) =>
            "[" + string.Join(", ", node.Items.Select(i => i.Accept(this))) + "]";

        public string VisitReference(Reference node) => node.Path;

        public string VisitNot(NotExpr node) => "(not " + node.Operand.Accept(this) + ")";

        public string VisitBinary(BinaryExpr node) =>
            "("
            + node.Left.Accept(this)
            + " "
            + node.Operator.ToSymbol()
            + " "
            + node.Right.Accept(this)
            + ")";

        public string VisitIn(InExpr node) =>
            "(" + node.Value.Accept(this) + " in " + node.List.Accept(this) + ")";

        public string VisitCall(CallExpr node) =>
            node.Function.ToString().ToLowerInvariant()
            + "("
            + string.Join(", ", node.Arguments.Select(a => a.Accept(this)))
            + ")";
    }

    [Theory]
    [InlineData("recommend <= 6", "(recommend <= 6)")]
    [InlineData("a == 1 or b == 2 and c == 3", "((a == 1) or ((b == 2) and (c == 3)))")]
    [InlineData("(a == 1 or b == 2) and c == 3", "(((a == 1) or (b == 2)) and (c == 3))")]
    [InlineData("not a and b", "((not a) and b)")]
    [InlineData("not not a", "(not (not a))")]
    [InlineData("touchpoints.service >= 8", "(touchpoints.service >= 8)")]
    [InlineData("segment in ['b2b', \"b2c\"]", "(segment in ['b2b', 'b2c'])")]
    [InlineData("answered(reason)", "answered(reason)")]
    [InlineData(
        "contains(channels, 'chat') and count(channels) > 1",
        "(contains(channels, 'chat') and (count(channels) > 1))"
    )]
    [InlineData("x == -1.5", "(x == -1.5)")]
    [InlineData("x != true", "(x != true)")]
    [InlineData("  a   <  b  ", "(a < b)")]
    public void Precedence_is_or_then_and_then_not_then_comparison(string text, string shape)
    {
        Assert.Equal(shape, Parse(text).Accept(new Printer()));
    }

    [Fact]
    public void Every_node_knows_its_range_in_the_text()
    {
        var text = "recommend <= 6 and touchpoints.service > 7";
        var and = (BinaryExpr)Parse(text);
        Assert.Equal(new TextRange(0, text.Length), and.Range);
        var right = (BinaryExpr)and.Right;
        var reference = (Reference)right.Left;
        Assert.Equal(
            "touchpoints.service",
            text.Substring(reference.Range.Start, reference.Range.Length)
        );
        Assert.Equal("7", text.Substring(right.Right.Range.Start, right.Right.Range.Length));
    }

    [Fact]
    public void Parentheses_widen_the_range_of_what_they_hold()
    {
        var expr = Parse("(a == 1)");
        Assert.Equal(new TextRange(0, 8), expr.Range);
    }

    [Theory]
    [InlineData("recommend <=", 12, "expected a value after '<='.")]
    [InlineData("recommend = 6", 10, "unexpected character '='. To compare, write '=='.")]
    [InlineData("a && b", 2, "write 'and' instead of '&&'.")]
    [InlineData("a || b", 2, "write 'or' instead of '||'.")]
    [InlineData("!a", 0, "unexpected character '!'. To negate, write 'not'.")]
    [InlineData("(a == 1", 7, "expected a closing ')' before the end.")]
    [InlineData("a == 'open", 5, "the text starting here has no closing '.")]
    [InlineData("a in 'x'", 5, "'in' needs a list, as in x in ['a', 'b'].")]
    [InlineData(
        "a == 1 b == 2",
        7,
        "unexpected 'b' after a complete condition; join conditions with 'and' or 'or'."
    )]
    [InlineData("", 0, "the condition is empty.")]
    [InlineData("touchpoints.", 12, "expected an item id after '.' before the end.")]
    public void Syntax_errors_say_what_was_expected_and_where(string text, int at, string message)
    {
        var error = Fail(text);
        Assert.Equal(message, error.Message);
        Assert.Equal(at, error.Range.Start);
    }

    [Fact]
    public void An_unknown_function_is_named_for_a_did_you_mean()
    {
        var error = Fail("anwsered(x)");
        Assert.Equal("anwsered", error.UnknownFunction);
        Assert.Equal(new TextRange(0, 8), error.Range);
    }

    [Fact]
    public void Deep_nesting_is_refused_rather_than_overflowing_the_stack()
    {
        var error = Fail(new string('(', 10_000) + "a" + new string(')', 10_000));
        Assert.Contains("deeper than", error.Message, System.StringComparison.Ordinal);
        var nots = Fail(string.Concat(Enumerable.Repeat("not ", 10_000)) + "a");
        Assert.Contains("deeper than", nots.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_ast_compares_by_value()
    {
        Assert.Equal(Parse("a in [1, 2] and not b"), Parse("a in [1, 2] and not b"));
        Assert.NotEqual(Parse("a in [1, 2]"), Parse("a in [1, 3]"));
    }
}
