using System;
using System.Collections.Generic;
using SurveyKit.Core.Responses;

namespace SurveyKit.Submissions;

/// <summary>A submission as formats.md describes it: the response in Core's neutral form, plus when and how long.</summary>
/// <param name="Data">Survey, version, language, context and answers, as Core's rules read them.</param>
/// <param name="SubmittedAt">When the respondent sent it (the client's clock), if said.</param>
/// <param name="DurationMs">How long the respondent took, if measured.</param>
public sealed record Submission(ResponseData Data, DateTimeOffset? SubmittedAt, long? DurationMs)
{
    /// <summary>The response id (a UUID the client made before the first attempt).</summary>
    public string ResponseId => Data.ResponseId!;

    /// <summary>The personal link's token (<c>"invitation"</c>), or null for a response without an invitation.</summary>
    public string? Invitation { get; init; }
}

/// <summary>The outcome of reading a request body: a submission, or why there is none.</summary>
public sealed record SubmissionRead(Submission? Submission, IReadOnlyList<ResponseError> Errors)
{
    public static SubmissionRead Fail(string path, string rule, string message) =>
        new(null, [new ResponseError(path, rule, message)]);
}

/// <summary>Rule names for the envelope of a submission, beside Core's <see cref="ResponseRules"/>.</summary>
public static class EnvelopeRules
{
    /// <summary>The body is not JSON, not UTF-8, or not an object.</summary>
    public const string Syntax = "syntax";

    /// <summary>A key the submission must have is missing.</summary>
    public const string Missing = "missing";

    /// <summary>A key appears twice.</summary>
    public const string Duplicate = "duplicate";
}
