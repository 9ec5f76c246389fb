using System.Collections.Generic;
using System.Linq;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Model;

namespace SurveyKit.Core.Workspace;

/// <summary>One loaded survey file.</summary>
/// <param name="Path">The path as shown in diagnostics.</param>
/// <param name="Result">The survey and its diagnostics.</param>
public sealed record SurveyFile(string Path, SurveyLoadResult Result);

/// <summary>
/// The surveys of a check or a build, loaded once each, with the rules that span files
/// (a survey id used by two files).
/// </summary>
public sealed class SurveySet
{
    private SurveySet(IReadOnlyList<SurveyFile> files, IReadOnlyList<Diagnostic> diagnostics)
    {
        Files = files;
        Diagnostics = diagnostics;
    }

    /// <summary>The files in the order given.</summary>
    public IReadOnlyList<SurveyFile> Files { get; }

    /// <summary>Every diagnostic of every file, and of the set, in file order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The surveys without errors.</summary>
    public IEnumerable<Survey> Surveys => Files.Select(f => f.Result.Survey).OfType<Survey>();

    /// <summary>True when any file has an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>Loads each of <paramref name="paths"/> and checks them together.</summary>
    public static SurveySet Load(IEnumerable<string> paths) => Load(paths.Select(p => (p, p)));

    /// <summary>Loads each file and checks them together; diagnostics name each file as its <c>ShownAs</c> says.</summary>
    public static SurveySet Load(IEnumerable<(string Path, string ShownAs)> files)
    {
        // A workspace of many surveys is read on every core (parsing is most of a large build's single-threaded
        // time); the order of the files, and so of the diagnostics, stays the order given.
        var list = files.ToList();
        SurveyFile Read((string Path, string ShownAs) f) =>
            new(f.ShownAs, SurveyLoader.LoadFile(f.Path, f.ShownAs));
        return Check(
            list.Count < ParallelFrom
                ? list.Select(Read).ToList()
                : list.AsParallel().AsOrdered().Select(Read).ToList()
        );
    }

    /// <summary>From this many files on, they are read in parallel (below it, starting threads costs more).</summary>
    private const int ParallelFrom = 8;

    private static SurveySet Check(List<SurveyFile> files)
    {
        var diagnostics = new List<Diagnostic>();
        var owners = new Dictionary<string, string>();
        foreach (var file in files)
        {
            diagnostics.AddRange(file.Result.Diagnostics);
            if (file.Result.Survey is not { } survey)
            {
                continue;
            }
            if (owners.TryGetValue(survey.Id, out var first))
            {
                diagnostics.Add(
                    DiagnosticDescriptors.DuplicateSurveyId.At(
                        file.Path,
                        survey.IdSpan,
                        survey.Id,
                        first
                    )
                );
                continue;
            }
            owners[survey.Id] = file.Path;
        }
        return new SurveySet(files, diagnostics);
    }
}
