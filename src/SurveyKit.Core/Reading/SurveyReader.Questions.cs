using System.Collections.Generic;
using System.Linq;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Expressions;
using SurveyKit.Core.Model;
using SurveyKit.Core.Text;
using SurveyKit.Core.Yaml;

namespace SurveyKit.Core.Reading;

// Questions: the keys every question has, then what its type adds.
internal sealed partial class SurveyReader
{
    private List<Question> ReadQuestions(YamlNode node, string owner)
    {
        var questions = new List<Question>();
        foreach (var item in AsList(node, "questions", owner))
        {
            if (
                AsMapping(item, "questions", owner) is { } mapping
                && ReadQuestion(mapping) is { } question
            )
            {
                questions.Add(question);
            }
        }
        return questions;
    }

    private Question? ReadQuestion(YamlMapping mapping)
    {
        var type = ReadQuestionType(mapping, out var typeWritten);
        var allowed = type is { } known ? SurveyKeys.ForQuestion(known) : SurveyKeys.AnyQuestion;
        var (map, id) = OpenWithId(
            mapping,
            Place.Question,
            allowed,
            key =>
                type is { } t && SurveyKeys.AnyQuestion.Contains(key)
                    ? $"{t.ToYamlName()}|{string.Join(", ", SurveyKeys.TypesWithKey(key))}"
                    : null
        );
        var place = map.Place;
        ClaimSurveyId(
            id,
            place,
            mapping,
            "in a survey (questions and context fields share one namespace)"
        );
        if (!typeWritten)
        {
            Report(
                DiagnosticDescriptors.MissingKey,
                mapping.Span,
                Place.Sentence(place),
                "type",
                $" The types are: {string.Join(", ", QuestionTypeNames.All)}."
            );
        }
        var text = ReadRequiredText(map, "text");
        var help = ReadOptionalText(map, "help", markdown: true);
        var required = ReadBool(map, "required", false);
        var showIf = ReadCondition(map, place);
        var renamedFrom = ReadRenamedFrom(map, id);
        if (type is null)
        {
            BrokenIds.Add(id);
            return null;
        }
        return type.Value switch
        {
            QuestionType.Nps => (Question)ReadNps(map, id, text),
            QuestionType.Rating => ReadRating(map, id, text),
            QuestionType.Touchpoints => ReadTouchpoints(map, id, text),
            QuestionType.SingleChoice => ReadChoice(
                map,
                new SingleChoiceQuestion
                {
                    Id = id,
                    Text = text,
                    Options = default,
                }
            ),
            QuestionType.MultiChoice => ReadMultiChoice(map, id, text),
            QuestionType.Text => new TextQuestion
            {
                Id = id,
                Text = text,
                Multiline = ReadBool(map, "multiline", false),
                MaxLength =
                    ReadInt(map, "max_length", 1, 100_000, "a whole number from 1 to 100000")
                    ?? TextQuestion.DefaultMaxLength,
            },
            QuestionType.Number => ReadNumberQuestion(map, id, text),
            QuestionType.Email => new EmailQuestion { Id = id, Text = text },
            _ => new ConsentQuestion { Id = id, Text = text },
        } with
        {
            Help = help,
            Required = required,
            ShowIf = showIf,
            Span = mapping.Span,
            RenamedFrom = renamedFrom,
        };
    }

    private QuestionType? ReadQuestionType(YamlMapping mapping, out bool written)
    {
        var node = mapping["type"];
        written = node is not null and not YamlScalar { IsNull: true };
        if (!written)
        {
            return null;
        }
        if (AsScalar(node!, "type", "a question", "a question type") is not { } scalar)
        {
            return null;
        }
        if (QuestionTypeNames.TryParse(scalar.Value, out var type))
        {
            return type;
        }
        var hint = DidYouMean.Hint(
            scalar.Value.Replace('-', '_').Replace(' ', '_'),
            QuestionTypeNames.All
        );
        Report(
            DiagnosticDescriptors.UnknownQuestionType,
            scalar,
            scalar.Value,
            hint,
            string.Join(", ", QuestionTypeNames.All)
        );
        return null;
    }

