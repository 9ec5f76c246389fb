using BenchmarkDotNet.Running;

namespace SurveyKit.Benchmarks.Reading;

/// <summary>Runs the benchmarks named on the command line (BenchmarkDotNet's --filter).</summary>
public static class Program
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
