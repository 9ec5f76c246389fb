using System.Collections.Generic;
using System.Text.RegularExpressions;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;
using SurveyKit.Core.Text;
using SurveyKit.Core.Yaml;

namespace SurveyKit.Core.Reading;

// alerts: the shape of each alert. Whether its condition, route fields and subject references fit the survey is the
// validator's, like every rule that needs the whole survey.
internal sealed partial class SurveyReader
{
    // A target is a name in the collector's config (cx-hook), never a URL: the survey cannot make the collector call
    // an address its operator did not write down.
    private static readonly Regex TargetName = new(
        "^[a-z][a-z0-9_-]{0,62}$",
        RegexOptions.CultureInvariant
    );

    private List<AlertSpec> ReadAlerts(YamlNode node)
    {
        var alerts = new List<AlertSpec>();
        var seen = new Dictionary<string, int>();
        foreach (var item in AsList(node, "alerts", Place.Survey))
        {
            if (AsMapping(item, "alerts", Place.Survey) is not { } mapping)
            {
                continue;
            }
            var (map, id) = OpenWithId(mapping, Alert, SurveyKeys.Alert);
            if (id.Length > 0 && seen.TryGetValue(id, out var line))
            {
                Report(
                    DiagnosticDescriptors.DuplicateId,
                    mapping["id"]!,
                    id,
                    "another alert",
                    line,
                    "among the alerts"
                );
            }
            else if (id.Length > 0)
            {
                seen[id] = mapping["id"]!.Span.Start.Line;
            }
            Required(
                map,
                "when",
                " Say when it is sent, as in when: recommend <= 6 and contact_ok."
            );
            var when = ReadCondition(map, map.Place, "when");
            var targets = ReadTargets(map, mapping.Span);
            var routes = map["route"] is { } routeNode ? ReadRoutes(routeNode, map.Place) : [];
            var subject = ReadOptionalText(map, "subject");
            var personal = ReadBool(map, "personal", true);
            if (targets.IsEmpty && routes.Count == 0 && map.Mapping.Entries.Count > 0)
            {
                Report(
                    DiagnosticDescriptors.MissingKey,
                    mapping["id"]?.Span ?? mapping.Span,
                    Place.Sentence(map.Place),
                    "webhook' or 'email",
                    " Name a webhook of the collector's config (webhook: cx-hook) or addresses (email: [cx@example.com])."
                );
            }
            if (when is not null && id.Length > 0)
            {
                alerts.Add(
                    new AlertSpec(
                        id,
                        when,
                        targets,
                        routes.ToEquatableArray(),
                        subject,
                        personal,
                        mapping.Span
                    )
                );
            }
        }
        return alerts;
    }

    private static string Alert(string id) => id.Length == 0 ? "an alert" : $"alert '{id}'";

    private AlertTargets ReadTargets(MappingReader map, SourceSpan span)
    {
        string? webhook = null;
        if (
            map["webhook"] is { } webhookNode
            && AsScalar(webhookNode, "webhook", map.Place, "the name of a webhook") is { } name
        )
        {
            if (TargetName.IsMatch(name.Value))
            {
                webhook = name.Value;
            }
            else
            {
                Report(
                    DiagnosticDescriptors.InvalidValue,
                    name,
                    "webhook",
                    map.Place,
                    "the name of a webhook in the collector's config (such as cx-hook: lower-case letters, digits, '-' and '_')",
                    Excerpt.Of(name.Value),
                    " The URL and its secret belong in the collector's alerts.json, never in the survey."
                );
            }
        }
        var email = new List<string>();
        if (map["email"] is { } emailNode)
        {
            var items = emailNode is YamlSequence sequence ? sequence.Items : [emailNode];
            foreach (var item in items)
            {
                if (AsScalar(item, "email", map.Place, "an e-mail address") is not { } address)
                {
                    continue;
                }
                if (EmailAddress.IsValid(address.Value))
                {
                    email.Add(address.Value);
                }
                else
                {
                    Report(
                        DiagnosticDescriptors.InvalidValue,
                        address,
                        "email",
                        map.Place,
                        "an e-mail address",
                        Excerpt.Of(address.Value),
                        ""
                    );
                }
            }
        }
        return new AlertTargets(webhook, email.ToEquatableArray(), span);
    }

    // route: { <context id>: { <value>: { webhook: ..., email: [...] } } }
    private List<AlertRoute> ReadRoutes(YamlNode node, string owner)
    {
        var routes = new List<AlertRoute>();
        if (AsMapping(node, "route", owner) is not { } byField)
        {
            return routes;
        }
        foreach (var fieldEntry in byField.Entries)
        {
            var (fieldKey, valuesNode) = (fieldEntry.Key, fieldEntry.Value);
            var field = new IdReference(fieldKey.Value, fieldKey.Span);
            var place = $"route '{fieldKey.Value}' of {owner}";
            if (AsMapping(valuesNode, fieldKey.Value, place) is not { } byValue)
            {
                continue;
            }
            foreach (var valueEntry in byValue.Entries)
            {
                var (valueKey, targetsNode) = (valueEntry.Key, valueEntry.Value);
                var valuePlace = $"route '{fieldKey.Value}: {valueKey.Value}' of {owner}";
                if (AsMapping(targetsNode, valueKey.Value, valuePlace) is not { } targetsMapping)
                {
                    continue;
                }
                var targetsMap = new MappingReader(
                    this,
                    targetsMapping,
                    valuePlace,
                    SurveyKeys.AlertTargets
                );
                var targets = ReadTargets(targetsMap, targetsMapping.Span);
                if (targets.IsEmpty)
                {
                    Report(
                        DiagnosticDescriptors.MissingKey,
                        valueKey,
                        Place.Sentence(valuePlace),
                        "webhook' or 'email",
                        ""
                    );
                    continue;
                }
                routes.Add(
                    new AlertRoute(
                        field,
                        new IdReference(valueKey.Value, valueKey.Span),
                        targets,
                        targetsMapping.Span
                    )
                );
            }
        }
        return routes;
    }
}
