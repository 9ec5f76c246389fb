using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using SurveyKit.Collector.Storage;
using SurveyKit.Core.Responses;
using SurveyKit.Submissions;

namespace SurveyKit.Collector.Http;

/// <summary>
/// <c>GET /api/responses?survey=ID&amp;format=jsonl|csv</c> with <c>Authorization: Bearer &lt;token&gt;</c>: the stored
/// responses, streamed. The only way to read responses over HTTP, and closed when no token is configured.
/// </summary>
internal sealed class ExportEndpoint(
    CollectorOptions options,
    SurveyCatalog surveys,
    IResponseStore store
)
{
    public async Task Handle(HttpContext context)
    {
        if (!Authorized(context.Request))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Problem
                .Of(
                    401,
                    "Unauthorized",
                    "authorization",
                    "token",
                    "Reading responses needs 'Authorization: Bearer <token>'."
                )
                .ExecuteAsync(context);
            return;
        }
        var id = context.Request.Query["survey"].ToString();
        var survey = surveys.Find(id);
        if (survey is null)
        {
            await Problem
                .Of(
                    404,
                    "Unknown survey",
                    "survey",
                    ResponseRules.Survey,
                    $"'{id}' is not a survey of this collector."
                )
                .ExecuteAsync(context);
            return;
        }
        var format = context.Request.Query["format"].ToString() is { Length: > 0 } f ? f : "jsonl";
        if (format is not ("jsonl" or "csv"))
        {
            await Problem
                .Of(400, "Unknown format", "format", "format", "format is jsonl or csv.")
                .ExecuteAsync(context);
            return;
        }
        // Personal data leaves only when asked for, in every format; what was left out is said in a header (and in
        // the first line of JSON Lines, which readers of submissions skip).
        var personal = context.Request.Query["personal"] == "true";
        try
        {
            // Asked before anything is written, so that a store that is down is a 503 rather than a cut-off body.
            await store.CountAsync(survey.Id, context.RequestAborted);
        }
        catch (Exception exception) when (StoreFailure.IsStorage(exception))
        {
            options.Log.WriteLine(
                $"{DateTimeOffset.UtcNow:O} export of {survey.Id} failed ({store.Kind}): {StoreFailure.Describe(exception)}"
            );
            await StoreFailure
                .Result(
                    SubmitEndpoint.RetryAfterSeconds,
                    $"The responses cannot be read right now. Ask again in {SubmitEndpoint.RetryAfterSeconds} seconds."
                )
                .ExecuteAsync(context);
            return;
        }
        var leftOut = personal ? [] : PersonalData.Fields(survey);
        context.Response.Headers.CacheControl = "no-store";
        if (leftOut.Count > 0)
        {
            context.Response.Headers["SurveyKit-Left-Out"] = string.Join(", ", leftOut);
        }
        if (format == "jsonl")
        {
            context.Response.ContentType = "application/jsonl; charset=utf-8";
            if (leftOut.Count > 0)
            {
                await context.Response.WriteAsync(
                    PersonalData.NoteLine(survey) + "\n",
                    context.RequestAborted
                );
            }
            await foreach (var body in store.ReadAsync(survey.Id, context.RequestAborted))
            {
                var line = personal ? body : SubmissionJson.WithoutPersonal(body, survey);
                await context.Response.WriteAsync(line + "\n", context.RequestAborted);
            }
            return;
        }
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{survey.Id}.csv\"";
        var csv = new CsvExport(survey);
        await context.Response.WriteAsync(csv.Header(personal) + "\r\n", context.RequestAborted);
        await foreach (var body in store.ReadAsync(survey.Id, context.RequestAborted))
        {
            var submission = SubmissionJson.Read(Encoding.UTF8.GetBytes(body)).Submission;
            if (submission is null)
            {
                continue;
            }
            var row = new CsvExport.Row(
                submission.Data,
                submission.SubmittedAt?.ToString(
                    "o",
                    System.Globalization.CultureInfo.InvariantCulture
                ),
                submission.DurationMs
            );
            await context.Response.WriteAsync(
                csv.Record(row, personal) + "\r\n",
                context.RequestAborted
            );
        }
    }

    private bool Authorized(HttpRequest request)
    {
        if (options.Token is not { Length: > 0 } token)
        {
            return false;
        }
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(header.Substring("Bearer ".Length).Trim()),
            Encoding.UTF8.GetBytes(token)
        );
    }
}
