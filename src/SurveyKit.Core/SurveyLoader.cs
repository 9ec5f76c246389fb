using System;
using System.IO;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Model;
using SurveyKit.Core.Reading;
using SurveyKit.Core.Text;
using SurveyKit.Core.Validation;
using SurveyKit.Core.Yaml;

namespace SurveyKit.Core;

/// <summary>The outcome of loading a survey file: the survey when it has no errors, and every diagnostic.</summary>
/// <param name="Survey">The survey, or null when it has errors.</param>
/// <param name="Diagnostics">Errors and warnings in file order.</param>
public sealed record SurveyLoadResult(Survey? Survey, EquatableArray<Diagnostic> Diagnostics)
{
    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Survey is null;
}

/// <summary>
/// The front door of SurveyKit: a <c>*.survey.yaml</c> file in, a checked <see cref="Survey"/> and located diagnostics out.
/// Every part (the checker, the generator, the site, the analysis, the collector) loads surveys here and nowhere else.
/// </summary>
public static class SurveyLoader
{
    /// <summary>The ending that marks a survey file.</summary>
    public const string FileSuffix = ".survey.yaml";

    private static readonly System.Text.RegularExpressions.Regex SurveyIdPattern = new(
        "^[a-z][a-z0-9-]*$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant
    );

    /// <summary>
    /// The longest id of a survey, question, option, item or context field: ids become C# names, CSV columns, file
    /// and folder names and URL parts, and 64 characters is more than any readable id needs.
    /// </summary>
    public const int MaxIdLength = 64;

    /// <summary>True when <paramref name="id"/> can be a survey id: a lowercase letter, then a-z, 0-9 and '-', at most <see cref="MaxIdLength"/> characters.</summary>
    public static bool IsValidSurveyId(string id) =>
        id.Length <= MaxIdLength && SurveyIdPattern.IsMatch(id);

    /// <summary>Reads and checks the file at <paramref name="path"/>; a missing or unreadable file is a diagnostic too.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="shownAs">How diagnostics name the file (for example relative to the user's folder); the path when null.</param>
    public static SurveyLoadResult LoadFile(string path, string? shownAs = null)
    {
        var diagnostics = new DiagnosticBag(shownAs ?? path);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                diagnostics.Report(
                    DiagnosticDescriptors.FileNotFound,
                    SourceSpan.FileStart,
                    diagnostics.FilePath
                );
                return new SurveyLoadResult(null, diagnostics.ToSortedArray());
            }
            if (info.Length > YamlLoader.MaxFileBytes)
            {
                // Checked before reading, so a huge file costs nothing.
                diagnostics.Report(
                    DiagnosticDescriptors.FileTooLarge,
                    SourceSpan.FileStart,
                    info.Length,
                    YamlLoader.MaxFileBytes
                );
                return new SurveyLoadResult(null, diagnostics.ToSortedArray());
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(
                DiagnosticDescriptors.FileUnreadable,
                SourceSpan.FileStart,
                diagnostics.FilePath,
                e.Message
            );
            return new SurveyLoadResult(null, diagnostics.ToSortedArray());
        }
        return Load(shownAs ?? path, bytes);
    }

    /// <summary>Checks a survey given as bytes; <paramref name="path"/> names it in diagnostics.</summary>
    public static SurveyLoadResult Load(string path, byte[] bytes)
    {
        var diagnostics = new DiagnosticBag(path);
        var text = YamlLoader.Decode(bytes, diagnostics);
        return text is null
            ? new SurveyLoadResult(null, diagnostics.ToSortedArray())
            : Parse(path, text, diagnostics);
    }

    /// <summary>Checks a survey given as text (as an editor or the compiler holds it).</summary>
    public static SurveyLoadResult Parse(string path, string text) =>
        Parse(path, text, new DiagnosticBag(path));

    /// <param name="path">The file name shown in diagnostics.</param>
    /// <param name="text">The YAML.</param>
    /// <param name="diagnostics">Where diagnostics go.</param>
    /// <param name="inspect">Tests use this to fail on purpose inside the boundary and prove that nothing escapes it.</param>
    internal static SurveyLoadResult Parse(
        string path,
        string text,
        DiagnosticBag diagnostics,
        Action<YamlNode>? inspect = null
    )
    {
        Survey? survey = null;
        try
        {
            var root = YamlLoader.Load(text, diagnostics);
            if (root is not null)
            {
                inspect?.Invoke(root);
                var reader = new SurveyReader(diagnostics);
                survey = reader.Read(root);
                if (survey is not null)
                {
                    new SurveyValidator(survey, diagnostics, reader.BrokenIds).Validate();
                }
            }
        }
#pragma warning disable CA1031 // The promise is "a diagnostic, never an exception": a bug must not crash the user's build.
        catch (Exception e)
#pragma warning restore CA1031
        {
            diagnostics.Report(
                DiagnosticDescriptors.InternalError,
                SourceSpan.FileStart,
                e.GetType().Name + ": " + e.Message
            );
        }
        return new SurveyLoadResult(
            diagnostics.HasErrors ? null : survey,
            diagnostics.ToSortedArray()
        );
    }
}
