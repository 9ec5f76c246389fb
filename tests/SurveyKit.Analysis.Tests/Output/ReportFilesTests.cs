using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Parquet;
using SurveyKit.Analysis.Report;
using SurveyKit.Analysis.Scoring;

namespace SurveyKit.Analysis.Tests.Output;

public sealed class ReportFilesTests : IDisposable
{
    private readonly string folder = Path.Combine(
        Path.GetTempPath(),
        "surveykit-report-" + Guid.NewGuid().ToString("N")
    );
    private readonly AnalysisResult result;

    public ReportFilesTests()
    {
        var survey = TestSurveys.Klantloyaliteit;
        // Two lines that are not scored; one has an e-mail address where the score belongs, which the report's list of
        // rejected lines must not repeat.
        var text =
            TestSurveys.JsonLines(TestSurveys.Sample(survey, 800, seed: 21))
            + "not json\n"
            + $$$"""{"responseId":"{{{Guid.NewGuid()}}}","survey":"klantloyaliteit","version":1,"lang":"nl","answers":{"recommend":"stray@example.org"}}"""
            + "\n";
        result = SurveyAnalyzer.Analyze(TestSurveys.ReadJsonLines(survey, text));
        ReportFiles.Write(result, folder, tables: true, timing: null);
    }

    public void Dispose() => Directory.Delete(folder, true);

    [Fact]
    public void Summary_json_has_the_keys_formats_md_fixes()
    {
        using var json = JsonDocument.Parse(
            File.ReadAllBytes(Path.Combine(folder, "summary.json"))
        );
        var root = json.RootElement;
        Assert.Equal("klantloyaliteit", root.GetProperty("survey").GetString());
        Assert.Equal(800, root.GetProperty("versions").GetProperty("1").GetInt32());
        var responses = root.GetProperty("responses");
        Assert.Equal(802, responses.GetProperty("read").GetInt32());
        Assert.Equal(800, responses.GetProperty("scored").GetInt32());
        Assert.Equal(2, responses.GetProperty("rejected").GetInt32());
        Assert.Equal(0, responses.GetProperty("duplicates").GetInt32());
        var nps = root.GetProperty("nps");
        Assert.Equal(
            Math.Round(result.Nps.Value, 1, MidpointRounding.AwayFromZero),
            nps.GetProperty("value").GetDouble()
        );
        Assert.Equal(800, nps.GetProperty("n").GetInt32());
        Assert.Equal(
            800,
            nps.GetProperty("promoters").GetInt32()
                + nps.GetProperty("passives").GetInt32()
                + nps.GetProperty("detractors").GetInt32()
        );
        Assert.Equal(2, nps.GetProperty("ci95").GetArrayLength());
        Assert.Equal("adjusted-wald", nps.GetProperty("method").GetString());
        var b2b = root.GetProperty("segments").GetProperty("segment").GetProperty("b2b");
        Assert.True(b2b.TryGetProperty("p_vs_rest", out _));
        var service = root.GetProperty("touchpoints").GetProperty("service");
        foreach (var key in new[] { "mean", "n", "na", "importance", "quadrant" })
        {
            Assert.True(service.TryGetProperty(key, out _), key);
        }
        var drivers = root.GetProperty("drivers").EnumerateArray().ToArray();
        Assert.Equal(
            drivers.Select(d => d.GetProperty("importance").GetDouble()).OrderByDescending(x => x),
            drivers.Select(d => d.GetProperty("importance").GetDouble())
        );
        Assert.Equal("service", drivers[0].GetProperty("id").GetString());
        var whatIf = root.GetProperty("what_if").EnumerateArray().First();
        foreach (var key in new[] { "item", "delta", "nps", "change" })
        {
            Assert.True(whatIf.TryGetProperty(key, out _), key);
        }
    }

