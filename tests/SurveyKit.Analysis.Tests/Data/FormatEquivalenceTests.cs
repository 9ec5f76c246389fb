using System.Linq;
using SurveyKit.Analysis.Data;

namespace SurveyKit.Analysis.Tests.Data;

/// <summary>JSON Lines, the CSV export and the neutral form of the generated types are three doors to one table.</summary>
public class FormatEquivalenceTests
{
    private static readonly Core.Model.Survey Survey = TestSurveys.Klantloyaliteit;
    private static readonly System.Collections.Generic.List<SurveyKit.Analysis.Sampling.SampleResponse> Responses =
        TestSurveys.Sample(Survey, 400, seed: 5);

    [Fact]
    public void The_CSV_export_reads_into_the_same_table_as_JSON_Lines()
    {
        var fromJson = TestSurveys.ReadJsonLines(Survey, TestSurveys.JsonLines(Responses));
        var fromCsv = TestSurveys.ReadCsv(Survey, TestSurveys.Csv(Survey, Responses));
        Assert.Equal(0, fromCsv.Rejected);
        AssertSameTable(fromJson, fromCsv);
    }

    [Fact]
    public void Grades_written_as_decimals_by_pandas_or_R_read_as_grades()
    {
        var csv = TestSurveys.Csv(Survey, Responses);
        var lines = csv.Split("\r\n");
        var header = lines[0].Split(',');
        var grades = Enumerable
            .Range(0, header.Length)
            .Where(i =>
                header[i].StartsWith("touchpoints.", System.StringComparison.Ordinal)
                || header[i] == "recommend"
            )
            .ToHashSet();
        var floats = string.Join(
            "\r\n",
            lines.Select(
                (line, n) =>
                    n == 0
                    || line.Length == 0
                    || line.Contains('"', System.StringComparison.Ordinal)
                        ? line
                        : string.Join(
                            ",",
                            line.Split(',')
                                .Select(
                                    (cell, i) =>
                                        grades.Contains(i) && int.TryParse(cell, out _)
                                            ? cell + ".0"
                                            : cell
                                )
                        )
            )
        );
        var fromFloats = TestSurveys.ReadCsv(Survey, floats);
        Assert.Equal(0, fromFloats.Rejected);
        Assert.Equal(
            TestSurveys.ReadCsv(Survey, csv).Outcome.Span.ToArray(),
            fromFloats.Outcome.Span.ToArray()
        );
    }

    [Fact]
    public void The_neutral_form_of_the_generated_types_reads_into_the_same_table()
    {
        var fromJson = TestSurveys.ReadJsonLines(Survey, TestSurveys.JsonLines(Responses));
        var builder = new ResponseTableBuilder(AnalysisPlan.For(Survey));
        var line = 0;
        foreach (var response in Responses)
        {
            builder.Add(response.Data, response.SubmittedAt, response.DurationMs, "typed", ++line);
        }
        AssertSameTable(fromJson, builder.Build());
    }

    [Fact]
    public void A_quoted_CSV_field_keeps_its_line_breaks_and_loses_the_formula_guard()
    {
        var csv = TestSurveys.Csv(Survey, Responses.Take(1));
        var header = csv.Split("\r\n")[0].Split(',');
        var fields = new string[header.Length];
        System.Array.Fill(fields, "");
        fields[System.Array.IndexOf(header, "response_id")] =
            "7b0e4d3e-8c1a-4d7e-9a34-1f1f3a2b9c10";
        fields[System.Array.IndexOf(header, "survey")] = "klantloyaliteit";
        fields[System.Array.IndexOf(header, "recommend")] = "2";
        fields[System.Array.IndexOf(header, "contact_ok")] = "true";
        fields[System.Array.IndexOf(header, "email")] = "a@example.org";
        fields[System.Array.IndexOf(header, "reason")] = "\"'=too slow,\r\nand \"\"rude\"\"\"";
        var text = string.Join(",", header) + "\r\n" + string.Join(",", fields) + "\r\n";
        var table = TestSurveys.ReadCsv(Survey, text);
        Assert.Equal(1, table.Count);
        var followUp = Assert.Single(table.FollowUps);
        Assert.Equal(
            "=too slow,\r\nand \"rude\"",
            followUp.Comments.Single(c => c.Id == "reason").Text
        );
    }

    [Fact]
    public void A_CSV_record_with_the_wrong_number_of_fields_is_rejected_with_its_line()
    {
        var csv = TestSurveys.Csv(Survey, Responses.Take(2));
        var lines = csv.Split("\r\n");
        var text = lines[0] + "\r\n" + lines[1] + "\r\n" + "a,b,c\r\n" + lines[2] + "\r\n";
        var table = TestSurveys.ReadCsv(Survey, text);
        Assert.Equal(2, table.Count);
        var rejection = Assert.Single(table.Rejections);
        Assert.Equal(3, rejection.Line);
        Assert.StartsWith(
            "The record has 3 fields",
            rejection.Reason,
            System.StringComparison.Ordinal
        );
    }

