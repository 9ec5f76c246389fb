using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Model;
using SurveyKit.Core.Text;

namespace SurveyKit.Core.Versions;

/// <summary>
/// The evolution rules, checked against a survey's committed history (docs/language.md, "Versions"): a change that
/// alters what an answer means needs a new <c>version</c> (SK0088); <c>renamed_from</c> names ids that an earlier
/// version had (SK0089); a question that looks like a gone one renamed is a warning (SK0090). Text-only edits need no
/// new version. The history comes from git (SurveyKit.History); these rules know nothing of git.
/// </summary>
public static class SurveyEvolution
{
    /// <summary>The diagnostics of the rules for <paramref name="current"/>.</summary>
    /// <param name="current">The survey as the file is now.</param>
    /// <param name="committed">The survey as in the file's last commit, or null when it was never committed.</param>
    /// <param name="history">Each committed version (the last commit that had it), by version number.</param>
    /// <param name="path">The file, as diagnostics name it.</param>
    public static List<Diagnostic> Check(
        Survey current,
        Survey? committed,
        IReadOnlyDictionary<int, Survey> history,
        string path
    )
    {
        var diagnostics = new List<Diagnostic>();
        if (committed is not null && committed.Version == current.Version)
        {
            Unversioned(current, committed, path, diagnostics);
        }
        var earlier = history
            .Where(h => h.Key < current.Version)
            .OrderBy(h => h.Key)
            .Select(h => h.Value)
            .ToList();
        if (earlier.Count > 0)
        {
            UnknownRenames(current, earlier, path, diagnostics);
            LooksRenamed(current, earlier[earlier.Count - 1], path, diagnostics);
        }
        return diagnostics;
    }

    /// <summary>SK0088: the version stayed while a question was added, removed, renamed or changed its meaning.</summary>
    private static void Unversioned(
        Survey current,
        Survey committed,
        string path,
        List<Diagnostic> diagnostics
    )
    {
        var next = (current.Version + 1).ToString(CultureInfo.InvariantCulture);
        var version = current.Version.ToString(CultureInfo.InvariantCulture);
        Diagnostic Changed(SourceSpan span, string what, string how) =>
            DiagnosticDescriptors.ChangedWithoutVersion.At(path, span, what, how, version, next);
        var renamed = new HashSet<string>(current.Questions.SelectMany(q => q.RenamedFrom));
        foreach (var question in current.Questions)
        {
            var place = "Question '" + question.Id + "'";
            if (committed.FindQuestion(question.Id) is not { } before)
            {
                var from = question.RenamedFrom.FirstOrDefault(id =>
                    committed.FindQuestion(id) is not null
                );
                diagnostics.Add(
                    Changed(
                        question.Span,
                        place,
                        from is null ? "was added" : $"was renamed from '{from}'"
                    )
                );
                continue;
            }
            if (
                QuestionMeaning
                    .Of(question)
                    .ChangeFrom(QuestionMeaning.Of(before), id => id, id => id) is
                { } change
            )
            {
                diagnostics.Add(Changed(question.Span, place, change));
            }
        }
        foreach (var gone in committed.Questions)
        {
            if (current.FindQuestion(gone.Id) is null && !renamed.Contains(gone.Id))
            {
                diagnostics.Add(
                    Changed(current.VersionSpan, "Question '" + gone.Id + "'", "was removed")
                );
            }
        }
    }

    /// <summary>SK0089: a <c>renamed_from</c> that no earlier version had, for questions, items, options and context fields.</summary>
    private static void UnknownRenames(
        Survey current,
        List<Survey> earlier,
        string path,
        List<Diagnostic> diagnostics
    )
    {
        var versions = string.Join(
            ", ",
            earlier.Select(s => s.Version.ToString(CultureInfo.InvariantCulture))
        );
        void Check(
            IEnumerable<(
                string Place,
                string Id,
                EquatableArray<string> From,
                SourceSpan Span
            )> parts,
            string kind,
            IEnumerable<string> known
        )
        {
            var ids = new HashSet<string>(known);
            foreach (var part in parts)
            {
                foreach (var old in part.From.Where(old => !ids.Contains(old)))
                {
                    var hint = DidYouMean.Hint(old, ids);
                    diagnostics.Add(
                        DiagnosticDescriptors.RenamedFromUnknown.At(
                            path,
                            part.Span,
                            part.Place,
                            old,
                            versions,
                            kind,
                            hint
                        )
                    );
                }
            }
        }
        Check(
            current.Questions.Select(q => ("Question '" + q.Id + "'", q.Id, q.RenamedFrom, q.Span)),
            "a question",
            earlier.SelectMany(s => s.Questions).Select(q => q.Id)
        );
        Check(
            current
                .Questions.OfType<TouchpointsQuestion>()
                .SelectMany(q =>
                    q.Items.Select(i =>
                        ($"Item '{i.Id}' of question '{q.Id}'", i.Id, i.RenamedFrom, i.Span)
                    )
                ),
            "an item",
            earlier
                .SelectMany(s => s.Questions.OfType<TouchpointsQuestion>())
                .SelectMany(q => q.Items)
                .Select(i => i.Id)
        );
        Check(
            current
                .Questions.OfType<ChoiceQuestion>()
                .SelectMany(q =>
                    q.Options.Select(o =>
                        ($"Option '{o.Id}' of question '{q.Id}'", o.Id, o.RenamedFrom, o.Span)
                    )
                ),
            "an option",
            earlier
                .SelectMany(s => s.Questions.OfType<ChoiceQuestion>())
                .SelectMany(q => q.Options)
                .Select(o => o.Id)
        );
        Check(
            current.Context.Select(f =>
                ("Context field '" + f.Id + "'", f.Id, f.RenamedFrom, f.Span)
            ),
            "a context field",
            earlier.SelectMany(s => s.Context).Select(f => f.Id)
        );
    }

    /// <summary>SK0090: a new question just like a gone one of the previous version: a rename without renamed_from?</summary>
    private static void LooksRenamed(
        Survey current,
        Survey previous,
        string path,
        List<Diagnostic> diagnostics
    )
    {
        var map = VersionMap.Across([previous, current]);
        foreach (var id in map.NotAsked)
        {
            var question = current.FindQuestion(id)!;
            var meaning = QuestionMeaning.Of(question);
            var gone = map
                .Removed.Select(previous.FindQuestion)
                .FirstOrDefault(old => old is not null && QuestionMeaning.Of(old).SameAs(meaning));
            if (gone is not null)
            {
                diagnostics.Add(
                    DiagnosticDescriptors.LooksRenamed.At(
                        path,
                        question.Span,
                        "Question '" + id + "'",
                        gone.Id,
                        previous.Version.ToString(CultureInfo.InvariantCulture)
                    )
                );
            }
        }
    }
}
