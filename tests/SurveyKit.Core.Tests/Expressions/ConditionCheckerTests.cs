using System.Linq;

namespace SurveyKit.Core.Tests.Expressions;

/// <summary>show_if conditions checked against a survey with one question of each kind.</summary>
public class ConditionCheckerTests
{
    private const string Survey = """
        survey: demo
        version: 1
        languages: [en]
        title: Demo
        context:
          - id: segment
            values: [b2b, b2c]
          - id: customer
        questions:
          - id: recommend
            type: nps
            text: Recommend?
          - id: satisfaction
            type: rating
            scale: { min: 1, max: 5 }
            text: Satisfied?
          - id: touchpoints
            type: touchpoints
            text: Grades
            items:
              - { id: website, label: Website }
              - { id: service, label: Service }
          - id: complaint
            type: single_choice
            text: Complaint?
            options:
              - { id: no, label: No }
              - { id: resolved, label: Resolved }
          - id: channels
            type: multi_choice
            text: Channels?
            options:
              - { id: phone, label: Phone }
              - { id: chat, label: Chat }
          - id: contact_ok
            type: consent
            text: Contact?
          - id: email
            type: email
            text: Email
          - id: years
            type: number
            min: 0
            max: 50
            integer: true
            text: Years?
          - id: target
            type: text
            text: Target
            show_if: CONDITION
          - id: later
            type: text
            text: Later
        """;

    private static string[] Check(string condition)
    {
        var result = TestData.Check(Survey.Replace("CONDITION", condition));
        return result.Diagnostics.Select(d => d.Id + " " + d.Message).ToArray();
    }

    [Theory]
    [InlineData("recommend <= 6")]
    [InlineData("recommend >= 9 and satisfaction <= 2")]
    [InlineData("touchpoints.service < 6 or touchpoints.website < 6")]
    [InlineData("complaint == 'resolved'")]
    [InlineData("\"'resolved' == complaint\"")]
    [InlineData("complaint in ['no', 'resolved']")]
    [InlineData("segment == 'b2b'")]
    [InlineData("customer == 'C123'")]
    [InlineData("contains(channels, 'chat')")]
    [InlineData("count(channels) >= 2")]
    [InlineData("count(touchpoints) >= 1")]
    [InlineData("contact_ok")]
    [InlineData("not contact_ok")]
    [InlineData("contact_ok == true")]
    [InlineData("answered(email)")]
    [InlineData("answered(touchpoints.service)")]
    [InlineData("email == 'a@example.org'")]
    [InlineData("years > 2.5")]
    [InlineData("recommend in [0, 1, 2]")]
    [InlineData("true")]
    [InlineData("recommend == satisfaction")]
    public void Well_typed_conditions_pass(string condition)
    {
        Assert.Empty(Check(condition));
    }

