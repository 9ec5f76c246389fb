using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using SurveyKit.Analysis.Scoring;
using SurveyKit.Core.Responses;

namespace SurveyKit.Analysis.Report;

/// <summary>
/// follow-up.csv: the detractors who agreed to be contacted, lowest score first, with how to reach them and what
/// they wrote (and, with a codebook, the themes it was coded into). The only file with personal data; the report only
/// counts it.
/// </summary>
public static class FollowUpCsv
{
    /// <summary>Writes the list.</summary>
    public static void Write(AnalysisResult result, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plan = result.Table.Plan;
        using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n" };
        var contextIds = plan
            .Segments.Select(s => s.Id)
            .Concat(plan.PersonalContext.Select(p => p.Id))
            .ToArray();
        var commentIds = plan.Comments.Select(c => c.Id).ToArray();
        // With a codebook, the themes each detractor's answers were coded into (ids, separated by ';').
        var themes = plan.Themes?.Themes.Take(63).Select(t => t.Id.Id).ToArray();
        writer.WriteLine(
            string.Join(
                ",",
                new[]
                {
                    "response_id",
                    "submitted_at",
                    "lang",
                    "score",
                    plan.Contact?.Id ?? "contact",
                }
                    .Concat(contextIds)
                    .Concat(commentIds)
                    .Concat(themes is null ? [] : ["themes"])
                    .Select(Csv.Escape)
            )
        );
        foreach (
            var entry in result.Table.FollowUps.OrderBy(f => f.Score).ThenBy(f => f.SubmittedAt)
        )
        {
            var fields = new[]
            {
                entry.ResponseId.ToString(),
                entry.SubmittedAt?.ToString("o", CultureInfo.InvariantCulture) ?? "",
                entry.Lang ?? "",
                entry.Score.ToString(CultureInfo.InvariantCulture),
                entry.Contact ?? "",
            }
                .Concat(
                    contextIds.Select(id =>
                        entry.Context.FirstOrDefault(c => c.Id == id).Value ?? ""
                    )
                )
                .Concat(
                    commentIds.Select(id =>
                        entry.Comments.FirstOrDefault(c => c.Id == id).Text ?? ""
                    )
                )
                .Concat(
                    themes is null
                        ? []
                        :
                        [
                            string.Join(
                                ";",
                                themes.Where((_, t) => (entry.Themes & (1UL << t)) != 0)
                            ),
                        ]
                );
            writer.WriteLine(string.Join(",", fields.Select(Csv.Escape)));
        }
    }
}
