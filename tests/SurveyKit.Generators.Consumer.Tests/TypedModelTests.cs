using System;
using System.IO;
using System.Linq;
using System.Text;
using SurveyKit.Consumer.Surveys;
using SurveyKit.Core.Responses;

namespace SurveyKit.Generators.Consumer.Tests;

/// <summary>The generated types used as a developer would: no magic strings, and the compiler checks the ids.</summary>
public class TypedModelTests
{
    private static KlantloyaliteitResponse Sample() =>
        new()
        {
            ResponseId = Guid.Parse("b38a088c-a65e-4389-b74d-0fb132e70629"),
            SubmittedAt = new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero),
            Lang = "nl",
            Context = { Segment = KlantloyaliteitSegment.B2c, Customer = "C123" },
            Recommend = 8,
            Reason = "Snellere levering",
            Satisfaction = 4,
            Touchpoints =
            {
                Website = TouchpointGrade.Of(8),
                Store = TouchpointGrade.NotApplicable,
                Service = TouchpointGrade.Of(7),
                Delivery = TouchpointGrade.Of(9),
            },
            TouchpointsCompare = { Website = Comparison.Better, Service = Comparison.Same },
            Complaint = KlantloyaliteitComplaint.Resolved,
            Channels = [KlantloyaliteitChannels.Phone, KlantloyaliteitChannels.Other],
            ChannelsOther = "Brief, per post",
            PreferredChannel = KlantloyaliteitPreferredChannel.Phone,
            ContactOk = true,
            Email = "a@example.org",
            DurationMs = 183_000,
        };

    [Fact]
    public void Answers_are_typed_properties_and_enums()
    {
        var r = Sample();
        Assert.Equal(7, r.Touchpoints.Service!.Value.Value);
        Assert.True(r.Touchpoints.Store!.Value.IsNotApplicable);
        Assert.Null(r.Touchpoints.Invoice);
        Assert.True(r.Complaint == KlantloyaliteitComplaint.Resolved);
        Assert.Equal("klantloyaliteit", KlantloyaliteitResponse.SurveyId);
        Assert.Equal(1, KlantloyaliteitResponse.SurveyVersion);
    }

    [Fact]
    public void A_valid_response_validates()
    {
        Assert.Empty(Sample().Validate());
    }

    [Fact]
    public void Validation_applies_show_if_and_ranges_with_located_errors()
    {
        var r = Sample();
        r.Recommend = 10; // 'reason' is asked only when recommend <= 8
        r.Satisfaction = 6;
        var errors = r.Validate().Select(e => e.Path + " " + e.Rule).ToArray();
        Assert.Equal(["answers.reason hidden", "answers.satisfaction range"], errors);
    }

    [Fact]
    public void The_definition_is_the_survey_itself()
    {
        var definition = KlantloyaliteitResponse.Definition;
        Assert.Equal("klantloyaliteit", definition.Id);
        Assert.Equal(["nl", "en"], definition.Languages);
        Assert.Contains(definition.Questions, q => q.Id == "touchpoints");
    }

    [Fact]
    public void Json_round_trips_and_keeps_not_applicable_apart()
    {
        var json = Sample().ToJson();
        Assert.Contains("\"store\":\"na\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("invoice", json, StringComparison.Ordinal);
        var back = KlantloyaliteitResponse.Parse(json);
        Assert.Equal(json, back.ToJson());
        Assert.Equal(KlantloyaliteitSegment.B2c, back.Context.Segment);
        Assert.Equal(183_000, back.DurationMs);
    }

    [Fact]
    public void The_submission_format_of_the_docs_reads()
    {
        const string json = """
            {"responseId":"b38a088c-a65e-4389-b74d-0fb132e70629","survey":"klantloyaliteit","version":1,
             "submittedAt":"2026-01-01T10:00:00Z","lang":"nl",
             "context":{"segment":"b2c"},
             "answers":{"recommend":8,"reason":"Snelle levering","satisfaction":4,
                        "touchpoints":{"website":8,"store":"na","service":7,"delivery":9},
                        "touchpoints_compare":{"website":"better","service":"same"},
                        "complaint":"resolved","channels":["phone","chat"],"contact_ok":true,"email":"a@example.org"},
             "meta":{"durationMs":183000}}
            """;
        var r = KlantloyaliteitResponse.Parse(json);
        Assert.Equal(8, r.Recommend);
        Assert.Equal(Comparison.Better, r.TouchpointsCompare.Website);
        Assert.Equal([KlantloyaliteitChannels.Phone, KlantloyaliteitChannels.Chat], r.Channels);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero), r.SubmittedAt);
    }

    [Theory]
    [InlineData(
        """{"answers":{"recommend":"eight"}}""",
        "answers.recommend: expected a whole number, not the text \"eight\""
    )]
    [InlineData(
        """{"answers":{"complaint":"solved"}}""",
        "answers.complaint: expected an option of 'complaint' (no, resolved, unresolved), not the text \"solved\""
    )]
    [InlineData(
        """{"answers":{"colour":"red"}}""",
        "answers.colour: is not a question of survey 'klantloyaliteit' version 1"
    )]
    [InlineData(
        """{"answers":{"touchpoints":{"cafe":5}}}""",
        "answers.touchpoints.cafe: is not an item of 'touchpoints'"
    )]
    [InlineData(
        """{"answers":{"touchpoints":{"store":"n/a"}}}""",
        "answers.touchpoints.store: expected a whole number or \"na\", not the text \"n/a\""
    )]
    [InlineData(
        """{"survey":"bezorging"}""",
        "survey: expected \"klantloyaliteit\", not the text \"bezorging\""
    )]
    [InlineData(
        """{"responseId":"not-a-uuid"}""",
        "responseId: expected a UUID, not the text \"not-a-uuid\""
    )]
    public void A_submission_that_does_not_fit_says_which_field(string json, string error)
    {
        Assert.False(
            KlantloyaliteitResponse.TryParse(
                Encoding.UTF8.GetBytes(json),
                out var response,
                out var message
            )
        );
        Assert.Null(response);
        Assert.Equal(error, message);
    }

    [Fact]
    public void Broken_json_is_an_error_not_an_exception()
    {
        Assert.False(
            KlantloyaliteitResponse.TryParse(
                "{\"answers\":{\"recommend\":8,"u8,
                out _,
                out var message
            )
        );
        Assert.NotNull(message);
        Assert.False(KlantloyaliteitResponse.TryParse("{} trailing"u8, out _, out _));
    }

    [Fact]
    public void Json_lines_count_every_line_as_read_or_rejected()
    {
        var good = Sample().ToJson();
        var text =
            good
            + "\n\n"
            + "{not json}\r\n"
            + good.Replace("\"recommend\":8", "\"recommend\":\"x\"")
            + "\n"
            + good;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("\uFEFF" + text));
        var results = KlantloyaliteitResponse.ReadJsonLines(stream).ToList();
        Assert.Equal([1L, 3L, 4L, 5L], results.Select(r => r.Line));
        Assert.Equal([true, false, false, true], results.Select(r => r.IsValid));
        Assert.Contains("answers.recommend", results[2].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_lines_longer_than_the_buffer_are_read()
    {
        var r = Sample();
        r.Reason = new string('x', 200_000);
        using var stream = new MemoryStream(
            Encoding.UTF8.GetBytes(r.ToJson() + "\n" + Sample().ToJson())
        );
        var results = KlantloyaliteitResponse.ReadJsonLines(stream).ToList();
        Assert.Equal(2, results.Count);
        Assert.All(results, result => Assert.True(result.IsValid, result.Error));
        Assert.Equal(200_000, results[0].Value!.Reason!.Length);
    }

    // Memory once grew with the longest line; the typed reader now stops at 1 MiB, as analyze does.
    [Fact]
    public void A_json_line_longer_than_a_mebibyte_is_rejected_and_the_next_is_read()
    {
        var huge = "{\"responseId\":\"" + new string('x', 3_000_000) + "\"}";
        using var stream = new MemoryStream(
            Encoding.UTF8.GetBytes(Sample().ToJson() + "\n" + huge + "\r\n" + Sample().ToJson())
        );
        var results = KlantloyaliteitResponse.ReadJsonLines(stream).ToList();
        Assert.Equal([1L, 2L, 3L], results.Select(r => r.Line));
        Assert.Equal([true, false, true], results.Select(r => r.IsValid));
        Assert.Contains("longer than 1 MiB", results[1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_note_of_an_export_without_personal_data_is_not_a_line()
    {
        var note =
            "{\"surveykit\":{\"export\":\"klantloyaliteit\",\"left_out\":[\"context.customer\",\"answers.email\"],\"because\":\"personal data left out\"}}";
        using var stream = new MemoryStream(
            Encoding.UTF8.GetBytes(note + "\n" + Sample().ToJson() + "\n")
        );
        var result = Assert.Single(KlantloyaliteitResponse.ReadJsonLines(stream));
        Assert.Equal(2, result.Line);
        Assert.True(result.IsValid, result.Error);
    }

    [Fact]
    public void Csv_has_the_documented_columns_and_round_trips()
    {
        var header = KlantloyaliteitResponse.CsvHeader();
        Assert.StartsWith(
            "response_id,survey,version,submitted_at,lang,segment,recommend,",
            header,
            StringComparison.Ordinal
        );
        Assert.Contains("touchpoints.website,touchpoints.store", header, StringComparison.Ordinal);
        Assert.Contains("channels.phone,channels.email", header, StringComparison.Ordinal);
        Assert.DoesNotContain(",customer,", header, StringComparison.Ordinal); // personal data only when asked for
        Assert.Contains(
            "customer",
            KlantloyaliteitResponse.CsvHeader(includePersonalData: true),
            StringComparison.Ordinal
        );

        var csv = new StringWriter { NewLine = "\n" };
        csv.Write(KlantloyaliteitResponse.CsvHeader(includePersonalData: true) + "\n");
        Sample().WriteCsvRow(csv, includePersonalData: true);
        var back = KlantloyaliteitResponse.ReadCsv(new StringReader(csv.ToString())).Single();
        Assert.True(back.IsValid, back.Error);
        Assert.Equal(Sample().ToJson(), back.Value!.ToJson());
    }

    [Fact]
    public void A_bad_csv_row_is_rejected_with_its_line()
    {
        var csv =
            "response_id,survey,recommend\nb38a088c-a65e-4389-b74d-0fb132e70629,klantloyaliteit,8\nb38a088c-a65e-4389-b74d-0fb132e70629,klantloyaliteit,eight\n";
        var results = KlantloyaliteitResponse.ReadCsv(new StringReader(csv)).ToList();
        Assert.Equal([true, false], results.Select(r => r.IsValid));
        Assert.Equal(3, results[1].Line);
        Assert.Equal("answers.recommend: expected a whole number, not 'eight'", results[1].Error);
    }

    [Fact]
    public void Every_example_has_its_types()
    {
        Assert.Equal("accountmonitor", AccountmonitorResponse.SurveyId);
        Assert.Equal("bezorging", BezorgingResponse.SurveyId);
        var delivery = new BezorgingResponse
        {
            Recommend = 3,
            Delivery = { OnTime = TouchpointGrade.Of(4) },
        };
        Assert.Empty(delivery.Validate());
    }
}

/// <summary>The README shows the generated model through this compiled example (issue 18): the two stay one text.</summary>
public class ReadmeExampleTests
{
    private static string Repository()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SurveyKit.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("SurveyKit.sln not found");
    }

    private static string Between(string text, string begin, string end)
    {
        var start = text.IndexOf(begin, StringComparison.Ordinal);
        var stop = text.IndexOf(end, start + begin.Length, StringComparison.Ordinal);
        Assert.True(start >= 0 && stop > start, $"no '{begin}' ... '{end}'");
        return text[(start + begin.Length)..stop].Replace("\r\n", "\n").Trim('\n');
    }

    [Fact]
    public void The_README_example_is_this_compiled_file()
    {
        var root = Repository();
        var example = Between(
            File.ReadAllText(
                Path.Combine(
                    root,
                    "tests",
                    "SurveyKit.Generators.Consumer.Tests",
                    "ReadmeExample.cs"
                )
            ),
            "// README begin",
            "// README end"
        );
        var readme = Between(
            File.ReadAllText(Path.Combine(root, "README.md")),
            "<!-- typed model example: tests/SurveyKit.Generators.Consumer.Tests/ReadmeExample.cs -->\n```csharp",
            "```"
        );
        Assert.Equal(example, readme);
    }

    [Fact]
    public void The_README_example_finds_what_it_says()
    {
        static string Line(string id, string segment, int recommend, string service) =>
            $"{{\"responseId\":\"{id}\",\"survey\":\"klantloyaliteit\",\"version\":1,\"context\":{{\"segment\":\"{segment}\"}},\"answers\":{{\"recommend\":{recommend},\"satisfaction\":3,\"reason\":\"x\",\"touchpoints\":{{\"service\":{service}}}}}}}\n";
        var text =
            Line("b38a088c-a65e-4389-b74d-0fb132e70629", "b2b", 3, "4")
            + Line("c38a088c-a65e-4389-b74d-0fb132e70629", "b2c", 3, "4") // not business
            + Line("d38a088c-a65e-4389-b74d-0fb132e70629", "b2b", 3, "\"na\"") // did not use the service
            + Line("e38a088c-a65e-4389-b74d-0fb132e70629", "b2b", 9, "2") // a promoter
            + "{broken\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var log = new StringWriter();
        var found = LoyaltyCheck.UnhappyBusinessCustomers(stream, log);
        Assert.Equal([Guid.Parse("b38a088c-a65e-4389-b74d-0fb132e70629")], found);
        Assert.StartsWith("line 5: ", log.ToString(), StringComparison.Ordinal);
    }
}
