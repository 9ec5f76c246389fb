using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Analysis.Data;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Scoring;

public static partial class SurveyAnalyzer
{
    /// <summary>
    /// One predictor of the driver and what-if models: a touchpoint, or several that respondents graded nearly
    /// identically (their importance cannot be told apart, so they are analysed as one, named by the first).
    /// </summary>
    /// <param name="Drivers">The plan's driver indexes, survey order; the first names the predictor.</param>
    /// <param name="Grades">One grade per row: the first of the drivers' grades that is present.</param>
    /// <param name="Count">Rows with a grade.</param>
    private sealed record Predictor(int[] Drivers, ReadOnlyMemory<float> Grades, int Count);

    /// <summary>The predictors both models use, with the outcome-and-predictor correlations they were chosen on.</summary>
    /// <param name="Matrix">Correlations of the outcome (index 0) and the predictors (1..p).</param>
    private sealed record PredictorSet(
        IReadOnlyList<Predictor> Items,
        CorrelationMatrix Matrix,
        MissingDeletion Deletion
    )
    {
        /// <summary>Respondents behind the model: listwise n, or the smallest pair count.</summary>
        public int N =>
            Deletion == MissingDeletion.Listwise
                ? Matrix.N[0][0]
                : Matrix.N.SelectMany(row => row).Min();
    }

    /// <summary>
    /// One rule, for the driver analysis and the what-if alike, for which touchpoints can explain the outcome: each
    /// needs <see cref="AnalysisOptions.MinGroupN"/> grades, from at least <see cref="AnalysisOptions.MinGradedShare"/>
    /// of the respondents, that are not all the same; two graded identically by most
    /// who graded both are analysed as one; and when the pairwise correlations do not describe one data set (a
    /// touchpoint graded by a few respondents can imply an R² above 1), listwise deletion is used if at least half of
    /// the respondents graded everything, and otherwise the touchpoint with the fewest grades is left out, until the
    /// model fits. Every choice is a note.
    /// </summary>
    private static PredictorSet? Predictors(
        ResponseTable table,
        AnalysisOptions options,
        List<AnalysisNote> notes
    )
    {
        var plan = table.Plan;
        if (plan.Drivers.Count == 0)
        {
            return null;
        }
        var outcome = Floats(table.Outcome.Span);
        var answered = GradeCount(outcome);
        if (answered < options.MinGroupN)
        {
            notes.Add(AnalysisNote.Of("drivers_few_responses", answered, options.MinGroupN));
            return null;
        }
        if (!Varies(outcome))
        {
            notes.Add(
                AnalysisNote.Of(
                    "outcome_constant",
                    new NoteNumber(outcome.First(float.IsFinite), 0)
                )
            );
            return null;
        }
        var candidates = new List<Predictor>();
        for (var d = 0; d < plan.Drivers.Count; d++)
        {
            var grades = table.Drivers[d].Memory;
            var count = GradeCount(grades.Span);
            if (count < options.MinGroupN)
            {
                notes.Add(
                    AnalysisNote.Of(
                        "driver_few",
                        new NoteDriver(plan.Drivers[d].Id),
                        count,
                        options.MinGroupN
                    )
                );
            }
            else if (count < options.MinGradedShare * answered)
            {
                // Its correlations would come from a small part of the respondents and the others' from nearly all:
                // together they can imply an R² that no fitted model has.
                notes.Add(
                    AnalysisNote.Of(
                        "driver_rare",
                        new NoteDriver(plan.Drivers[d].Id),
                        count,
                        answered
                    )
                );
            }
            else if (!Varies(grades.Span))
            {
                notes.Add(AnalysisNote.Of("driver_constant", new NoteDriver(plan.Drivers[d].Id)));
            }
            else
            {
                candidates.Add(new Predictor([d], grades, count));
            }
        }
        if (candidates.Count == 0)
        {
            return null;
        }
        var matrix = PairwiseCorrelation.Compute([outcome, .. candidates.Select(c => c.Grades)]);
        var predictors = Merge(table, candidates, matrix, options, notes);
        if (predictors.Count != candidates.Count)
        {
            matrix = PairwiseCorrelation.Compute([outcome, .. predictors.Select(c => c.Grades)]);
        }
        while (predictors.Count > 0)
        {
            if (Fits(matrix.R))
            {
                return new PredictorSet(predictors, matrix, MissingDeletion.Pairwise);
            }
            var listwise = Correlation.Compute(
                [Doubles(outcome), .. predictors.Select(p => Doubles(p.Grades.ToArray()))],
                MissingDeletion.Listwise
            );
            // Listwise only when it keeps at least half of the respondents (and ten per predictor): a model of the
            // few who graded everything does not speak for the rest.
            if (
                listwise.N[0][0]
                    >= Math.Max(answered / 2, Math.Max(options.MinGroupN, 10 * predictors.Count))
                && Fits(listwise.R)
            )
            {
                return new PredictorSet(predictors, listwise, MissingDeletion.Listwise);
            }
            // The touchpoint with the fewest grades (the last of equals) is the likeliest to carry correlations that
            // do not fit the others'; the pairwise correlations of the rest stay as they are.
            var sparsest = predictors.Count - 1;
            for (var i = predictors.Count - 1; i >= 0; i--)
            {
                if (predictors[i].Count < predictors[sparsest].Count)
                {
                    sparsest = i;
                }
            }
            notes.Add(
                AnalysisNote.Of(
                    "driver_sparse",
                    new NoteDriver(plan.Drivers[predictors[sparsest].Drivers[0]].Id),
                    predictors[sparsest].Count
                )
            );
            predictors.RemoveAt(sparsest);
            matrix = Without(matrix, sparsest + 1);
        }
        return null;
    }

