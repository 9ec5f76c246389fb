using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Text;

namespace SurveyKit.Generators.Model;

/// <summary>
/// One survey file after Core has read it: what to emit (position-free, null when the file has errors) and the
/// diagnostics to report. Two records with equal parts are equal, so an unchanged file costs nothing downstream.
/// </summary>
internal sealed record ParsedSurvey(
    string Path,
    SurveySpec? Spec,
    EquatableArray<Diagnostic> Diagnostics,
    SourceSpan IdSpan
)
{
    /// <summary>
    /// For a file with errors (no <see cref="Spec"/>): the survey id it means (its <c>survey:</c> line, or its file
    /// name) and the namespace, so that an empty placeholder keeps code that uses the survey's namespace and response
    /// type compiling, and the survey's own errors are the ones a developer sees.
    /// </summary>
    public FailedSurvey? Failed { get; init; }
}

/// <summary>The id and namespace of a survey file with errors.</summary>
internal sealed record FailedSurvey(string Id, string? Namespace, string FileName);

/// <summary>A survey to emit, with its file (which decides which of two files with one id is emitted).</summary>
internal sealed record SurveySource(string Path, SurveySpec Spec);

/// <summary>Where a survey id is written, to report a second file with the same id.</summary>
internal sealed record SurveyIdentity(string Path, string Id, SourceSpan IdSpan);

/// <summary>The MSBuild options that shape the generated code.</summary>
internal sealed record GeneratorOptions(string DefaultNamespace);
