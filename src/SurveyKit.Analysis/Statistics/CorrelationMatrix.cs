namespace SurveyKit.Analysis.Statistics;

/// <summary>A correlation matrix with the number of rows behind each entry.</summary>
/// <param name="R">Correlations, R[i][j]; NaN where a column (pair) has fewer than 2 rows or no variance.</param>
/// <param name="N">Rows used per entry (equal everywhere under listwise deletion).</param>
public sealed record CorrelationMatrix(double[][] R, int[][] N)
{
    /// <summary>
    /// Per pair, the rows where both values are present and equal (two touchpoints graded identically); null when the
    /// method did not count them.
    /// </summary>
    public int[][]? Equal { get; init; }
}
