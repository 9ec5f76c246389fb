using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Analysis.Data;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Scoring;

public static partial class SurveyAnalyzer
{
    /// <summary>
    /// What-if: a proportional-odds model of the three NPS classes on the driver grades. A grade that is missing or
    /// "not applicable" is set to that driver's mean, so it pushes neither way. For a touchpoint and a delta, every
    /// respondent who graded it gets the grade moved by delta (kept on the scale); the predicted NPS is the mean of
    /// P(promoter) - P(detractor), and the change is measured against the model's own prediction at delta 0.
    /// The reported NPS is the observed NPS plus that change.
    /// </summary>
    private static WhatIfSummary? WhatIf(
        ResponseTable table,
        NpsSummary observed,
        AnalysisOptions options,
        List<string> notes
    )
    {
        var plan = table.Plan;
        var drivers = UsableDrivers(table, options);
        var outcome = table.Outcome.Span;
        var rows = SampleRows(outcome, options);
        if (drivers.Length == 0 || rows.Length < 3 * options.MinDriverN)
        {
            return null;
        }
        var y = new int[rows.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            y[r] = (int)NpsCounts.Classify(outcome[rows[r]]);
        }
        if (y.Distinct().Count() < 3)
        {
            notes.Add("what-if: every respondent is in fewer than three NPS classes; no model");
            return null;
        }
        var columns = new double[drivers.Length][];
        var graded = new bool[drivers.Length][];
        for (var k = 0; k < drivers.Length; k++)
        {
            var grades = table.Drivers[drivers[k]].Span;
            var mean = Mean(grades);
            columns[k] = new double[rows.Length];
            graded[k] = new bool[rows.Length];
            for (var r = 0; r < rows.Length; r++)
            {
                var grade = grades[rows[r]];
                graded[k][r] = float.IsFinite(grade);
                columns[k][r] = graded[k][r] ? grade : mean;
            }
        }
        OrdinalLogitResult model;
        try
        {
            model = OrdinalLogit.Fit(columns, y);
        }
        catch (ArgumentException exception)
        {
            // A grade that does not vary within the model's rows: say so rather than stop the report.
            notes.Add("what-if: no model (" + exception.Message + ")");
            return null;
        }
        if (!model.Converged)
        {
            notes.Add($"what-if: the model did not converge in {model.Iterations} iterations");
        }
        var eta = new double[rows.Length];
        for (var k = 0; k < drivers.Length; k++)
        {
            for (var r = 0; r < rows.Length; r++)
            {
                eta[r] += model.Beta[k] * columns[k][r];
            }
        }
        var baseline = PredictedNps(model, eta, static (_, e) => e);
        // Each touchpoint's scenarios on their own core; the list keeps the drivers' order.
        var perDriver = new WhatIfScenario[drivers.Length][];
        System.Threading.Tasks.Parallel.For(
            0,
            drivers.Length,
            k =>
            {
                var driver = plan.Drivers[drivers[k]];
                var column = columns[k];
                var isGraded = graded[k];
                var beta = model.Beta[k];
                perDriver[k] = options
                    .WhatIfDeltas.Select(delta =>
                    {
                        var predicted = PredictedNps(
                            model,
                            eta,
                            (r, e) =>
                                isGraded[r]
                                    ? e
                                        + beta
                                            * (
                                                Math.Clamp(
                                                    column[r] + delta,
                                                    driver.Scale.Min,
                                                    driver.Scale.Max
                                                ) - column[r]
                                            )
                                    : e
                        );
                        var change = (predicted - baseline) * 100;
                        return new WhatIfScenario(
                            driver.Id,
                            delta,
                            observed.Value + change,
                            change
                        );
                    })
                    .ToArray();
            }
        );
        var scenarios = perDriver.SelectMany(s => s).ToList();
        return new WhatIfSummary(rows.Length, baseline * 100, scenarios, model);
    }

    /// <summary>True when the grades are not all the same (a constant grade explains nothing and breaks a model).</summary>
    private static bool Varies(ReadOnlySpan<float> grades)
    {
        var first = float.NaN;
        foreach (var grade in grades)
        {
            if (!float.IsFinite(grade))
            {
                continue;
            }
            if (float.IsNaN(first))
            {
                first = grade;
            }
            else if (grade != first)
            {
                return true;
            }
        }
        return false;
    }

    private static double PredictedNps(
        OrdinalLogitResult model,
        double[] eta,
        Func<int, double, double> shift
    )
    {
        double sum = 0;
        var low = model.Thresholds[0];
        var high = model.Thresholds[^1];
        for (var r = 0; r < eta.Length; r++)
        {
            var e = shift(r, eta[r]);
            sum += OrdinalLogit.Logistic(e - high) - OrdinalLogit.Logistic(low - e);
        }
        return sum / eta.Length;
    }

    /// <summary>The rows with an outcome; a seeded random subset of <see cref="AnalysisOptions.MaxModelRows"/> beyond that.</summary>
    private static int[] SampleRows(ReadOnlySpan<sbyte> outcome, AnalysisOptions options)
    {
        var answered = 0;
        foreach (var score in outcome)
        {
            answered += score >= 0 ? 1 : 0;
        }
        var wanted = Math.Min(answered, options.MaxModelRows);
        var rows = new int[wanted];
        var random = new Random(options.Seed);
        // Selection sampling (Knuth's algorithm S): exactly `wanted` rows, each equally likely, in file order.
        var seen = 0;
        var taken = 0;
        for (var i = 0; i < outcome.Length && taken < wanted; i++)
        {
            if (outcome[i] < 0)
            {
                continue;
            }
            if (wanted == answered || (answered - seen) * random.NextDouble() < wanted - taken)
            {
                rows[taken++] = i;
            }
            seen++;
        }
        return rows;
    }

    /// <summary>
    /// Satisfaction x loyalty: satisfied means one of the top two points of the satisfaction scale, loyal means a
    /// promoter. Satisfied-but-not-loyal customers can leave; loyal-but-dissatisfied ones may be bound, not won.
    /// </summary>
    private static LoyaltyQuadrant? SatisfactionLoyalty(ResponseTable table)
    {
        if (table.Plan.Satisfaction is not { } question)
        {
            return null;
        }
        var satisfiedFrom = question.Scale.Max - 1;
        var satisfaction = table.Satisfaction.Span;
        var outcome = table.Outcome.Span;
        int loyal = 0,
            mercenary = 0,
            hostage = 0,
            neither = 0;
        for (var i = 0; i < outcome.Length; i++)
        {
            if (outcome[i] < 0 || !float.IsFinite(satisfaction[i]))
            {
                continue;
            }
            var satisfied = satisfaction[i] >= satisfiedFrom;
            var promoter = outcome[i] >= 9;
            _ = (satisfied, promoter) switch
            {
                (true, true) => loyal++,
                (true, false) => mercenary++,
                (false, true) => hostage++,
                _ => neither++,
            };
        }
        return new LoyaltyQuadrant(loyal, mercenary, hostage, neither, satisfiedFrom);
    }
}
