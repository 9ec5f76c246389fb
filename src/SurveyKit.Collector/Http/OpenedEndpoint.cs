using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using SurveyKit.Collector.Storage;

namespace SurveyKit.Collector.Http;

/// <summary>
/// <c>POST /api/opened</c> with a personal link's token as the body: the page reports that an invitation was opened
/// (once, when it starts with a token), so <c>invite --status</c> and /health can say how many opened and did not
/// answer. Only the first opening is recorded; a token that does not verify is refused like a response's.
/// </summary>
internal sealed class OpenedEndpoint(
    CollectorOptions options,
    IResponseStore store,
    InvitationCheck check,
    TimeProvider clock
)
{
    public const string Path = "/api/opened";

    // A token is about 150 bytes; anything much longer is not one.
    private const int MaxBody = 2048;

    public async Task<IResult> Handle(HttpContext context)
    {
        var buffer = new byte[MaxBody + 1];
        var length = 0;
        int read;
        while (
            length < buffer.Length
            && (
                read = await context.Request.Body.ReadAsync(
                    buffer.AsMemory(length),
                    context.RequestAborted
                )
            ) > 0
        )
        {
            length += read;
        }
        if (length > MaxBody)
        {
            return Problem.Of(
                413,
                "Too large",
                "",
                "too-large",
                $"The body is the invitation token only, at most {MaxBody} bytes."
            );
        }
        var token = Encoding.UTF8.GetString(buffer, 0, length).Trim();
        if (
            options.InvitationKey is not { } key
            || await check.Verified(key, token) is not (_, var invitation)
        )
        {
            return InvitationCheck.Invalid();
        }
        await store.MarkOpenedAsync(invitation.Id, clock.GetUtcNow(), default);
        return Results.NoContent();
    }
}
