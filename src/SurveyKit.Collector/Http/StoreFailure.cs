using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace SurveyKit.Collector.Http;

/// <summary>
/// What the collector says when its store cannot be written or read (a full disk, a database that is down): a 503
/// with <c>Retry-After</c> and a problem body, so a page keeps the response and tries again, and a script knows it
/// may. Never an empty 500.
/// </summary>
internal static class StoreFailure
{
    /// <summary>True for a failure of the store rather than a request the client gave up on.</summary>
    public static bool IsStorage(Exception exception) =>
        exception is not OperationCanceledException;

    /// <summary>One line about <paramref name="exception"/> for the operator's log.</summary>
    public static string Describe(Exception exception)
    {
        var message = exception.Message;
        var end = message.IndexOfAny(['\r', '\n']);
        return exception.GetType().Name + ": " + (end < 0 ? message : message[..end]);
    }

    /// <summary>The 503 answer to a submission: nothing was stored, send it again.</summary>
    public static IResult Result(int retryAfterSeconds) =>
        Result(
            retryAfterSeconds,
            $"The response cannot be stored right now, and nothing was stored. Send it again in {retryAfterSeconds} seconds."
        );

    /// <summary>The 503 answer, saying <paramref name="detail"/>.</summary>
    public static IResult Result(int retryAfterSeconds, string detail) =>
        new WithRetryAfter(
            Problem.Of(503, "Storage unavailable", "", "storage", detail),
            retryAfterSeconds
        );

    /// <summary>Any result, with a <c>Retry-After</c> header.</summary>
    public sealed class WithRetryAfter(IResult inner, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(
                System.Globalization.CultureInfo.InvariantCulture
            );
            return inner.ExecuteAsync(httpContext);
        }
    }
}
