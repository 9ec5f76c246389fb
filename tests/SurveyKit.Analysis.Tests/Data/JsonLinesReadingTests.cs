using System;
using System.Linq;
using System.Text.RegularExpressions;
using SurveyKit.Analysis.Data;

namespace SurveyKit.Analysis.Tests.Data;

public class JsonLinesReadingTests
{
    private static readonly string Good = TestSurveys.JsonLines(
        TestSurveys.Sample(TestSurveys.Klantloyaliteit, 3)
    );

    private static string Line(int index) => Good.Split('\n')[index];

    [Fact]
    public void Every_line_is_scored_or_rejected_with_its_line_number_and_reason()
    {
        var first = Line(0);
        var text = string.Join(
            "\n",
            Line(0),
            "not json",
            """{"responseId":"x","survey":"klantloyaliteit","version":1,"answers":{}}""",
            first.Replace(
                "\"survey\":\"klantloyaliteit\"",
                "\"survey\":\"bezorging\"",
                StringComparison.Ordinal
            ),
            "",
            Line(1).Replace("\"recommend\":", "\"recommend\":1", StringComparison.Ordinal),
            first,
            Line(2)
        );
        var table = TestSurveys.ReadJsonLines(TestSurveys.Klantloyaliteit, text);

        Assert.Equal(7, table.Read); // the empty line is not a record
        Assert.Equal(2, table.Count);
        Assert.Equal(table.Read, table.Count + table.Rejected);
        Assert.Equal(1, table.Duplicates);
        Assert.Equal([2L, 3, 4, 6, 7], table.Rejections.Select(r => r.Line));
        Assert.StartsWith(
            "The submission is not valid JSON",
            table.Rejections[0].Reason,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("LineNumber", table.Rejections[0].Reason, StringComparison.Ordinal);
        Assert.StartsWith(
            "responseId must be a random UUID",
            table.Rejections[1].Reason,
            StringComparison.Ordinal
        );
        Assert.Equal(
            "survey: This response is for survey 'bezorging', not 'klantloyaliteit'.",
            table.Rejections[2].Reason
        );
        Assert.Contains(
            "answers.recommend: '1",
            table.Rejections[3].Reason,
            StringComparison.Ordinal
        );
        Assert.Contains("was read before", table.Rejections[4].Reason, StringComparison.Ordinal);
        Assert.All(table.Rejections, r => Assert.Equal("data.jsonl", r.Source));
    }

    [Fact]
    public void A_value_in_the_wrong_place_is_quoted_for_the_analyst_and_hidden_from_the_report()
    {
        const string Typed = "jan.jansen@example.org, tel 06-12345678, bel mij terug";
        var json = Regex.Replace(Line(0), "\"recommend\":\\d+", $"\"recommend\":\"{Typed}\"");
        var fromJson = Assert.Single(
            TestSurveys.ReadJsonLines(TestSurveys.Klantloyaliteit, json).Rejections
        );
        Assert.Equal(
            "answers.recommend: Expected a whole number from 0 to 10, not the text 'jan.jansen@example.org, tel 06-12345678,…'.",
            fromJson.Reason
        );
        Assert.Equal(
            "answers.recommend: Expected a whole number from 0 to 10, not the text '…'.",
            fromJson.ReasonWithoutValues
        );

        var survey = TestSurveys.Klantloyaliteit;
        var csv = TestSurveys.Csv(survey, TestSurveys.Sample(survey, 1)).Split('\n');
        var recommend = Array.IndexOf(csv[0].Split(','), "recommend");
        var fields = csv[1].Split(',');
        fields[recommend] = "\"" + Typed + "\"";
        csv[1] = string.Join(',', fields);
        var fromCsv = Assert.Single(TestSurveys.ReadCsv(survey, string.Join('\n', csv)).Rejections);
        Assert.Contains("'jan.jansen@", fromCsv.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("jan.jansen", fromCsv.ReasonWithoutValues, StringComparison.Ordinal);
        Assert.Contains("'…'", fromCsv.ReasonWithoutValues, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        "31612345678",
        "answers.recommend: '31612345678' is not a whole number from 0 to 10.",
        "answers.recommend: '…' is not a whole number from 0 to 10."
    )]
    [InlineData(
        "tru}",
        "The submission is not valid JSON: 'tru}",
        "The submission is not valid JSON: '…' is an invalid JSON literal."
    )]
    public void Numbers_and_the_bytes_a_JSON_error_quotes_are_values_too(
        string recommend,
        string console,
        string report
    )
    {
        var line = Regex.Replace(Line(0), "\"recommend\":\\d+", "\"recommend\":" + recommend);
        var rejection = Assert.Single(
            TestSurveys.ReadJsonLines(TestSurveys.Klantloyaliteit, line).Rejections
        );
        Assert.StartsWith(console, rejection.Reason, StringComparison.Ordinal);
        Assert.StartsWith(report, rejection.ReasonWithoutValues, StringComparison.Ordinal);
        Assert.DoesNotContain(recommend, rejection.ReasonWithoutValues, StringComparison.Ordinal);
    }

    [Fact]
    public void A_not_applicable_recommendation_in_the_neutral_form_is_no_answer_not_a_crash()
    {
        var builder = new ResponseTableBuilder(AnalysisPlan.For(TestSurveys.Klantloyaliteit));
        var data = new Core.Responses.ResponseData
        {
            ResponseId = Guid.NewGuid().ToString(),
            Survey = "klantloyaliteit",
            Version = 1,
            Lang = "nl",
        };
        data.Answers["recommend"] = Core.Responses.AnswerValue.Of("na");
        builder.Add(data, null, null, "built.jsonl", 1);
        var table = builder.Build();
        Assert.Equal(1, table.Read);
        Assert.Empty(table.FollowUps);
    }

    [Fact]
    public void A_reason_from_a_generated_reader_shows_only_its_field_in_the_report()
    {
        var builder = new ResponseTableBuilder(AnalysisPlan.For(TestSurveys.Klantloyaliteit));
        builder.Reject(
            "data.csv",
            7,
            "answers.email: expected an e-mail address, not 'jan@example.org'"
        );
        builder.Reject("data.csv", 8, "'x' is an invalid start of a value. LineNumber: 0");
        var rejections = builder.Build().Rejections;
        Assert.Equal(
            "answers.email: expected an e-mail address, not 'jan@example.org'",
            rejections[0].Reason
        );
        Assert.Equal("answers.email: '…'", rejections[0].ReasonWithoutValues);
        Assert.Equal("'…'", rejections[1].ReasonWithoutValues);
    }

    [Fact]
    public void An_escaped_half_character_rejects_its_line_and_a_long_value_is_cut_between_characters()
    {
        var half = Regex.Replace(Line(0), "\"recommend\":\\d+", "\"recommend\":\"ab\\ud800\"");
        var emoji = string.Concat(Enumerable.Repeat("a", 39)) + "\ud83d\ude00" + "tail";
        var cut = Regex.Replace(Line(1), "\"recommend\":\\d+", $"\"recommend\":\"{emoji}\"");
        var table = TestSurveys.ReadJsonLines(TestSurveys.Klantloyaliteit, half + "\n" + cut);
        Assert.Equal(2, table.Rejected);
        Assert.Contains(
            "holds half of a character",
            table.Rejections[0].Reason,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "'" + string.Concat(Enumerable.Repeat("a", 39)) + "…'",
            table.Rejections[1].Reason,
            StringComparison.Ordinal
        );
    }

    // Each on an otherwise valid response: the reason is Core's, as the collector gives it.
    [Theory]
    [InlineData(
        "touchpoints",
        "{\"website\":11}",
        "answers.touchpoints.website: '11' is not a whole number from 1 to 10."
    )]
    [InlineData(
        "touchpoints",
        "{\"website\":\"bad\"}",
        "answers.touchpoints.website: Expected a whole number from 1 to 10, not the text 'bad'."
    )]
    [InlineData(
        "touchpoints_compare",
        "{\"website\":\"much\"}",
        "answers.touchpoints_compare.website: 'much' is not worse, same or better."
    )]
    [InlineData(
        "complaint",
        "\"maybe\"",
        "answers.complaint: 'maybe' is not an option of 'complaint'"
    )]
    [InlineData(
        "satisfaction",
        "9",
        "answers.satisfaction: '9' is not a whole number from 1 to 5."
    )]
    [InlineData(
        "contact_ok",
        "\"yes\"",
        "answers.contact_ok: Expected true or false, not the text 'yes'."
    )]
    [InlineData("recommend", "7.5", "answers.recommend: '7.5' is not a whole number from 0 to 10.")]
    [InlineData("colour", "\"red\"", "answers.colour: 'colour' is not a question of the survey.")]
    [InlineData(
        "email",
        "\"jan@@example.org\"",
        "answers.email: 'jan@@example.org' is not an email address."
    )]
    public void A_wrong_answer_rejects_the_line_with_the_collectors_reason(
        string key,
        string value,
        string reason
    )
    {
        var answers = new System.Collections.Generic.Dictionary<string, string>
        {
            ["recommend"] = "8",
            ["satisfaction"] = "4",
            ["touchpoints"] = "{\"website\":8}",
            ["contact_ok"] = "true",
            ["email"] = "\"a@example.org\"",
        };
        answers[key] = value;
        var line =
            """{"responseId":"7b0e4d3e-8c1a-4d7e-9a34-1f1f3a2b9c10","survey":"klantloyaliteit","version":1,"answers":{"""
            + string.Join(",", answers.Select(a => $"\"{a.Key}\":{a.Value}"))
            + "}}";
        var table = TestSurveys.ReadJsonLines(TestSurveys.Klantloyaliteit, line);
        Assert.Equal(0, table.Count);
        Assert.StartsWith(reason, Assert.Single(table.Rejections).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_of_the_envelope_rejects_the_line_as_the_collector_does()
    {
        var line = Line(0)[..^1] + ",\"extra\":{\"nested\":[1,2,{\"a\":null}]}}";
        var table = TestSurveys.ReadJsonLines(TestSurveys.Klantloyaliteit, line);
        Assert.StartsWith(
            "extra: 'extra' is not a key of a submission",
            Assert.Single(table.Rejections).Reason,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void An_unknown_context_value_rejects_the_line()
    {
        var line =
            """{"responseId":"7b0e4d3e-8c1a-4d7e-9a34-1f1f3a2b9c10","survey":"klantloyaliteit","version":1,"context":{"segment":"b2g"},"answers":{"recommend":8}}""";
        var table = TestSurveys.ReadJsonLines(TestSurveys.Klantloyaliteit, line);
        Assert.Equal(
            "context.segment: 'b2g' is not a value of 'segment' (b2b, b2c).",
            Assert.Single(table.Rejections).Reason
        );
    }

    [Fact]
    public void Not_applicable_is_kept_apart_from_unanswered_and_is_never_a_grade()
    {
        var line =
            """{"responseId":"7b0e4d3e-8c1a-4d7e-9a34-1f1f3a2b9c10","survey":"klantloyaliteit","version":1,"answers":{"recommend":8,"satisfaction":4,"touchpoints":{"website":"na","service":7}}}""";
        var table = TestSurveys.ReadJsonLines(TestSurveys.Klantloyaliteit, line);
        var drivers = table.Plan.Drivers.Select(d => d.Id).ToList();
        Assert.True(float.IsPositiveInfinity(table.Drivers[drivers.IndexOf("website")][0]));
        Assert.False(ResponseTable.IsGrade(table.Drivers[drivers.IndexOf("website")][0]));
        Assert.True(float.IsNaN(table.Drivers[drivers.IndexOf("delivery")][0]));
        Assert.Equal(7f, table.Drivers[drivers.IndexOf("service")][0]);
    }

    [Fact]
    public void Keys_the_analysis_does_not_use_are_skipped_and_the_envelope_is_read()
    {
        var line =
            """{"responseId":"7B0E4D3E-8C1A-4D7E-9A34-1F1F3A2B9C10","survey":"klantloyaliteit","version":2,"lang":"en","submittedAt":"2026-03-01T10:00:00Z","receivedAt":"2026-03-01T10:00:01Z","answers":{"channels":["phone"],"recommend":10},"meta":{"durationMs":95000,"agent":"x"}}""";
        var table = TestSurveys.ReadJsonLines(TestSurveys.Klantloyaliteit, line);
        Assert.Equal(1, table.Count);
        Assert.Equal(Guid.Parse("7b0e4d3e-8c1a-4d7e-9a34-1f1f3a2b9c10"), table.ResponseIds[0]);
        Assert.Equal(10, table.Outcome[0]);
        Assert.Equal(95000f, table.DurationMs[0]);
        Assert.Equal(2, table.Versions[0]);
        Assert.Equal(1, table.LanguageCounts["en"]);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), table.FirstSubmitted);
    }

    // A 200 MB line once took 751 MB; a line over 1 MiB is rejected where it starts and reading goes on.
    [Fact]
    public void A_line_longer_than_a_mebibyte_is_rejected_with_its_line_and_the_next_is_read()
    {
        var comment = new string('x', 3_000_000);
        var line =
            $$$"""{"responseId":"7b0e4d3e-8c1a-4d7e-9a34-1f1f3a2b9c10","survey":"klantloyaliteit","version":1,"answers":{"recommend":3,"reason":"{{{comment}}}"}}""";
        var table = TestSurveys.ReadJsonLines(
            TestSurveys.Klantloyaliteit,
            Line(0) + "\n" + line + "\r\n" + Line(1) + "\n" + Line(2)
        );
        Assert.Equal(3, table.Count);
        var rejection = Assert.Single(table.Rejections);
        Assert.Equal(2, rejection.Line);
        Assert.Contains("longer than 1 MiB", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_between_one_and_two_mebibytes_is_rejected_too()
    {
        var line =
            $$$"""{"responseId":"7b0e4d3e-8c1a-4d7e-9a34-1f1f3a2b9c10","survey":"klantloyaliteit","version":1,"answers":{"recommend":3,"reason":"{{{new string('x', 1_500_000)}}}"}}""";
        var table = TestSurveys.ReadJsonLines(
            TestSurveys.Klantloyaliteit,
            Line(0) + "\n" + line + "\n" + Line(1) + "\n"
        );
        Assert.Equal((2, 3L), (table.Count, table.Read));
        Assert.Contains(
            "longer than 1 MiB",
            Assert.Single(table.Rejections).Reason,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_reused_reader_keeps_buffers_for_the_surveys_keys_only()
    {
        var reader = new Submissions.SubmissionReader(TestSurveys.Klantloyaliteit, reuse: true);
        var data = new Core.Responses.ResponseData();
        var errors = new System.Collections.Generic.List<Core.Responses.ResponseError>();
        for (var i = 0; i < 10_000; i++)
        {
            var line =
                "{\"responseId\":\"7b0e4d3e-8c1a-4d7e-9a34-1f1f3a2b9c10\",\"survey\":\"klantloyaliteit\",\"version\":1,\"answers\":{\"k"
                + i
                + "\":[],\"m"
                + i
                + "\":{},\"channels\":[\"phone\"],\"touchpoints\":{\"website\":8}}}";
            errors.Clear();
            reader.Read(System.Text.Encoding.UTF8.GetBytes(line), data, errors);
        }
        Assert.Equal(2, reader.Reused);
    }

    [Fact]
    public void A_date_without_a_time_is_a_utc_date()
    {
        var line = Regex.Replace(
            Line(0),
            "\"submittedAt\":\"[^\"]*\"",
            "\"submittedAt\":\"2026-02-03\""
        );
        var table = TestSurveys.ReadJsonLines(TestSurveys.Klantloyaliteit, line);
        Assert.Equal(new DateTimeOffset(2026, 2, 3, 0, 0, 0, TimeSpan.Zero), table.FirstSubmitted);
    }

    [Fact]
    public void A_touchpoint_item_this_version_does_not_have_is_skipped_not_rejected()
    {
        var line =
            """{"responseId":"7b0e4d3e-8c1a-4d7e-9a34-1f1f3a2b9c10","survey":"klantloyaliteit","version":2,"answers":{"recommend":9,"touchpoints":{"kiosk":8,"service":7}}}""";
        var table = TestSurveys.ReadJsonLines(TestSurveys.Klantloyaliteit, line);
        Assert.Equal(1, table.Count);
        Assert.Equal(
            7f,
            table.Drivers[table.Plan.Drivers.ToList().FindIndex(d => d.Id == "service")][0]
        );
    }

    [Fact]
    public void Two_records_glued_on_one_line_are_a_rejected_line_not_a_lost_record()
    {
        var table = TestSurveys.ReadJsonLines(
            TestSurveys.Klantloyaliteit,
            Line(0) + Line(1) + "\n"
        );
        Assert.Equal(1, table.Read);
        Assert.Equal(0, table.Count);
        var reason = Assert.Single(table.Rejections).Reason;
        Assert.StartsWith(
            "The submission is not valid JSON: '{' is invalid after a single JSON value",
            reason,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_line_that_is_not_UTF8_is_rejected_not_a_crash()
    {
        // A Latin-1 comment from a consenting detractor: the text is only decoded for the follow-up list.
        var latin1 = System.Text.Encoding.Latin1.GetBytes(
            """{"responseId":"7b0e4d3e-8c1a-4d7e-9a34-1f1f3a2b9c10","survey":"klantloyaliteit","version":1,"answers":{"recommend":2,"reason":"te duur, één keer","contact_ok":true,"email":"a@example.org"}}"""
        );
        var builder = new ResponseTableBuilder(AnalysisPlan.For(TestSurveys.Klantloyaliteit));
        builder.ReadJsonLines(new System.IO.MemoryStream(latin1), "latin1.jsonl");
        var table = builder.Build();
        Assert.Equal(0, table.Count);
        Assert.Equal("The submission is not valid UTF-8.", Assert.Single(table.Rejections).Reason);
    }
}
