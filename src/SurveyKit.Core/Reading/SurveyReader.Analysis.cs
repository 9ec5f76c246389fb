using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Model;
using SurveyKit.Core.Text;
using SurveyKit.Core.Yaml;

namespace SurveyKit.Core.Reading;

// The analysis section: its shape here; whether its references fit the questions is the validator's.
internal sealed partial class SurveyReader
{
    private const string AnalysisPlace = "the analysis section";

    private AnalysisSpec? ReadAnalysis(YamlNode node, IReadOnlyList<ContextField> context)
    {
        if (AsMapping(node, "analysis", Place.Survey) is not { } mapping)
        {
            return null;
        }
        var map = new MappingReader(this, mapping, AnalysisPlace, SurveyKeys.Analysis);
        var drivers = new List<IdReference>();
        if (map["drivers"] is { } driversNode)
        {
            // One touchpoints question, or a list of rating questions.
            var items = driversNode is YamlSequence sequence ? sequence.Items : [driversNode];
            foreach (var item in items)
            {
                if (AsScalar(item, "drivers", AnalysisPlace, "a question id") is { } scalar)
                {
                    drivers.Add(new IdReference(scalar.Value, scalar.Span));
                }
            }
        }
        var segments = new List<IdReference>();
        if (map["segments"] is { } segmentsNode)
        {
            foreach (var item in AsList(segmentsNode, "segments", AnalysisPlace))
            {
                if (
                    AsScalar(item, "segments", AnalysisPlace, "a question or context id") is
                    { } scalar
                )
                {
                    segments.Add(new IdReference(scalar.Value, scalar.Span));
                }
            }
        }
        return new AnalysisSpec(
            ReadReference(map, "outcome"),
            drivers.ToEquatableArray(),
            ReadReference(map, "satisfaction"),
            segments.ToEquatableArray(),
            map["follow_up"] is { } followUp ? ReadFollowUp(followUp) : null,
            map["weights"] is { } weights
                ? ReadWeights(weights, context)
                : EquatableArray<WeightTarget>.Empty,
            mapping.Span
        )
        {
            Wave = ReadReference(map, "wave"),
            Account = ReadReference(map, "account"),
            RiskSignal = map["risk_signal"] is { } risk ? ReadRiskSignal(risk) : null,
            Themes = map["themes"] is { } themes
                ? ReadThemes(themes)
                : EquatableArray<ThemeSpec>.Empty,
            OpenAnswers = map["open_answers"] is { } open
                ? ReadReferences(open, "open_answers", "a text question id")
                : EquatableArray<IdReference>.Empty,
        };
    }

    private RiskSignalSpec? ReadRiskSignal(YamlNode node)
    {
        if (AsMapping(node, "risk_signal", AnalysisPlace) is not { } mapping)
        {
            return null;
        }
        var map = new MappingReader(this, mapping, "analysis.risk_signal", SurveyKeys.RiskSignal);
        Required(
            map,
            "question",
            " Name the question that signals a risk, as in question: manager_changed."
        );
        var answers = new List<IdReference>();
        if (map["answers"] is { } answersNode)
        {
            var items = answersNode is YamlSequence sequence ? sequence.Items : [answersNode];
            foreach (var item in items)
            {
                if (AsScalar(item, "answers", "analysis.risk_signal", "an option id") is { } scalar)
                {
                    answers.Add(new IdReference(scalar.Value, scalar.Span));
                }
            }
        }
        return ReadReference(map, "question") is { } question
            ? new RiskSignalSpec(question, answers.ToEquatableArray(), mapping.Span)
            : null;
    }

    private EquatableArray<IdReference> ReadReferences(YamlNode node, string key, string expected)
    {
        var items = node is YamlSequence sequence ? sequence.Items : [node];
        var references = new List<IdReference>();
        foreach (var item in items)
        {
            if (AsScalar(item, key, AnalysisPlace, expected) is { } scalar)
            {
                references.Add(new IdReference(scalar.Value, scalar.Span));
            }
        }
        return references.ToEquatableArray();
    }

    // analysis.themes: a list of { id, label, match: { nl: [...], en: [...] }, touchpoint }.
    private EquatableArray<ThemeSpec> ReadThemes(YamlNode node)
    {
        if (node is not YamlSequence sequence)
        {
            Report(
                DiagnosticDescriptors.InvalidTheme,
                node,
                "write the themes as a list, each with an id, a label and its words per language"
            );
            return EquatableArray<ThemeSpec>.Empty;
        }
        var themes = new List<ThemeSpec>();
        foreach (var item in sequence.Items)
        {
            if (AsMapping(item, "themes", AnalysisPlace) is not { } mapping)
            {
                continue;
            }
            var map = new MappingReader(this, mapping, "analysis.themes", SurveyKeys.Theme);
            Required(map, "id", " Give the theme an id, as in id: waiting.");
            Required(map, "match", " Give its words per language, as in match: { nl: [wacht*] }.");
            var id = ReadReference(map, "id");
            var match = new List<ThemePatterns>();
            if (
                map["match"] is { } matchNode
                && AsMapping(matchNode, "match", "analysis.themes") is { } languages
            )
            {
                foreach (var language in languages.Entries)
                {
                    var patterns = ReadReferences(
                        language.Value,
                        "match." + language.Key.Value,
                        "a word, a stem with * or a phrase"
                    );
                    match.Add(
                        new ThemePatterns(
                            language.Key.Value,
                            patterns.Select(p => p.Id).ToEquatableArray(),
                            language.Key.Span
                        )
                    );
                }
            }
            if (id is { } themeId)
            {
                themes.Add(
                    new ThemeSpec(
                        themeId,
                        ReadOptionalText(map, "label"),
                        match.ToEquatableArray(),
                        ReadReference(map, "touchpoint"),
                        mapping.Span
                    )
                );
            }
        }
        return themes.ToEquatableArray();
    }

