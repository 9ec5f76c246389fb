using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SurveyKit.Generators.Tests;

/// <summary>An in-memory YAML file for the generator.</summary>
internal sealed class InMemoryText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) =>
        SourceText.From(text);
}

/// <summary>Build options as MSBuild would pass them (build_property.* and per-file metadata).</summary>
internal sealed class TestOptionsProvider(
    Dictionary<string, string> global,
    Dictionary<string, Dictionary<string, string>>? perFile = null
) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options([]);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        new Options(
            perFile is not null && perFile.TryGetValue(textFile.Path, out var options)
                ? options
                : []
        );

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) =>
            values.TryGetValue(key, out value!);
    }
}

/// <summary>Runs the generator the way the compiler does and compiles what it produced.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(
            System.IO.Path.PathSeparator
        );
        var framework = trusted
            .Where(p =>
                System.IO.Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                || System.IO.Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll"
            )
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        var core = MetadataReference.CreateFromFile(
            typeof(SurveyKit.Core.SurveyLoader).Assembly.Location
        );
        return framework.Append(core).ToImmutableArray();
    });

    public static string ExamplePath(string name) =>
        Directory
            .GetFiles(
                System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "examples"),
                name + ".survey.yaml",
                SearchOption.AllDirectories
            )
            .Single();

    public static AdditionalText Example(string name) =>
        new InMemoryText(
            "/repo/examples/" + name + "/" + name + ".survey.yaml",
            File.ReadAllText(ExamplePath(name))
        );

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select(s =>
                CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.CSharp12))
            ),
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable
            )
        );

    public static GeneratorDriver Driver(
        IEnumerable<AdditionalText> files,
        Dictionary<string, string>? options = null,
        Dictionary<string, Dictionary<string, string>>? perFile = null
    ) =>
        CSharpGeneratorDriver.Create(
            [new SurveyGenerator().AsSourceGenerator()],
            files,
            new CSharpParseOptions(LanguageVersion.CSharp12),
            new TestOptionsProvider(
                options ?? new() { ["build_property.RootNamespace"] = "Consumer" },
                perFile
            ),
            new GeneratorDriverOptions(
                IncrementalGeneratorOutputKind.None,
                trackIncrementalGeneratorSteps: true
            )
        );

    /// <summary>Generates from <paramref name="files"/> and compiles the output with <paramref name="sources"/>.</summary>
    public static Result Run(IEnumerable<AdditionalText> files, params string[] sources)
    {
        var compilation = Compilation(
            sources.Length == 0
                ? ["namespace Consumer { internal static class Empty { } }"]
                : sources
        );
        var driver = Driver(files)
            .RunGeneratorsAndUpdateCompilation(
                compilation,
                out var output,
                out var generatorDiagnostics
            );
        var run = driver.GetRunResult();
        var compileDiagnostics = output
            .GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToList();
        return new Result(run, generatorDiagnostics, compileDiagnostics, output);
    }

    public sealed record Result(
        GeneratorDriverRunResult Run,
        ImmutableArray<Diagnostic> GeneratorDiagnostics,
        List<Diagnostic> CompileDiagnostics,
        Compilation Output
    )
    {
        public IEnumerable<(string HintName, string Source)> Sources =>
            Run
                .Results.SelectMany(r => r.GeneratedSources)
                .Select(s => (s.HintName, s.SourceText.ToString()));

        public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).Source;
    }
}
