using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Analysis.Data;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;

namespace SurveyKit.Analysis.Sampling;

/// <summary>
/// Realistic synthetic submissions for a survey: every one passes the survey's rules (show_if included), touchpoints
/// share a common experience factor, some are not used ("na"), loyalty follows the planted driver weights, satisfaction
/// follows loyalty only loosely (satisfaction is not loyalty), complaints resolved well lift loyalty, and a few
/// respondents speed or straight-line, so that every part of the report has something to show.
/// </summary>
public static class SampleGenerator
{
    /// <summary>The submissions, generated lazily in order.</summary>
    public static IEnumerable<SampleResponse> Generate(Survey survey, SampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(options);
        var plan = AnalysisPlan.For(survey);
        // Checked here, not on the first item: a wrong driver id is an error before anything is written.
        var weights = Weights(plan, options);
        var unknown = options
            .Shifts.Select(s => s.Driver)
            .Where(id => plan.Drivers.All(d => d.Id != id))
            .ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException(
                $"'{string.Join("', '", unknown.Distinct())}' is not a driver of {plan.Survey.Id}, so it cannot be shifted; its drivers are "
                    + string.Join(", ", plan.Drivers.Select(d => d.Id))
                    + "."
            );
        }
        return Generate(survey, plan, weights, options);
    }

    private static IEnumerable<SampleResponse> Generate(
        Survey survey,
        AnalysisPlan plan,
        double[] weights,
        SampleOptions options
    )
    {
        var random = new Random(options.Seed);
        // Each driver has its own typical level, so that the report shows strong and weak touchpoints.
        var levels = plan.Drivers.Select(_ => 0.55 + 0.25 * random.NextDouble()).ToArray();
        for (var n = 0; n < options.Count; n++)
        {
            yield return new Respondent(survey, plan, random, weights, levels, options, n).Answer();
        }
    }

    private static double[] Weights(AnalysisPlan plan, SampleOptions options)
    {
        var count = plan.Drivers.Count;
        var weights = plan
            .Drivers.Select(
                (d, i) =>
                    options.DriverWeights is { } chosen
                        ? chosen.GetValueOrDefault(d.Id)
                        : Math.Pow(0.6, i)
            )
            .ToArray();
        if (options.DriverWeights is { } given)
        {
            var unknown = given.Keys.Where(k => plan.Drivers.All(d => d.Id != k)).ToArray();
            if (unknown.Length > 0)
            {
                throw new ArgumentException(
                    $"'{string.Join("', '", unknown)}' is not a driver of {plan.Survey.Id}; its drivers are "
                        + string.Join(", ", plan.Drivers.Select(d => d.Id))
                        + "."
                );
            }
        }
        return count == 0 ? [] : weights;
    }
}
