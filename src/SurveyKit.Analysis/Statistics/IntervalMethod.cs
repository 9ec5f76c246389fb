namespace SurveyKit.Analysis.Statistics;

/// <summary>How an NPS confidence interval is computed.</summary>
public enum IntervalMethod
{
    /// <summary>
    /// Rocks (2016): add 0.75 / 1.5 / 0.75 pseudo-responses, then Wald around the adjusted NPS. The default:
    /// good coverage, never zero-width.
    /// </summary>
    AdjustedWald,

    /// <summary>NPS ± z·SE with the per-response variance p+ + p- - NPS²; clamped. Zero width when all answers fall in one class.</summary>
    Wald,

    /// <summary>Iterative Tango-type score interval: all d with |Z(d)| &lt; z under the restricted MLE.</summary>
    Score,

    /// <summary>Percentile interval from multinomial resampling with a seeded generator.</summary>
    Bootstrap,
}
