using System.Collections.Generic;
using System.Linq;
using SurveyKit.Core.Responses;

namespace SurveyKit.Core.Tests.Responses;

/// <summary>
/// Every text of a response is checked before any rule reads it (issue 11, findings 3 and 12): no NUL (PostgreSQL
/// cannot store one, so SQLite and PostgreSQL would disagree), no half characters, and length limits for the short
/// texts that steer a response.
/// </summary>
public class ResponseTextTests
{
    private static readonly Model.Survey Survey = SurveyLoader
        .Parse(
            "demo.survey.yaml",
            TestData.Minimal.Replace("title: Demo", "title: Demo\ncontext:\n  - id: account")
                + "\n  - id: reason\n    type: text\n    text: Why?\n"
        )
        .Survey!;

    private static ResponseData Data()
    {
        var data = new ResponseData
        {
            Survey = "demo",
            Version = 1,
            Lang = "en",
        };
        data.Answers["recommend"] = AnswerValue.Of(8);
        return data;
    }

    private static (string Path, string Rule)[] Errors(ResponseData data) =>
        ResponseValidator.Validate(Survey, data).Select(e => (e.Path, e.Rule)).ToArray();

    [Fact]
    public void A_nul_in_an_answer_is_refused_naming_the_field()
    {
        var data = Data();
        data.Answers["reason"] = AnswerValue.Of("te\0duur");
        Assert.Equal([("answers.reason", "text")], Errors(data));
    }

    [Fact]
    public void A_nul_in_a_context_value_a_key_or_the_language_is_refused()
    {
        var context = Data();
        context.Context["account"] = "A\0";
        Assert.Equal([("context.account", "text")], Errors(context));
        var key = Data();
        key.Answers["reas\0on"] = AnswerValue.Of("x");
        Assert.Equal([("answers", "text")], Errors(key));
        var lang = Data();
        lang.Lang = "e\0n";
        Assert.Equal([("lang", "text")], Errors(lang));
    }

    [Fact]
    public void A_nul_inside_a_touchpoint_map_or_a_list_is_refused()
    {
        var map = Data();
        map.Answers["touch"] = AnswerValue.Of(
            new Dictionary<string, AnswerValue> { ["x\0"] = AnswerValue.Of(1) }
        );
        Assert.Equal([("answers.touch", "text")], Errors(map));
        var list = Data();
        list.Answers["channels"] = AnswerValue.Of(["phone", "\0"]);
        Assert.Equal([("answers.channels", "text")], Errors(list));
    }

    [Fact]
    public void A_lone_surrogate_is_not_text()
    {
        var data = Data();
        data.Answers["reason"] = AnswerValue.Of("ab\ud800");
        Assert.Equal([("answers.reason", "text")], Errors(data));
        var pair = Data();
        pair.Answers["reason"] = AnswerValue.Of("a 😀 b");
        Assert.Empty(Errors(pair));
    }

    [Fact]
    public void A_context_value_is_one_line_of_at_most_256_characters()
    {
        var data = Data();
        data.Context["account"] = new string('x', ResponseText.MaxContextValueLength);
        Assert.Empty(Errors(data));
        data.Context["account"] = new string('x', 200_000);
        var error = Assert.Single(ResponseValidator.Validate(Survey, data));
        Assert.Equal(("context.account", "text"), (error.Path, error.Rule));
        Assert.Contains(
            "200000 characters long; at most 256",
            error.Message,
            System.StringComparison.Ordinal
        );
        data.Context["account"] = "A1\r\nSet-Cookie: x";
        Assert.Equal([("context.account", "text")], Errors(data));
    }

    [Fact]
    public void A_key_longer_than_any_id_is_refused_without_repeating_it()
    {
        var data = Data();
        data.Answers[new string('k', 900_000)] = AnswerValue.Of(1);
        var error = Assert.Single(ResponseValidator.Validate(Survey, data));
        Assert.Equal(("answers", "text"), (error.Path, error.Rule));
        Assert.True(error.Message.Length < 200, error.Message.Length.ToString());
    }
}