    private Condition? ReadCondition(MappingReader map, string owner, string key = "show_if")
    {
        if (map[key] is not { } node || AsScalar(node, key, owner, "a condition") is not { } scalar)
        {
            return null;
        }
        var shift = ColumnShift(scalar);
        var expr = ExpressionParser.Parse(scalar.Value, out var error);
        if (error is not null)
        {
            var at = Condition.MapRange(scalar.Span, shift, error.Range);
            if (error.UnknownFunction is { } name)
            {
                Report(
                    DiagnosticDescriptors.UnknownFunction,
                    at,
                    $"{key} of {owner}",
                    name,
                    DidYouMean.Hint(name, ["answered", "contains", "count"])
                );
            }
            else
            {
                Report(
                    error.TooLarge
                        ? DiagnosticDescriptors.ConditionTooLarge
                        : DiagnosticDescriptors.ExpressionSyntax,
                    at,
                    $"{key} of {owner}",
                    error.Message
                );
            }
            return null;
        }
        return new Condition(scalar.Value, expr!, scalar.Span, shift);
    }

    private NpsQuestion ReadNps(MappingReader map, string id, LocalizedText text)
    {
        LocalizedText? low = null;
        LocalizedText? high = null;
        if (map["labels"] is { } node && AsMapping(node, "labels", map.Place) is { } mapping)
        {
            var labels = new MappingReader(
                this,
                mapping,
                "the labels of " + map.Place,
                SurveyKeys.NpsLabels
            );
            low = ReadOptionalText(labels, "low");
            high = ReadOptionalText(labels, "high");
        }
        if (low is null || high is null)
        {
            RequireDefaults(
                map,
                "labels",
                " Give the end labels, as in labels: { low: ..., high: ... }."
            );
        }
        return new NpsQuestion
        {
            Id = id,
            Text = text,
            LowLabel = low,
            HighLabel = high,
        };
    }

    private RatingQuestion ReadRating(MappingReader map, string id, LocalizedText text)
    {
        var scale = ReadScale(map, null) ?? new Scale(1, 5);
        return new RatingQuestion
        {
            Id = id,
            Text = text,
            Scale = scale,
            Labels = ReadScaleLabels(map, scale),
            NotApplicable = ReadOptionalText(map, "not_applicable"),
        };
    }

    private TouchpointsQuestion ReadTouchpoints(
        MappingReader map,
        string questionId,
        LocalizedText text
    )
    {
        var scale =
            ReadScale(map, TouchpointsQuestion.DefaultScale) ?? TouchpointsQuestion.DefaultScale;
        var items = new List<TouchpointItem>();
        var seen = new Dictionary<string, int>();
        if (
            Required(
                map,
                "items",
                " List the touchpoints, as in items: [{ id: website, label: ... }]."
            ) is
            { } itemsNode
        )
        {
            foreach (var node in AsList(itemsNode, "items", map.Place))
            {
                if (AsMapping(node, "items", map.Place) is not { } mapping)
                {
                    continue;
                }
                var (itemMap, id) = OpenWithId(
                    mapping,
                    itemId => Place.Item(itemId, questionId),
                    SurveyKeys.TouchpointItem
                );
                ClaimLocalId(seen, id, mapping, "item", "within " + map.Place);
                var label = ReadRequiredText(itemMap, "label");
                items.Add(
                    new TouchpointItem(
                        id,
                        label,
                        ReadCondition(itemMap, itemMap.Place),
                        mapping.Span
                    )
                    {
                        RenamedFrom = ReadRenamedFrom(itemMap, id),
                    }
                );
            }
            if (itemsNode is YamlSequence { Items.Count: 0 })
            {
                Report(
                    DiagnosticDescriptors.NoTouchpointItems,
                    itemsNode,
                    Place.Sentence(map.Place)
                );
            }
        }
        var notApplicable = ReadOptionalText(map, "not_applicable");
        if (notApplicable is null)
        {
            RequireDefaults(
                map,
                "not_applicable",
                " Name the 'did not use' choice, as in not_applicable: ...."
            );
        }
        return new TouchpointsQuestion
        {
            Id = questionId,
            Text = text,
            Scale = scale,
            Items = items.ToEquatableArray(),
            Labels = ReadScaleLabels(map, scale),
            NotApplicable = notApplicable,
            Compare = ReadOptionalText(map, "compare"),
        };
    }

