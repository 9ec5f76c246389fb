using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Http;
using SurveyKit.Core.Responses;

namespace SurveyKit.Collector.Http;

/// <summary>An RFC 9457 problem body that names each field and rule, so a page or a script can say what to fix.</summary>
internal sealed record Problem(
    string Type,
    string Title,
    int Status,
    string Detail,
    IReadOnlyList<ProblemField> Errors
)
{
    /// <summary>The most errors a problem body lists: a body of a thousand bad keys gets a short answer too.</summary>
    public const int MaxListed = 20;

    public static IResult Of(int status, string title, IReadOnlyList<ResponseError> errors)
    {
        var fields = errors
            .Take(MaxListed)
            .Select(e => new ProblemField(e.Path, e.Rule, e.Message))
            .ToList();
        if (errors.Count > MaxListed)
        {
            fields.Add(
                new ProblemField("", "more", $"And {errors.Count - MaxListed} more like these.")
            );
        }
        return Results.Json(
            new Problem(
                "https://surveykit.dev/problems/" + (errors.FirstOrDefault()?.Rule ?? "request"),
                title,
                status,
                errors.Count == 0 ? title : errors[0].ToString(),
                fields
            ),
            CollectorJson.Default.Problem,
            statusCode: status,
            contentType: "application/problem+json"
        );
    }

    public static IResult Of(int status, string title, string path, string rule, string message) =>
        Of(status, title, [new ResponseError(path, rule, message)]);
}

/// <summary>One field's problem.</summary>
internal sealed record ProblemField(string Path, string Rule, string Message);
