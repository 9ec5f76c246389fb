using System.Collections.Generic;
using System.Linq;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Versions;
using SurveyKit.Core.Workspace;
using SurveyKit.History;

namespace SurveyKit.Cli.Commands;

/// <summary>
/// The evolution rules for the surveys that git knows (check and build): each compared with its last commit and its
/// earlier versions (SK0088, SK0089, SK0090). A survey outside a repository, or never committed, has no history to
/// compare with; the generator never runs these rules (it has no git).
/// </summary>
internal static class HistoryChecks
{
    /// <param name="paths">The files of <paramref name="set"/>, in its order, as paths to read.</param>
    /// <param name="set">The surveys as checked.</param>
    public static List<Diagnostic> Check(IReadOnlyList<string> paths, SurveySet set)
    {
        var diagnostics = new List<Diagnostic>();
        var files = paths
            .Zip(set.Files)
            .Where(f =>
                f.Second.Result.Survey is not null
                && !f.Second.Result.Diagnostics.Any(d => d.IsError)
            )
            .ToList();
        if (files.Count == 0)
        {
            return diagnostics;
        }
        var histories = SurveyHistory.LoadAll(files.Select(f => f.First));
        foreach (var (path, file) in files)
        {
            var history = histories[System.IO.Path.GetFullPath(path)];
            if (history.Missing is null)
            {
                diagnostics.AddRange(
                    SurveyEvolution.Check(
                        file.Result.Survey!,
                        history.Committed,
                        history.Versions,
                        file.Path
                    )
                );
            }
        }
        return diagnostics;
    }
}
