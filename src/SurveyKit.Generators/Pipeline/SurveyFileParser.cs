using System;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using SurveyKit.Core;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Text;
using SurveyKit.Generators.Model;
using Diagnostic = SurveyKit.Core.Diagnostics.Diagnostic;

namespace SurveyKit.Generators.Pipeline;

/// <summary>Reads one AdditionalText with SurveyKit.Core (the one parser and rule set) into a <see cref="ParsedSurvey"/>.</summary>
internal static class SurveyFileParser
{
    public static bool IsSurvey(AdditionalText file) =>
        file.Path.EndsWith(SurveyLoader.FileSuffix, StringComparison.OrdinalIgnoreCase);

    public static ParsedSurvey Parse(
        AdditionalText file,
        string? ns,
        CancellationToken cancellation
    )
    {
        var path = file.Path;
        try
        {
            var text = file.GetText(cancellation);
            if (text is null)
            {
                var unreadable = DiagnosticDescriptors.FileUnreadable.At(
                    path,
                    SourceSpan.FileStart,
                    path,
                    "the compiler could not read it"
                );
                return new ParsedSurvey(
                    path,
                    null,
                    new EquatableArray<Diagnostic>([unreadable]),
                    default
                );
            }
            var result = SurveyLoader.Parse(path, text.ToString());
            var spec = result.Survey is { } survey
                ? SpecBuilder.Build(survey, Path.GetFileName(path), ns)
                : null;
            return new ParsedSurvey(
                path,
                spec,
                result.Diagnostics,
                result.Survey?.IdSpan ?? default
            )
            {
                Failed = spec is null ? Failed(path, text.ToString(), ns) : null,
            };
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // A generator that throws loses all its output silently (CS8785): report instead.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var internalError = DiagnosticDescriptors.InternalError.At(
                path,
                SourceSpan.FileStart,
                e.GetType().Name + ": " + e.Message
            );
            return new ParsedSurvey(
                path,
                null,
                new EquatableArray<Diagnostic>([internalError]),
                default
            );
        }
    }

    /// <summary>The id a survey with errors means: its <c>survey:</c> line when that holds an id, else its file name.</summary>
    private static FailedSurvey? Failed(string path, string text, string? ns)
    {
        var match = System.Text.RegularExpressions.Regex.Match(
            text,
            @"^survey:[ \t]*[""']?([a-z][a-z0-9_]{0,63})[""']?[ \t]*(?:#.*)?$",
            System.Text.RegularExpressions.RegexOptions.Multiline
                | System.Text.RegularExpressions.RegexOptions.CultureInvariant,
            System.TimeSpan.FromMilliseconds(100)
        );
        var fileName = System.IO.Path.GetFileName(path);
        var id = match.Success
            ? match.Groups[1].Value
            : fileName.Substring(0, fileName.Length - ".survey.yaml".Length);
        return System.Text.RegularExpressions.Regex.IsMatch(id, "^[a-z][a-z0-9_]{0,63}$")
            ? new FailedSurvey(id, ns, fileName)
            : null;
    }
}
