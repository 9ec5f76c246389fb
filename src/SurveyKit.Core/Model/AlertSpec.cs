using SurveyKit.Core.Expressions;
using SurveyKit.Core.Text;

namespace SurveyKit.Core.Model;

/// <summary>
/// An alert (<c>alerts:</c>): when a stored response meets <see cref="When"/>, the collector tells an owner at once,
/// through named targets. The survey names targets, never URLs or secrets: those live in the collector's config.
/// </summary>
/// <param name="Id">The alert id (<c>detractor</c>), in webhook bodies, mails and the outbox.</param>
/// <param name="When">The condition, in the show_if language, over every question and context field.</param>
/// <param name="Targets">Where it goes when no route applies.</param>
/// <param name="Routes">Other targets per context value; the first route that matches the response wins.</param>
/// <param name="Subject">The mail subject per language; <c>{{ id }}</c> shows an answer or context value.</param>
/// <param name="Personal">
/// False when the alert never carries personal data (an e-mail answer, a <c>pii</c> context field); true (the
/// default) requires a consent question among the conditions of <see cref="When"/>.
/// </param>
/// <param name="Span">Where the alert is written.</param>
public sealed record AlertSpec(
    string Id,
    Condition When,
    AlertTargets Targets,
    EquatableArray<AlertRoute> Routes,
    LocalizedText? Subject,
    bool Personal,
    SourceSpan Span
);

/// <summary>Where an alert goes: a named webhook of the collector's config, and/or e-mail addresses.</summary>
public sealed record AlertTargets(string? Webhook, EquatableArray<string> Email, SourceSpan Span)
{
    /// <summary>True when nothing would receive the alert.</summary>
    public bool IsEmpty => Webhook is null && Email.Count == 0;
}

/// <summary><c>route: { segment: { b2b: { email: [...] } } }</c>: other targets when a context field has a value.</summary>
public sealed record AlertRoute(
    IdReference Field,
    IdReference Value,
    AlertTargets Targets,
    SourceSpan Span
);
