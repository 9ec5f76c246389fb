namespace SurveyKit.Cli;

/// <summary>The exit codes every command uses, so scripts and CI can rely on them.</summary>
internal static class ExitCodes
{
    /// <summary>Done, nothing wrong (warnings may have been printed).</summary>
    public const int Success = 0;

    /// <summary>The command ran and found errors.</summary>
    public const int Errors = 1;

    /// <summary>The command line itself is wrong.</summary>
    public const int Usage = 2;
}
