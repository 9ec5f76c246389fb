using System.Collections.Generic;
using System.Linq;
using SurveyKit.Core.Model;

namespace SurveyKit.Core.Reading;

/// <summary>
/// The keys each part of a survey accepts: one table that the reader enforces and that a test compares with the
/// JSON Schema, so that editors and the checker never disagree about what may be written.
/// </summary>
public static class SurveyKeys
{
    /// <summary>The top level of a survey.</summary>
    public static readonly IReadOnlyList<string> Survey =
    [
        "survey",
        "version",
        "languages",
        "title",
        "intro",
        "outro",
        "context",
        "settings",
        "pages",
        "questions",
        "analysis",
        "alerts",
        "privacy",
    ];

    /// <summary>The privacy section.</summary>
    public static readonly IReadOnlyList<string> Privacy = ["retention_days"];

    /// <summary>An alert.</summary>
    public static readonly IReadOnlyList<string> Alert =
    [
        "id",
        "when",
        "webhook",
        "email",
        "route",
        "subject",
        "personal",
    ];

    /// <summary>The targets of a route.</summary>
    public static readonly IReadOnlyList<string> AlertTargets = ["webhook", "email"];

    /// <summary>A page.</summary>
    public static readonly IReadOnlyList<string> Page = ["id", "title", "questions"];

    /// <summary>A context field.</summary>
    public static readonly IReadOnlyList<string> ContextField =
    [
        "id",
        "values",
        "pii",
        "label",
        "renamed_from",
    ];

    /// <summary>A context value in the long form: <c>{ id: b2b, label: { nl: Zakelijk, en: Business } }</c>.</summary>
    public static readonly IReadOnlyList<string> ContextValue = ["id", "label"];

    /// <summary>The settings.</summary>
    public static readonly IReadOnlyList<string> Settings =
    [
        "save_progress",
        "progress",
        "invitation",
    ];

    /// <summary>What every question accepts.</summary>
    public static readonly IReadOnlyList<string> Question =
    [
        "id",
        "type",
        "text",
        "help",
        "required",
        "show_if",
        "renamed_from",
    ];

    /// <summary>What each question type accepts beyond <see cref="Question"/>.</summary>
    public static readonly IReadOnlyDictionary<QuestionType, IReadOnlyList<string>> ByType =
        new Dictionary<QuestionType, IReadOnlyList<string>>
        {
            [QuestionType.Nps] = ["labels"],
            [QuestionType.Rating] = ["scale", "labels", "not_applicable"],
            [QuestionType.Touchpoints] = ["scale", "labels", "items", "not_applicable", "compare"],
            [QuestionType.SingleChoice] = ["options", "other", "randomize"],
            [QuestionType.MultiChoice] = ["options", "other", "randomize", "min", "max"],
            [QuestionType.Text] = ["multiline", "max_length"],
            [QuestionType.Number] = ["min", "max", "integer"],
            [QuestionType.Email] = [],
            [QuestionType.Consent] = [],
        };

    /// <summary>The labels of an nps question.</summary>
    public static readonly IReadOnlyList<string> NpsLabels = ["low", "high"];

    /// <summary>A scale.</summary>
    public static readonly IReadOnlyList<string> Scale = ["min", "max"];

    /// <summary>An option of a choice question.</summary>
    public static readonly IReadOnlyList<string> Option = ["id", "label", "renamed_from"];

    /// <summary>A touchpoint item.</summary>
    public static readonly IReadOnlyList<string> TouchpointItem =
    [
        "id",
        "label",
        "show_if",
        "renamed_from",
    ];

    /// <summary>The analysis section.</summary>
    public static readonly IReadOnlyList<string> Analysis =
    [
        "outcome",
        "drivers",
        "satisfaction",
        "segments",
        "follow_up",
        "weights",
        "wave",
        "account",
        "risk_signal",
        "themes",
        "open_answers",
    ];

    /// <summary>A theme of analysis.themes.</summary>
    public static readonly IReadOnlyList<string> Theme = ["id", "label", "match", "touchpoint"];

    /// <summary>analysis.risk_signal.</summary>
    public static readonly IReadOnlyList<string> RiskSignal = ["question", "answers"];

    /// <summary>analysis.follow_up.</summary>
    public static readonly IReadOnlyList<string> FollowUp = ["consent", "contact"];

    /// <summary>Every key a question of <paramref name="type"/> accepts.</summary>
    public static IReadOnlyList<string> ForQuestion(QuestionType type) =>
        [.. Question, .. ByType[type]];

    /// <summary>Every key any question accepts.</summary>
    public static IReadOnlyList<string> AnyQuestion { get; } =
        Question.Concat(ByType.Values.SelectMany(k => k)).Distinct().ToList();

    /// <summary>The question types that accept <paramref name="key"/>, in YAML names.</summary>
    public static IEnumerable<string> TypesWithKey(string key) =>
        ByType.Where(p => p.Value.Contains(key)).Select(p => p.Key.ToYamlName());
}
