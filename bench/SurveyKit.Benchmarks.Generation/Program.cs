using System;
using System.Diagnostics;
using BenchmarkDotNet.Running;
using SurveyKit.Core;
using SurveyKit.Core.Writing;

namespace SurveyKit.Benchmarks.Generation;

/// <summary>
/// Runs the benchmarks named on the command line (BenchmarkDotNet's --filter); or --phases (time per step), --alloc
/// (bytes per step), --print (the generated C#), --emit-loop and --run-loop (ten seconds of work for a profiler).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--emit-loop")
        {
            // For a profiler: check and emit the 50-question survey for about ten seconds.
            var yaml = GenerationBenchmarks.FiftyQuestions();
            var survey = SurveyLoader.Parse("fifty.survey.yaml", yaml).Survey!;
            var spec = SurveyKit.Generators.Pipeline.SpecBuilder.Build(
                survey,
                "fifty.survey.yaml",
                null
            );
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed.TotalSeconds < 10)
            {
                SurveyKit.Generators.Emit.SurveyEmitter.Emit(spec, "Bench");
                SurveyLoader.Parse("fifty.survey.yaml", yaml);
            }
            return;
        }
        if (args.Length > 0 && args[0] == "--alloc")
        {
            AllocationSplit.Run();
            return;
        }
        if (args.Length > 0 && args[0] == "--print")
        {
            // The generated C# for the 50-question survey, to see where its size goes.
            var yaml = GenerationBenchmarks.FiftyQuestions();
            var spec = SurveyKit.Generators.Pipeline.SpecBuilder.Build(
                SurveyLoader.Parse("fifty.survey.yaml", yaml).Survey!,
                "fifty.survey.yaml",
                null
            );
            Console.Write(SurveyKit.Generators.Emit.SurveyEmitter.Emit(spec, "Bench").ToString());
            return;
        }
        if (args.Length > 0 && args[0] == "--run-loop")
        {
            // For a profiler: whole generator runs, as the benchmark makes them, for about ten seconds.
            var bench = new GenerationBenchmarks();
            bench.Setup();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed.TotalSeconds < 10)
            {
                bench.Generate50Questions();
            }
            return;
        }
        if (args.Length > 0 && args[0] == "--phases")
        {
            Phases();
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    // Where generation time goes, outside BenchmarkDotNet: Core's check, the canonical YAML, the whole generator run.
    private static void Phases()
    {
        var yaml = GenerationBenchmarks.FiftyQuestions();
        var bench = new GenerationBenchmarks();
        bench.Setup();
        const int Runs = 200;
        for (var round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < Runs; i++)
            {
                SurveyLoader.Parse("fifty.survey.yaml", yaml);
            }
            var check = clock.Elapsed.TotalMilliseconds / Runs;
            var survey = SurveyLoader.Parse("fifty.survey.yaml", yaml).Survey!;
            clock.Restart();
            for (var i = 0; i < Runs; i++)
            {
                SurveyWriter.ToYaml(survey);
            }
            var canonical = clock.Elapsed.TotalMilliseconds / Runs;
            clock.Restart();
            for (var i = 0; i < Runs; i++)
            {
                SurveyKit.Generators.Pipeline.SpecBuilder.Build(survey, "fifty.survey.yaml", null);
            }
            var spec = clock.Elapsed.TotalMilliseconds / Runs;
            var built = SurveyKit.Generators.Pipeline.SpecBuilder.Build(
                survey,
                "fifty.survey.yaml",
                null
            );
            clock.Restart();
            for (var i = 0; i < Runs; i++)
            {
                SurveyKit.Generators.Emit.SurveyEmitter.Emit(built, "Bench");
            }
            var emit = clock.Elapsed.TotalMilliseconds / Runs;
            var before = GC.GetAllocatedBytesForCurrentThread();
            var source = SurveyKit.Generators.Emit.SurveyEmitter.Emit(built, "Bench");
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            before = GC.GetAllocatedBytesForCurrentThread();
            SurveyLoader.Parse("fifty.survey.yaml", yaml);
            var checkAllocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Console.WriteLine(
                $"emit writes {source.Length:N0} characters and allocates {allocated:N0} bytes; the check allocates {checkAllocated:N0} bytes"
            );
            Console.WriteLine($"spec (with canonical YAML) {spec:F3} ms, emit {emit:F3} ms");
            clock.Restart();
            for (var i = 0; i < Runs; i++)
            {
                bench.Generate50Questions();
            }
            var whole = clock.Elapsed.TotalMilliseconds / Runs;
            clock.Restart();
            for (var i = 0; i < Runs; i++)
            {
                bench.GenerateNothing();
            }
            var empty = clock.Elapsed.TotalMilliseconds / Runs;
            Console.WriteLine(
                $"check {check:F3} ms, canonical YAML {canonical:F3} ms, whole run {whole:F3} ms, run without surveys {empty:F3} ms"
            );
        }
    }
}
