using System.Collections.Generic;
using SurveyKit.Core.Text;

namespace SurveyKit.Core.Expressions;

/// <summary>
/// Parses show_if expressions by recursive descent. Precedence, loosest first:
/// <c>or</c>, <c>and</c>, <c>not</c>, comparisons and <c>in</c>, then values, calls and parentheses.
/// </summary>
public sealed class ExpressionParser
{
    /// <summary>Deeper nesting than this is refused, so that hostile input cannot exhaust the stack.</summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// The most values and references a condition may hold (<c>a == 1 or b == 2</c> holds four). Real conditions
    /// hold a handful; the limit keeps every tree small enough to walk recursively, and its checks fast.
    /// </summary>
    public const int MaxTerms = 500;

    private readonly List<Token> _tokens;
    private int _position;
    private int _depth;

    private ExpressionParser(List<Token> tokens) => _tokens = tokens;

    /// <summary>Parses <paramref name="text"/>; returns null and sets <paramref name="error"/> when it is not a valid expression.</summary>
    public static Expr? Parse(string text, out ExpressionError? error)
    {
        var tokens = Lexer.Tokenize(text, out error);
        if (error is not null)
        {
            return null;
        }
        if (tokens.Count == 1)
        {
            error = new ExpressionError("the condition is empty.", new TextRange(0, 0));
            return null;
        }
        var parser = new ExpressionParser(tokens);
        try
        {
            var expr = parser.ParseOr();
            if (parser.Current.Kind != TokenKind.End)
            {
                throw parser.Error(
                    $"unexpected '{parser.Current.Text}' after a complete condition; join conditions with 'and' or 'or'."
                );
            }
            return expr;
        }
        catch (ParseException e)
        {
            error = e.Error;
            return null;
        }
    }

    private Token Current => _tokens[_position];

    private Token Advance() => _tokens[_position++];

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (Current.Kind == TokenKind.Or)
        {
            Advance();
            var right = ParseAnd();
            left = new BinaryExpr(
                BinaryOperator.Or,
                left,
                right,
                TextRange.Cover(left.Range, right.Range)
            );
        }
        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseNot();
        while (Current.Kind == TokenKind.And)
        {
            Advance();
            var right = ParseNot();
            left = new BinaryExpr(
                BinaryOperator.And,
                left,
                right,
                TextRange.Cover(left.Range, right.Range)
            );
        }
        return left;
    }

    private Expr ParseNot()
    {
        if (Current.Kind != TokenKind.Not)
        {
            return ParseComparison();
        }
        var not = Advance();
        Enter();
        var operand = ParseNot();
        _depth--;
        return new NotExpr(operand, TextRange.Cover(not.Range, operand.Range));
    }

    private Expr ParseComparison()
    {
        var left = ParsePrimary();
        if (Current.Kind == TokenKind.In)
        {
            Advance();
            if (Current.Kind != TokenKind.OpenBracket)
            {
                throw Error("'in' needs a list, as in x in ['a', 'b'].");
            }
            var list = (ListLiteral)ParsePrimary();
            return new InExpr(left, list, TextRange.Cover(left.Range, list.Range));
        }
        BinaryOperator? op = Current.Kind switch
        {
            TokenKind.Equal => BinaryOperator.Equal,
            TokenKind.NotEqual => BinaryOperator.NotEqual,
            TokenKind.Less => BinaryOperator.Less,
            TokenKind.LessOrEqual => BinaryOperator.LessOrEqual,
            TokenKind.Greater => BinaryOperator.Greater,
            TokenKind.GreaterOrEqual => BinaryOperator.GreaterOrEqual,
            _ => null,
        };
        if (op is null)
        {
            return left;
        }
        var opToken = Advance();
        if (Current.Kind == TokenKind.End)
        {
            throw Error($"expected a value after '{opToken.Text}'.");
        }
        var right = ParsePrimary();
        return new BinaryExpr(op.Value, left, right, TextRange.Cover(left.Range, right.Range));
    }

    private Expr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new NumberLiteral(token.Number, token.Range);
            case TokenKind.String:
                Advance();
                return new StringLiteral(token.Text, token.Range);
            case TokenKind.True:
            case TokenKind.False:
                Advance();
                return new BooleanLiteral(token.Kind == TokenKind.True, token.Range);
            case TokenKind.OpenParen:
            {
                Advance();
                Enter();
                var inner = ParseOr();
                _depth--;
                var close = Expect(TokenKind.CloseParen, "a closing ')'");
                return inner with { Range = TextRange.Cover(token.Range, close.Range) };
            }
            case TokenKind.OpenBracket:
                return ParseList();
            case TokenKind.Identifier:
                return ParseReferenceOrCall();
            case TokenKind.End:
                throw Error("the condition ends where a value was expected.");
            default:
                throw Error($"expected a value, not '{token.Text}'.");
        }
    }

    private ListLiteral ParseList()
    {
        var open = Advance();
        var items = new List<Expr>();
        Enter();
        if (Current.Kind != TokenKind.CloseBracket)
        {
            items.Add(ParsePrimary());
            while (Current.Kind == TokenKind.Comma)
            {
                Advance();
                items.Add(ParsePrimary());
            }
        }
        _depth--;
        var close = Expect(TokenKind.CloseBracket, "',' or a closing ']'");
        return new ListLiteral(items.ToEquatableArray(), TextRange.Cover(open.Range, close.Range));
    }

    private Expr ParseReferenceOrCall()
    {
        var name = Advance();
        if (Current.Kind == TokenKind.OpenParen)
        {
            return ParseCall(name);
        }
        if (Current.Kind != TokenKind.Dot)
        {
            return new Reference(name.Text, null, name.Range);
        }
        Advance();
        var member = Expect(TokenKind.Identifier, "an item id after '.'");
        return new Reference(name.Text, member.Text, TextRange.Cover(name.Range, member.Range));
    }

    private CallExpr ParseCall(Token name)
    {
        FunctionName? function = name.Text switch
        {
            "answered" => FunctionName.Answered,
            "contains" => FunctionName.Contains,
            "count" => FunctionName.Count,
            _ => null,
        };
        if (function is null)
        {
            throw new ParseException(
                new ExpressionError($"unknown function '{name.Text}'.", name.Range, name.Text)
            );
        }
        Advance();
        Enter();
        var arguments = new List<Expr>();
        if (Current.Kind != TokenKind.CloseParen)
        {
            arguments.Add(ParseOr());
            while (Current.Kind == TokenKind.Comma)
            {
                Advance();
                arguments.Add(ParseOr());
            }
        }
        _depth--;
        var close = Expect(TokenKind.CloseParen, "',' or a closing ')'");
        return new CallExpr(
            function.Value,
            arguments.ToEquatableArray(),
            TextRange.Cover(name.Range, close.Range)
        );
    }

    private Token Expect(TokenKind kind, string what)
    {
        if (Current.Kind != kind)
        {
            throw Error(
                Current.Kind == TokenKind.End
                    ? $"expected {what} before the end."
                    : $"expected {what}, not '{Current.Text}'."
            );
        }
        return Advance();
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"the condition nests deeper than {MaxDepth} levels.");
        }
    }

    private ParseException Error(string message) =>
        new(new ExpressionError(message, Current.Range));

    private sealed class ParseException(ExpressionError error) : System.Exception(error.Message)
    {
        public ExpressionError Error { get; } = error;
    }
}
