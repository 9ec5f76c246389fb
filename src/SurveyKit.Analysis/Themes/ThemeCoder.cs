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

    // Per theme: its patterns per language, and all of them for an answer in a language it has none for; read once.
    private readonly (
        Dictionary<string, ThemePattern.Compiled[]> ByLanguage,
        ThemePattern.Compiled[] All
    )[] compiled = themes
        .Take(63)
        .Select(theme =>
            (
                theme.Match.ToDictionary(
                    m => m.Language,
                    m => m.Patterns.Select(ThemePattern.Compile).ToArray(),
                    StringComparer.Ordinal
                ),
                theme.Match.SelectMany(m => m.Patterns).Select(ThemePattern.Compile).ToArray()
            )
        )
        .ToArray();

    public IReadOnlyList<ThemeSpec> Themes { get; } = themes;

    public ulong Code(IReadOnlyList<string> words, string? language)
    {
        var mask = 0UL;
        for (var t = 0; t < compiled.Length; t++)
        {
            var (byLanguage, all) = compiled[t];
            var patterns =
                language is not null && byLanguage.TryGetValue(language, out var own) ? own : all;
            foreach (var pattern in patterns)
            {
                if (pattern.Matches(words))
                {
                    mask |= 1UL << t;
                    break;
                }
            }
        }
        return mask;
    }
}
