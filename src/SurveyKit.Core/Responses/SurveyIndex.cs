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
        Infos = Questions
            .Select(q => new QuestionInfo(
                q,
                "answers." + q.Id,
                q.Id + "_compare",
                q is TouchpointsQuestion t ? t.Items.ToDictionary(i => i.Id, i => i) : null,
                q.ShowIf is { } c ? ExprReferences.Of(c.Root).ToArray() : null
            ))
            .ToArray();
        foreach (var question in Questions)
        {
            if (question is ChoiceQuestion { Other: not null })
            {
                Companions.Add(question.Id + "_other");
            }
            if (question is TouchpointsQuestion { Compare: not null })
            {
                Companions.Add(question.Id + "_compare");
            }
            ById[question.Id] = question;
        }
        Languages = new HashSet<string>(survey.Languages, System.StringComparer.Ordinal);
        foreach (var field in survey.Context)
        {
            Context[field.Id] = field;
            if (!field.Values.IsEmpty)
            {
                ContextValues[field.Id] = new HashSet<string>(
                    field.Values,
                    System.StringComparer.Ordinal
                );
            }
        }
    }

    /// <summary>The index of <paramref name="survey"/>, made on first use.</summary>
    public static SurveyIndex Of(Survey survey) => Cache.GetValue(survey, s => new SurveyIndex(s));

    public Question[] Questions { get; }

    /// <summary>What the rules need of each question, in the order asked.</summary>
    public QuestionInfo[] Infos { get; }

    /// <summary>The keys that belong to a question without being one: "&lt;id&gt;_other", "&lt;id&gt;_compare".</summary>
    public HashSet<string> Companions { get; } = new(System.StringComparer.Ordinal);

    public Dictionary<string, Question> ById { get; } = new(System.StringComparer.Ordinal);

    public Dictionary<string, ContextField> Context { get; } = new(System.StringComparer.Ordinal);

    /// <summary>The allowed values of each context field that has a list of them.</summary>
    public Dictionary<string, HashSet<string>> ContextValues { get; } =
        new(System.StringComparer.Ordinal);

    /// <summary>The survey's languages.</summary>
    public HashSet<string> Languages { get; }

    public Question? Find(string id) => ById.TryGetValue(id, out var question) ? question : null;
}

/// <summary>A question with what the rules look up about it, found once.</summary>
internal sealed record QuestionInfo(
    Question Question,
    string Path,
    string CompareKey,
    Dictionary<string, TouchpointItem>? Items,
    string[]? References
);
