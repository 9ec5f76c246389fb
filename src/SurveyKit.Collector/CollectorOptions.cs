using System.Collections.Generic;
using SurveyKit.Core.Model;

namespace SurveyKit.Collector;

/// <summary>How a collector runs.</summary>
public sealed record CollectorOptions
{
    /// <summary>The surveys it accepts responses for (checked, from their YAML).</summary>
    public required IReadOnlyList<Survey> Surveys { get; init; }

    /// <summary>A SQLite file, or a PostgreSQL connection string (<c>Host=...;Database=...</c>).</summary>
    public required string Database { get; init; }

    /// <summary>The bearer token that reading responses needs; without one, nothing can read them over HTTP.</summary>
    public string? Token { get; init; }

    /// <summary>Origins (<c>https://surveys.example.org</c>) whose pages may post from a browser; same-origin pages always may.</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>The largest body accepted.</summary>
    public int MaxBodyBytes { get; init; } = 256 * 1024;

    /// <summary>Posts per minute per client address; 0 turns the limit off (load tests, a trusted proxy).</summary>
    public int PostsPerMinute { get; init; } = 120;

    /// <summary>A built site to serve beside the API, from memory (<c>surveykit serve</c>), or null.</summary>
    public Pages.SiteContent? Site { get; init; }

    /// <summary>Where the collector tells its operator what went wrong (a store that cannot be written), one line each.</summary>
    public System.IO.TextWriter Log { get; init; } = System.Console.Error;

    /// <summary>
    /// Where alerts go (alerts.json), or null: then alerts are still written to the outbox with their responses, and
    /// wait there (24 hours at most) for a collector that has a config to send them.
    /// </summary>
    public Alerts.AlertsConfig? Alerts { get; init; }

    /// <summary>The mail templates (the built-in ones unless a workspace overrides them).</summary>
    public Alerts.AlertMail? AlertMail { get; init; }

    /// <summary>
    /// The key personal links are signed with (<c>surveykit invite</c>), or null: then responses carry no verified
    /// invitation, and a survey with <c>invitation: required</c> cannot be collected.
    /// </summary>
    public byte[]? InvitationKey { get; init; }

    /// <summary>Where to listen, such as <c>http://127.0.0.1:5080</c>.</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:5080"];
}
