namespace SurveyKit.Core.Responses;

/// <summary>
/// Why a response is not valid for its survey, located by a path into the submission
/// (<c>answers.touchpoints.service</c>) so that a page, a collector's 4xx body or a report can name the field.
/// </summary>
/// <param name="Path">The field, as a dotted path into the submission JSON.</param>
/// <param name="Rule">The rule broken, one of <see cref="ResponseRules"/>.</param>
/// <param name="Message">A sentence for people.</param>
public sealed record ResponseError(string Path, string Rule, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Path + ": " + Message;
}

/// <summary>The names of the rules a response can break; stable, for clients that react to them.</summary>
public static class ResponseRules
{
    /// <summary>The response belongs to another survey.</summary>
    public const string Survey = "survey";

    /// <summary>The response was made for another version of the survey.</summary>
    public const string Version = "version";

    /// <summary>A key that is not a question, item, option or context field of the survey.</summary>
    public const string Unknown = "unknown";

    /// <summary>A value of the wrong kind (text for a number, a list for a choice).</summary>
    public const string Type = "type";

    /// <summary>A number outside its scale or limits, or not whole where it must be.</summary>
    public const string Range = "range";

    /// <summary>An option id the question does not have.</summary>
    public const string Option = "option";

    /// <summary>Too few or too many options picked.</summary>
    public const string Count = "count";

    /// <summary>A text longer than allowed.</summary>
    public const string Length = "length";

    /// <summary>Not an email address.</summary>
    public const string Email = "email";

    /// <summary>A required question that is shown but not answered.</summary>
    public const string Required = "required";

    /// <summary>An answer to a question (or item) that its show_if hides.</summary>
    public const string Hidden = "hidden";
}
