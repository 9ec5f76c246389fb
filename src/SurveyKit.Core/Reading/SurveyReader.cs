using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Model;
using SurveyKit.Core.Text;
using SurveyKit.Core.Yaml;

namespace SurveyKit.Core.Reading;

/// <summary>
/// Reads a survey's YAML tree into the <see cref="Survey"/> model. It checks the shape (keys, kinds, values, ids,
/// texts per language) and keeps reading after a problem, so one run reports every mistake it can.
/// Rules that need the whole survey (references, show_if types, the analysis section) are the validator's.
/// </summary>
internal sealed partial class SurveyReader
{
    private static readonly Regex LanguagePattern = new(
        "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$",
        RegexOptions.CultureInvariant
    );

    /// <summary>Columns every CSV export has before the answers; a question or context field cannot share their names.</summary>
    internal static readonly HashSet<string> ReservedIds =
    [
        "response_id",
        "survey",
        "version",
        "submitted_at",
        "lang",
        "duration_ms",
    ];

    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, (string Place, int Line)> _surveyIds = new();
    private List<string> _languages = [];

    public SurveyReader(DiagnosticBag diagnostics) => _diagnostics = diagnostics;

    /// <summary>
    /// Ids of questions that could not be read (their type is missing or unknown). They were reported once;
    /// references to them are not reported again as unknown.
    /// </summary>
    public HashSet<string> BrokenIds { get; } = [];

    public Survey? Read(YamlNode root)
    {
        var rootMapping = AsMapping(root, "survey", "the file");
        if (rootMapping is null)
        {
            return null;
        }
        var map = new MappingReader(this, rootMapping, Place.Survey, SurveyKeys.Survey);
        var id = ReadId(map, "survey", survey: true);
        CheckFileName(id, map.Mapping["survey"]);
        var version = Required(
            map,
            "version",
            " Add version: 1; bump it when a question changes meaning."
        )
            is { } versionNode
            ? ReadInt(
                versionNode,
                "version",
                Place.Survey,
                1,
                int.MaxValue,
                "a whole number of 1 or more"
            ) ?? 1
            : 1;
        _languages = ReadLanguages(map);
        var title = ReadRequiredText(map, "title");
        var intro = ReadOptionalText(map, "intro", markdown: true);
        var outro = ReadOptionalText(map, "outro", markdown: true);
        var context = map["context"] is { } contextNode ? ReadContext(contextNode) : [];
        var settings = map["settings"] is { } settingsNode
            ? ReadSettings(settingsNode)
            : SurveySettings.Default;
        var pages = ReadPages(map);
        var analysis = map["analysis"] is { } analysisNode
            ? ReadAnalysis(analysisNode, context)
            : null;
        var alerts = map["alerts"] is { } alertsNode ? ReadAlerts(alertsNode) : [];
        int? retention = null;
        if (
            map["privacy"] is { } privacyNode
            && AsMapping(privacyNode, "privacy", Place.Survey) is { } privacy
        )
        {
            var privacyMap = new MappingReader(this, privacy, "privacy", SurveyKeys.Privacy);
            retention = privacyMap["retention_days"] is { } days
                ? ReadInt(
                    days,
                    "retention_days",
                    "privacy",
                    1,
                    36500,
                    "a whole number of days from 1 to 36500"
                )
                : null;
        }
        return new Survey(
            id,
            version,
            _languages.ToEquatableArray(),
            title,
            intro,
            outro,
            context.ToEquatableArray(),
            settings,
            pages.ToEquatableArray(),
            analysis,
            map.Mapping["survey"]?.Span ?? map.Mapping.Span
        )
        {
            VersionSpan =
                map.Mapping["version"]?.Span ?? map.Mapping["survey"]?.Span ?? map.Mapping.Span,
            Alerts = alerts.ToEquatableArray(),
            RetentionDays = retention,
        };
    }

    private List<string> ReadLanguages(MappingReader map)
    {
        var node = Required(
            map,
            "languages",
            " Add, for example, languages: [nl, en]; the first is the default."
        );
        if (node is null)
        {
            return ["en"];
        }
        var languages = new List<string>();
        var seen = new HashSet<string>();
        foreach (var item in AsList(node, "languages", Place.Survey))
        {
            if (AsScalar(item, "languages", Place.Survey, "a language code") is not { } scalar)
            {
                continue;
            }
            if (!LanguagePattern.IsMatch(scalar.Value))
            {
                Report(DiagnosticDescriptors.InvalidLanguage, scalar, scalar.Value);
            }
            else if (!seen.Add(scalar.Value))
            {
                Report(DiagnosticDescriptors.DuplicateLanguage, scalar, scalar.Value);
            }
            else
            {
                languages.Add(scalar.Value);
            }
        }
        if (languages.Count == 0 && node is YamlSequence { Items.Count: 0 })
        {
            Report(
                DiagnosticDescriptors.InvalidValue,
                node,
                "languages",
                Place.Survey,
                "a list of at least one language",
                "[]",
                " Add, for example, [nl, en]."
            );
        }
        return languages.Count == 0 ? ["en"] : languages;
    }

