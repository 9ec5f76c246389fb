using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using SurveyKit.Collector.Invitations;
using SurveyKit.Collector.Storage;
using SurveyKit.Core.Model;
using SurveyKit.Submissions;
using SurveyKit.Submissions.Invitations;

namespace SurveyKit.Collector.Http;

/// <summary>
/// The personal link's token on a submission: signed with the collector's key for the invitation's customer (from the
/// ledger), for this survey, with the context the submission carries. A token that fails any of these is refused
/// with a 403 problem body, and nothing is stored; a survey with <c>invitation: required</c> refuses a response
/// without one.
/// </summary>
internal sealed class InvitationCheck(CollectorOptions options, IResponseStore store)
{
    /// <summary>The invitation id to claim with the response, or the answer that refuses it.</summary>
    public async Task<(string? Invitation, IResult? Refused)> Check(
        Survey survey,
        Submission submission
    )
    {
        if (submission.Invitation is not { } token || options.InvitationKey is not { } key)
        {
            return survey.Settings.InvitationRequired ? (null, Required()) : (null, null);
        }
        if (await Verified(key, token) is not (var claims, _) || claims.Survey != survey.Id)
        {
            return (null, Invalid());
        }
        var context = submission.Data.Context;
        var changed = claims
            .Context.Where(c => !context.TryGetValue(c.Key, out var value) || value != c.Value)
            .Select(c => c.Key)
            .Concat(context.Keys.Where(k => !claims.Context.ContainsKey(k)))
            .ToList();
        if (changed.Count > 0)
        {
            return (
                null,
                Problem.Of(
                    403,
                    "Context differs from the invitation",
                    "context." + changed[0],
                    "invitation-context",
                    $"'{changed[0]}' is not what the personal link says; a response through an invitation carries its context unchanged."
                )
            );
        }
        return (claims.Id, null);
    }

    /// <summary>
    /// The claims and the ledger's invitation of <paramref name="token"/> when it is well formed, its invitation is in
    /// the ledger and its signature holds for that invitation's customer; otherwise null.
    /// </summary>
    public async Task<(InvitationClaims Claims, Invitation Invitation)?> Verified(
        byte[] key,
        string? token
    ) =>
        InvitationToken.Read(token, out _) is { } claims
        && await store.FindInvitationAsync(claims.Id, default) is { } invitation
        && InvitationToken.Verify(key, token!, invitation.Customer)
            ? (claims, invitation)
            : null;

    public static IResult Required() =>
        Problem.Of(
            403,
            "Invitation required",
            "invitation",
            "invitation-required",
            "This survey is answered through a personal link only: open the link in your invitation."
        );

    public static IResult Invalid() =>
        Problem.Of(
            403,
            "Invalid invitation",
            "invitation",
            "invitation-invalid",
            "The personal link is not valid: it was changed, or it is not for this survey. Open the link in your invitation as it was sent."
        );

    public static IResult Used() =>
        Problem.Of(
            409,
            "Already answered",
            "invitation",
            "invitation-used",
            "This invitation was answered already: thank you. Each personal link takes one response."
        );
}
