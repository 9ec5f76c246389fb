using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using SurveyKit.Benchmarks.Site;
using SurveyKit.Core.Workspace;
using SurveyKit.Site;

// A plain harness rather than BenchmarkDotNet: one build writes thousands of files, and what a user waits for is
// the wall-clock time of the whole command, disk included. Each run starts from an empty output folder.
var surveys = Argument("--surveys", 1000);
var runs = Argument("--runs", 7);

// --generate DIR writes the workspace only (DIR/surveys and DIR/surveykit.json) for `surveykit build` as a fresh
// process (bench/peers/run.sh), and stops.
var generateIndex = Array.IndexOf(args, "--generate");
if (generateIndex >= 0 && generateIndex + 1 < args.Length)
{
    var folder = args[generateIndex + 1];
    var written = Workspace.Generate(Path.Combine(folder, "surveys"), surveys);
    File.WriteAllText(
        Path.Combine(folder, "surveykit.json"),
        "{ \"surveys\": [\"surveys/*.survey.yaml\"], \"output\": \"_site\" }\n"
    );
    Console.WriteLine($"Wrote {written.Count} surveys and surveykit.json to {folder}.");
    return 0;
}

// --work DIR puts the workspace and the output there: /dev/shm measures the tool rather than the disk.
var workIndex = Array.IndexOf(args, "--work");
var root =
    workIndex >= 0 && workIndex + 1 < args.Length
        ? Directory
            .CreateDirectory(
                Path.Combine(
                    args[workIndex + 1],
                    "surveykit-site-bench-" + Guid.NewGuid().ToString("N")[..8]
                )
            )
            .FullName
        : Directory.CreateTempSubdirectory("surveykit-site-bench-").FullName;
try
{
    var files = Workspace.Generate(Path.Combine(root, "surveys"), surveys);
    var output = Path.Combine(root, "_site");
    Console.WriteLine(
        $"{surveys} surveys in nl and en ({files.Count} files, {files.Sum(f => new FileInfo(f).Length) / 1024} KB of YAML); {runs} runs after one warm-up."
    );
    var load = new double[runs];
    var build = new double[runs];
    var write = new double[runs];
    var total = new double[runs];
    var pages = 0;
    var written = 0;
    long bytes = 0;
    for (var run = -1; run < runs; run++)
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, true);
        }
        var clock = Stopwatch.StartNew();
        var set = SurveySet.Load(files);
        var checkedAt = clock.Elapsed.TotalMilliseconds;
        if (set.HasErrors)
        {
            Console.Error.WriteLine(string.Join("\n", set.Diagnostics.Take(5)));
            return 1;
        }
        var list = set.Surveys.ToList();
        var site = new SiteBuilder(new SiteOptions("/", SubmitConfig.Default, null)).Build(list);
        var builtAt = clock.Elapsed.TotalMilliseconds;
        written = SiteWriter.Write(output, site.Files);
        bytes = site.Files.Sum(f => (long)f.Content.Length);
        var end = clock.Elapsed.TotalMilliseconds;
        if (run < 0)
        {
            continue;
        }
        load[run] = checkedAt;
        build[run] = builtAt - checkedAt;
        write[run] = end - builtAt;
        total[run] = end;
        pages = list.Sum(s => s.Languages.Count);
    }
    Console.WriteLine($"read + check   {Median(load), 8:0.0} ms");
    Console.WriteLine($"render         {Median(build), 8:0.0} ms");
    Console.WriteLine($"write          {Median(write), 8:0.0} ms");
    Console.WriteLine(
        $"total          {Median(total), 8:0.0} ms (min {total.Min():0.0}, max {total.Max():0.0})"
    );
    Console.WriteLine(
        $"{pages} survey pages ({written} files with thank-you pages, copies and assets, {bytes / 1024 / 1024} MB): {Median(total) / pages:0.000} ms per survey page."
    );
    return 0;
}
finally
{
    Directory.Delete(root, true);
}

static double Median(double[] values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1
        ? sorted[sorted.Length / 2]
        : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

int Argument(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length
        ? int.Parse(args[index + 1], System.Globalization.CultureInfo.InvariantCulture)
        : fallback;
}
