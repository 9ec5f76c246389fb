namespace SurveyKit.Analysis.Tests;

/// <summary>Tests that measure the whole process (allocated bytes, time) run after the others, one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}