    private List<ContextField> ReadContext(YamlNode node)
    {
        var fields = new List<ContextField>();
        foreach (var item in AsList(node, "context", Place.Survey))
        {
            if (AsMapping(item, "context", Place.Survey) is not { } mapping)
            {
                continue;
            }
            var (map, id) = OpenWithId(mapping, Place.Context, SurveyKeys.ContextField);
            var place = map.Place;
            ClaimSurveyId(
                id,
                place,
                mapping,
                "in a survey (questions and context fields share one namespace)"
            );
            var values = new List<string>();
            var labels = new List<LocalizedText?>();
            var seenValues = new Dictionary<string, int>();
            if (map["values"] is { } valuesNode)
            {
                foreach (var valueNode in AsList(valuesNode, "values", place))
                {
                    // A value is its id ([b2b, b2c]), or an id with a label per language, like an option.
                    var (value, valueLabel) = ReadContextValue(valueNode, id, place);
                    if (value is null)
                    {
                        continue;
                    }
                    if (seenValues.TryGetValue(value.Value, out var line))
                    {
                        Report(
                            DiagnosticDescriptors.DuplicateId,
                            value,
                            value.Value,
                            "another value",
                            line,
                            "within " + place
                        );
                        continue;
                    }
                    seenValues[value.Value] = value.Span.Start.Line;
                    values.Add(value.Value);
                    labels.Add(valueLabel);
                }
            }
            var pii = ReadBool(map, "pii", false);
            var label = ReadOptionalText(map, "label");
            var renamedFrom = ReadRenamedFrom(map, id);
            fields.Add(
                new ContextField(id, values.ToEquatableArray(), pii, label, mapping.Span)
                {
                    ValueLabels = labels.Any(l => l is not null)
                        ? labels.ToEquatableArray()
                        : EquatableArray<LocalizedText?>.Empty,
                    RenamedFrom = renamedFrom,
                }
            );
        }
        return fields;
    }

    /// <summary>A context value: a scalar id, or <c>{ id, label }</c> with the label in every language.</summary>
    private (YamlScalar? Id, LocalizedText? Label) ReadContextValue(
        YamlNode node,
        string field,
        string place
    )
    {
        if (node is not YamlMapping mapping)
        {
            return (AsScalar(node, "values", place), null);
        }
        var (valueMap, id) = OpenWithId(
            mapping,
            valueId => Place.ContextValue(valueId, field),
            SurveyKeys.ContextValue
        );
        return id.Length == 0 || mapping["id"] is not YamlScalar scalar
            ? (null, null)
            : (scalar, ReadRequiredText(valueMap, "label"));
    }

    /// <summary>
    /// Reads the id of a part first, so that every later message can name the part by it
    /// ("question 'recommend'" rather than "a question").
    /// </summary>
    private (MappingReader Map, string Id) OpenWithId(
        YamlMapping mapping,
        System.Func<string, string> placeOf,
        IReadOnlyCollection<string> allowed,
        System.Func<string, string?>? belongsElsewhere = null
    )
    {
        var idNode = mapping["id"] is YamlScalar { IsNull: true } ? null : mapping["id"];
        var id = idNode is null ? "" : ReadIdValue(idNode, "id", placeOf(""));
        var map = new MappingReader(this, mapping, placeOf(id), allowed, belongsElsewhere);
        if (idNode is null)
        {
            var at = mapping.TryGet("id", out var key, out _) ? key.Span : mapping.Span;
            Report(DiagnosticDescriptors.MissingKey, at, Place.Sentence(placeOf("")), "id", "");
        }
        return (map, id);
    }

