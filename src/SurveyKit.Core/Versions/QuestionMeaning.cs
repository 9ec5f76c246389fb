using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SurveyKit.Core.Model;

namespace SurveyKit.Core.Versions;

/// <summary>
/// What an answer to a question means, apart from its words: the type, the scale, the options and the items. Two
/// versions of a question with the same meaning can be read as one; a change in any of these needs a new version
/// of the survey (texts may change freely).
/// </summary>
internal sealed record QuestionMeaning(
    QuestionType Type,
    Scale? Scale,
    IReadOnlyList<string> Options,
    IReadOnlyList<string> Items
)
{
    public static QuestionMeaning Of(Question question) =>
        new(
            question.Type,
            question switch
            {
                NpsQuestion => NpsQuestion.Scale,
                RatingQuestion rating => rating.Scale,
                TouchpointsQuestion touchpoints => touchpoints.Scale,
                _ => null,
            },
            question is ChoiceQuestion choice
                ? choice
                    .Options.Select(o => o.Id)
                    .Concat(choice.Other is null ? [] : ["other"])
                    .ToArray()
                : [],
            question is TouchpointsQuestion t ? t.Items.Select(i => i.Id).ToArray() : []
        );

    /// <summary>
    /// How <paramref name="before"/> became this meaning, in words ("changed its scale from 1-5 to 1-10"), or null when
    /// they are the same. Options and items are compared by the ids they map to (<paramref name="options"/>,
    /// <paramref name="items"/>), so a renamed option is not a change.
    /// </summary>
    public string? ChangeFrom(
        QuestionMeaning before,
        System.Func<string, string> options,
        System.Func<string, string> items
    )
    {
        if (Type != before.Type)
        {
            return $"changed its type from {before.Type.ToYamlName()} to {Type.ToYamlName()}";
        }
        if (Scale != before.Scale)
        {
            return $"changed its scale from {Range(before.Scale)} to {Range(Scale)}";
        }
        var oldOptions = before.Options.Select(options).ToArray();
        if (!oldOptions.OrderBy(o => o).SequenceEqual(Options.OrderBy(o => o)))
        {
            return $"changed its options from {string.Join(", ", oldOptions)} to {string.Join(", ", Options)}";
        }
        var oldItems = before.Items.Select(items).ToArray();
        if (!oldItems.OrderBy(i => i).SequenceEqual(Items.OrderBy(i => i)))
        {
            return $"changed its items from {string.Join(", ", oldItems)} to {string.Join(", ", Items)}";
        }
        return null;
    }

    /// <summary>The same meaning, as for a question that might be another one renamed.</summary>
    public bool SameAs(QuestionMeaning other) =>
        Type == other.Type
        && Scale == other.Scale
        && Options.SequenceEqual(other.Options)
        && Items.SequenceEqual(other.Items);

    private static string Range(Scale? scale) =>
        scale is { } s
            ? s.Min.ToString(CultureInfo.InvariantCulture)
                + "-"
                + s.Max.ToString(CultureInfo.InvariantCulture)
            : "none";
}
