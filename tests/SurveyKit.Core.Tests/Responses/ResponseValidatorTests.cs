using System.Collections.Generic;
using System.IO;
using System.Linq;
using SurveyKit.Core.Expressions;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;

namespace SurveyKit.Core.Tests.Responses;

public class ResponseValidatorTests
{
    private static readonly Survey Survey = SurveyLoader
        .LoadFile(Path.Combine(TestData.Folder, "dsl", "klantloyaliteit.survey.yaml"))
        .Survey!;

    private static ResponseData Valid()
    {
        var data = new ResponseData
        {
            Survey = "klantloyaliteit",
            Version = 1,
            Lang = "nl",
        };
        data.Context["segment"] = "b2c";
        data.Answers["recommend"] = AnswerValue.Of(5);
        data.Answers["reason"] = AnswerValue.Of("Te duur");
        data.Answers["satisfaction"] = AnswerValue.Of(4);
        data.Answers["touchpoints"] = AnswerValue.Of(
            new Dictionary<string, AnswerValue>
            {
                ["website"] = AnswerValue.Of(8),
                ["store"] = AnswerValue.Of("na"),
            }
        );
        data.Answers["touchpoints_compare"] = AnswerValue.Of(
            new Dictionary<string, AnswerValue> { ["website"] = AnswerValue.Of("better") }
        );
        data.Answers["complaint"] = AnswerValue.Of("no");
        data.Answers["channels"] = AnswerValue.Of(["phone", "other"]);
        data.Answers["channels_other"] = AnswerValue.Of("Brief");
        data.Answers["contact_ok"] = AnswerValue.Of(true);
        data.Answers["email"] = AnswerValue.Of("a@example.org");
        return data;
    }

    private static string[] Rules(ResponseData data) =>
        ResponseValidator.Validate(Survey, data).Select(e => e.Path + " " + e.Rule).ToArray();

    [Fact]
    public void A_complete_response_is_valid()
    {
        Assert.Empty(ResponseValidator.Validate(Survey, Valid()));
    }

    [Fact]
    public void An_empty_response_misses_only_the_required_question()
    {
        Assert.Equal(["answers.recommend required"], Rules(new ResponseData()));
    }

    [Theory]
    [InlineData("recommend", 11.0, "answers.recommend range")]
    [InlineData("recommend", 7.5, "answers.recommend range")]
    [InlineData("recommend", "eight", "answers.recommend type")]
    [InlineData("satisfaction", 0.0, "answers.satisfaction range")]
    [InlineData("complaint", "solved", "answers.complaint option")]
    [InlineData("complaint", 1.0, "answers.complaint type")]
    [InlineData("contact_ok", "yes", "answers.contact_ok type")]
    [InlineData("email", "not an address", "answers.email email")]
    [InlineData("colour", "red", "answers.colour unknown")]
    public void A_wrong_value_names_the_field_and_the_rule(
        string key,
        object value,
        string expected
    )
    {
        var data = Valid();
        data.Answers[key] = value is double d ? AnswerValue.Of(d) : AnswerValue.Of((string)value);
        Assert.Equal([expected], Rules(data));
    }

    [Fact]
    public void An_answer_to_a_hidden_question_is_invalid()
    {
        var data = Valid();
        data.Answers["recommend"] = AnswerValue.Of(9); // reason is shown only when recommend <= 6
        Assert.Equal(["answers.reason hidden"], Rules(data));
        data.Answers["contact_ok"] = AnswerValue.Of(false); // email is shown only on consent
        Assert.Equal(["answers.reason hidden", "answers.email hidden"], Rules(data));
    }

    [Fact]
    public void Touchpoints_keep_not_applicable_apart_and_check_items()
    {
        var data = Valid();
        data.Answers["touchpoints"] = AnswerValue.Of(
            new Dictionary<string, AnswerValue>
            {
                ["website"] = AnswerValue.Of(11),
                ["cafe"] = AnswerValue.Of(5),
                ["store"] = AnswerValue.Of("n/a"),
            }
        );
        Assert.Equal(
            [
                "answers.touchpoints.website range",
                "answers.touchpoints.cafe unknown",
                "answers.touchpoints.store type",
            ],
            Rules(data)
        );
    }

    [Fact]
    public void A_comparison_needs_a_grade_and_one_of_three_words()
    {
        var data = Valid();
        data.Answers["touchpoints_compare"] = AnswerValue.Of(
            new Dictionary<string, AnswerValue>
            {
                ["website"] = AnswerValue.Of("cheaper"),
                ["store"] = AnswerValue.Of("same"),
            }
        );
        Assert.Equal(
            [
                "answers.touchpoints_compare.website option",
                "answers.touchpoints_compare.store hidden",
            ],
            Rules(data)
        );
    }

