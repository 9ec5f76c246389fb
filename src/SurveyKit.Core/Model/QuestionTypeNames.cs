using System.Collections.Generic;
using System.Linq;

namespace SurveyKit.Core.Model;

/// <summary>The YAML names of the question types.</summary>
public static class QuestionTypeNames
{
    private static readonly Dictionary<string, QuestionType> ByName = new()
    {
        ["nps"] = QuestionType.Nps,
        ["rating"] = QuestionType.Rating,
        ["touchpoints"] = QuestionType.Touchpoints,
        ["single_choice"] = QuestionType.SingleChoice,
        ["multi_choice"] = QuestionType.MultiChoice,
        ["text"] = QuestionType.Text,
        ["number"] = QuestionType.Number,
        ["email"] = QuestionType.Email,
        ["consent"] = QuestionType.Consent,
    };

    /// <summary>Every name, in the order of the language reference.</summary>
    public static IReadOnlyList<string> All { get; } = ByName.Keys.ToList();

    /// <summary>The name written in YAML, such as <c>single_choice</c>.</summary>
    public static string ToYamlName(this QuestionType type) =>
        ByName.First(p => p.Value == type).Key;

    /// <summary>The type for a YAML name.</summary>
    public static bool TryParse(string name, out QuestionType type) =>
        ByName.TryGetValue(name, out type);
}
