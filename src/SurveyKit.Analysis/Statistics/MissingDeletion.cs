namespace SurveyKit.Analysis.Statistics;

/// <summary>How NaN (missing) values are dropped when correlating several columns.</summary>
public enum MissingDeletion
{
    /// <summary>Use only rows complete on every column: one n, always a valid (PSD) matrix.</summary>
    Listwise,

    /// <summary>Use every complete pair: more data, but the matrix may not be positive definite.</summary>
    Pairwise,
}
