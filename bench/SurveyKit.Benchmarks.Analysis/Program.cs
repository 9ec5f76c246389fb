using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using SurveyKit.Analysis.Data;
using SurveyKit.Analysis.Report;
using SurveyKit.Analysis.Scoring;
using SurveyKit.Core;

// A plain harness: median of --runs runs of each phase, so that one slow run on a noisy machine does not decide.
//   dotnet run -c Release --project bench/SurveyKit.Benchmarks.Analysis -- <survey.yaml> <data.csv|.jsonl> [--runs 5]
var survey =
    SurveyLoader.LoadFile(args[0]).Survey
    ?? throw new InvalidOperationException("the survey has errors");
var data = args[1];
var runs = args.Length > 3 && args[2] == "--runs" ? int.Parse(args[3]) : 5;
var plan = AnalysisPlan.For(survey);
var read = new double[runs];
var score = new double[runs];
var report = new double[runs];
var output = Path.Combine(Path.GetTempPath(), "surveykit-bench-report");
for (var r = 0; r < runs; r++)
{
    var clock = Stopwatch.StartNew();
    var builder = new ResponseTableBuilder(plan);
    using (var stream = File.OpenRead(data))
    {
        if (data.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            builder.ReadCsv(stream, data);
        }
        else
        {
            builder.ReadJsonLines(stream, data);
        }
    }
    var table = builder.Build();
    read[r] = clock.Elapsed.TotalSeconds;
    clock.Restart();
    var result = SurveyAnalyzer.Analyze(table);
    score[r] = clock.Elapsed.TotalSeconds;
    clock.Restart();
    ReportFiles.Write(result, output);
    report[r] = clock.Elapsed.TotalSeconds;
    Console.WriteLine(
        $"run {r + 1}: read {read[r]:0.000} s, score {score[r]:0.000} s, report {report[r]:0.000} s ({table.Count:N0} responses)"
    );
    table = null;
    result = null;
    GC.Collect();
}
static double Median(double[] values) => values.Order().ElementAt(values.Length / 2);
var total = Enumerable.Range(0, runs).Select(r => read[r] + score[r] + report[r]).ToArray();
Console.WriteLine(
    $"median: read {Median(read):0.000} s, score {Median(score):0.000} s, report {Median(report):0.000} s, total {Median(total):0.000} s"
);