    private SurveySettings ReadSettings(YamlNode node)
    {
        if (AsMapping(node, "settings", Place.Survey) is not { } mapping)
        {
            return SurveySettings.Default;
        }
        var map = new MappingReader(this, mapping, "settings", SurveyKeys.Settings);
        var invitation = false;
        if (
            map["invitation"] is { } invitationNode
            && AsScalar(invitationNode, "invitation", "settings", "optional or required")
                is { } scalar
        )
        {
            if (scalar.Value is "required" or "optional")
            {
                invitation = scalar.Value == "required";
            }
            else
            {
                Report(
                    DiagnosticDescriptors.InvalidValue,
                    scalar,
                    "invitation",
                    "settings",
                    "optional or required",
                    Excerpt.Of(scalar.Value),
                    " required: only responses through a personal link of surveykit invite are accepted."
                );
            }
        }
        return new SurveySettings(
            ReadBool(map, "save_progress", SurveySettings.Default.SaveProgress),
            ReadBool(map, "progress", SurveySettings.Default.ShowProgress)
        )
        {
            InvitationRequired = invitation,
        };
    }

    private List<Page> ReadPages(MappingReader map)
    {
        var pagesNode = map["pages"];
        var questionsNode = map["questions"];
        if (pagesNode is not null && questionsNode is not null)
        {
            map.Mapping.TryGet("questions", out var questionsKey, out _);
            Report(DiagnosticDescriptors.PagesAndQuestions, questionsKey);
        }
        if (pagesNode is null && questionsNode is null)
        {
            Report(
                DiagnosticDescriptors.MissingKey,
                map.Mapping.Span,
                Place.Sentence(Place.Survey),
                "questions",
                " List them under 'questions:', or group them under 'pages:'."
            );
            return [];
        }
        if (pagesNode is null)
        {
            var questions = ReadQuestions(questionsNode!, Place.Survey);
            if (questionsNode is YamlSequence { Items.Count: 0 })
            {
                Report(
                    DiagnosticDescriptors.NoQuestions,
                    questionsNode!,
                    Place.Sentence(Place.Survey)
                );
            }
            return [new Page("", null, questions.ToEquatableArray(), questionsNode!.Span)];
        }
        var pages = new List<Page>();
        var pageIds = new Dictionary<string, int>();
        foreach (var item in AsList(pagesNode, "pages", Place.Survey))
        {
            if (AsMapping(item, "pages", Place.Survey) is not { } mapping)
            {
                continue;
            }
            var (pageMap, id) = OpenWithId(mapping, Place.Page, SurveyKeys.Page);
            var place = pageMap.Place;
            if (id.Length > 0 && pageIds.TryGetValue(id, out var line))
            {
                Report(
                    DiagnosticDescriptors.DuplicateId,
                    mapping["id"]!,
                    id,
                    "another page",
                    line,
                    "among the pages"
                );
            }
            else if (id.Length > 0)
            {
                pageIds[id] = mapping.Span.Start.Line;
            }
            var title = ReadOptionalText(pageMap, "title");
            var questions = Required(pageMap, "questions") is { } questionsList
                ? ReadQuestions(questionsList, place)
                : [];
            if (pageMap["questions"] is YamlSequence { Items.Count: 0 } empty)
            {
                Report(DiagnosticDescriptors.NoQuestions, empty, Place.Sentence(place));
            }
            pages.Add(new Page(id, title, questions.ToEquatableArray(), mapping.Span));
        }
        if (pagesNode is YamlSequence { Items.Count: 0 })
        {
            Report(DiagnosticDescriptors.NoQuestions, pagesNode, Place.Sentence(Place.Survey));
        }
        return pages;
    }

    // The file name is how people and the workspace find a survey: klantloyaliteit.survey.yaml holds 'klantloyaliteit'.
    private void CheckFileName(string id, YamlNode? at)
    {
        var name = System.IO.Path.GetFileName(_diagnostics.FilePath);
        if (
            id.Length > 0
            && at is not null
            && name.EndsWith(SurveyLoader.FileSuffix, System.StringComparison.Ordinal)
            && name != id + SurveyLoader.FileSuffix
        )
        {
            Report(DiagnosticDescriptors.FileNameMismatch, at, name, id);
        }
    }

    /// <summary>Records a question or context id; reports it when another part already has it.</summary>
    private void ClaimSurveyId(string id, string place, YamlMapping mapping, string scope)
    {
        if (id.Length == 0)
        {
            return;
        }
        if (ReservedIds.Contains(id))
        {
            Report(
                DiagnosticDescriptors.InvalidId,
                mapping["id"]!,
                id,
                $"'{id}' is reserved for the submission's own '{id}' column in the CSV export",
                $" Try '{id}_answer'."
            );
            return;
        }
        if (_surveyIds.TryGetValue(id, out var first))
        {
            Report(
                DiagnosticDescriptors.DuplicateId,
                mapping["id"]!,
                id,
                first.Place,
                first.Line,
                scope
            );
            return;
        }
        _surveyIds[id] = (place, mapping["id"]!.Span.Start.Line);
    }
}
