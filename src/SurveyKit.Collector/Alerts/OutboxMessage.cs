using System;

namespace SurveyKit.Collector.Alerts;

/// <summary>How an alert travels.</summary>
public static class AlertChannel
{
    /// <summary>A signed POST to a named webhook (Standard Webhooks).</summary>
    public const string Webhook = "webhook";

    /// <summary>A mail over SMTP.</summary>
    public const string Email = "email";
}

/// <summary>
/// One delivery of one alert for one response to one target, written to the outbox in the same transaction as the
/// response. <see cref="Id"/> is the Standard Webhooks <c>webhook-id</c>: the same on every attempt, and the same if
/// the response is posted again, so a receiver deduplicates by it.
/// </summary>
/// <param name="Id">The message id (<c>msg_...</c>), derived from the response, the alert and the target.</param>
/// <param name="ResponseId">The response that raised it.</param>
/// <param name="Survey">Its survey.</param>
/// <param name="Alert">The alert's id.</param>
/// <param name="Channel"><see cref="AlertChannel.Webhook"/> or <see cref="AlertChannel.Email"/>.</param>
/// <param name="Target">The webhook's name, or the addresses (comma-separated).</param>
/// <param name="Payload">The webhook body, or the rendered mail as JSON: exactly what is sent on every attempt.</param>
/// <param name="CreatedAt">When the response was stored.</param>
public sealed record OutboxMessage(
    string Id,
    string ResponseId,
    string Survey,
    string Alert,
    string Channel,
    string Target,
    string Payload,
    DateTimeOffset CreatedAt
);

/// <summary>A message taken from the outbox for one attempt.</summary>
/// <param name="Message">The message.</param>
/// <param name="Attempts">Attempts made before this one.</param>
/// <param name="WindowStart">Since when it is being tried (its creation, or when it was re-queued): it gives up 24 hours later.</param>
public sealed record ClaimedAlert(OutboxMessage Message, int Attempts, DateTimeOffset WindowStart)
{
    /// <summary>Which claim took it (PostgreSQL): an outcome is written only by the collector that still holds it.</summary>
    public Guid Claim { get; init; }
}

/// <summary>What an attempt did.</summary>
public enum DeliveryResult
{
    /// <summary>Accepted (a 2xx, or the SMTP server took the mail).</summary>
    Delivered,

    /// <summary>Not now (a timeout, a 5xx, a refused connection): tried again later.</summary>
    Retry,

    /// <summary>The target said it is gone for good (HTTP 410, every recipient refused): not tried again.</summary>
    Gone,
}

/// <summary>The outcome of one attempt, to be written back to the outbox.</summary>
/// <param name="Id">The message.</param>
/// <param name="Result">What happened.</param>
/// <param name="Error">Why it failed, for the operator (never personal data).</param>
/// <param name="At">When the attempt ended.</param>
/// <param name="NextAttempt">When to try again (for <see cref="DeliveryResult.Retry"/>); null when the 24 hours are over: dead-lettered.</param>
public sealed record AlertOutcome(
    string Id,
    DeliveryResult Result,
    string? Error,
    DateTimeOffset At,
    DateTimeOffset? NextAttempt
)
{
    /// <summary>The claim the attempt was made under.</summary>
    public Guid Claim { get; init; }
}

/// <summary>The state of the outbox, for /health and <c>surveykit alerts</c>.</summary>
/// <param name="Pending">Waiting for their first or next attempt.</param>
/// <param name="Delivered">Accepted by their target.</param>
/// <param name="Dead">Given up after 24 hours, or refused as gone: <c>surveykit alerts retry</c> re-queues them.</param>
/// <param name="OldestPending">When the oldest pending message was created, or null.</param>
public sealed record OutboxCounts(
    long Pending,
    long Delivered,
    long Dead,
    DateTimeOffset? OldestPending
);

/// <summary>One row of the outbox as the operator sees it (no payload: it may hold personal data).</summary>
public sealed record OutboxEntry(
    string Id,
    string ResponseId,
    string Survey,
    string Alert,
    string Channel,
    string Target,
    string Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttempt,
    DateTimeOffset? DeliveredAt,
    string? LastError
);

/// <summary>The outbox statuses as stored.</summary>
public static class OutboxStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Dead = "dead";
    public const string Gone = "gone";

    /// <summary>The status an attempt's outcome leaves its message in: a retry past its 24 hours is dead.</summary>
    public static string Of(AlertOutcome outcome) =>
        outcome.Result switch
        {
            DeliveryResult.Delivered => Delivered,
            DeliveryResult.Gone => Gone,
            _ when outcome.NextAttempt is null => Dead,
            _ => Pending,
        };
}
