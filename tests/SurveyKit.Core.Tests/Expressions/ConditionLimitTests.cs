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

    // Bounded, not merely linear: past the limit nothing more is read, so a condition of a megabyte costs what one of
    // 501 terms costs. The best of several interleaved rounds, so one GC pause or a busy neighbour on a loaded CI
    // machine does not decide it; an unbounded parser reading 60,000 terms is ~200 times slower and fails anyway.
    [Fact]
    public void A_huge_condition_costs_no_more_than_one_just_past_the_limit()
    {
        var small = Chain(260);
        var huge = Chain(60_000);
        ExpressionParser.Parse(small, out _); // warm up
        ExpressionParser.Parse(huge, out var error);
        Assert.True(error!.TooLarge);
        var a = double.MaxValue;
        var b = double.MaxValue;
        for (var round = 0; round < 7; round++)
        {
            a = Math.Min(a, Time(small));
            b = Math.Min(b, Time(huge));
        }
        Assert.True(b < 3 * a + 0.005, $"{a * 1000:F1} ms against {b * 1000:F1} ms");
    }

    private static double Time(string condition)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            ExpressionParser.Parse(condition, out _);
        }
        return watch.Elapsed.TotalSeconds;
    }

    [Fact]
    public void Checking_a_condition_at_the_limit_takes_milliseconds()
    {
        var yaml = Survey(Chain(250));
        TestData.Check(yaml); // warm up
        var watch = Stopwatch.StartNew();
        var result = TestData.Check(yaml);
        Assert.Empty(result.Diagnostics);
        Assert.True(watch.Elapsed.TotalSeconds < 0.1, watch.Elapsed.ToString());
    }

    [Fact]
    public void Parenthesised_nesting_is_still_limited_by_depth()
    {
        var nested = new string('(', 40) + "recommend > 6" + new string(')', 40);
        var result = TestData.Check(Survey(nested));
        Assert.Equal("SK0040", Assert.Single(result.Diagnostics).Id);
    }
}
