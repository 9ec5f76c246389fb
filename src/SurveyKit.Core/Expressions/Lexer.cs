using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SurveyKit.Core.Expressions;

/// <summary>Splits a show_if expression into tokens, and names the habits of other languages it meets (=, &amp;&amp;, !).</summary>
internal static class Lexer
{
    public static List<Token> Tokenize(string text, out ExpressionError? error)
    {
        var tokens = new List<Token>();
        error = null;
        var i = 0;
        var terms = 0;
        while (i < text.Length)
        {
            // Counted before each token, so a hostile condition of a million terms stops at the first one too many:
            // every later stage (checker, feasibility, evaluator, emitters) then works on a bounded tree.
            if (terms > ExpressionParser.MaxTerms)
            {
                error = TooLarge(tokens);
                return tokens;
            }
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            var start = i;
            if (char.IsDigit(c) || (c == '-' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                i++;
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }
                var literal = text.Substring(start, i - start);
                if (
                    !double.TryParse(
                        literal,
                        NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                        CultureInfo.InvariantCulture,
                        out var number
                    )
                )
                {
                    error = new ExpressionError(
                        $"'{literal}' is not a number.",
                        new TextRange(start, i - start)
                    );
                    return tokens;
                }
                tokens.Add(
                    new Token(TokenKind.Number, literal, new TextRange(start, i - start), number)
                );
                terms++;
                continue;
            }
            if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }
                var word = text.Substring(start, i - start);
                var wordKind = KeywordKind(word);
                tokens.Add(new Token(wordKind, word, new TextRange(start, i - start)));
                terms += wordKind is TokenKind.Identifier or TokenKind.True or TokenKind.False
                    ? 1
                    : 0;
                continue;
            }
            if (c is '\'' or '"')
            {
                var value = new StringBuilder();
                i++;
                while (i < text.Length && text[i] != c)
                {
                    value.Append(text[i]);
                    i++;
                }
                if (i >= text.Length)
                {
                    error = new ExpressionError(
                        $"the text starting here has no closing {c}.",
                        new TextRange(start, 1)
                    );
                    return tokens;
                }
                i++;
                tokens.Add(
                    new Token(TokenKind.String, value.ToString(), new TextRange(start, i - start))
                );
                terms++;
                continue;
            }
            var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
            var kind = two switch
            {
                "==" => TokenKind.Equal,
                "!=" => TokenKind.NotEqual,
                "<=" => TokenKind.LessOrEqual,
                ">=" => TokenKind.GreaterOrEqual,
                _ => (TokenKind?)null,
            };
            if (kind is { } twoCharacterKind)
            {
                tokens.Add(new Token(twoCharacterKind, two, new TextRange(start, 2)));
                i += 2;
                continue;
            }
            if (two is "&&" or "||")
            {
                error = new ExpressionError(
                    $"write '{(two == "&&" ? "and" : "or")}' instead of '{two}'.",
                    new TextRange(start, 2)
                );
                return tokens;
            }
            kind = c switch
            {
                '<' => TokenKind.Less,
                '>' => TokenKind.Greater,
                '(' => TokenKind.OpenParen,
                ')' => TokenKind.CloseParen,
                '[' => TokenKind.OpenBracket,
                ']' => TokenKind.CloseBracket,
                ',' => TokenKind.Comma,
                '.' => TokenKind.Dot,
                _ => null,
            };
            if (kind is { } oneCharacterKind)
            {
                tokens.Add(new Token(oneCharacterKind, c.ToString(), new TextRange(start, 1)));
                i++;
                continue;
            }
            var hint = c switch
            {
                '=' => " To compare, write '=='.",
                '!' => " To negate, write 'not'.",
                _ => "",
            };
            error = new ExpressionError(
                $"unexpected character '{c}'.{hint}",
                new TextRange(start, 1)
            );
            return tokens;
        }
        if (terms > ExpressionParser.MaxTerms)
        {
            error = TooLarge(tokens);
            return tokens;
        }
        tokens.Add(new Token(TokenKind.End, "", new TextRange(text.Length, 0)));
        return tokens;
    }

    // Located at the first term too many.
    private static ExpressionError TooLarge(List<Token> tokens) =>
        new(
            $"the condition has more than {ExpressionParser.MaxTerms} terms; no question needs that many. Split the question, or list values with 'in'.",
            tokens[tokens.Count - 1].Range,
            TooLarge: true
        );

    private static TokenKind KeywordKind(string word) =>
        word switch
        {
            "and" => TokenKind.And,
            "or" => TokenKind.Or,
            "not" => TokenKind.Not,
            "in" => TokenKind.In,
            "true" => TokenKind.True,
            "false" => TokenKind.False,
            _ => TokenKind.Identifier,
        };
}

/// <summary>A syntax error in an expression, at a range of its text.</summary>
/// <param name="Message">What is wrong.</param>
/// <param name="Range">Where.</param>
/// <param name="UnknownFunction">When the error is a call of a function that does not exist, its name.</param>
/// <param name="TooLarge">When the condition has more terms than <see cref="ExpressionParser.MaxTerms"/>.</param>
public sealed record ExpressionError(
    string Message,
    TextRange Range,
    string? UnknownFunction = null,
    bool TooLarge = false
);
