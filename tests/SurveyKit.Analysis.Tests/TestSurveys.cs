using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SurveyKit.Analysis.Data;
using SurveyKit.Analysis.Sampling;
using SurveyKit.Core;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;
using SurveyKit.Submissions;

namespace SurveyKit.Analysis.Tests;

/// <summary>The example surveys, synthetic submissions for them, and those submissions as the files the analysis reads.</summary>
internal static class TestSurveys
{
    /// <summary>Where the example survey <paramref name="id"/> is copied beside the tests.</summary>
    public static string ExamplePath(string id) =>
        Path.Combine(
            AppContext.BaseDirectory,
            "TestData",
            "examples",
            id,
            id + SurveyLoader.FileSuffix
        );

    public static Survey Example(string id) =>
        SurveyLoader.LoadFile(ExamplePath(id)).Survey
        ?? throw new InvalidOperationException($"{id} does not load");

    public static Survey Klantloyaliteit => Example("klantloyaliteit");

    /// <summary>The drivers planted in most tests: service matters most, then delivery, then the website.</summary>
    public static readonly Dictionary<string, double> PlantedDrivers = new()
    {
        ["service"] = 0.6,
        ["delivery"] = 0.35,
        ["website"] = 0.15,
    };

    public static List<SampleResponse> Sample(
        Survey survey,
        int count,
        int seed = 11,
        Dictionary<string, double>? drivers = null
    ) =>
        SampleGenerator
            .Generate(survey, new SampleOptions(count, seed, drivers ?? PlantedDrivers))
            .ToList();

    /// <summary>The responses as JSON Lines, written by the collector's writer (the form the analysis reads).</summary>
    public static string JsonLines(IEnumerable<SampleResponse> responses) =>
        string.Concat(
            responses.Select(r =>
                SubmissionJson.Write(new Submission(r.Data, r.SubmittedAt, r.DurationMs), null)
                + "\n"
            )
        );

    /// <summary>The responses as the CSV export, personal data included (the follow-up list needs the e-mail).</summary>
    public static string Csv(Survey survey, IEnumerable<SampleResponse> responses)
    {
        var export = new CsvExport(survey);
        var builder = new StringBuilder(export.Header(true)).Append("\r\n");
        foreach (var r in responses)
        {
            builder
                .Append(
                    export.Record(
                        new CsvExport.Row(r.Data, r.SubmittedAt.ToString("o"), r.DurationMs),
                        true
                    )
                )
                .Append("\r\n");
        }
        return builder.ToString();
    }

    public static ResponseTable ReadJsonLines(
        Survey survey,
        string text,
        string source = "data.jsonl"
    )
    {
        var builder = new ResponseTableBuilder(AnalysisPlan.For(survey));
        builder.ReadJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(text)), source);
        return builder.Build();
    }

    public static ResponseTable ReadCsv(Survey survey, string text, string source = "data.csv")
    {
        var builder = new ResponseTableBuilder(AnalysisPlan.For(survey));
        builder.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(text)), source);
        return builder.Build();
    }

    public static ResponseTable Table(Survey survey, IEnumerable<SampleResponse> responses) =>
        ReadJsonLines(survey, JsonLines(responses));
}
