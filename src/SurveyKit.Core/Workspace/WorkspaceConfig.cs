using SurveyKit.Core.Text;

namespace SurveyKit.Core.Workspace;

/// <summary>Where the pages send submissions.</summary>
public enum SubmitTarget
{
    /// <summary>A JSON POST to an endpoint (the SurveyKit collector or any other); a plain form post without JavaScript.</summary>
    Json,

    /// <summary>Netlify Forms: an urlencoded POST that Netlify's build picks up.</summary>
    Netlify,

    /// <summary>Formspree: a POST to the form's Formspree address.</summary>
    Formspree,
}

/// <summary>The <c>submit</c> section of surveykit.json.</summary>
public sealed record SubmitConfig(SubmitTarget Type, string Endpoint)
{
    /// <summary>The SurveyKit collector at the same origin.</summary>
    public static SubmitConfig Default { get; } = new(SubmitTarget.Json, "/api/responses");
}

/// <summary>
/// A workspace: surveykit.json at the root of a survey repository. Every key has a default, so a repository
/// without the file works too.
/// </summary>
/// <param name="Root">The folder that holds surveykit.json; relative paths start here.</param>
/// <param name="Surveys">Glob patterns of survey files.</param>
/// <param name="Output">Where <c>surveykit build</c> writes the site.</param>
/// <param name="Analysis">Where it writes the analysis projects.</param>
/// <param name="BaseUrl">The path the site is served under, such as <c>/</c> or <c>/surveys/</c>.</param>
/// <param name="Templates">A folder whose templates override the built-in ones.</param>
/// <param name="Submit">Where submissions go.</param>
public sealed record WorkspaceConfig(
    string Root,
    EquatableArray<string> Surveys,
    string Output,
    string Analysis,
    string BaseUrl,
    string Templates,
    SubmitConfig Submit
)
{
    /// <summary>The file name.</summary>
    public const string FileName = "surveykit.json";

    /// <summary>The keys surveykit.json accepts.</summary>
    public static readonly string[] Keys =
    [
        "surveys",
        "output",
        "analysis",
        "baseUrl",
        "templates",
        "submit",
        "contactPressure",
    ];

    /// <summary>The keys of its contactPressure section.</summary>
    public static readonly string[] ContactPressureKeys = ["minDaysBetween", "maxPerYear"];

    /// <summary>How often one customer may be invited, across every survey.</summary>
    public ContactPressure ContactPressure { get; init; } = ContactPressure.Default;

    /// <summary>The keys of its submit section.</summary>
    public static readonly string[] SubmitKeys = ["type", "endpoint"];

    /// <summary>The workspace of a folder without surveykit.json.</summary>
    public static WorkspaceConfig Default(string root) =>
        new(
            root,
            new EquatableArray<string>(["**/*.survey.yaml"]),
            "_site",
            "analysis",
            "/",
            "templates",
            SubmitConfig.Default
        );
}