    [Theory]
    [InlineData(
        "complaint == 1",
        "SK0043",
        "'complaint' (single_choice) cannot be compared with the number 1"
    )]
    [InlineData(
        "recommend == 'high'",
        "SK0043",
        "'recommend' (nps, 0..10) cannot be compared with the text 'high'. Compare it with a number."
    )]
    [InlineData("channels == 'chat'", "SK0043", "write contains(channels, 'chat')")]
    [InlineData("contact_ok == 1", "SK0043", "A consent is true or false")]
    [InlineData(
        "complaint < 2",
        "SK0043",
        "'<' compares numbers, and 'complaint' (single_choice) is not a number."
    )]
    [InlineData("touchpoints >= 6", "SK0043", "Compare one item, as in touchpoints.website >= 6.")]
    [InlineData(
        "channels in ['chat']",
        "SK0043",
        "To test for an option, write contains(channels, 'option')."
    )]
    [InlineData("recommend in ['high']", "SK0043", "cannot be compared with the text 'high'")]
    [InlineData(
        "complaint == segment",
        "SK0043",
        "'complaint' (single_choice) cannot be compared with 'segment' (a context field)"
    )]
    [InlineData(
        "complaint == 'solved'",
        "SK0044",
        "'solved' is not an option of 'complaint'. Did you mean 'resolved'? Its options are: no, resolved."
    )]
    [InlineData("segment == 'b2x'", "SK0044", "'b2x' is not an option of 'segment'")]
    [InlineData("contains(channels, 'mail')", "SK0044", "'mail' is not an option of 'channels'")]
    [InlineData("complaint in ['no', 'yes']", "SK0044", "'yes' is not an option of 'complaint'")]
    [InlineData(
        "recommend",
        "SK0045",
        "Compare it, as in recommend >= 9, or test answered(recommend)."
    )]
    [InlineData("complaint", "SK0045", "Compare it, as in complaint == 'no'")]
    [InlineData(
        "recommend > 6 and email",
        "SK0045",
        "'email' (email) is not a condition. Compare it with a text, or test answered(email)."
    )]
    [InlineData("count(channels)", "SK0045", "count(channels) is not a condition")]
    [InlineData("recomend > 6", "SK0041", "Did you mean 'recommend'?")]
    [InlineData("touchpoints.servce > 6", "SK0041", "Did you mean 'service'?")]
    [InlineData(
        "recommend.score > 6",
        "SK0041",
        "Only touchpoints questions have items, and 'recommend' is an nps question."
    )]
    [InlineData("segment.x == 'b2b'", "SK0041", "'segment' is a context field and has no items.")]
    [InlineData("target == 'x'", "SK0042", "'target', which is this question itself")]
    [InlineData("later == 'x'", "SK0042", "'later', which is asked later (line ")]
    [InlineData("answered(1)", "SK0048", "answered(x) takes one question")]
    [InlineData(
        "contains(complaint, 'no')",
        "SK0048",
        "contains(x, 'option') takes a multi_choice question"
    )]
    [InlineData(
        "count(recommend) > 1",
        "SK0048",
        "count(x) takes a multi_choice or touchpoints question"
    )]
    [InlineData(
        "countt(channels) > 1",
        "SK0047",
        "unknown function 'countt'. Did you mean 'count'?"
    )]
    [InlineData("recommend >", "SK0040", "expected a value after '>'.")]
    public void Mistakes_are_named_with_the_fix(string condition, string id, string fragment)
    {
        var diagnostic = Assert.Single(Check(condition));
        Assert.StartsWith(id + " ", diagnostic, System.StringComparison.Ordinal);
        Assert.Contains(fragment, diagnostic, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("recommend > 10", "'recommend' runs from 0 to 10, so it is never > 10")]
    [InlineData("recommend < 0", "never < 0")]
    [InlineData("recommend == 6.5", "never == 6.5")]
    [InlineData("satisfaction >= 6", "'satisfaction' runs from 1 to 5")]
    [InlineData("touchpoints.service == 11", "runs from 1 to 10")]
    [InlineData("years > 50", "'years' runs from 0 to 50")]
    [InlineData("count(channels) > 2", "never > 2")]
    [InlineData(
        "recommend > 8 and recommend < 5",
        "the parts about 'recommend' exclude each other"
    )]
    [InlineData("recommend >= 9 and satisfaction > 1 and recommend <= 8", "exclude each other")]
    [InlineData(
        "complaint == 'no' and complaint == 'resolved'",
        "the parts about 'complaint' exclude each other"
    )]
    [InlineData("complaint in ['no'] and complaint != 'no'", "exclude each other")]
    [InlineData("segment == 'b2b' and segment == 'b2c'", "exclude each other")]
    [InlineData("false", "it is the constant false")]
    [InlineData("1 > 2", "1 > 2 is false")]
    [InlineData("recommend in [11, 12]", "can be none of the listed values")]
    [InlineData("recommend in []", "the list after 'in' is empty")]
    [InlineData("recommend > 10 or satisfaction > 5", "never > 10")]
    public void Conditions_that_can_never_be_true_are_pointed_out(string condition, string reason)
    {
        var diagnostic = Assert.Single(Check(condition));
        Assert.StartsWith("SK0046 ", diagnostic, System.StringComparison.Ordinal);
        Assert.Contains(reason, diagnostic, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("recommend > 8 or recommend < 5")]
    [InlineData("recommend >= 6 and recommend <= 6")]
    [InlineData("not (recommend > 10)")]
    [InlineData("years > 49.5")]
    [InlineData("complaint != 'no' and complaint != 'resolved' or recommend > 5")]
    public void Conditions_that_can_be_true_are_not_flagged(string condition)
    {
        Assert.Empty(Check(condition));
    }

    [Fact]
    public void Errors_point_at_the_column_of_the_part_that_is_wrong()
    {
        var result = TestData.Check(
            Survey.Replace("CONDITION", "recommend > 6 and complaint == 'solved'")
        );
        var diagnostic = Assert.Single(result.Diagnostics);
        var line =
            Survey
                .Split('\n')
                .ToList()
                .FindIndex(l => l.Contains("CONDITION", System.StringComparison.Ordinal)) + 1;
        Assert.Equal(line, diagnostic.Span.Start.Line);
        Assert.Equal(
            "    show_if: recommend > 6 and complaint == ".Length + 1, // the literal, quotes included
            diagnostic.Span.Start.Column
        );
    }

    [Fact]
    public void In_a_quoted_condition_the_column_skips_the_quote()
    {
        var result = TestData.Check(Survey.Replace("CONDITION", "\"recomend > 6\""));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("    show_if: \"".Length + 1, diagnostic.Span.Start.Column);
    }

    [Fact]
    public void A_touchpoint_item_condition_is_checked_too()
    {
        var yaml = Survey
            .Replace(
                "  - { id: service, label: Service }",
                "  - { id: service, label: Service, show_if: segment == 'b2x' }"
            )
            .Replace("\n    show_if: CONDITION", "");
        Assert.DoesNotContain("CONDITION", yaml, System.StringComparison.Ordinal);
        Assert.Contains("show_if: segment == 'b2x'", yaml, System.StringComparison.Ordinal);
        var diagnostic = Assert.Single(TestData.Check(yaml).Diagnostics);
        Assert.Equal("SK0044", diagnostic.Id);
        Assert.StartsWith(
            "show_if of item 'service' of question 'touchpoints'",
            diagnostic.Message,
            System.StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_reference_to_a_question_that_failed_to_read_is_not_reported_twice()
    {
        var yaml = Survey
            .Replace("type: single_choice", "type: single_choise")
            .Replace("CONDITION", "complaint == 'no'");
        var diagnostic = Assert.Single(TestData.Check(yaml).Diagnostics);
        Assert.Equal("SK0016", diagnostic.Id);
    }
}
