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
public sealed record InvitationCounts(long Invited, long Responded, long OptedOut);
