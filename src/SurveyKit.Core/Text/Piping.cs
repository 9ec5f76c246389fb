using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace SurveyKit.Core.Text;

/// <summary>
/// Answers piped into texts: <c>{recommend}</c>, <c>{touchpoints.service}</c> or <c>{segment}</c> in a question's
/// text or help shows that answer (a choice's label) once it is given; <c>{recommend|een cijfer}</c> shows the fallback
/// until then, and on a page without JavaScript. Only these forms are references, so other braces stay text.
/// </summary>
public static class Piping
{
    private static readonly Regex Reference = new(
        @"\{([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)?)(?:\|([^{}\n]*))?\}",
        RegexOptions.CultureInvariant
    );

    /// <summary>A reference in a text: where it stands, what it names, and its fallback (null: none written).</summary>
    public readonly record struct Pipe(int Index, int Length, string Id, string? Fallback);

    /// <summary>The references in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<Pipe> Find(string? text)
    {
        var pipes = new List<Pipe>();
        if (string.IsNullOrEmpty(text))
        {
            return pipes;
        }
        foreach (Match match in Reference.Matches(text))
        {
            pipes.Add(
                new Pipe(
                    match.Index,
                    match.Length,
                    match.Groups[1].Value,
                    match.Groups[2].Success ? match.Groups[2].Value : null
                )
            );
        }
        return pipes;
    }

    /// <summary>
    /// <paramref name="text"/> as printed outside a page (reports, exports, mails, generated code): each reference as
    /// its fallback, or "…" without one.
    /// </summary>
    public static string Plain(string text) =>
        text.IndexOf('{') < 0
            ? text
            : Reference.Replace(text, m => m.Groups[2].Success ? m.Groups[2].Value : "…");
}
