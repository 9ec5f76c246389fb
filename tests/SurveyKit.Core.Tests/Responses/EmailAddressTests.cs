using System.Linq;
using SurveyKit.Core.Responses;

namespace SurveyKit.Core.Tests.Responses;

/// <summary>The e-mail rule: what a follow-up can be sent to, checked in time linear in the text (issue 11, finding 1).</summary>
public class EmailAddressTests
{
    [Theory]
    [InlineData("a@example.org")]
    [InlineData("jan.de.vries+loyalty@klant.example.nl")]
    [InlineData("o'brien@example.ie")]
    [InlineData("josé@exämple.es")]
    [InlineData("用户@例子.广告")]
    [InlineData("x@a-b.example")]
    public void Real_addresses_are_accepted(string address) =>
        Assert.True(EmailAddress.IsValid(address));

    [Theory]
    [InlineData("")]
    [InlineData("not an address")]
    [InlineData("a@b")]
    [InlineData("@example.org")]
    [InlineData("a@@example.org")]
    [InlineData("a@example..org")]
    [InlineData("a.@example.org")]
    [InlineData(".a@example.org")]
    [InlineData("a@-example.org")]
    [InlineData("a@example.org-")]
    [InlineData("a b@example.org")]
    [InlineData("a@exam ple.org")]
    [InlineData("<script>@evil.example")]
    [InlineData("a\0@example.org")]
    [InlineData("admin\u202E@example.org")] // a right-to-left override: reads as another address
    [InlineData("a\u200B@example.org")] // a zero-width space hides in the text
    [InlineData("a@example.org\n")]
    [InlineData("\ud800@example.org")] // half a character
    public void Lookalikes_and_hostile_texts_are_refused(string address) =>
        Assert.False(EmailAddress.IsValid(address));

    [Fact]
    public void An_address_longer_than_a_mail_server_takes_is_refused()
    {
        Assert.True(EmailAddress.IsValid(new string('a', 64) + "@" + new string('b', 63) + ".org"));
        Assert.False(EmailAddress.IsValid(new string('a', 65) + "@example.org"));
        Assert.False(EmailAddress.IsValid("a@" + new string('b', 64) + ".org"));
        var labels = string.Join(".", Enumerable.Repeat(new string('c', 60), 5));
        Assert.False(EmailAddress.IsValid("a@" + labels)); // 308 characters
    }

    // The old pattern ^[^@\s]+@[^@\s]+\.[^@\s]+$ took ~56 s of CPU for this one input.
    [Fact]
    public void The_dots_attack_costs_time_in_proportion_to_its_length()
    {
        Assert.False(EmailAddress.IsValid("a@" + new string('.', 250_000)));
        Growth.IsLinear(n => EmailAddress.IsValid("a@" + new string('.', n)), 100_000, 2);
        Growth.IsLinear(n => EmailAddress.IsValid(new string('a', n) + "@x.y"), 100_000, 2);
    }

    [Fact]
    public void The_validator_refuses_what_the_rule_refuses_and_quotes_the_start_of_it()
    {
        var survey = SurveyLoader
            .Parse(
                "demo.survey.yaml",
                TestData.Minimal + "\n  - id: email\n    type: email\n    text: Your address?\n"
            )
            .Survey!;
        var data = new ResponseData
        {
            Survey = "demo",
            Version = 1,
            Lang = "en",
        };
        data.Answers["email"] = AnswerValue.Of("a@" + new string('.', 250_000));
        var error = Assert.Single(ResponseValidator.Validate(survey, data));
        Assert.Equal(("answers.email", "email"), (error.Path, error.Rule));
        Assert.True(error.Message.Length < 100, error.Message);
        Assert.Equal("'…' is not an email address.", error.MessageWithoutValues);
    }
}
