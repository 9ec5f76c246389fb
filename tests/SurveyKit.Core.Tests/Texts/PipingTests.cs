using System.Linq;
using SurveyKit.Core.Text;

namespace SurveyKit.Core.Tests.Texts;

/// <summary>
/// Answers piped into texts are checked like show_if references: the id must exist (did-you-mean), come before the
/// text, never be personal data, and have a fallback when it may be unanswered when the text is read.
/// </summary>
public class PipingTests
{
    private static string Survey(string text, string help = "Help.") =>
        $$"""
            survey: demo
            version: 1
            languages: [en]
            title: Demo
            context:
              - id: segment
                values: [b2b, b2c]
              - id: customer
                pii: true
            pages:
              - id: first
                questions:
                  - id: recommend
                    type: nps
                    required: true
                    text: How likely are you to recommend us?
                  - id: mail
                    type: email
                    text: Your e-mail?
                  - id: touchpoints
                    type: touchpoints
                    required: true
                    text: Grades
                    items:
                      - { id: service, label: Service }
              - id: second
                questions:
                  - id: reason
                    type: text
                    text: "{{text}}"
                    help: "{{help}}"
                  - id: later
                    type: text
                    text: Later?
            """;

    [Theory]
    [InlineData("You gave {recommend}. Why?")] // required, earlier page: always answered
    [InlineData("Service got {touchpoints.service}.")]
    [InlineData("As a {segment|customer}, why?")]
    [InlineData("Braces that are no reference stay text: {Not A Ref} {1}.")]
    public void Valid_references_are_accepted(string text) =>
        Assert.Empty(TestData.Lines(TestData.Check(Survey(text))));

    [Theory]
    [InlineData(
        "{recomend}",
        "{recomend} names no question or context field of the survey. Did you mean 'recommend'?"
    )]
    [InlineData(
        "{later|x}",
        "{later} is asked after this question; a text can only show answers given before it"
    )]
    [InlineData("{reason|x}", "{reason} is asked after this question")]
    [InlineData("{mail|x}", "{mail} is personal data (an e-mail answer), which a text never shows")]
    [InlineData("{customer|x}", "{customer} is personal data (pii), which a text never shows")]
    [InlineData(
        "{segment}",
        "{segment} comes from the link, which may lack it; give a fallback, as in {segment|…}"
    )]
    [InlineData(
        "{touchpoints}",
        "{touchpoints} names a touchpoints question; name one of its items, as in {touchpoints.service}"
    )]
    [InlineData(
        "{touchpoints.price|x}",
        "{touchpoints.price} names no item of 'touchpoints'; its items are service"
    )]
    [InlineData(
        "{recommend.x|y}",
        "{recommend.x} names an item of 'recommend', which is not a touchpoints question"
    )]
    public void Each_wrong_reference_is_one_located_error(string text, string message)
    {
        var lines = TestData.Lines(TestData.Check(Survey(text)));
        var line = Assert.Single(lines);
        Assert.Contains(
            "error SK0055: the text of question 'reason': " + message,
            line,
            System.StringComparison.Ordinal
        );
        Assert.Contains("demo.survey.yaml(30,15)", line, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_on_the_same_page_needs_a_fallback_in_help_too()
    {
        var yaml = Survey("Why?") + "\n        help: \"You wrote {reason}\"\n";
        var line = Assert.Single(TestData.Lines(TestData.Check(yaml)));
        Assert.Contains(
            "the help of question 'later': {reason} may have no answer when this text is read ('reason' is optional); give a fallback, as in {reason|…}.",
            line,
            System.StringComparison.Ordinal
        );
    }

    [Fact]
    public void Printed_outside_a_page_a_reference_is_its_fallback()
    {
        Assert.Equal("You gave a score. Why?", Piping.Plain("You gave {recommend|a score}. Why?"));
        Assert.Equal("You gave …. Why?", Piping.Plain("You gave {recommend}. Why?"));
        Assert.Equal(
            ["recommend", "touchpoints.service"],
            Piping.Find("{recommend} {touchpoints.service|x}").Select(p => p.Id)
        );
    }
}
