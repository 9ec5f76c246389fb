using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Scoring;

/// <summary>One invitation as the collector's ledger holds it: its signed context, and whether it was answered.</summary>
public sealed record InvitedCustomer(IReadOnlyDictionary<string, string> Context, bool Responded);

/// <summary>
/// The response rate of an invitation programme: invited against responded, in all and per value of each segment the
/// invitations carry (a context field). Counts only, no customer.
/// </summary>
public sealed record InvitationActivity(
    ResponseRate All,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, ResponseRate>> Segments
)
{
    /// <summary>The rates of <paramref name="invited"/>, broken down by <paramref name="segments"/> (context field ids).</summary>
    public static InvitationActivity Of(
        IReadOnlyList<InvitedCustomer> invited,
        IEnumerable<string> segments
    ) =>
        new(
            ResponseRate.Of(invited.Count, invited.Count(i => i.Responded)),
            segments
                .Distinct(StringComparer.Ordinal)
                .ToDictionary(
                    s => s,
                    s =>
                        (IReadOnlyDictionary<string, ResponseRate>)
                            invited
                                .Where(i => i.Context.ContainsKey(s))
                                .GroupBy(i => i.Context[s], StringComparer.Ordinal)
                                .OrderBy(g => g.Key, StringComparer.Ordinal)
                                .ToDictionary(
                                    g => g.Key,
                                    g => ResponseRate.Of(g.Count(), g.Count(i => i.Responded)),
                                    StringComparer.Ordinal
                                ),
                    StringComparer.Ordinal
                )
        );
}

/// <summary>The population an invitation programme asked: its make-up, for raking to it.</summary>
public static class InvitedPopulation
{
    /// <summary>
    /// Per context field in <paramref name="variables"/>, the share of each value among <paramref name="invited"/>
    /// (invitations without a value for it are left out of that field's shares); a field no invitation carries is absent.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Shares(
        IReadOnlyList<InvitedCustomer> invited,
        IEnumerable<string> variables
    )
    {
        var shares = new Dictionary<string, IReadOnlyDictionary<string, double>>(
            StringComparer.Ordinal
        );
        foreach (var variable in variables.Distinct(StringComparer.Ordinal))
        {
            var values = invited
                .Where(i => i.Context.TryGetValue(variable, out var v) && v.Length > 0)
                .GroupBy(i => i.Context[variable], StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (double)g.Count(), StringComparer.Ordinal);
            var total = values.Values.Sum();
            if (total > 0)
            {
                shares[variable] = values.ToDictionary(
                    v => v.Key,
                    v => v.Value / total,
                    StringComparer.Ordinal
                );
            }
        }
        return shares;
    }
}

/// <summary>Invited, responded, the rate and its 95% Wilson interval (proportions, 0..1).</summary>
public sealed record ResponseRate(int Invited, int Responded, double Rate, Interval Ci95)
{
    public static ResponseRate Of(int invited, int responded) =>
        new(
            invited,
            responded,
            invited == 0 ? double.NaN : (double)responded / invited,
            WilsonInterval.Of(responded, invited)
        );
}
