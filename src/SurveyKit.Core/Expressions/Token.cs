namespace SurveyKit.Core.Expressions;

internal enum TokenKind
{
    End,
    Number,
    String,
    Identifier,
    And,
    Or,
    Not,
    In,
    True,
    False,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    Comma,
    Dot,
}

internal readonly record struct Token(
    TokenKind Kind,
    string Text,
    TextRange Range,
    double Number = 0
);
