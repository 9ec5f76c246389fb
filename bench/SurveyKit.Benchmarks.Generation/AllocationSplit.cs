using System;
using System.IO;
using SurveyKit.Core;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Writing;
using SurveyKit.Core.Yaml;
using SurveyKit.Generators.Emit;
using SurveyKit.Generators.Pipeline;

namespace SurveyKit.Benchmarks.Generation;

/// <summary>
/// What each step of one generation allocates (--alloc). Allocation, more than work, sets the generator's time: the
/// collections it causes were half of a run before the emitter stopped making a string per line.
/// </summary>
internal static class AllocationSplit
{
    public static void Run()
    {
        var yaml = GenerationBenchmarks.FiftyQuestions();
        for (var round = 0; round < 3; round++)
        {
            var events = Measure(() =>
            {
                var parser = new YamlDotNet.Core.Parser(new StringReader(yaml));
                while (parser.MoveNext()) { }
            });
            var tree = Measure(() => YamlLoader.Load(yaml, new DiagnosticBag("fifty.survey.yaml")));
            SurveyLoadResult? loaded = null;
            var check = Measure(() => loaded = SurveyLoader.Parse("fifty.survey.yaml", yaml));
            var survey = loaded!.Survey!;
            var canonical = Measure(() => SurveyWriter.ToYaml(survey));
            var spec = SpecBuilder.Build(survey, "fifty.survey.yaml", null);
            var specBytes = Measure(() => SpecBuilder.Build(survey, "fifty.survey.yaml", null));
            var emit = Measure(() => SurveyEmitter.Emit(spec, "Bench"));
            Console.WriteLine(
                $"bytes allocated: YamlDotNet's events {events:N0}, the node tree {tree:N0}, the whole check {check:N0}; "
                    + $"spec {specBytes:N0} (canonical YAML {canonical:N0}); emit {emit:N0}"
            );
        }
    }

    private static long Measure(Action step)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        step();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
