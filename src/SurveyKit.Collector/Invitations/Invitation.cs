using System;
using System.Collections.Generic;

namespace SurveyKit.Collector.Invitations;

/// <summary>One invitation in the ledger: who was asked, for which survey, with which signed context, and when.</summary>
/// <param name="Id">The invitation id (in the token).</param>
/// <param name="Survey">The survey id.</param>
/// <param name="Customer">The customer's id (personal data: never in the link).</param>
/// <param name="Email">Where the invitation goes.</param>
/// <param name="Lang">The language of the page and the mail.</param>
/// <param name="Context">The signed context values.</param>
/// <param name="InvitedAt">When it was made.</param>
public sealed record Invitation(
    string Id,
    string Survey,
    string Customer,
    string Email,
    string Lang,
    IReadOnlyDictionary<string, string> Context,
    DateTimeOffset InvitedAt
);

/// <summary>The ledger's keys for people whose data was erased.</summary>
public static class ErasedCustomer
{
    /// <summary>
    /// What an erased customer's opt-out is kept under: a one-way hash of their id, so they are still not invited,
    /// and the id itself is gone.
    /// </summary>
    public static string OptOutKey(string customer) =>
        "sha256:"
        + Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes(customer)
            )
        );
}

/// <summary>A customer's invitations so far, across every survey, for the contact-pressure rule.</summary>
/// <param name="LastInvited">The latest invitation, or null.</param>
/// <param name="InLastYear">Invitations in the 365 days before now.</param>
/// <param name="OptedOut">The customer asked not to be invited again.</param>
public sealed record CustomerHistory(DateTimeOffset? LastInvited, int InLastYear, bool OptedOut);

/// <summary>How an invitation programme is doing, for /health and <c>surveykit invite --status</c>.</summary>
/// <param name="Invited">Invitations made.</param>
/// <param name="Opened">Invitations whose page reported being opened (a page with JavaScript, on the collector).</param>
/// <param name="Responded">Invitations answered.</param>
/// <param name="Reminded">Invitations reminded.</param>
/// <param name="OptedOut">Customers invited here who opted out.</param>
public sealed record InvitationCounts(
    long Invited,
    long Opened,
    long Responded,
    long Reminded,
    long OptedOut
);

/// <summary>The two mails an invitation can have: the invitation itself and one reminder.</summary>
public enum MailKind
{
    Invitation,
    Reminder,
}

/// <summary>How the ledger writes a <see cref="MailKind"/>.</summary>
public static class MailKinds
{
    public static string Name(MailKind kind) =>
        kind == MailKind.Reminder ? "reminder" : "invitation";

    public static MailKind Parse(string name) =>
        name == "reminder" ? MailKind.Reminder : MailKind.Invitation;
}

/// <summary>A mail queued by <c>surveykit invite --send</c> that the SMTP server has not accepted yet.</summary>
/// <param name="Invitation">Its invitation.</param>
/// <param name="Kind">Invitation or reminder.</param>
/// <param name="InDoubt">
/// A run stopped while handing this mail to the server: it may have arrived. It is never sent again, so that nobody
/// gets it twice; the run that finds it reports it.
/// </param>
public sealed record PendingMail(Invitation Invitation, MailKind Kind, bool InDoubt);

/// <summary>What became of one attempt to hand a mail to the SMTP server, as the ledger records it.</summary>
public enum MailStep
{
    /// <summary>About to hand it over: from here until <see cref="Sent"/>, a crash leaves it in doubt.</summary>
    Attempting,

    /// <summary>The server accepted it.</summary>
    Sent,

    /// <summary>The server answered with an error: it did not take the mail, which may be tried again.</summary>
    NotTaken,

    /// <summary>Given up: refused for good, or in doubt after a crash.</summary>
    Failed,
}
