using System.Collections.Generic;
using System.Linq;

namespace SurveyKit.Core.Expressions;

/// <summary>The question and context ids a condition reads: what the pages re-evaluate it on, and what validation depends on.</summary>
public static class ExprReferences
{
    /// <summary>The distinct ids (not paths) referred to in <paramref name="expr"/>, in order of appearance.</summary>
    public static IReadOnlyList<string> Of(Expr expr) =>
        expr.Accept(new Collector()).Distinct().ToList();

    private sealed class Collector : IExprVisitor<IEnumerable<string>>
    {
        public IEnumerable<string> VisitNumber(NumberLiteral node) => [];

        public IEnumerable<string> VisitString(StringLiteral node) => [];

        public IEnumerable<string> VisitBoolean(BooleanLiteral node) => [];

        public IEnumerable<string> VisitList(ListLiteral node) =>
            node.Items.SelectMany(i => i.Accept(this));

        public IEnumerable<string> VisitReference(Reference node) => [node.Name];

        public IEnumerable<string> VisitNot(NotExpr node) => node.Operand.Accept(this);

        public IEnumerable<string> VisitBinary(BinaryExpr node) =>
            node.Left.Accept(this).Concat(node.Right.Accept(this));

        public IEnumerable<string> VisitIn(InExpr node) =>
            node.Value.Accept(this).Concat(node.List.Accept(this));

        public IEnumerable<string> VisitCall(CallExpr node) =>
            node.Arguments.SelectMany(a => a.Accept(this));
    }
}
