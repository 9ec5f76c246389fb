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
            );
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
}