    private ChoiceQuestion ReadChoice(MappingReader map, ChoiceQuestion question)
    {
        var options = new List<Option>();
        var seen = new Dictionary<string, int>();
        var other = ReadOptionalText(map, "other");
        if (
            Required(map, "options", " List them, as in options: [{ id: yes, label: ... }].") is
            { } optionsNode
        )
        {
            foreach (var node in AsList(optionsNode, "options", map.Place))
            {
                if (AsMapping(node, "options", map.Place) is not { } mapping)
                {
                    continue;
                }
                var (optionMap, id) = OpenWithId(
                    mapping,
                    optionId => Place.Option(optionId, question.Id),
                    SurveyKeys.Option
                );
                if (id == "other" && other is not null)
                {
                    Report(
                        DiagnosticDescriptors.DuplicateId,
                        mapping["id"]!,
                        id,
                        "the 'other' choice",
                        map.Mapping["other"]!.Span.Start.Line,
                        "within " + map.Place
                    );
                }
                ClaimLocalId(seen, id, mapping, "option", "within " + map.Place);
                options.Add(
                    new Option(id, ReadRequiredText(optionMap, "label"), mapping.Span)
                    {
                        RenamedFrom = ReadRenamedFrom(optionMap, id),
                    }
                );
            }
            var choices =
                (optionsNode is YamlSequence written ? written.Items.Count : options.Count)
                + (other is null ? 0 : 1);
            if (choices < 2 && optionsNode is YamlSequence)
            {
                Report(
                    DiagnosticDescriptors.TooFewOptions,
                    optionsNode,
                    Place.Sentence(map.Place),
                    choices == 1 ? "only 1 choice" : "no choices"
                );
            }
        }
        return question with
        {
            Options = options.ToEquatableArray(),
            Other = other,
            Randomize = ReadBool(map, "randomize", false),
        };
    }

    private MultiChoiceQuestion ReadMultiChoice(
        MappingReader map,
        string questionId,
        LocalizedText text
    )
    {
        var question = (MultiChoiceQuestion)ReadChoice(
            map,
            new MultiChoiceQuestion
            {
                Id = questionId,
                Text = text,
                Options = default,
            }
        );
        var choices = question.Options.Count + (question.Other is null ? 0 : 1);
        var min = ReadInt(map, "min", 0, 1000, "a whole number of 0 or more");
        var max = ReadInt(map, "max", 1, 1000, "a whole number of 1 or more");
        if (min is { } low && max is { } high && low > high)
        {
            Report(
                DiagnosticDescriptors.InvalidChoiceLimits,
                map.Mapping["min"]!,
                Place.Sentence(map.Place),
                $"min {low} is more than max {high}"
            );
        }
        else if (max is { } most && most > choices)
        {
            Report(
                DiagnosticDescriptors.InvalidChoiceLimits,
                map.Mapping["max"]!,
                Place.Sentence(map.Place),
                $"max {most} is more than its {choices} choices"
            );
        }
        else if (min is { } least && least > choices)
        {
            Report(
                DiagnosticDescriptors.InvalidChoiceLimits,
                map.Mapping["min"]!,
                Place.Sentence(map.Place),
                $"min {least} is more than its {choices} choices"
            );
        }
        return question with { Min = min, Max = max };
    }

    private NumberQuestion ReadNumberQuestion(
        MappingReader map,
        string questionId,
        LocalizedText text
    )
    {
        var min = ReadNumber(map, "min");
        var max = ReadNumber(map, "max");
        if (min is { } low && max is { } high && low > high)
        {
            Report(
                DiagnosticDescriptors.InvalidChoiceLimits,
                map.Mapping["min"]!,
                Place.Sentence(map.Place),
                $"min {low} is more than max {high}"
            );
        }
        return new NumberQuestion
        {
            Id = questionId,
            Text = text,
            Min = min,
            Max = max,
            Integer = ReadBool(map, "integer", false),
        };
    }

