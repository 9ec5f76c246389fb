namespace SurveyKit.Core.Responses;

/// <summary>
/// The fixed answer values of the submission format (formats.md), named once for the validator, the readers, the
/// pages, the generated code and the analysis: a touchpoint not used, and how it compares with other providers.
/// </summary>
public static class AnswerValues
{
    /// <summary>A touchpoint the respondent did not use: never a grade.</summary>
    public const string NotApplicable = "na";

    /// <summary>Worse than other providers.</summary>
    public const string Worse = "worse";

    /// <summary>The same as other providers.</summary>
    public const string Same = "same";

    /// <summary>Better than other providers.</summary>
    public const string Better = "better";

    /// <summary>The comparison values in their order (worse, same, better).</summary>
    public static readonly string[] Comparisons = [Worse, Same, Better];

    /// <summary>The comparison <paramref name="text"/> names, or null when it names none.</summary>
    public static Comparison? ComparisonOf(string? text) =>
        text switch
        {
            Worse => Comparison.Worse,
            Same => Comparison.Same,
            Better => Comparison.Better,
            _ => null,
        };

    /// <summary>The text of <paramref name="comparison"/> in the submission format.</summary>
    public static string Text(Comparison comparison) =>
        comparison switch
        {
            Comparison.Worse => Worse,
            Comparison.Same => Same,
            _ => Better,
        };
}