    /// <summary>
    /// Joins touchpoints graded identically by at least <see cref="AnalysisOptions.SameGradesShare"/> of the
    /// respondents who graded both (or correlating that much), on the same scale: the later joins the earlier.
    /// </summary>
    private static List<Predictor> Merge(
        ResponseTable table,
        List<Predictor> candidates,
        CorrelationMatrix matrix,
        AnalysisOptions options,
        List<AnalysisNote> notes
    )
    {
        var plan = table.Plan;
        var joinedTo = Enumerable.Range(0, candidates.Count).ToArray();
        for (var j = 1; j < candidates.Count; j++)
        {
            for (var i = 0; i < j; i++)
            {
                if (joinedTo[i] != i)
                {
                    continue;
                }
                var both = matrix.N[i + 1][j + 1];
                var same = matrix.Equal![i + 1][j + 1];
                var r = matrix.R[i + 1][j + 1];
                var first = plan.Drivers[candidates[i].Drivers[0]];
                var second = plan.Drivers[candidates[j].Drivers[0]];
                if (both < options.MinGroupN || first.Scale != second.Scale)
                {
                    continue;
                }
                var share = (double)same / both;
                if (share >= options.SameGradesShare)
                {
                    notes.Add(
                        AnalysisNote.Of(
                            "drivers_same",
                            new NoteDriver(first.Id),
                            new NoteDriver(second.Id),
                            new NoteNumber(Math.Floor(share * 100), 0),
                            both
                        )
                    );
                }
                else if (r >= options.SameGradesCorrelation)
                {
                    notes.Add(
                        AnalysisNote.Of(
                            "drivers_correlated",
                            new NoteDriver(first.Id),
                            new NoteDriver(second.Id),
                            new NoteNumber(r, 2)
                        )
                    );
                }
                else
                {
                    continue;
                }
                joinedTo[j] = i;
                break;
            }
        }
        var result = new List<Predictor>();
        for (var i = 0; i < candidates.Count; i++)
        {
            if (joinedTo[i] != i)
            {
                continue;
            }
            var members = Enumerable
                .Range(0, candidates.Count)
                .Where(j => joinedTo[j] == i)
                .ToArray();
            if (members.Length == 1)
            {
                result.Add(candidates[i]);
                continue;
            }
            var grades = candidates[i].Grades.ToArray();
            foreach (var member in members.Skip(1))
            {
                var other = candidates[member].Grades.Span;
                for (var row = 0; row < grades.Length; row++)
                {
                    if (!float.IsFinite(grades[row]) && float.IsFinite(other[row]))
                    {
                        grades[row] = other[row];
                    }
                }
            }
            result.Add(
                new Predictor(
                    members.SelectMany(m => candidates[m].Drivers).ToArray(),
                    grades,
                    GradeCount(grades)
                )
            );
        }
        return result;
    }

    /// <summary>
    /// A correlation matrix (outcome first) that one data set could have produced: no NaN, the predictors' part
    /// positive definite, and an R² from 0 up to (not including) 1.
    /// </summary>
    private static bool Fits(double[][] r)
    {
        if (HasNaN(r) || !Matrix.IsPositiveDefinite(r))
        {
            return false;
        }
        var predictors = PredictorCorrelations.FromMatrix(r, 0);
        if (!Matrix.TrySolveSpd(predictors.Rxx, predictors.Rxy, out var beta))
        {
            return false;
        }
        var r2 = 0.0;
        for (var j = 0; j < beta.Length; j++)
        {
            r2 += beta[j] * predictors.Rxy[j];
        }
        return r2 is >= 0 and < 1 - 1e-9;
    }

    /// <summary>The matrix without row and column <paramref name="index"/>.</summary>
    private static CorrelationMatrix Without(CorrelationMatrix matrix, int index)
    {
        T[][] Drop<T>(T[][] m) =>
            m.Where((_, i) => i != index)
                .Select(row => row.Where((_, j) => j != index).ToArray())
                .ToArray();
        return new CorrelationMatrix(Drop(matrix.R), Drop(matrix.N))
        {
            Equal = matrix.Equal is null ? null : Drop(matrix.Equal),
        };
    }
}