    private Scale? ReadScale(MappingReader map, Scale? fallback)
    {
        var node = fallback is null
            ? Required(map, "scale", " Add, for example, scale: { min: 1, max: 5 }.")
            : map["scale"];
        if (node is null)
        {
            return fallback;
        }
        if (AsMapping(node, "scale", map.Place) is not { } mapping)
        {
            return fallback;
        }
        var scaleMap = new MappingReader(
            this,
            mapping,
            "the scale of " + map.Place,
            SurveyKeys.Scale
        );
        var min = Required(scaleMap, "min") is { } minNode
            ? ReadInt(minNode, "min", scaleMap.Place, -100, 100, "a whole number from -100 to 100")
            : null;
        var max = Required(scaleMap, "max") is { } maxNode
            ? ReadInt(maxNode, "max", scaleMap.Place, -100, 100, "a whole number from -100 to 100")
            : null;
        if (min is null || max is null)
        {
            return fallback;
        }
        if (min >= max)
        {
            Report(
                DiagnosticDescriptors.InvalidScale,
                mapping,
                map.Place,
                min,
                max,
                "min must be below max"
            );
            return fallback;
        }
        if (max - min + 1 > 11)
        {
            Report(
                DiagnosticDescriptors.InvalidScale,
                mapping,
                map.Place,
                min,
                max,
                $"that is {max - min + 1} points, and a scale has at most 11"
            );
            return fallback;
        }
        return new Scale(min.Value, max.Value);
    }

    private EquatableArray<ScaleLabel> ReadScaleLabels(MappingReader map, Scale scale)
    {
        if (
            map["labels"] is not { } node
            || AsMapping(node, "labels", map.Place) is not { } mapping
        )
        {
            return EquatableArray<ScaleLabel>.Empty;
        }
        var labels = new List<ScaleLabel>();
        foreach (var entry in mapping.Entries)
        {
            if (
                !int.TryParse(
                    entry.Key.Value,
                    System.Globalization.NumberStyles.AllowLeadingSign,
                    System.Globalization.CultureInfo.InvariantCulture,
                    out var value
                )
            )
            {
                Report(
                    DiagnosticDescriptors.InvalidValue,
                    entry.Key,
                    "labels",
                    map.Place,
                    "keyed by points of the scale",
                    entry.Key.Value,
                    $" Write, for example, {scale.Min}: ... and {scale.Max}: ...."
                );
                continue;
            }
            if (value < scale.Min || value > scale.Max)
            {
                Report(
                    DiagnosticDescriptors.LabelOutsideScale,
                    entry.Key,
                    value,
                    map.Place,
                    scale.Min,
                    scale.Max
                );
                continue;
            }
            if (
                ReadText(entry.Value, "label " + entry.Key.Value, map.Place, markdown: false) is
                { } text
            )
            {
                labels.Add(new ScaleLabel(value, text));
            }
        }
        return labels.OrderBy(l => l.Value).ToEquatableArray();
    }

    /// <summary>Reports when a text SurveyKit supplies by default is needed in a language it has no default for.</summary>
    private void RequireDefaults(MappingReader map, string key, string hint)
    {
        var missing = _languages.Where(l => !DefaultTexts.Has(l)).ToList();
        if (missing.Count > 0)
        {
            Report(
                DiagnosticDescriptors.MissingKey,
                map.Mapping.Span,
                Place.Sentence(map.Place),
                key,
                $" SurveyKit has default texts only for {string.Join(" and ", DefaultTexts.Languages)}, and this survey is also in {string.Join(", ", missing)}.{hint}"
            );
        }
    }

    private void ClaimLocalId(
        Dictionary<string, int> seen,
        string id,
        YamlMapping mapping,
        string what,
        string scope
    )
    {
        if (id.Length == 0)
        {
            return;
        }
        if (seen.TryGetValue(id, out var line))
        {
            Report(
                DiagnosticDescriptors.DuplicateId,
                mapping["id"]!,
                id,
                "another " + what,
                line,
                scope
            );
            return;
        }
        seen[id] = mapping["id"]!.Span.Start.Line;
    }
}
