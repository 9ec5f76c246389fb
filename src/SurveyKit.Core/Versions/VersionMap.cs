using System.Collections.Generic;
using System.Linq;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;

namespace SurveyKit.Core.Versions;

/// <summary>
/// How the answers given to an earlier version of a survey count for the current one, made from the versions in
/// between (each step follows the <c>renamed_from</c> of the next version): which question, item, option and context
/// field an old id is now, which old questions are gone, which current questions the old version did not ask, and
/// which changed their type or scale (their old answers do not mean what the current ones mean and are kept out).
/// </summary>
public sealed class VersionMap
{
    private readonly Dictionary<string, string> questions;
    private readonly Dictionary<string, Dictionary<string, string>> items;
    private readonly Dictionary<string, Dictionary<string, string>> options;
    private readonly Dictionary<string, string> context;

    private VersionMap(
        int from,
        int to,
        Dictionary<string, string> questions,
        Dictionary<string, Dictionary<string, string>> items,
        Dictionary<string, Dictionary<string, string>> options,
        Dictionary<string, string> context,
        List<string> removed,
        List<string> notAsked,
        Dictionary<string, string> changed
    )
    {
        From = from;
        To = to;
        this.questions = questions;
        this.items = items;
        this.options = options;
        this.context = context;
        Removed = removed;
        NotAsked = notAsked;
        Changed = changed;
    }

    /// <summary>The earlier version.</summary>
    public int From { get; }

    /// <summary>The current version.</summary>
    public int To { get; }

    /// <summary>Questions of the earlier version that the current one does not have.</summary>
    public IReadOnlyList<string> Removed { get; }

    /// <summary>Current questions the earlier version did not ask: its respondents were never asked them.</summary>
    public IReadOnlyList<string> NotAsked { get; }

    /// <summary>Current questions whose type or scale changed since the earlier version, and how ("1-5 → 1-10", "rating → nps").</summary>
    public IReadOnlyDictionary<string, string> Changed { get; }

    /// <summary>The current id of the earlier version's question <paramref name="old"/>, or null when it is gone.</summary>
    public string? QuestionFor(string old) => questions.TryGetValue(old, out var id) ? id : null;

    /// <summary>
    /// The map from the oldest to the newest of <paramref name="chain"/> (consecutive versions, oldest first): each step
    /// finds a question of the next version by its id or its <c>renamed_from</c>, and likewise items, options and
    /// context fields, so a rename two versions back still carries over.
    /// </summary>
    public static VersionMap Across(IReadOnlyList<Survey> chain)
    {
        var first = chain[0];
        var q = first.Questions.ToDictionary(x => x.Id, x => x.Id);
        var it = first
            .Questions.OfType<TouchpointsQuestion>()
            .ToDictionary(x => x.Id, x => x.Items.ToDictionary(i => i.Id, i => i.Id));
        var op = first
            .Questions.OfType<ChoiceQuestion>()
            .ToDictionary(x => x.Id, x => Options(x).ToDictionary(o => o, o => o));
        var cx = first.Context.ToDictionary(f => f.Id, f => f.Id);
        var changed = new Dictionary<string, string>();
        var meaning = first.Questions.ToDictionary(x => x.Id, QuestionMeaning.Of);
        for (var step = 1; step < chain.Count; step++)
        {
            var next = chain[step];
            var stepQuestions = Step(next.Questions.Select(x => (x.Id, x.RenamedFrom)), q.Values);
            var newQ = new Dictionary<string, string>();
            var newIt = new Dictionary<string, Dictionary<string, string>>();
            var newOp = new Dictionary<string, Dictionary<string, string>>();
            var newMeaning = new Dictionary<string, QuestionMeaning>();
            foreach (var pair in q)
            {
                var (oldest, now) = (pair.Key, pair.Value);
                if (!stepQuestions.TryGetValue(now, out var then))
                {
                    continue; // gone in this version
                }
                newQ[oldest] = then;
                var question = next.FindQuestion(then)!;
                var before = meaning[oldest];
                var after = QuestionMeaning.Of(question);
                if (before.Type != after.Type || before.Scale != after.Scale)
                {
                    // Words of no language: the report says the sentence around it in its own.
                    changed[oldest] =
                        before.Type != after.Type
                            ? $"{before.Type.ToYamlName()} → {after.Type.ToYamlName()}"
                            : $"{Range(before.Scale)} → {Range(after.Scale)}";
                }
                newMeaning[oldest] = after;
                if (
                    question is TouchpointsQuestion touchpoints
                    && it.TryGetValue(now, out var oldItems)
                )
                {
                    var stepItems = Step(
                        touchpoints.Items.Select(i => (i.Id, i.RenamedFrom)),
                        oldItems.Values
                    );
                    newIt[then] = oldItems
                        .Where(p => stepItems.ContainsKey(p.Value))
                        .ToDictionary(p => p.Key, p => stepItems[p.Value]);
                }
                if (question is ChoiceQuestion choice && op.TryGetValue(now, out var oldOptions))
                {
                    var stepOptions = Step(
                        choice
                            .Options.Select(o => (o.Id, o.RenamedFrom))
                            .Concat(
                                choice.Other is null
                                    ? []
                                    : [("other", Text.EquatableArray<string>.Empty)]
                            ),
                        oldOptions.Values
                    );
                    newOp[then] = oldOptions
                        .Where(p => stepOptions.ContainsKey(p.Value))
                        .ToDictionary(p => p.Key, p => stepOptions[p.Value]);
                }
            }
            var stepContext = Step(next.Context.Select(f => (f.Id, f.RenamedFrom)), cx.Values);
            cx = cx.Where(p => stepContext.ContainsKey(p.Value))
                .ToDictionary(p => p.Key, p => stepContext[p.Value]);
            (q, it, op, meaning) = (newQ, newIt, newOp, newMeaning);
        }
        var current = chain[chain.Count - 1];
        var asked = new HashSet<string>(q.Values);
        return new VersionMap(
            first.Version,
            current.Version,
            q,
            it,
            op,
            cx,
            first.Questions.Select(x => x.Id).Where(id => !q.ContainsKey(id)).ToList(),
            current.Questions.Select(x => x.Id).Where(id => !asked.Contains(id)).ToList(),
            changed.Where(p => q.ContainsKey(p.Key)).ToDictionary(p => q[p.Key], p => p.Value)
        );
    }