    private FollowUpSpec? ReadFollowUp(YamlNode node)
    {
        if (AsMapping(node, "follow_up", AnalysisPlace) is not { } mapping)
        {
            return null;
        }
        var map = new MappingReader(this, mapping, "analysis.follow_up", SurveyKeys.FollowUp);
        Required(map, "consent", " Name the consent question, as in consent: contact_ok.");
        return ReadReference(map, "consent") is { } consent
            ? new FollowUpSpec(consent, ReadReference(map, "contact"), mapping.Span)
            : null;
    }

    private IdReference? ReadReference(MappingReader map, string key) =>
        map[key] is { } node && AsScalar(node, key, map.Place, "a question id") is { } scalar
            ? new IdReference(scalar.Value, scalar.Span)
            : null;

    private EquatableArray<WeightTarget> ReadWeights(
        YamlNode node,
        IReadOnlyList<ContextField> context
    )
    {
        if (AsMapping(node, "weights", AnalysisPlace) is not { } mapping)
        {
            return EquatableArray<WeightTarget>.Empty;
        }
        var targets = new List<WeightTarget>();
        // from: invited: every context field with values, at the shares among the invited customers.
        var fromIndex = mapping.Entries.FindIndex(e => e.Key.Value == "from");
        if (fromIndex >= 0)
        {
            var from = mapping.Entries[fromIndex];
            if (!IsInvited(from.Value, "from"))
            {
                return EquatableArray<WeightTarget>.Empty;
            }
            if (mapping.Entries.Count > 1)
            {
                Report(
                    DiagnosticDescriptors.InvalidWeights,
                    mapping.Entries.First(e => e.Key.Value != "from").Key.Span,
                    "from",
                    "write either 'from: invited' or the shares of each variable, not both (a variable can be 'segment: invited' among shares)"
                );
                return EquatableArray<WeightTarget>.Empty;
            }
            return context
                .Where(c => !c.Values.IsEmpty)
                .Select(c => new WeightTarget(
                    new IdReference(c.Id, from.Key.Span),
                    EquatableArray<WeightShare>.Empty,
                    from.Key.Span
                )
                {
                    FromInvited = true,
                })
                .ToEquatableArray();
        }
        foreach (var entry in mapping.Entries)
        {
            var variable = entry.Key.Value;
            if (entry.Value is YamlScalar)
            {
                if (IsInvited(entry.Value, variable))
                {
                    targets.Add(
                        new WeightTarget(
                            new IdReference(variable, entry.Key.Span),
                            EquatableArray<WeightShare>.Empty,
                            entry.Key.Span
                        )
                        {
                            FromInvited = true,
                        }
                    );
                }
                continue;
            }
            if (AsMapping(entry.Value, variable, "analysis.weights") is not { } sharesMapping)
            {
                continue;
            }
            var shares = new List<WeightShare>();
            foreach (var share in sharesMapping.Entries)
            {
                if (
                    AsScalar(
                        share.Value,
                        share.Key.Value,
                        "analysis.weights." + variable,
                        "a share between 0 and 1"
                    )
                    is not { } scalar
                )
                {
                    continue;
                }
                if (
                    !scalar.IsPlain
                    || !double.TryParse(
                        scalar.Value,
                        NumberStyles.Float,
                        CultureInfo.InvariantCulture,
                        out var value
                    )
                    || !(value > 0 && value <= 1)
                )
                {
                    Report(
                        DiagnosticDescriptors.InvalidValue,
                        scalar,
                        share.Key.Value,
                        "analysis.weights." + variable,
                        "a share above 0 and at most 1",
                        scalar.Value,
                        " Write population shares, as in b2b: 0.35."
                    );
                    continue;
                }
                shares.Add(new WeightShare(share.Key.Value, value, share.Key.Span));
            }
            targets.Add(
                new WeightTarget(
                    new IdReference(variable, entry.Key.Span),
                    shares.ToEquatableArray(),
                    entry.Key.Span
                )
            );
        }
        return targets.ToEquatableArray();
    }

    // The one word a weighting variable may have instead of its shares.
    private bool IsInvited(YamlNode node, string key)
    {
        if (AsScalar(node, key, "analysis.weights", "invited") is not { } scalar)
        {
            return false;
        }
        if (scalar.Value == "invited")
        {
            return true;
        }
        Report(
            DiagnosticDescriptors.InvalidValue,
            scalar,
            key,
            "analysis.weights",
            "'invited' or the shares of each value",
            scalar.Value,
            " Write population shares, as in { b2b: 0.35, b2c: 0.65 }, or 'invited' for the shares among the invited customers."
        );
        return false;
    }
}