    [Fact]
    public void Personal_data_is_only_in_the_follow_up_list()
    {
        var emails = result.Table.FollowUps.Select(f => f.Contact!).ToArray();
        Assert.NotEmpty(emails);
        Assert.Contains(result.Table.Rejections, r => r.Reason.Contains("'stray@example.org'"));
        var followUp = File.ReadAllText(Path.Combine(folder, "follow-up.csv"));
        Assert.All(emails, e => Assert.Contains(e, followUp, StringComparison.Ordinal));
        foreach (
            var file in Directory
                .GetFiles(folder)
                .Where(f =>
                    !f.EndsWith("follow-up.csv", StringComparison.Ordinal)
                    && !f.EndsWith(".parquet", StringComparison.Ordinal)
                )
        )
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("@example.org", text, StringComparison.Ordinal);
            Assert.DoesNotContain("C100", text, StringComparison.Ordinal); // the pii customer number
        }
    }

    [Fact]
    public void The_follow_up_list_starts_with_the_lowest_scores()
    {
        var scores = File.ReadAllLines(Path.Combine(folder, "follow-up.csv"))
            .Skip(1)
            .Select(l => int.Parse(l.Split(',')[3]));
        Assert.Equal(scores.Order(), scores);
    }

    // responses.sav read by R's haven (CI installs r-cran-haven): the NPS classes as labelled codes, and the weighted
    // NPS computed in R from the file's weight variable equals the report's.
    [Fact]
    public async Task The_SPSS_table_has_labelled_classes_and_the_weight_that_gives_the_reports_weighted_nps()
    {
        File.WriteAllText(
            Path.Combine(folder, "read.R"),
            """
            suppressMessages(library(haven))
            d <- read_sav("responses.sav")
            print(attr(d$nps_class, "labels"))
            cat(attr(d$nps_class, "label"), "\n")
            s <- ifelse(d$nps_class == 3, 100, ifelse(d$nps_class == 1, -100, 0))
            ok <- !is.na(s)
            cat(sprintf("%.1f", sum(s[ok] * d$weight[ok]) / sum(d$weight[ok])), "\n")
            cat(nrow(d), "\n")
            """
        );
        var start = new System.Diagnostics.ProcessStartInfo("Rscript", "read.R")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var r = System.Diagnostics.Process.Start(start)!;
        var output = await r.StandardOutput.ReadToEndAsync();
        var error = await r.StandardError.ReadToEndAsync();
        await r.WaitForExitAsync();
        Assert.True(r.ExitCode == 0, error);
        var lines = output.Split('\n');
        Assert.Equal("Criticaster     Passief    Promotor ", lines[0]);
        Assert.Equal("          1           2           3 ", lines[1]);
        Assert.Equal("NPS-groep ", lines[2]);
        Assert.Equal(
            result.Weighted!.Value.ToString(
                "0.0",
                System.Globalization.CultureInfo.InvariantCulture
            ) + " ",
            lines[3]
        );
        Assert.Equal(
            result.Table.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ",
            lines[4]
        );
    }

    [Fact]
    public async Task The_Parquet_and_CSV_tables_hold_every_scored_response()
    {
        var csv = File.ReadAllLines(Path.Combine(folder, "responses.csv"));
        Assert.Equal(result.Table.Count + 1, csv.Length);
        var header = csv[0].Split(',');
        Assert.Equal(
            [
                "response_id",
                "version",
                "recommend",
                "nps_class",
                "touchpoints.website",
                "touchpoints.website_na",
            ],
            header.Take(6)
        );
        Assert.Contains("weight", header);

        await using var reader = await ParquetReader.CreateAsync(
            Path.Combine(folder, "responses.parquet")
        );
        Assert.Equal(header, reader.Schema.GetDataFields().Select(f => f.Name));
        using var group = reader.OpenRowGroupReader(0);
        Assert.Equal(result.Table.Count, group.RowCount);
        var field = reader.Schema.GetDataFields().Single(f => f.Name == "recommend");
        var scores = new int?[group.RowCount];
        await group.ReadAsync<int>(field, scores);
        Assert.Equal(result.Table.Outcome.Span.ToArray().Select(s => (int?)s), scores);
    }

    [Fact]
    public void Both_languages_get_a_report_and_the_markdown_says_what_the_html_says()
    {
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        var dutch = File.ReadAllText(Path.Combine(folder, "report.md"));
        var english = File.ReadAllText(Path.Combine(folder, "report.en.md"));
        Assert.StartsWith(
            "# Resultaten van ‘Klanttevredenheid en loyaliteit’",
            dutch,
            StringComparison.Ordinal
        );
        Assert.StartsWith(
            "# Results of ‘Customer satisfaction and loyalty’",
            english,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "<article class=\"report\" id=\"nl\" lang=\"nl\">",
            html,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "<article class=\"report\" id=\"en\" lang=\"en\">",
            html,
            StringComparison.Ordinal
        );
        Assert.Contains("## Wat drijft loyaliteit?", dutch, StringComparison.Ordinal);
        Assert.Contains("## What drives loyalty?", english, StringComparison.Ordinal);
        Assert.Contains("data.jsonl(801)", english, StringComparison.Ordinal); // the rejected line, located
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(
            "http://",
            html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void The_report_lists_the_first_rejected_lines_and_says_how_many_there_were()
    {
        var survey = TestSurveys.Klantloyaliteit;
        var text =
            TestSurveys.JsonLines(TestSurveys.Sample(survey, 20))
            + string.Concat(Enumerable.Repeat("{oops\n", 60));
        var many = Path.Combine(folder, "many");
        ReportFiles.Write(SurveyAnalyzer.Analyze(TestSurveys.ReadJsonLines(survey, text)), many);
        var english = File.ReadAllText(Path.Combine(many, "report.en.md"));
        Assert.Contains("| data.jsonl(21) |", english, StringComparison.Ordinal);
        Assert.Contains("| data.jsonl(70) |", english, StringComparison.Ordinal);
        Assert.DoesNotContain("| data.jsonl(71) |", english, StringComparison.Ordinal);
        Assert.Contains(
            "The first 50 of 60 lines not scored are listed above.",
            english,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_survey_text_with_markup_is_escaped_in_every_report()
    {
        var survey = TestSurveys.Klantloyaliteit;
        var hostile = survey with
        {
            Title = new Core.Model.LocalizedText(
                new Core.Text.EquatableArray<Core.Model.Translation>([
                    new("nl", "<img src=x onerror=alert(1)> *x*"),
                    new("en", "<b>x</b>"),
                ]),
                default
            ),
        };
        var table = TestSurveys.ReadJsonLines(
            hostile,
            TestSurveys.JsonLines(TestSurveys.Sample(survey, 50))
        );
        var hostileFolder = Path.Combine(folder, "hostile");
        ReportFiles.Write(SurveyAnalyzer.Analyze(table), hostileFolder);
        var html = File.ReadAllText(Path.Combine(hostileFolder, "report.html"));
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains(
            "\\<img",
            File.ReadAllText(Path.Combine(hostileFolder, "report.md")),
            StringComparison.Ordinal
        );
    }
}
