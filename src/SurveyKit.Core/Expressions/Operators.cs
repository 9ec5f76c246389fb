namespace SurveyKit.Core.Expressions;

/// <summary>How operators are written in show_if (and in C# and JavaScript, which use the same comparison symbols).</summary>
public static class Operators
{
    /// <summary>The symbol or keyword of <paramref name="op"/>.</summary>
    public static string ToSymbol(this BinaryOperator op) =>
        op switch
        {
            BinaryOperator.And => "and",
            BinaryOperator.Or => "or",
            BinaryOperator.Equal => "==",
            BinaryOperator.NotEqual => "!=",
            BinaryOperator.Less => "<",
            BinaryOperator.LessOrEqual => "<=",
            BinaryOperator.Greater => ">",
            _ => ">=",
        };
}
