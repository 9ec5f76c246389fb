using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SurveyKit.Collector.Http;

/// <summary>
/// The collector's JSON answers, serialized by generated code: the surveykit tool is compiled ahead of time, where
/// reflection-based serialization is not available (and where it would cost start-up time anyway).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Problem))]
[JsonSerializable(typeof(SubmitAnswer))]
[JsonSerializable(typeof(HealthAnswer))]
[JsonSerializable(typeof(HealthDown))]
internal sealed partial class CollectorJson : JsonSerializerContext;

/// <summary>The answer to a stored (201) or repeated (200, duplicate) submission.</summary>
internal sealed record SubmitAnswer(
    string ResponseId,
    bool Stored,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Duplicate = null
);

/// <summary>/health when the store answers.</summary>
internal sealed record HealthAnswer(
    string Status,
    string Store,
    long Responses,
    HealthAlerts Alerts,
    HealthInvitations Invitations
);

/// <summary>The alert outbox in /health.</summary>
internal sealed record HealthAlerts(
    long Pending,
    double? OldestPendingSeconds,
    long Delivered,
    long Dead
);

/// <summary>The invitation ledger's counts in /health.</summary>
internal sealed record HealthInvitations(
    long Invited,
    long Opened,
    long Responded,
    long Reminded,
    long OptedOut
);

/// <summary>/health when the store does not answer (503).</summary>
internal sealed record HealthDown(string Status, string Store, string Problem);
