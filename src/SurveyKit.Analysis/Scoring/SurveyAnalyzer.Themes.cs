using System.Collections.Generic;
using System.Linq;
using SurveyKit.Analysis.Data;
using SurveyKit.Analysis.Statistics;
using SurveyKit.Analysis.Themes;
using SurveyKit.Core.Model;

namespace SurveyKit.Analysis.Scoring;

/// <summary>One theme of the codebook in the open answers.</summary>
/// <param name="Theme">The theme as the survey writes it.</param>
/// <param name="Detractors">Detractors with an open answer that mention it.</param>
/// <param name="Passives">Passives that mention it.</param>
/// <param name="Promoters">Promoters that mention it.</param>
/// <param name="Mentioning">The NPS of those who mention it.</param>
/// <param name="Others">The NPS of those with an open answer who do not.</param>
/// <param name="VsOthers">The difference, tested when both sides have enough responses (Holm over the themes).</param>
/// <param name="Examples">Up to three anonymised quotes of detractors.</param>
public sealed record ThemeSummary(
    ThemeSpec Theme,
    int Detractors,
    int Passives,
    int Promoters,
    NpsSummary Mentioning,
    NpsSummary Others,
    GroupComparison? VsOthers,
    IReadOnlyList<string> Examples
)
{
    public int Mentions => Detractors + Passives + Promoters;
}

/// <summary>What the open answers are about.</summary>
/// <param name="Answered">Respondents with an NPS answer and an open answer, per class: detractors, passives, promoters.</param>
/// <param name="Items">Per theme, in the codebook's order.</param>
/// <param name="Uncovered">Detractors whose open answer matches no theme.</param>
/// <param name="Words">The words most often used in those answers (stop words left out).</param>
/// <param name="Phrases">The two-word phrases most often used in them.</param>
public sealed record ThemesSummary(
    (int Detractors, int Passives, int Promoters) Answered,
    IReadOnlyList<ThemeSummary> Items,
    int Uncovered,
    IReadOnlyList<(string Text, int Count)> Words,
    IReadOnlyList<(string Text, int Count)> Phrases
);

public static partial class SurveyAnalyzer
{
    private static ThemesSummary? Themes(ResponseTable table, AnalysisOptions options)
    {
        if (table.Plan.Themes is not { } coder)
        {
            return null;
        }
        var themes = coder.Themes.Take(63).ToList();
        var outcome = table.Outcome.Span;
        var codes = table.Themes.Span;
        var answered = new int[3];
        var mentions = new int[themes.Count, 3];
        for (var i = 0; i < outcome.Length; i++)
        {
            if (outcome[i] < 0 || (codes[i] & ThemeCoder.Answered) == 0)
            {
                continue;
            }
            var c = (int)NpsCounts.Classify(outcome[i]);
            answered[c]++;
            for (var t = 0; t < themes.Count; t++)
            {
                if ((codes[i] & (1UL << t)) != 0)
                {
                    mentions[t, c]++;
                }
            }
        }
        var all = new NpsCounts(answered[0], answered[1], answered[2]);
        var tests = new List<(int Theme, int Family, NpsDifference Test)>();
        var groups = new List<(NpsSummary Group, NpsSummary Others)>();
        for (var t = 0; t < themes.Count; t++)
        {
            var group = new NpsCounts(mentions[t, 0], mentions[t, 1], mentions[t, 2]);
            var rest = all.Subtract(group);
            groups.Add((NpsSummary.Of(group, options), NpsSummary.Of(rest, options)));
            // The small-group rule: shown, never compared, below MinGroupN on either side.
            if (group.N >= options.MinGroupN && rest.N >= options.MinGroupN)
            {
                tests.Add(
                    (t, tests.Count, NpsComparison.Compare(group, rest, true, options.Confidence))
                );
            }
        }
        var adjusted = Holm(tests.Select(x => (x.Family, x.Test.P)).ToList());
        var items = themes
            .Select(
                (theme, t) =>
                {
                    var test = tests.FindIndex(x => x.Theme == t);
                    return new ThemeSummary(
                        theme,
                        mentions[t, 0],
                        mentions[t, 1],
                        mentions[t, 2],
                        groups[t].Group,
                        groups[t].Others,
                        test < 0
                            ? null
                            : Comparison(
                                groups[t].Group,
                                groups[t].Others,
                                tests[test].Test,
                                adjusted[test],
                                tests[test].Family,
                                options
                            ),
                        table.ThemeTexts.Examples(t)
                    );
                }
            )
            .ToList();
        return new ThemesSummary(
            (answered[0], answered[1], answered[2]),
            items,
            table.ThemeTexts.Uncovered,
            table.ThemeTexts.TopWords(10),
            table.ThemeTexts.TopPhrases(10)
        );
    }
}
