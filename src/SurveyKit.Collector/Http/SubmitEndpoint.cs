using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using SurveyKit.Collector.Storage;
using SurveyKit.Collector.Submissions;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;

namespace SurveyKit.Collector.Http;

/// <summary>
/// <c>POST /api/responses</c>: a JSON submission from a page's script, or the form post of a page without
/// JavaScript. Checked with Core's rules (the ones the generated Validate() uses); stored once per responseId;
/// acknowledged only when durable. Bad input is a 4xx that names the field and the rule, and nothing is stored.
/// </summary>
internal sealed class SubmitEndpoint(
    CollectorOptions options,
    SurveyCatalog surveys,
    IResponseStore store,
    TimeProvider clock
)
{
    private static readonly string[] Honeypots = ["_hp", "bot-field", "_gotcha"];

    public async Task<IResult> Handle(HttpContext context)
    {
        var type = context.Request.ContentType ?? "";
        var isForm = type.StartsWith(
            "application/x-www-form-urlencoded",
            StringComparison.OrdinalIgnoreCase
        );
        var isJson =
            type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase); // simple requests, no preflight
        if (!isForm && !isJson)
        {
            return Problem.Of(
                415,
                "Unsupported content type",
                "",
                "content-type",
                $"Send application/json (or a form post), not '{type}'."
            );
        }
        byte[] body;
        try
        {
            body = await ReadBody(context);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == 413)
        {
            return TooLarge();
        }
        if (body.Length > options.MaxBodyBytes)
        {
            return TooLarge();
        }
        return isJson ? await Json(body) : await Form(context, body);
    }

    private IResult TooLarge() =>
        Problem.Of(
            413,
            "Body too large",
            "",
            "size",
            $"A submission is at most {options.MaxBodyBytes} bytes."
        );

    private async Task<IResult> Json(byte[] body)
    {
        var read = SubmissionJson.Read(body);
        if (read.Submission is not { } submission)
        {
            var syntax = read.Errors.Any(e => e.Rule == EnvelopeRules.Syntax);
            return Problem.Of(
                syntax ? 400 : 422,
                syntax ? "Not a submission" : "Invalid submission",
                read.Errors
            );
        }
        var (survey, errors) = Check(submission);
        if (errors.Count > 0)
        {
            return Problem.Of(422, "Invalid response", errors);
        }
        var stored = await Store(survey!, submission);
        return stored
            ? Results.Json(
                new { responseId = submission.ResponseId, stored = true },
                statusCode: 201
            )
            : Results.Json(
                new
                {
                    responseId = submission.ResponseId,
                    stored = false,
                    duplicate = true,
                },
                statusCode: 200
            );
    }

    private async Task<IResult> Form(HttpContext context, byte[] body)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return Problem.Of(
                400,
                "Not a submission",
                "",
                EnvelopeRules.Syntax,
                "The form is not UTF-8."
            );
        }
        var fields = ParseForm(text);
        var next = fields.FirstOrDefault(f => f.Key == "_next").Value?.LastOrDefault();
        var surveyId = fields.FirstOrDefault(f => f.Key == "survey").Value?.LastOrDefault();
        if (surveys.Find(surveyId) is not { } survey)
        {
            return Problem.Of(
                422,
                "Invalid response",
                "survey",
                ResponseRules.Survey,
                $"'{surveyId}' is not a survey this collector accepts."
            );
        }
        if (fields.Any(f => Honeypots.Contains(f.Key) && f.Value.Any(v => v.Length > 0)))
        {
            return Done(next); // a bot: answered as if stored, so it learns nothing
        }
        var read = SubmissionForm.Read(survey, fields, name => Honeypots.Contains(name));
        if (read.Submission is not { } submission)
        {
            return FormProblem(context, survey, read.Errors);
        }
        // Without JavaScript every question is on the page: an answer to a question its condition hides is
        // dropped, not held against the respondent.
        // Dropping one answer can hide the next (no consent, so no email): repeat until nothing hidden is left.
        for (var round = 0; round <= survey.Questions.Count(); round++)
        {
            var hidden = ResponseValidator
                .Validate(survey, submission.Data)
                .Where(e => e.Rule == ResponseRules.Hidden)
                .ToList();
            if (hidden.Count == 0)
            {
                break;
            }
            foreach (var error in hidden)
            {
                Drop(submission.Data, error.Path);
            }
        }
        var (_, remaining) = Check(submission);
        if (remaining.Count > 0)
        {
            return FormProblem(context, survey, remaining);
        }
        await Store(survey, submission);
        return Done(next);
    }

    private (Survey? Survey, IReadOnlyList<ResponseError> Errors) Check(Submission submission)
    {
        if (surveys.Find(submission.Data.Survey) is not { } survey)
        {
            return (
                null,
                [
                    new ResponseError(
                        "survey",
                        ResponseRules.Survey,
                        $"'{submission.Data.Survey}' is not a survey this collector accepts."
                    ),
                ]
            );
        }
        return (survey, ResponseValidator.Validate(survey, submission.Data));
    }

    private async Task<bool> Store(Survey survey, Submission submission)
    {
        var now = clock.GetUtcNow();
        var body = SubmissionJson.Write(submission, now);
        return await store.StoreAsync(
            new StoredResponse(
                submission.ResponseId,
                survey.Id,
                submission.Data.Version ?? survey.Version,
                now,
                body
            ),
            default
        );
    }

    private static void Drop(ResponseData data, string path)
    {
        // answers.reason, answers.touchpoints.store, answers.channels_other
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

    // Only a path on this site: a form must not turn the collector into an open redirect.
    private static IResult Done(string? next) =>
        next is not null
        && next.StartsWith('/')
        && !next.StartsWith("//", StringComparison.Ordinal)
        && !next.Contains('\\', StringComparison.Ordinal)
            ? Results.Redirect(next, permanent: false, preserveMethod: false)
            : Results.Content(
                "<!doctype html><meta charset=\"utf-8\"><title>Thank you</title><p>Thank you: your answers have been received.</p>",
                "text/html; charset=utf-8"
            );

    private static IResult FormProblem(
        HttpContext context,
        Survey survey,
        IReadOnlyList<ResponseError> errors
    )
    {
        if (
            !(
                context
                    .Request.Headers.Accept.ToString()
                    .Contains("text/html", StringComparison.OrdinalIgnoreCase)
            )
        )
        {
            return Problem.Of(422, "Invalid response", errors);
        }
        // A person without JavaScript sees what to fix; Back keeps their answers.
        var html = new StringBuilder(
            "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Error: "
        );
        html.Append(WebUtility.HtmlEncode(survey.Title[survey.DefaultLanguage]))
            .Append("</title><main><h1>There is a problem with your answers</h1><ul>");
        foreach (var error in errors)
        {
            html.Append("<li>").Append(WebUtility.HtmlEncode(error.Message)).Append("</li>");
        }
        html.Append(
            "</ul><p>Use your browser's Back button: your answers are still there.</p></main></html>"
        );
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, 422);
    }

    private static List<KeyValuePair<string, string[]>> ParseForm(string text)
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

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private async Task<byte[]> ReadBody(HttpContext context)
    {
        if (context.Request.ContentLength > options.MaxBodyBytes)
        {
            return new byte[options.MaxBodyBytes + 1];
        }
        using var memory = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            memory.Write(buffer, 0, read);
            if (memory.Length > options.MaxBodyBytes)
            {
                break;
            }
        }
        return memory.ToArray();
    }
}
