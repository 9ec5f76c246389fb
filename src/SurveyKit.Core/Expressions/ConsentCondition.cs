using SurveyKit.Core.Model;

namespace SurveyKit.Core.Expressions;

/// <summary>
/// Whether a condition holds only for a respondent who consented: a consent question (bare, or <c>== true</c>) is
/// one of the conditions joined by <c>and</c> at its top. The checker requires it of an alert that carries personal
/// data; the collector checks it again before it puts personal data in an alert.
/// </summary>
public static class ConsentCondition
{
    /// <summary>True when <paramref name="condition"/> can only be true if a consent question of <paramref name="survey"/> was agreed to.</summary>
    public static bool IsRequiredBy(Survey survey, Expr condition) =>
        condition switch
        {
            BinaryExpr { Operator: BinaryOperator.And } and => IsRequiredBy(survey, and.Left)
                || IsRequiredBy(survey, and.Right),
            Reference { Member: null } reference => IsConsent(survey, reference.Name),
            BinaryExpr
            {
                Operator: BinaryOperator.Equal,
                Left: Reference { Member: null } left,
                Right: BooleanLiteral { Value: true },
            } => IsConsent(survey, left.Name),
            _ => false,
        };

    // The survey's contact consent (analysis.follow_up.consent) when it names one: agreeing to something else, such as
    // research use, does not release the respondent's address. Otherwise any consent question.
    private static bool IsConsent(Survey survey, string id) =>
        survey.FindQuestion(id) is ConsentQuestion
        && (survey.Analysis?.FollowUp?.Consent.Id is not { } contact || contact == id);
}
