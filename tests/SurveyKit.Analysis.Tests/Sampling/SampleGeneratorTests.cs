using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Analysis.Sampling;
using SurveyKit.Core.Responses;

namespace SurveyKit.Analysis.Tests.Sampling;

public class SampleGeneratorTests
{
    [Theory]
    [InlineData("klantloyaliteit")]
    [InlineData("bezorging")]
    [InlineData("accountmonitor")]
    public void Every_sample_passes_the_rules_of_its_survey(string id)
    {
        var survey = TestSurveys.Example(id);
        var responses = SampleGenerator.Generate(survey, new SampleOptions(500, 9)).ToList();
        Assert.All(responses, r => Assert.Empty(ResponseValidator.Validate(survey, r.Data)));
        Assert.Equal(500, responses.Select(r => r.Data.ResponseId).Distinct().Count());
    }

    [Fact]
    public void The_same_seed_gives_the_same_submissions_and_another_seed_others()
    {
        var survey = TestSurveys.Klantloyaliteit;
        string Text(int seed) =>
            TestSurveys.JsonLines(SampleGenerator.Generate(survey, new SampleOptions(50, seed)));
        Assert.Equal(Text(4), Text(4));
        Assert.NotEqual(Text(4), Text(5));
    }

    [Fact]
    public void A_driver_the_survey_does_not_have_is_refused_before_anything_is_made()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            SampleGenerator.Generate(
                TestSurveys.Klantloyaliteit,
                new SampleOptions(10, 1, new Dictionary<string, double> { ["servcie"] = 1 })
            )
        );
        Assert.Contains(
            "'servcie' is not a driver of klantloyaliteit",
            exception.Message,
            StringComparison.Ordinal
        );
        Assert.Contains("service", exception.Message, StringComparison.Ordinal);
    }
}
