using System.Collections.Generic;
using System.Linq;
using SurveyKit.Analysis.Scoring;

namespace SurveyKit.Analysis.Report;

/// <summary>
/// What the open answers are about: per theme of the codebook, how many detractors, passives and promoters mention it,
/// the NPS of those who do against those who do not (compared only with enough on both sides), a few anonymised
/// quotes, and the words of detractors' answers that no theme covers.
/// </summary>
internal sealed partial class ReportBuilder
{
    private ReportSection ThemesSection(ThemesSummary themes)
    {
        var (detractors, passives, promoters) = themes.Answered;
        var tested = themes.Items.Count(i => i.VsOthers is not null);
        var blocks = new List<ReportBlock>
        {
            new Paragraph(
                t.Format(
                    "themes_intro",
                    t.Count(detractors + passives + promoters),
                    t.Count(detractors),
                    result.Options.MinGroupN
                )
                    + " "
                    + (
                        tested == 0 ? t["themes_none"]
                        : tested == 1 ? t["themes_holm_one"]
                        : t.Format("themes_holm", t.Count(tested))
                    )
            ),
            new Table(
                t["themes_table"],
                [
                    t["theme"],
                    t["themes_detractors"],
                    t["themes_passives"],
                    t["themes_promoters"],
                    t["themes_nps_mention"],
                    t["themes_nps_others"],
                    t["themes_difference"],
                ],
                themes
                    .Items.Select(i =>
                        Row(
                            ThemeLabel(i),
                            Share(i.Detractors, detractors),
                            Share(i.Passives, passives),
                            Share(i.Promoters, promoters),
                            i.Mentioning.N == 0
                                ? "-"
                                : $"{t.Nps(i.Mentioning.Value)} (n = {t.Count(i.Mentioning.N)})",
                            i.Others.N == 0
                                ? "-"
                                : $"{t.Nps(i.Others.Value)} (n = {t.Count(i.Others.N)})",
                            i.VsOthers is { } c
                                ? $"{t.Nps(c.Difference)} (p {t.P(c.PAdjusted)}){(c.Significant ? " *" : "")}"
                                : t["too_few"]
                        )
                    )
                    .ToArray()
            ),
        };
        var quotes = themes
            .Items.SelectMany(i => i.Examples.Select(q => $"{ThemeLabel(i)}: “{q}”"))
            .ToArray();
        if (quotes.Length > 0)
        {
            blocks.Add(new Paragraph("**" + t["themes_quotes"] + "**"));
            blocks.Add(new BulletList(quotes));
        }
        if (themes.Uncovered > 0)
        {
            var words = themes.Words.Select(w => $"{w.Text} ({t.Count(w.Count)})");
            var phrases = themes.Phrases.Select(w => $"{w.Text} ({t.Count(w.Count)})");
            blocks.Add(
                new Paragraph(
                    t.Format("themes_uncovered", t.Count(themes.Uncovered))
                        + (
                            themes.Words.Count == 0
                                ? ""
                                : " " + t.Format("themes_words", string.Join(", ", words))
                        )
                        + (
                            themes.Phrases.Count == 0
                                ? ""
                                : " " + t.Format("themes_phrases", string.Join(", ", phrases))
                        )
                )
            );
        }
        return new ReportSection("themes", t["themes"], blocks);
    }

    /// <summary>The key finding: the theme detractors mention most, when enough detractors wrote something.</summary>
    private string? ThemeFinding()
    {
        if (
            result.Themes is not { } themes
            || themes.Answered.Detractors < result.Options.MinGroupN
            || themes.Items.MaxBy(i => i.Detractors) is not { Detractors: > 0 } top
        )
        {
            return null;
        }
        var finding = t.Format(
            "k_theme",
            Percent((double)top.Detractors / themes.Answered.Detractors),
            ThemeLabel(top),
            t.Count(themes.Answered.Detractors)
        );
        return top.VsOthers is { Significant: true } c
            ? finding
                + " "
                + t.Format(
                    "k_theme_nps",
                    t.Nps(top.Mentioning.Value),
                    t.Nps(top.Others.Value),
                    t.P(c.PAdjusted)
                )
            : finding;
    }

    private string ThemeLabel(ThemeSummary theme) =>
        theme.Theme.Label?[language] ?? theme.Theme.Id.Id;

    private string Share(int part, int whole) =>
        whole == 0 ? "-" : $"{Percent((double)part / whole)} ({t.Count(part)})";
}
