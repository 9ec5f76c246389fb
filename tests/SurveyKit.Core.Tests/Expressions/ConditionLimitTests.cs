using System;
using System.Diagnostics;
using System.Linq;
using SurveyKit.Core.Expressions;
using SurveyKit.Core.Responses;

namespace SurveyKit.Core.Tests.Expressions;

/// <summary>
/// A condition has at most <see cref="ExpressionParser.MaxTerms"/> terms (issue 11, finding 2): 70,000 'or' terms once
/// overflowed the stack of check and collect, and 40,000 took 95 s in build.
/// </summary>
public class ConditionLimitTests
{
    private static string Survey(string condition) =>
        TestData.Minimal
        + "\n  - id: reason\n    type: text\n    text: Why?\n    show_if: "
        + condition
        + "\n";

    private static string Chain(int terms) =>
        string.Join(" or ", Enumerable.Range(0, terms).Select(i => $"recommend == {i % 11}"));

    [Fact]
    public void A_condition_of_seventy_thousand_terms_is_one_located_error()
    {
        var watch = Stopwatch.StartNew();
        var result = TestData.Check(Survey(Chain(35_000))); // two terms each
        Assert.True(watch.Elapsed.TotalSeconds < 5, watch.Elapsed.ToString());
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SK0049", diagnostic.Id);
        Assert.Equal(12, diagnostic.Span.Start.Line);
        // At the first term too many: the 501st, the left side of the 251st comparison.
        var column = "    show_if: ".Length + Chain(250).Length + " or ".Length + 1;
        Assert.Equal(column, diagnostic.Span.Start.Column);
        Assert.Contains("more than 500 terms", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_condition_at_the_limit_is_checked_evaluated_and_fast()
    {
        var result = TestData.Check(Survey(Chain(250)));
        Assert.Empty(result.Diagnostics);
        var question = result.Survey!.FindQuestion("reason")!;
        var data = new ResponseData();
        data.Answers["recommend"] = AnswerValue.Of(10);
        Assert.True(new ConditionEvaluator(data).IsTrue(question.ShowIf!.Root));
    }

    [Fact]
    public void Checking_grows_linearly_with_the_number_of_terms_up_to_the_limit() =>
        Growth.IsLinear(n => TestData.Check(Survey(Chain(n))), 25);

    [Fact]
    public void A_huge_condition_costs_time_in_proportion_to_its_length() =>
        Growth.IsLinear(n => ExpressionParser.Parse(Chain(n), out _), 2_000, 5);

    [Fact]
    public void Parenthesised_nesting_is_still_limited_by_depth()
    {
        var nested = new string('(', 40) + "recommend > 6" + new string(')', 40);
        var result = TestData.Check(Survey(nested));
        Assert.Equal("SK0040", Assert.Single(result.Diagnostics).Id);
    }
}
