namespace SurveyKit.Analysis.Statistics;

/// <summary>The three NPS classes of a 0-10 likelihood-to-recommend score.</summary>
public enum NpsClass
{
    /// <summary>Score 0-6.</summary>
    Detractor,

    /// <summary>Score 7-8.</summary>
    Passive,

    /// <summary>Score 9-10.</summary>
    Promoter,
}