    [Fact]
    public void Other_text_belongs_with_the_other_option()
    {
        var data = Valid();
        data.Answers["channels"] = AnswerValue.Of(["phone", "phone"]);
        Assert.Equal(["answers.channels option", "answers.channels_other hidden"], Rules(data));
    }

    [Fact]
    public void Another_survey_version_or_language_or_context_value_is_named()
    {
        var data = Valid();
        data.Survey = "other";
        data.Version = 2;
        data.Lang = "de";
        data.Context["segment"] = "b2x";
        data.Context["region"] = "north";
        Assert.Equal(
            [
                "survey survey",
                "version version",
                "lang option",
                "context.segment option",
                "context.region unknown",
            ],
            Rules(data)
        );
    }

    [Theory]
    [InlineData("recommend <= 6", true)]
    [InlineData("recommend > 6", false)]
    [InlineData("not (satisfaction > 4)", true)]
    [InlineData("touchpoints.website >= 8", true)]
    [InlineData("touchpoints.store >= 1", false)] // not applicable is not a grade
    [InlineData("answered(touchpoints.store)", false)]
    [InlineData("answered(touchpoints.website)", true)]
    [InlineData("not (touchpoints.service < 6)", true)] // unanswered: the comparison is false
    [InlineData("count(touchpoints) == 1", true)]
    [InlineData("contains(channels, 'phone') and count(channels) == 2", true)]
    [InlineData("complaint in ['resolved', 'no']", true)]
    [InlineData("segment == 'b2c'", true)]
    [InlineData("customer == 'x'", false)]
    [InlineData("contact_ok", true)]
    [InlineData("answered(reason) and reason == 'Te duur'", true)]
    public void Conditions_evaluate_with_the_documented_semantics(string condition, bool expected)
    {
        var expr = ExpressionParser.Parse(condition, out var error);
        Assert.Null(error);
        Assert.Equal(expected, new ConditionEvaluator(Valid()).IsTrue(expr!));
    }

    // 1e-400 reads as 0 and 8.0 as 8; a grade is a whole number as written (issue 11, finding 12).
    [Theory]
    [InlineData("5", null)]
    [InlineData("-0", null)]
    [InlineData("5.0", "answers.recommend range")]
    [InlineData("1e-400", "answers.recommend range")]
    [InlineData("5e0", "answers.recommend range")]
    public void A_grade_must_be_written_as_a_whole_number(string literal, string? expected)
    {
        var data = Valid();
        data.Answers["recommend"] = AnswerValue.Of(
            double.Parse(literal, System.Globalization.CultureInfo.InvariantCulture),
            literal
        );
        Assert.Equal(expected is null ? [] : [expected], Rules(data));
        if (expected is not null)
        {
            var error = Assert.Single(ResponseValidator.Validate(Survey, data));
            Assert.Equal($"'{literal}' is not a whole number from 0 to 10.", error.Message);
            Assert.Equal("'…' is not a whole number from 0 to 10.", error.MessageWithoutValues);
        }
    }

    [Fact]
    public void A_touchpoint_grade_written_with_a_fraction_is_refused_at_its_item()
    {
        var data = Valid();
        data.Answers["touchpoints"] = AnswerValue.Of(
            new Dictionary<string, AnswerValue> { ["website"] = AnswerValue.Of(8, "8.0") }
        );
        Assert.Equal(["answers.touchpoints.website range"], Rules(data));
    }

    [Fact]
    public void Messages_quote_what_was_sent_and_can_leave_it_out()
    {
        var data = Valid();
        data.Answers["email"] = AnswerValue.Of("jan@@example.org");
        data.Answers["colour"] = AnswerValue.Of("red");
        var errors = ResponseValidator.Validate(Survey, data);
        Assert.Equal(
            [
                "'colour' is not a question of the survey.",
                "'jan@@example.org' is not an email address.",
            ],
            errors.Select(e => e.Message)
        );
        Assert.All(
            errors,
            e =>
                Assert.DoesNotContain(
                    "jan",
                    e.MessageWithoutValues,
                    System.StringComparison.Ordinal
                )
        );
        Assert.All(
            errors,
            e => Assert.StartsWith("'…'", e.MessageWithoutValues, System.StringComparison.Ordinal)
        );
    }
}
