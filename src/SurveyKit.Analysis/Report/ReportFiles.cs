using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SurveyKit.Analysis.Scoring;

namespace SurveyKit.Analysis.Report;

/// <summary>Writes every output of an analysis into one folder; the CLI and the generated analysis projects share it.</summary>
public static class ReportFiles
{
    /// <summary>Writes the report files into <paramref name="folder"/> and returns their paths.</summary>
    public static IReadOnlyList<string> Write(AnalysisResult result, string folder) =>
        Write(result, folder, false, null);

    /// <summary>
    /// Writes the report files, and with <paramref name="tables"/> the scored responses as responses.csv and
    /// responses.parquet (for warehouse engines: a million rows take seconds, so only when asked);
    /// <paramref name="timing"/> hears how long each file took.
    /// </summary>
    public static IReadOnlyList<string> Write(
        AnalysisResult result,
        string folder,
        bool tables,
        Action<string, TimeSpan>? timing
    ) => Write(result, folder, tables, timing, ReportTemplates.BuiltIn);

    /// <summary>As <see cref="Write(AnalysisResult, string, bool, Action{string, TimeSpan}?)"/>, rendered with <paramref name="templates"/>.</summary>
    public static IReadOnlyList<string> Write(
        AnalysisResult result,
        string folder,
        bool tables,
        Action<string, TimeSpan>? timing,
        ReportTemplates templates
    )
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        void Save(string name, Action<Stream> write)
        {
            var path = Path.Combine(folder, name);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using (var stream = File.Create(path))
            {
                write(stream);
            }
            timing?.Invoke(name, clock.Elapsed);
            written.Add(path);
        }
        var languages =
            result.Survey.Languages.Count > 0 ? result.Survey.Languages.ToArray() : ["en"];
        var documents = languages
            .Select(language => ReportBuilder.Build(result, language))
            .ToArray();
        // Rendered before anything is written, so that a broken override leaves no half report behind.
        var html = templates.Html(documents);
        var markdown = documents.Select(templates.Markdown).ToArray();
        Save("report.html", s => Text(s, html));
        Save("report.md", s => Text(s, markdown[0]));
        for (var i = 1; i < documents.Length; i++)
        {
            var text = markdown[i];
            Save($"report.{documents[i].Language}.md", s => Text(s, text));
        }
        Save("summary.json", s => SummaryJson.Write(result, s));
        if (tables)
        {
            Save("responses.csv", s => ScoredTable.WriteCsv(result, s));
            Save("responses.sav", s => Spss.ScoredSav.Write(result, s));
            Save(
                "responses.parquet",
                s => ScoredTable.WriteParquetAsync(result, s).GetAwaiter().GetResult()
            );
        }
        var followUp = Path.Combine(folder, "follow-up.csv");
        if (result.Table.FollowUps.Count > 0)
        {
            Save("follow-up.csv", s => FollowUpCsv.Write(result, s));
        }
        else if (File.Exists(followUp))
        {
            File.Delete(followUp); // a list from an earlier run must not outlive the data it came from
        }
        // The accounts at risk name customers: follow-up output, written whenever the survey names its accounts (an
        // empty list says "none", rather than leaving an earlier run's list in place).
        var atRisk = Path.Combine(folder, AccountsCsv.FileName);
        if (result.Accounts is { } accounts)
        {
            Save(AccountsCsv.FileName, s => AccountsCsv.Write(accounts, s));
        }
        else if (File.Exists(atRisk))
        {
            File.Delete(atRisk);
        }
        return written;
    }

    private static void Text(Stream stream, string text)
    {
        var bytes = new System.Text.UTF8Encoding(false).GetBytes(text);
        stream.Write(bytes);
    }
}
