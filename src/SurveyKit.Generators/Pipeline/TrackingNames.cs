namespace SurveyKit.Generators.Pipeline;

/// <summary>The names of the pipeline steps, so cache tests can ask each step why it ran.</summary>
internal static class TrackingNames
{
    public const string SurveyFiles = nameof(SurveyFiles);
    public const string ParseSurvey = nameof(ParseSurvey);
    public const string Options = nameof(Options);
    public const string BuildSpec = nameof(BuildSpec);
    public const string Diagnostics = nameof(Diagnostics);
    public const string SurveyIds = nameof(SurveyIds);
}
