using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Analysis.Data;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Scoring;

public static partial class SurveyAnalyzer
{
    /// <summary>
    /// What-if: a proportional-odds model of the NPS classes on the predictors' grades. A grade that is missing or
    /// "not applicable" is set to that predictor's mean, so it pushes neither way. For a touchpoint and a delta, every
    /// respondent who graded it gets the grade moved by delta (kept on the scale); the predicted NPS is the mean of
    /// P(promoter) - P(detractor), and the change is measured against the model's own prediction at delta 0, with a
    /// 95% interval by the delta method. The reported NPS is the observed NPS plus that change. When one NPS class has
    /// no respondents the model of the two others is fitted; a model that does not converge gives no what-if.
    /// </summary>
    private static WhatIfSummary? WhatIf(
        ResponseTable table,
        PredictorSet? set,
        NpsSummary observed,
        AnalysisOptions options,
        List<AnalysisNote> notes
    )
    {
        if (set is null)
        {
            return null;
        }
        var plan = table.Plan;
        var outcome = table.Outcome.Span;
        var rows = ModelRows(table, options);
        var classes = new bool[3];
        foreach (var row in rows)
        {
            classes[(int)NpsCounts.Classify(outcome[row])] = true;
        }
        // The categories of the model: the NPS classes that occur, in order.
        var present = Enumerable.Range(0, 3).Where(c => classes[c]).ToArray();
        if (present.Length < 2)
        {
            notes.Add(
                AnalysisNote.Of(
                    "whatif_one_class",
                    "class_" + ((NpsClass)present[0]).ToString().ToLowerInvariant()
                )
            );
            return null;
        }
        var category = new int[3];
        for (var c = 0; c < present.Length; c++)
        {
            category[present[c]] = c;
        }
        var y = new int[rows.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            y[r] = category[(int)NpsCounts.Classify(outcome[rows[r]])];
        }
        var p = set.Items.Count;
        var columns = new double[p][];
        var graded = new bool[p][];
        for (var k = 0; k < p; k++)
        {
            var grades = set.Items[k].Grades.Span;
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
            model = OrdinalLogit.Fit(columns, y, present.Length);
        }
        catch (ArgumentException)
        {
            // A predictor that does not vary within the model's rows.
            notes.Add(AnalysisNote.Of("whatif_no_model"));
            return null;
        }
        if (!model.Converged || model.Covariance is null)
        {
            notes.Add(AnalysisNote.Of("whatif_no_model"));
            return null;
        }
        var prediction = new NpsPrediction(
            model,
            present[^1] == (int)NpsClass.Promoter,
            present[0] == (int)NpsClass.Detractor
        );
        var eta = new double[rows.Length];
        for (var k = 0; k < p; k++)
        {
            for (var r = 0; r < rows.Length; r++)
            {
                eta[r] += model.Beta[k] * columns[k][r];
            }
        }
        var baseline = prediction.Mean(eta);
        var z = Normal.CriticalValue(options.Confidence);
        // Each touchpoint's scenarios on their own core; the list keeps the predictors' order.
        var perDriver = new WhatIfScenario[p][];
        System.Threading.Tasks.Parallel.For(
            0,
            p,
            k =>
            {
                var driver = plan.Drivers[set.Items[k].Drivers[0]];
                perDriver[k] = options
                    .WhatIfDeltas.Select(delta =>
                    {
                        var (change, se) = prediction.Change(
                            eta,
                            columns,
                            k,
                            graded[k],
                            delta,
                            driver.Scale
                        );
                        return new WhatIfScenario(
                            driver.Id,
                            delta,
                            observed.Value + change * 100,
                            change * 100,
                            new Interval((change - z * se) * 100, (change + z * se) * 100)
                        );
                    })
                    .ToArray();
            }
        );
        var scenarios = perDriver.SelectMany(s => s).ToList();
        return new WhatIfSummary(
            rows.Length,
            GradeCount(Floats(outcome)),
            baseline * 100,
            scenarios,
            model,
            present.Length
        );
    }

    /// <summary>
    /// The rows with an outcome, or, beyond <see cref="AnalysisOptions.MaxModelRows"/>, the ones whose response id
    /// hashes lowest: the same responses give the same rows in any file order. The rows are ordered by that hash too,
    /// so even the model's sums add up in the same order and the report is the same to the last digit.
    /// </summary>
    private static int[] ModelRows(ResponseTable table, AnalysisOptions options)
    {
        var outcome = table.Outcome.Span;
        var ids = table.ResponseIds.Span;
        var rows = new List<int>(outcome.Length);
        for (var i = 0; i < outcome.Length; i++)
        {
            if (outcome[i] >= 0)
            {
                rows.Add(i);
            }
        }
        var keys = new ulong[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            keys[r] = Hash(ids[rows[r]], options.Seed);
        }
        var order = rows.ToArray();
        if (order.Length > options.MaxModelRows)
        {
            // Only the lowest keys are wanted: find the cut by selection (linear), then sort just those.
            var cut = KthSmallest((ulong[])keys.Clone(), options.MaxModelRows - 1);
            var kept = 0;
            for (var r = 0; r < order.Length && kept < options.MaxModelRows; r++)
            {
                if (keys[r] <= cut)
                {
                    (keys[kept], order[kept]) = (keys[r], order[r]);
                    kept++;
                }
            }
            keys = keys[..kept];
            order = order[..kept];
        }
        Array.Sort(keys, order);
        return order;
    }

    /// <summary>The k-th smallest value (0-based), by Hoare's selection; <paramref name="values"/> is reordered.</summary>
    private static ulong KthSmallest(ulong[] values, int k)
    {
        int left = 0,
            right = values.Length - 1;
        while (left < right)
        {
            var pivot = values[left + (right - left) / 2];
            int i = left,
                j = right;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }
                while (values[j] > pivot)
                {
                    j--;
                }
                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                break;
            }
        }
        return values[k];
    }

    /// <summary>SplitMix64 over the id's two halves and the seed: a well-mixed, stable 64-bit key per response.</summary>
    private static ulong Hash(Guid id, int seed)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        var low = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        var high = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]);
        return Mix(Mix(low ^ (ulong)seed) ^ high);

        static ulong Mix(ulong x)
        {
            x += 0x9E3779B97F4A7C15;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
            return x ^ (x >> 31);
        }
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
