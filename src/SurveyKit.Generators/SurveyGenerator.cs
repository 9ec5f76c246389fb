using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Generators.Emit;
using SurveyKit.Generators.Model;
using SurveyKit.Generators.Pipeline;

namespace SurveyKit.Generators;

/// <summary>
/// Generates typed response models from the <c>*.survey.yaml</c> files of a project: a response class with one typed
/// property per question, enums for options, Validate(), and reflection-free JSON, JSON Lines and CSV readers and writers.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SurveyGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Shared helpers, internal to each compilation so that two projects with surveys never clash.
        context.RegisterPostInitializationOutput(static output =>
            output.AddSource(SharedEmitter.HintName, SharedEmitter.Source)
        );

        var options = context
            .AnalyzerConfigOptionsProvider.Select(
                static (provider, _) =>
                {
                    provider.GlobalOptions.TryGetValue(
                        "build_property.SurveyKitNamespace",
                        out var configured
                    );
                    provider.GlobalOptions.TryGetValue(
                        "build_property.RootNamespace",
                        out var root
                    );
                    var ns =
                        !string.IsNullOrWhiteSpace(configured) ? configured!
                        : !string.IsNullOrWhiteSpace(root) ? root!
                        : "Surveys";
                    return new GeneratorOptions(ns);
                }
            )
            .WithTrackingName(TrackingNames.Options);

        // Pipeline 1: each survey file is parsed once by Core.
        var parsed = context
            .AdditionalTextsProvider.Where(SurveyFileParser.IsSurvey)
            .WithTrackingName(TrackingNames.SurveyFiles)
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(
                static (pair, cancellation) =>
                {
                    pair.Right.GetOptions(pair.Left)
                        .TryGetValue(
                            "build_metadata.AdditionalFiles.SurveyNamespace",
                            out var fileNamespace
                        );
                    return SurveyFileParser.Parse(
                        pair.Left,
                        string.IsNullOrWhiteSpace(fileNamespace) ? null : fileNamespace,
                        cancellation
                    );
                }
            )
            .WithTrackingName(TrackingNames.ParseSurvey);

        // Pipeline 2: diagnostics, reported on the YAML files.
        var diagnostics = parsed
            .Select(static (file, _) => file.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(
            diagnostics,
            static (output, list) =>
            {
                foreach (var diagnostic in list)
                {
                    output.ReportDiagnostic(RoslynDiagnostics.ToRoslyn(diagnostic));
                }
            }
        );

        // Pipeline 3: source, from the position-free specs only, so moving a comment regenerates nothing.
        // Collected, because a survey id used by two files is emitted once (the first path wins).
        var specs = parsed
            .Where(static file => file.Spec is not null)
            .Select(static (file, _) => new SurveySource(file.Path, file.Spec!))
            .WithTrackingName(TrackingNames.BuildSpec)
            .Collect()
            .Combine(options);
        context.RegisterSourceOutput(
            specs,
            static (output, pair) =>
            {
                foreach (var source in FirstPerId(pair.Left, s => s.Path, s => s.Spec.Id))
                {
                    var spec = source.Spec;
                    output.AddSource(
                        spec.TypePrefix + "Response.g.cs",
                        SurveyEmitter.Emit(spec, spec.Namespace ?? pair.Right.DefaultNamespace)
                    );
                }
            }
        );

        // Pipeline 3b: a survey with errors gets an empty placeholder of its response type in its namespace (unless a
        // good file has the id), so that "using Surveys;" and "KlantResponse" in the developer's code do not add
        // CS0246 to the survey's own errors. Uses of its members still fail, at the lines that use them.
        var failed = parsed.Select(static (file, _) => file.Failed).Collect().Combine(specs);
        context.RegisterSourceOutput(
            failed,
            static (output, pair) =>
            {
                var good = new HashSet<string>(pair.Right.Left.Select(s => s.Spec.Id));
                foreach (
                    var survey in pair
                        .Left.OfType<FailedSurvey>()
                        .Where(f => !good.Contains(f.Id))
                        .GroupBy(f => f.Id)
                        .Select(g => g.First())
                )
                {
                    var prefix = Naming.Pascal(survey.Id);
                    output.AddSource(
                        prefix + "Response.g.cs",
                        SurveyEmitter.Placeholder(
                            survey,
                            prefix,
                            survey.Namespace ?? pair.Right.Right.DefaultNamespace
                        )
                    );
                }
            }
        );

        // Pipeline 4: the other files with an id already used are reported there (SK0081), with positions.
        var ids = parsed
            .Where(static file => file.Spec is not null)
            .Select(static (file, _) => new SurveyIdentity(file.Path, file.Spec!.Id, file.IdSpan))
            .Collect()
            .WithTrackingName(TrackingNames.SurveyIds);
        context.RegisterSourceOutput(
            ids,
            static (output, files) =>
            {
                var first = FirstPerId(files, f => f.Path, f => f.Id)
                    .ToDictionary(f => f.Id, f => f.Path);
                foreach (var file in files.Where(f => first[f.Id] != f.Path))
                {
                    var duplicate = DiagnosticDescriptors.DuplicateSurveyId.At(
                        file.Path,
                        file.IdSpan,
                        file.Id,
                        first[file.Id]
                    );
                    output.ReportDiagnostic(RoslynDiagnostics.ToRoslyn(duplicate));
                }
            }
        );
    }

    private static IEnumerable<T> FirstPerId<T>(
        IEnumerable<T> items,
        Func<T, string> path,
        Func<T, string> id
    ) => items.OrderBy(path, StringComparer.Ordinal).GroupBy(id).Select(g => g.First());
}
