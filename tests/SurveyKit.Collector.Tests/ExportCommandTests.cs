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

    // A default export leaves the e-mail out; analyze once rejected every respondent who agreed to be contacted
    // (the e-mail is required for them), and the NPS of the rest was +100 where it was -50.
    [Theory]
    [InlineData("jsonl")]
    [InlineData("csv")]
    public async Task Analyze_scores_a_default_export_whole_and_says_the_contact_details_were_left_out(
        string format
    )
    {
        await using var collector = await Collector.Start();
        for (var i = 0; i < 3; i++)
        {
            await collector.PostJson(
                Collector.Submission(
                    answers: $"\"recommend\":{i},\"contact_ok\":true,\"email\":\"d{i}@example.org\""
                )
            );
        }
        await collector.PostJson(Collector.Submission(answers: "\"recommend\":10"));
        var survey = Path.Combine(
            AppContext.BaseDirectory,
            "TestData",
            "examples",
            "bezorging",
            "bezorging.survey.yaml"
        );
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, collector.Folder);
        var database = Path.Combine(collector.Folder, "responses.db");
        Assert.Equal(
            0,
            SurveyKitCommand.Run(
                [
                    "export",
                    "--db",
                    database,
                    "--survey",
                    survey,
                    "--format",
                    format,
                    "--out",
                    "out." + format,
                ],
                context
            )
        );
        Assert.Equal(
            0,
            SurveyKitCommand.Run(["analyze", survey, "out." + format, "--out", "report"], context)
        );
        Assert.Contains(
            "Read 4: scored 4, rejected 0",
            output.ToString(),
            StringComparison.Ordinal
        );
        Assert.Contains("NPS -50.0", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(
            "the input left out personal data (answers.email",
            error.ToString(),
            StringComparison.Ordinal
        );
        var report = File.ReadAllText(Path.Combine(collector.Folder, "report", "report.html"));
        Assert.Contains("--personal", report, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.org", report, StringComparison.Ordinal);
    }
}
