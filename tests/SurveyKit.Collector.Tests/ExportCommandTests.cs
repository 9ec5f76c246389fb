using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using SurveyKit.Cli;

namespace SurveyKit.Collector.Tests;

/// <summary><c>surveykit export</c> reads what a collector stored, straight from its database.</summary>
public sealed class ExportCommandTests
{
    [Fact]
    public async Task Export_writes_the_stored_responses_as_json_lines_csv_and_parquet()
    {
        await using var collector = await Collector.Start();
        var first = Guid.NewGuid().ToString();
        await collector.PostJson(
            Collector.Submission(
                first,
                "\"recommend\":2,\"contact_ok\":true,\"email\":\"jan@example.org\""
            )
        );
        await collector.PostJson(Collector.Submission(answers: "\"recommend\":10"));
        var survey = Path.Combine(
            AppContext.BaseDirectory,
            "TestData",
            "examples",
            "bezorging",
            "bezorging.survey.yaml"
        );
        var database = Path.Combine(collector.Folder, "responses.db");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, collector.Folder);
        int Export(string format, string file) =>
            SurveyKitCommand.Run(
                ["export", "--db", database, "--survey", survey, "--format", format, "--out", file],
                context
            );
        Assert.Equal(
            0,
            SurveyKitCommand.Run(
                ["export", "--db", database, "--survey", survey, "--out", "out.jsonl"],
                context
            )
        );
        // Without --personal: a first line says what was left out, and no record carries it.
        var lines = File.ReadAllLines(Path.Combine(collector.Folder, "out.jsonl"));
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("{\"surveykit\":", lines[0], StringComparison.Ordinal);
        Assert.Contains(first, lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(
            "jan@example.org",
            string.Join("\n", lines),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "Personal data left out: context.order, answers.email; export with --personal",
            output.ToString(),
            StringComparison.Ordinal
        );
        Assert.Equal(
            0,
            SurveyKitCommand.Run(
                [
                    "export",
                    "--db",
                    database,
                    "--survey",
                    survey,
                    "--out",
                    "all.jsonl",
                    "--personal",
                ],
                context
            )
        );
        var all = File.ReadAllLines(Path.Combine(collector.Folder, "all.jsonl"));
        Assert.Equal(2, all.Length);
        Assert.Contains("jan@example.org", all[0], StringComparison.Ordinal);
        Assert.Equal(0, Export("csv", "out.csv"));
        var csv = File.ReadAllLines(Path.Combine(collector.Folder, "out.csv"));
        Assert.StartsWith(
            "response_id,survey,version,submitted_at,lang,carrier,recommend,",
            csv[0],
            StringComparison.Ordinal
        );
        Assert.Equal(3, csv.Length);
        Assert.Contains(
            "Exported 2 responses of bezorging to out.csv.",
            output.ToString(),
            StringComparison.Ordinal
        );
        Assert.Equal(0, Export("parquet", "out.parquet"));
        await using (
            var parquet = await Parquet.ParquetReader.CreateAsync(
                Path.Combine(collector.Folder, "out.parquet")
            )
        )
        {
            using var group = parquet.OpenRowGroupReader(0);
            Assert.Equal(2, group.RowCount);
            var field = parquet.Schema.GetDataFields().Single(f => f.Name == "recommend");
            var scores = new int?[2];
            await group.ReadAsync<int>(field, scores);
            Assert.Equal([2, 10], scores);
        }
        Assert.Equal(2, Export("xml", "x"));
    }
}
