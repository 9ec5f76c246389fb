using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Scriban.Runtime;
using SurveyKit.Collector.Storage;
using SurveyKit.Rendering.Html;
using SurveyKit.Rendering.Templates;
using SurveyKit.Submissions.Invitations;

namespace SurveyKit.Collector.Http;

/// <summary>
/// <c>/api/opt-out?t=TOKEN</c>: the opt-out link of an invitation. GET shows a page with one button (mail scanners
/// follow links, so a GET never opts anyone out); POST records the opt-out in the ledger: the customer is not invited
/// again, by any survey. The token must be valid, as for a response. The invitation mails name this link in
/// List-Unsubscribe, so a mail program's one-click unsubscribe (RFC 8058) posts here too.
/// </summary>
internal sealed class OptOutEndpoint(
    CollectorOptions options,
    IResponseStore store,
    InvitationCheck check,
    TimeProvider clock
)
{
    public const string Path = "/api/opt-out";

    private static readonly TemplateSet Templates = TemplateSet.Load(
        typeof(OptOutEndpoint).Assembly,
        "invitations",
        null,
        p => p,
        []
    );

    public async Task<IResult> Handle(HttpContext context)
    {
        // The page's own style, and a form that posts back here; nothing else.
        context.Response.Headers.ContentSecurityPolicy =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
        string? token;
        if (HttpMethods.IsPost(context.Request.Method))
        {
            var form = context.Request.HasFormContentType
                ? await context.Request.ReadFormAsync(context.RequestAborted)
                : null;
            // The page's button posts the token; a mail program's one-click unsubscribe (RFC 8058, from the mail's
            // List-Unsubscribe header) posts "List-Unsubscribe=One-Click" to the link, token in its query.
            token = form?["t"] is { Count: > 0 } posted ? posted : context.Request.Query["t"];
        }
        else
        {
            token = context.Request.Query["t"];
        }
        var invitation =
            options.InvitationKey is { } key && await check.Verified(key, token) is (_, var found)
                ? found
                : null;
        if (invitation is null)
        {
            return Page(403, "en", Texts.English.InvalidTitle, Texts.English.Invalid, null);
        }
        var texts = invitation.Lang.StartsWith("nl", StringComparison.Ordinal)
            ? Texts.Dutch
            : Texts.English;
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return Page(200, invitation.Lang, texts.AskTitle, texts.Ask, (token!, texts.Button));
        }
        await store.OptOutAsync(invitation.Customer, clock.GetUtcNow(), "link", default);
        return Page(200, invitation.Lang, texts.DoneTitle, texts.Done, null);
    }

    private static IResult Page(
        int status,
        string lang,
        string title,
        string text,
        (string Token, string Button)? form
    )
    {
        var page = new ScriptObject
        {
            ["lang"] = HtmlText.Escape(lang),
            ["title"] = HtmlText.Escape(title),
            ["text"] = HtmlText.Escape(text),
            ["form"] = form is not null,
            ["action"] = Path,
            ["token"] = HtmlText.Escape(form?.Token),
            ["button"] = HtmlText.Escape(form?.Button),
        };
        var html = Templates.Render(
            "opt-out.sbn-html",
            new ScriptObject { ["page"] = page },
            out _
        );
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private sealed record Texts(
        string AskTitle,
        string Ask,
        string Button,
        string DoneTitle,
        string Done,
        string InvalidTitle,
        string Invalid
    )
    {
        public static readonly Texts Dutch = new(
            "Geen uitnodigingen meer?",
            "Wilt u geen uitnodigingen voor onze enquêtes meer ontvangen? Dan sturen we u er geen meer.",
            "Stuur mij geen uitnodigingen meer",
            "U ontvangt geen uitnodigingen meer",
            "We hebben het genoteerd: we sturen u geen uitnodigingen voor enquêtes meer. Bedankt voor uw tijd tot nu toe.",
            "Deze link is niet geldig",
            "Deze link is niet geldig. Gebruik de link uit uw uitnodiging zoals die is verstuurd."
        );

        public static readonly Texts English = new(
            "No more invitations?",
            "Would you rather not receive invitations to our surveys? Then we will not send you any more.",
            "Send me no more invitations",
            "You will receive no more invitations",
            "Noted: we will not send you invitations to surveys any more. Thank you for your time so far.",
            "This link is not valid",
            "This link is not valid. Use the link from your invitation as it was sent."
        );
    }
}
