using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;

namespace SurveyKit.Collector.Http;

/// <summary>The pieces of a form post without JavaScript: its fields, the thank-you answer, and the error page.</summary>
internal static class FormPost
{
    /// <summary>The fields of an urlencoded body, each name with its values in order.</summary>
    public static List<KeyValuePair<string, string[]>> Fields(string text)
    {
        var fields = new List<(string Key, string Value)>();
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? pair : pair.Substring(0, equals);
            var value = equals < 0 ? "" : pair.Substring(equals + 1);
            fields.Add((Decode(key), Decode(value)));
        }
        return fields
            .GroupBy(f => f.Key, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, string[]>(
                g.Key,
                g.Select(f => f.Value).ToArray()
            ))
            .ToList();
    }

    /// <summary>The last value of <paramref name="name"/>, or null.</summary>
    public static string? Last(List<KeyValuePair<string, string[]>> fields, string name) =>
        fields.FirstOrDefault(f => f.Key == name).Value?.LastOrDefault();

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    /// <summary>The answer to a stored (or ignored) post: the page of <c>_next</c>, or a plain thank-you.</summary>
    public static IResult Done(string? next) =>
        next is not null
            ? Results.Redirect(next, permanent: false, preserveMethod: false)
            : Results.Content(
                "<!doctype html><meta charset=\"utf-8\"><title>Thank you</title><p>Thank you: your answers have been received.</p>",
                "text/html; charset=utf-8"
            );

    /// <summary>
    /// What is wrong with a post: an HTML page for a person without JavaScript (Back keeps their answers), a problem
    /// body for anything else.
    /// </summary>
    public static IResult Problem(
        HttpContext context,
        Survey survey,
        IReadOnlyList<ResponseError> errors
    )
    {
        if (
            !context
                .Request.Headers.Accept.ToString()
                .Contains("text/html", StringComparison.OrdinalIgnoreCase)
        )
        {
            return Http.Problem.Of(422, "Invalid response", errors);
        }
        var html = new StringBuilder(
            "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Error: "
        );
        html.Append(WebUtility.HtmlEncode(survey.Title[survey.DefaultLanguage]))
            .Append("</title><main><h1>There is a problem with your answers</h1><ul>");
        foreach (var error in errors.Take(Http.Problem.MaxListed))
        {
            html.Append("<li>").Append(WebUtility.HtmlEncode(error.Message)).Append("</li>");
        }
        if (errors.Count > Http.Problem.MaxListed)
        {
            html.Append("<li>")
                .Append(errors.Count - Http.Problem.MaxListed)
                .Append(" more like these.</li>");
        }
        html.Append(
            "</ul><p>Use your browser's Back button: your answers are still there.</p></main></html>"
        );
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, 422);
    }

    /// <summary>Drops the answer at <paramref name="path"/> (<c>answers.reason</c>, <c>answers.touchpoints.store</c>).</summary>
    public static void Drop(ResponseData data, string path)
    {
        var parts = path.Split('.');
        if (parts.Length == 2)
        {
            data.Answers.Remove(parts[1]);
        }
        else if (
            parts.Length == 3
            && data.Answers.TryGetValue(parts[1], out var map)
            && map.Kind == AnswerKind.Map
        )
        {
            var entries = map
                .Entries.Where(e => e.Key != parts[2])
                .ToDictionary(e => e.Key, e => e.Value);
            data.Answers[parts[1]] = AnswerValue.Of(entries);
        }
    }
}
