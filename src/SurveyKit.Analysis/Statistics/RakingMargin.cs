namespace SurveyKit.Analysis.Statistics;

/// <summary>One raking variable: a category code per respondent and a target per category.</summary>
/// <param name="Name">Variable name, used in failure messages.</param>
/// <param name="Codes">
/// Category code per respondent, 0..Targets.Length-1; -1 means missing: that respondent keeps its weight in this
/// variable's adjustment step (it is neither counted in nor scaled towards this variable's margin).
/// </param>
/// <param name="Targets">Target per category code: totals or shares, see <see cref="RakingTargetKind"/>.</param>
public sealed record RakingMargin(string Name, int[] Codes, double[] Targets);