    /// <summary>
    /// One step: for each id of the previous version, the id of the next version's part that has it as its own id or
    /// in its <c>renamed_from</c>.
    /// </summary>
    private static Dictionary<string, string> Step(
        IEnumerable<(string Id, Text.EquatableArray<string> RenamedFrom)> next,
        IEnumerable<string> previous
    )
    {
        var known = new HashSet<string>(previous);
        var result = new Dictionary<string, string>();
        foreach (var (id, renamedFrom) in next)
        {
            if (known.Contains(id))
            {
                result[id] = id;
            }
        }
        foreach (var (id, renamedFrom) in next)
        {
            foreach (var old in renamedFrom)
            {
                if (known.Contains(old) && !result.ContainsKey(old))
                {
                    result[old] = id;
                }
            }
        }
        return result;
    }

    private static IEnumerable<string> Options(ChoiceQuestion choice) =>
        choice.Options.Select(o => o.Id).Concat(choice.Other is null ? [] : ["other"]);

    private static string Range(Scale? scale) => scale is { } s ? $"{s.Min}-{s.Max}" : "no scale";

    /// <summary>
    /// Rewrites the answers and context of <paramref name="data"/> (given to the earlier version) in the current
    /// version's ids, in place: renamed parts under their new ids; answers to questions that are gone, or whose type or
    /// scale changed, and to options and items that are gone, left out and counted. The version stays as it was.
    /// </summary>
    public MappedAnswers Apply(ResponseData data)
    {
        var counts = new MappedAnswers();
        foreach (var key in data.Context.Keys.ToArray())
        {
            if (context.TryGetValue(key, out var now))
            {
                if (now != key)
                {
                    data.Context[now] = data.Context[key];
                    data.Context.Remove(key);
                    counts.Renamed++;
                }
            }
        }
        var answers = data.Answers.ToArray();
        data.Answers.Clear();
        foreach (var answer in answers)
        {
            var (key, value) = (answer.Key, answer.Value);
            var (question, suffix) = Split(key);
            if (!questions.TryGetValue(question, out var now))
            {
                if (Removed.Contains(question))
                {
                    counts.Removed++;
                    continue;
                }
                data.Answers[key] = value; // not an id of that version: the rules will say so
                continue;
            }
            if (Changed.ContainsKey(now))
            {
                counts.Changed++;
                continue;
            }
            if (now != question)
            {
                counts.Renamed++;
            }
            var mapped = suffix switch
            {
                "" when items.TryGetValue(now, out var map) => Entries(value, map, counts),
                "_compare" when items.TryGetValue(now, out var map) => Entries(value, map, counts),
                "" when options.TryGetValue(now, out var map) => Choice(value, map, counts),
                _ => value,
            };
            if (mapped is not null)
            {
                data.Answers[now + suffix] = mapped;
            }
        }
        return counts;
    }

    private static (string Question, string Suffix) Split(string key)
    {
        foreach (var suffix in new[] { "_other", "_compare" })
        {
            if (key.EndsWith(suffix, System.StringComparison.Ordinal))
            {
                return (key.Substring(0, key.Length - suffix.Length), suffix);
            }
        }
        return (key, "");
    }

    private static AnswerValue Entries(
        AnswerValue value,
        Dictionary<string, string> map,
        MappedAnswers counts
    )
    {
        if (value.Kind != AnswerKind.Map)
        {
            return value;
        }
        var entries = new Dictionary<string, AnswerValue>();
        foreach (var entry in value.Entries)
        {
            if (map.TryGetValue(entry.Key, out var now))
            {
                entries[now] = entry.Value;
                counts.Renamed += now != entry.Key ? 1 : 0;
            }
            else
            {
                counts.Removed++;
            }
        }
        return AnswerValue.Of(entries);
    }

    /// <summary>A choice in the current option ids; null when its single option is gone.</summary>
    private static AnswerValue? Choice(
        AnswerValue value,
        Dictionary<string, string> map,
        MappedAnswers counts
    )
    {
        string? Now(string old)
        {
            if (map.TryGetValue(old, out var now))
            {
                counts.Renamed += now != old ? 1 : 0;
                return now;
            }
            counts.Removed++;
            return null;
        }
        return value.Kind switch
        {
            AnswerKind.Text => Now(value.Text) is { } now ? AnswerValue.Of(now) : null,
            AnswerKind.TextList => AnswerValue.Of(
                value.Texts.Select(Now).Where(t => t is not null).Select(t => t!).ToList()
            ),
            _ => value,
        };
    }
}

/// <summary>What <see cref="VersionMap.Apply"/> did to one response.</summary>
public sealed class MappedAnswers
{
    /// <summary>Answers (or items, options, context fields) now under another id.</summary>
    public int Renamed { get; set; }

    /// <summary>Answers left out because their question, item or option is gone.</summary>
    public int Removed { get; set; }

    /// <summary>Answers left out because their question changed its type or scale.</summary>
    public int Changed { get; set; }
}
