using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SurveyKit.Generators;

namespace SurveyKit.Benchmarks.Generation;

/// <summary>
/// Generation time for one 50-question survey: Core parses and checks the YAML, the spec is built and the C# emitted,
/// as the compiler does on a cold run (a fresh driver each time, so no step is cached). Target: under 2 ms.
/// </summary>
[MemoryDiagnoser]
public class GenerationBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private AdditionalText _survey = null!;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = CSharpCompilation.Create(
            "Bench",
            [CSharpSyntaxTree.ParseText("class A { }")]
        );
        _survey = new Text("/bench/fifty.survey.yaml", FiftyQuestions());
        var result = CSharpGeneratorDriver
            .Create([new SurveyGenerator().AsSourceGenerator()], [_survey])
            .RunGenerators(_compilation)
            .GetRunResult();
        if (result.Diagnostics.Length > 0 || result.GeneratedTrees.Length != 2)
        {
            throw new System.InvalidOperationException(
                "The benchmark survey does not generate: " + string.Join("; ", result.Diagnostics)
            );
        }
        System.Console.WriteLine(
            $"// Generated {result.GeneratedTrees[1].Length:N0} characters of C# for 50 questions"
        );
    }

    [Benchmark]
    public int Generate50Questions()
    {
        var driver = CSharpGeneratorDriver.Create(
            [new SurveyGenerator().AsSourceGenerator()],
            [_survey]
        );
        var result = driver.RunGenerators(_compilation).GetRunResult();
        return result.GeneratedTrees.Length + result.Diagnostics.Length;
    }

    /// <summary>The fixed cost of a generator run with no survey: the driver and the shared helpers.</summary>
    public int GenerateNothing()
    {
        var driver = CSharpGeneratorDriver.Create([new SurveyGenerator().AsSourceGenerator()]);
        return driver.RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;
    }

    /// <summary>Fifty questions of every type, in two languages, with conditions.</summary>
    internal static string FiftyQuestions()
    {
        var y = new StringBuilder(
            "survey: fifty\nversion: 1\nlanguages: [nl, en]\ntitle: { nl: Vijftig, en: Fifty }\nquestions:\n"
        );
        y.Append(
            "  - id: q0\n    type: nps\n    required: true\n    text: { nl: Aanbevelen?, en: Recommend? }\n"
        );
        for (var i = 1; i < 50; i++)
        {
            var id = "q" + i.ToString(CultureInfo.InvariantCulture);
            y.Append(
                CultureInfo.InvariantCulture,
                $"  - id: {id}\n    text: {{ nl: Vraag {i}, en: Question {i} }}\n"
            );
            switch (i % 7)
            {
                case 0:
                    y.Append(
                        "    type: rating\n    scale: { min: 1, max: 5 }\n    show_if: q0 <= 6\n"
                    );
                    break;
                case 1:
                    y.Append(
                        "    type: touchpoints\n    compare: { nl: Vergeleken, en: Compared }\n    items:\n"
                    );
                    for (var item = 0; item < 6; item++)
                    {
                        y.Append(
                            CultureInfo.InvariantCulture,
                            $"      - {{ id: t{item}, label: {{ nl: Punt {item}, en: Point {item} }} }}\n"
                        );
                    }
                    break;
                case 2:
                    y.Append(
                        "    type: single_choice\n    options:\n      - { id: no, label: { nl: Nee, en: No } }\n      - { id: yes, label: { nl: Ja, en: Yes } }\n"
                    );
                    break;
                case 3:
                    y.Append(
                        "    type: multi_choice\n    other: { nl: Anders, en: Other }\n    options:\n      - { id: a, label: { nl: A, en: A } }\n      - { id: b, label: { nl: B, en: B } }\n      - { id: c, label: { nl: C, en: C } }\n"
                    );
                    break;
                case 4:
                    y.Append(
                        "    type: text\n    multiline: true\n    show_if: answered(q0) and q0 >= 9\n"
                    );
                    break;
                case 5:
                    y.Append("    type: number\n    min: 0\n    max: 100\n    integer: true\n");
                    break;
                default:
                    y.Append("    type: consent\n");
                    break;
            }
        }
        return y.ToString();
    }

    private sealed class Text(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) =>
            SourceText.From(text);
    }
}
