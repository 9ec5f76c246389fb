namespace SurveyKit.Analysis.Statistics;

/// <summary>Eigen decomposition A = V diag(Values) V' of a symmetric matrix.</summary>
/// <param name="Values">Eigenvalues, largest first.</param>
/// <param name="Vectors">Orthonormal eigenvectors as columns: Vectors[i][k] is component i of eigenvector k.</param>
public sealed record EigenDecomposition(double[] Values, double[][] Vectors);
