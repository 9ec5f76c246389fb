using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Core.Model;

namespace SurveyKit.Collector;

/// <summary>
/// The surveys a running collector accepts. <c>surveykit serve</c> replaces them when a survey file changes, so a
/// request always sees one consistent set.
/// </summary>
public sealed class SurveyCatalog(IEnumerable<Survey> surveys)
{
    private volatile Dictionary<string, Survey> byId = surveys.ToDictionary(
        s => s.Id,
        StringComparer.Ordinal
    );

    /// <summary>The survey with <paramref name="id"/>, or null.</summary>
    public Survey? Find(string? id) =>
        id is not null && byId.TryGetValue(id, out var survey) ? survey : null;

    /// <summary>Every survey.</summary>
    public IReadOnlyCollection<Survey> All => byId.Values;

    /// <summary>Puts <paramref name="surveys"/> in place of the current set.</summary>
    public void Replace(IEnumerable<Survey> surveys) =>
        byId = surveys.ToDictionary(s => s.Id, StringComparer.Ordinal);
}
