using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Scoring;

/// <summary>One delivery of an alert as the collector's outbox holds it: which alert, for which response, and how it went.</summary>
/// <param name="Alert">The alert's id.</param>
/// <param name="ResponseId">The response that raised it.</param>
/// <param name="Status">pending, delivered, dead or gone.</param>
/// <param name="Seconds">From the response being stored to the delivery being accepted; null unless delivered.</param>
public sealed record AlertDelivery(string Alert, string ResponseId, string Status, double? Seconds);

/// <summary>
/// What the collector did with the survey's alerts (the report's follow-up view): per alert how many responses raised
/// it, how many deliveries went out, and how fast. Counts and times only: no response, no address, no answer.
/// </summary>
public sealed record AlertActivity(IReadOnlyList<AlertRuleActivity> Rules)
{
    /// <summary>The activity of <paramref name="deliveries"/>, per alert in id order.</summary>
    public static AlertActivity Of(IEnumerable<AlertDelivery> deliveries) =>
        new(
            deliveries
                .GroupBy(d => d.Alert, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g =>
                {
                    var seconds = g.Where(d => d.Seconds is not null)
                        .Select(d => Math.Max(0, d.Seconds!.Value))
                        .Order()
                        .ToArray();
                    return new AlertRuleActivity(
                        g.Key,
                        g.Select(d => d.ResponseId).Distinct(StringComparer.Ordinal).Count(),
                        g.Count(),
                        g.Count(d => d.Status == "delivered"),
                        g.Count(d => d.Status == "pending"),
                        g.Count(d => d.Status is "dead" or "gone"),
                        seconds.Length == 0 ? double.NaN : NpsBootstrap.Percentile(seconds, 0.5),
                        seconds.Length == 0 ? double.NaN : NpsBootstrap.Percentile(seconds, 0.95)
                    );
                })
                .ToList()
        );
}

/// <summary>One alert's activity.</summary>
/// <param name="Alert">The alert's id.</param>
/// <param name="Responses">Responses that raised it.</param>
/// <param name="Deliveries">Deliveries (one per target: a webhook, a mail).</param>
/// <param name="Delivered">Accepted by their target.</param>
/// <param name="Pending">Still being tried.</param>
/// <param name="Failed">Given up on (dead-lettered, or the target said it is gone).</param>
/// <param name="MedianSeconds">The median time from the response to the delivery, of the delivered ones.</param>
/// <param name="P95Seconds">Its 95th percentile (R's type 7).</param>
public sealed record AlertRuleActivity(
    string Alert,
    int Responses,
    int Deliveries,
    int Delivered,
    int Pending,
    int Failed,
    double MedianSeconds,
    double P95Seconds
);
