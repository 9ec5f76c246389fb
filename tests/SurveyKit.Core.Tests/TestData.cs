using System;
using System.IO;
using System.Linq;
using SurveyKit.Core;

namespace SurveyKit.Core.Tests;

/// <summary>Test inputs copied beside the test assembly, and small surveys written inline.</summary>
internal static class TestData
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData");

    public static string[] ExampleFiles =>
        Directory
            .GetFiles(
                Path.Combine(Folder, "examples"),
                "*.survey.yaml",
                SearchOption.AllDirectories
            )
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();

    /// <summary>The smallest valid survey, in English, with one nps question; tests append or change lines.</summary>
    public const string Minimal = """
        survey: demo
        version: 1
        languages: [en]
        title: Demo
        questions:
          - id: recommend
            type: nps
            text: How likely are you to recommend us?
        """;

    public static SurveyLoadResult Check(string yaml, string path = "demo.survey.yaml") =>
        SurveyLoader.Parse(path, yaml.Replace("\r\n", "\n"));

    /// <summary>The diagnostics as the CLI prints them.</summary>
    public static string[] Lines(SurveyLoadResult result) =>
        result.Diagnostics.Select(d => d.ToString()).ToArray();
}