    private static void AssertSameTable(ResponseTable expected, ResponseTable actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.ResponseIds.Span.ToArray(), actual.ResponseIds.Span.ToArray());
        Assert.Equal(expected.Outcome.Span.ToArray(), actual.Outcome.Span.ToArray());
        for (var d = 0; d < expected.Drivers.Count; d++)
        {
            Assert.Equal(expected.Drivers[d].Span.ToArray(), actual.Drivers[d].Span.ToArray());
            Assert.Equal(expected.Compare[d]?.Span.ToArray(), actual.Compare[d]?.Span.ToArray());
        }
        Assert.Equal(expected.Satisfaction.Span.ToArray(), actual.Satisfaction.Span.ToArray());
        for (var s = 0; s < expected.Segments.Count; s++)
        {
            Assert.Equal(expected.Segments[s].Span.ToArray(), actual.Segments[s].Span.ToArray());
        }
        Assert.Equal(expected.DurationMs.Span.ToArray(), actual.DurationMs.Span.ToArray());
        Assert.Equal(expected.LanguageCounts, actual.LanguageCounts);
        Assert.Equal(expected.FirstSubmitted, actual.FirstSubmitted);
        Assert.Equal(
            expected.FollowUps.Select(f =>
                (
                    f.ResponseId,
                    f.Score,
                    f.Contact,
                    string.Join("|", f.Comments),
                    string.Join("|", f.Context)
                )
            ),
            actual.FollowUps.Select(f =>
                (
                    f.ResponseId,
                    f.Score,
                    f.Contact,
                    string.Join("|", f.Comments),
                    string.Join("|", f.Context)
                )
            )
        );
        Assert.NotEmpty(expected.FollowUps);
    }
}

/// <summary>Files are read in blocks on several threads; what comes out must be what one reader in file order gives.</summary>
public class BlockReadingTests
{
    private static readonly Core.Model.Survey Survey = TestSurveys.Klantloyaliteit;
    private static readonly System.Collections.Generic.List<SurveyKit.Analysis.Sampling.SampleResponse> Responses =
        TestSurveys.Sample(Survey, 8, seed: 5);

    [Fact]
    public void A_file_of_many_blocks_keeps_file_order_line_numbers_and_the_first_of_duplicates()
    {
        var survey = TestSurveys.Klantloyaliteit;
        var responses = TestSurveys.Sample(survey, 12000, seed: 8);
        var lines = TestSurveys.JsonLines(responses).Split('\n')[..^1].ToList();
        lines.Insert(9000, "{broken");
        lines.Add(lines[3]); // a repeat of line 4, at the end: the first one counts
        var text = string.Join("\n", lines) + "\n";
        Assert.True(text.Length > 3 << 20); // several 1 MB blocks

        var table = TestSurveys.ReadJsonLines(survey, text);
        Assert.Equal(12002, table.Read);
        Assert.Equal(12000, table.Count);
        Assert.Equal([9001L, 12002], table.Rejections.Select(r => r.Line));
        Assert.Equal(
            responses.Select(r => System.Guid.Parse(r.Data.ResponseId!)),
            table.ResponseIds.Span.ToArray()
        );

        var csv = TestSurveys.ReadCsv(survey, TestSurveys.Csv(survey, responses));
        Assert.Equal(table.Outcome.Span.ToArray(), csv.Outcome.Span.ToArray());
        Assert.Equal(table.ResponseIds.Span.ToArray(), csv.ResponseIds.Span.ToArray());
        Assert.Equal(
            table.FollowUps.Select(f => f.ResponseId),
            csv.FollowUps.Select(f => f.ResponseId)
        );
    }

    // A quoted field of several megabytes with line breaks once left the reader inside its quotes: every record after
    // it was lost.
    [Fact]
    public void After_a_record_over_a_mebibyte_the_records_that_follow_are_read()
    {
        var lines = TestSurveys.Csv(Survey, Responses.Take(8)).Split("\r\n");
        var fields = lines[1].Split(',');
        var remarks = string.Concat(Enumerable.Repeat("a line of a long remark,\n", 120_000));
        var huge = string.Join(',', fields.Take(fields.Length - 1)) + ",\"" + remarks + "\"";
        var text =
            string.Join("\r\n", lines.Take(4))
            + "\r\n"
            + huge
            + "\r\n"
            + string.Join("\r\n", lines.Skip(4));
        var table = TestSurveys.ReadCsv(Survey, text);
        Assert.Equal(8, table.Count); // the three before it and the five after
        var rejection = Assert.Single(table.Rejections);
        Assert.Equal(5, rejection.Line);
        Assert.Contains("longer than 1 MiB", rejection.Reason, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_longer_than_a_mebibyte_makes_the_file_unreadable_not_a_gigabyte()
    {
        var text = "response_id,\"" + new string('x', 3_000_000) + "\n1,2\n";
        var builder = new ResponseTableBuilder(AnalysisPlan.For(Survey));
        var exception = Assert.Throws<UnreadableInputException>(() =>
            builder.ReadCsv(
                new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)),
                "x.csv"
            )
        );
        Assert.Contains("header", exception.Message, System.StringComparison.Ordinal);
    }
}
