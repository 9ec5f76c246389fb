using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using SurveyKit.Collector.Storage;
using SurveyKit.Collector.Submissions;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;
using SurveyKit.Submissions;

namespace SurveyKit.Collector.Http;

/// <summary>
/// <c>POST /api/responses</c>: a JSON submission from a page's script, or the form post of a page without
/// JavaScript. Checked with Core's rules (the ones the generated Validate() uses); stored once per responseId;
/// acknowledged only when durable. Bad input is a 4xx that names the field and the rule, and nothing is stored; a
/// store that cannot be written is a 503 with Retry-After, so the page keeps the response and tries again.
/// </summary>
internal sealed class SubmitEndpoint(
    CollectorOptions options,
    SurveyCatalog surveys,
    IResponseStore store,
    TimeProvider clock,
    Alerts.AlertPlanner alerts,
    Alerts.AlertSignal alertSignal,
    InvitationCheck invitations
)
{
    private static readonly string[] Honeypots = ["_hp", "bot-field", "_gotcha"];

    /// <summary>How long a client waits before it tries again after a 503.</summary>
    public const int RetryAfterSeconds = 30;

    public async Task<IResult> Handle(HttpContext context)
    {
        var kind = Kind(context.Request.ContentType);
        if (kind is null)
        {
            return Problem.Of(
                415,
                "Unsupported content type",
                "",
                "content-type",
                "Send application/json (or a form post, application/x-www-form-urlencoded) in UTF-8."
            );
        }
        byte[] body;
        try
        {
            body = await ReadBody(context);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == 413)
        {
            return TooLarge(context);
        }
        catch (BadHttpRequestException exception)
        {
            // A body Kestrel could not read (a broken chunk, a client too slow to send it): the sender's problem.
            context.Response.Headers.Connection = "close";
            return Problem.Of(
                exception.StatusCode,
                "Unreadable body",
                "",
                EnvelopeRules.Syntax,
                "The request body could not be read (a broken chunked encoding, or it arrived too slowly); send it again."
            );
        }
        if (body.Length > options.MaxBodyBytes)
        {
            return TooLarge(context);
        }
        return kind == "form" ? await Form(context, body) : await Json(body);
    }

    // The media type, matched exactly (application/jsonp is not JSON); text/plain is what a page may send as a simple
    // request, without a CORS preflight. A charset, when given, must be UTF-8.
    private static string? Kind(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return null;
        }
        if (
            media.Charset.HasValue
            && !media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
        )
        {
            return null;
        }
        var type = media.MediaType.Value ?? "";
        return type.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
                ? "form"
            : type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("text/plain", StringComparison.OrdinalIgnoreCase)
                ? "json"
            : null;
    }

    // The rest of the body is never read, so the connection cannot carry another request: the client is told.
    private IResult TooLarge(HttpContext context)
    {
        context.Response.Headers.Connection = "close";
        return Problem.Of(
            413,
            "Body too large",
            "",
            "size",
            $"A submission is at most {options.MaxBodyBytes} bytes."
        );
    }

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
        var (invitation, refused) = await invitations.Check(survey!, submission);
        if (refused is not null)
        {
            return refused;
        }
        var outcome = await Store(survey!, submission, invitation);
        return outcome switch
        {
            StoreOutcome.Stored => Results.Json(
                new SubmitAnswer(submission.ResponseId, Stored: true),
                CollectorJson.Default.SubmitAnswer,
                statusCode: 201
            ),
            StoreOutcome.Duplicate => Results.Json(
                new SubmitAnswer(submission.ResponseId, Stored: false, Duplicate: true),
                CollectorJson.Default.SubmitAnswer,
                statusCode: 200
            ),
            StoreOutcome.IdTaken => IdTaken(),
            StoreOutcome.InvitationUsed => InvitationCheck.Used(),
            _ => Unavailable(),
        };
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
        var fields = FormPost.Fields(text);
        // Where to go next is checked before anything is stored: a post must never be stored and then fail.
        if (!NextPath.TryRead(FormPost.Last(fields, "_next"), out var next))
        {
            return Problem.Of(
                400,
                "Invalid form",
                "_next",
                "redirect",
                "_next must be a path on this site, such as /klantloyaliteit/thanks.html."
            );
        }
        var surveyId = FormPost.Last(fields, "survey");
        if (surveys.Find(surveyId) is not { } survey)
        {
            return Problem.Of(
                422,
                "Invalid response",
                "survey",
                ResponseRules.Survey,
                $"'{Core.Text.Excerpt.Of(surveyId ?? "")}' is not a survey this collector accepts."
            );
        }
        if (survey.Settings.InvitationRequired)
        {
            // A page without JavaScript cannot carry the personal link's token.
            return InvitationCheck.Required();
        }
        if (fields.Any(f => Honeypots.Contains(f.Key) && f.Value.Any(v => v.Length > 0)))
        {
            return FormPost.Done(next); // a bot: answered as if stored, so it learns nothing
        }
        var read = SubmissionForm.Read(survey, fields, name => Honeypots.Contains(name));
        if (read.Submission is not { } submission)
        {
            return FormPost.Problem(context, survey, read.Errors);
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
                FormPost.Drop(submission.Data, error.Path);
            }
        }
        var (_, remaining) = Check(submission);
        if (remaining.Count > 0)
        {
            return FormPost.Problem(context, survey, remaining);
        }
        return await Store(survey, submission) switch
        {
            StoreOutcome.Stored or StoreOutcome.Duplicate => FormPost.Done(next),
            StoreOutcome.IdTaken => IdTaken(),
            _ => Unavailable(),
        };
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
                        $"'{Core.Text.Excerpt.Of(submission.Data.Survey ?? "")}' is not a survey this collector accepts."
                    ),
                ]
            );
        }
        return (survey, ResponseValidator.Validate(survey, submission.Data));
    }

    // Null when the store could not be written: the failure is logged for the operator, and the client is told to
    // try again later (its page keeps the response until a 2xx).
    private async Task<StoreOutcome?> Store(
        Survey survey,
        Submission submission,
        string? invitation = null
    )
    {
        var now = clock.GetUtcNow();
        var body = SubmissionJson.Write(submission, now, survey);
        var raised = alerts.Plan(survey, submission, now);
        try
        {
            var outcome = await store.StoreAsync(
                new StoredResponse(
                    submission.ResponseId,
                    survey.Id,
                    submission.Data.Version ?? survey.Version,
                    now,
                    body
                )
                {
                    Alerts = raised,
                    InvitationId = invitation,
                },
                default
            );
            if (outcome == StoreOutcome.Stored && raised.Count > 0)
            {
                alertSignal.Pulse();
            }
            return outcome;
        }
        catch (Exception exception) when (StoreFailure.IsStorage(exception))
        {
            options.Log.WriteLine(
                $"{now:O} could not store response {submission.ResponseId} of {survey.Id} ({store.Kind}): {StoreFailure.Describe(exception)}"
            );
            return null;
        }
    }

    private static IResult IdTaken() =>
        Problem.Of(
            409,
            "Response id in use",
            "responseId",
            "conflict",
            "This responseId was already used for a response to another survey; make a new UUID for each response."
        );

    private static IResult Unavailable() => StoreFailure.Result(RetryAfterSeconds);

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
