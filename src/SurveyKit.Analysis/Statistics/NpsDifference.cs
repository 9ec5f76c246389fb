namespace SurveyKit.Analysis.Statistics;

/// <summary>A two-sample NPS comparison, a - b (-2..2 scale).</summary>
/// <param name="Difference">NPS(a) - NPS(b), signed (not |d|: the direction matters in a report).</param>
/// <param name="StandardError">sqrt(s_a²/n_a + s_b²/n_b), per-response variances with denominator n.</param>
/// <param name="Z">Difference / StandardError (±∞ when the SE is 0 and the difference is not; 0 when both are 0).</param>
/// <param name="P">Two-sided normal p-value of Z.</param>
/// <param name="Interval">Difference ± z·SE, clamped to [-2, 2]; centred on a - b, never on |a - b|.</param>
public readonly record struct NpsDifference(
    double Difference,
    double StandardError,
    double Z,
    double P,
    Interval Interval
);
