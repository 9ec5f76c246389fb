using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SurveyKit.Core.Model;
using SurveyKit.Core.Workspace;

namespace SurveyKit.Site.Tests;

/// <summary>A site built from surveys into a temporary folder, as <c>surveykit build</c> writes it.</summary>
public sealed class TestSite : IDisposable
{
    public TestSite(
        IReadOnlyList<Survey> surveys,
        SubmitConfig? submit = null,
        string? templates = null
    )
    {
        Surveys = surveys;
        Folder = Path.Combine(Path.GetTempPath(), "surveykit-site-" + Guid.NewGuid().ToString("N"));
        var result = new SiteBuilder(
            new SiteOptions("/", submit ?? SubmitConfig.Default, templates)
        ).Build(surveys);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Files = result.Files;
        SiteWriter.Write(Folder, result.Files);
    }

    public IReadOnlyList<Survey> Surveys { get; }

    public IReadOnlyList<SiteFile> Files { get; }

    public string Folder { get; }

    /// <summary>The repository's example surveys, copied beside the tests.</summary>
    public static IReadOnlyList<Survey> Examples() =>
        Directory
            .GetFiles(
                Path.Combine(AppContext.BaseDirectory, "TestData", "examples"),
                "*.survey.yaml",
                SearchOption.AllDirectories
            )
            .Order(StringComparer.Ordinal)
            .Select(Load)
            .ToList();

    /// <summary>Loads a survey that must be free of errors.</summary>
    public static Survey Load(string path)
    {
        var result = Core.SurveyLoader.LoadFile(path, Path.GetFileName(path));
        Assert.True(result.Survey is not null, string.Join("\n", result.Diagnostics));
        return result.Survey!;
    }

    /// <summary>Parses a survey written in a test; it must be free of errors.</summary>
    public static Survey Parse(string yaml, string name = "test.survey.yaml")
    {
        var result = Core.SurveyLoader.Parse(name, yaml);
        Assert.True(
            result.Survey is not null && !result.Diagnostics.Any(d => d.IsError),
            string.Join("\n", result.Diagnostics)
        );
        return result.Survey!;
    }

    /// <summary>Where a survey's page in <paramref name="lang"/> is, relative to the site root: the first language at the survey's address.</summary>
    public static string PageFolder(Survey survey, string lang) =>
        lang == survey.DefaultLanguage ? survey.Id + "/" : survey.Id + "/" + lang + "/";

    public string Text(string path) => File.ReadAllText(Path.Combine(Folder, path));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the host; the temp folder is cleaned by the system.
        }
    }
}
