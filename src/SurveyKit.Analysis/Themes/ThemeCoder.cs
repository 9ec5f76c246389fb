using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Core.Model;
using SurveyKit.Core.Text;

namespace SurveyKit.Analysis.Themes;

/// <summary>
/// Codes an open answer into the survey's themes (<see cref="ThemePattern"/>): bit t of the result is theme t, and
/// <see cref="Answered"/> says the respondent wrote something at all. An answer is matched with the patterns of its
/// language when the theme has them, otherwise with all of the theme's patterns.
/// </summary>
internal sealed class ThemeCoder(IReadOnlyList<ThemeSpec> themes)
{
    /// <summary>The bit that says "wrote an open answer" (themes use bits 0..62).</summary>
    public const ulong Answered = 1UL << 63;

    public IReadOnlyList<ThemeSpec> Themes { get; } = themes;

    public ulong Code(IReadOnlyList<string> words, string? language)
    {
        var mask = 0UL;
        for (var t = 0; t < Themes.Count && t < 63; t++)
        {
            var match = Themes[t].Match;
            var own = match.FirstOrDefault(m => m.Language == language);
            var patterns = own is not null ? own.Patterns : match.SelectMany(m => m.Patterns);
            if (patterns.Any(p => ThemePattern.Matches(words, p)))
            {
                mask |= 1UL << t;
            }
        }
        return mask;
    }
}
