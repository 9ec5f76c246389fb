using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using SurveyKit.Core.Expressions;
using SurveyKit.Core.Model;

namespace SurveyKit.Core.Responses;

/// <summary>
/// What the rules look up in a survey for every response, found once per survey: its questions in order and by id,
/// each touchpoint question's items by id, and the ids each condition reads. The analysis checks a million responses
/// against one survey; the lookups must not be walks of the survey each time.
/// </summary>
internal sealed class SurveyIndex
{
    private static readonly ConditionalWeakTable<Survey, SurveyIndex> Cache = new();

    private SurveyIndex(Survey survey)
    {
        Questions = survey.Questions.ToArray();
        foreach (var question in Questions)
        {
            ById[question.Id] = question;
            if (question is TouchpointsQuestion touchpoints)
            {
                Items[question.Id] = touchpoints.Items.ToDictionary(i => i.Id, i => i);
            }
            if (question.ShowIf is { } condition)
            {
                References[question.Id] = ExprReferences.Of(condition.Root).ToArray();
            }
        }
        foreach (var field in survey.Context)
        {
            Context[field.Id] = field;
        }
    }

    /// <summary>The index of <paramref name="survey"/>, made on first use.</summary>
    public static SurveyIndex Of(Survey survey) => Cache.GetValue(survey, s => new SurveyIndex(s));

    public Question[] Questions { get; }

    public Dictionary<string, Question> ById { get; } = new(System.StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, TouchpointItem>> Items { get; } =
        new(System.StringComparer.Ordinal);

    /// <summary>The ids a question's show_if reads (absent when it has none).</summary>
    public Dictionary<string, string[]> References { get; } = new(System.StringComparer.Ordinal);

    public Dictionary<string, ContextField> Context { get; } = new(System.StringComparer.Ordinal);

    public Question? Find(string id) => ById.TryGetValue(id, out var question) ? question : null;
}
