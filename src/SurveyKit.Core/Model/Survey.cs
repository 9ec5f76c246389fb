using System.Collections.Generic;
using System.Linq;
using SurveyKit.Core.Text;

namespace SurveyKit.Core.Model;

/// <summary>
/// A survey as written in a <c>*.survey.yaml</c> file. The one model that the generator, the site,
/// the analysis and the collector all read.
/// </summary>
/// <param name="Id">The survey id (<c>[a-z][a-z0-9-]*</c>); type names derive from it.</param>
/// <param name="Version">Bumped when a question changes meaning; every submission carries it.</param>
/// <param name="Languages">The languages, the first being the default.</param>
/// <param name="Title">The survey's title.</param>
/// <param name="Intro">Markdown shown before the first question.</param>
/// <param name="Outro">Markdown shown on the thank-you page.</param>
/// <param name="Context">Hidden fields filled from the survey link.</param>
/// <param name="Settings">Behaviour of the survey pages.</param>
/// <param name="Pages">The pages; a survey written with a flat <c>questions:</c> list has one page with an empty id.</param>
/// <param name="Analysis">How submissions are scored, when the survey says.</param>
/// <param name="IdSpan">Where the survey id is written.</param>
public sealed record Survey(
    string Id,
    int Version,
    EquatableArray<string> Languages,
    LocalizedText Title,
    LocalizedText? Intro,
    LocalizedText? Outro,
    EquatableArray<ContextField> Context,
    SurveySettings Settings,
    EquatableArray<Page> Pages,
    AnalysisSpec? Analysis,
    SourceSpan IdSpan
)
{
    /// <summary>Where <c>version</c> is written (the survey id's place when it is not).</summary>
    public SourceSpan VersionSpan { get; init; } = IdSpan;

    /// <summary>How long personal data is kept (<c>privacy: { retention_days: N }</c>), or null: until erased.</summary>
    public int? RetentionDays { get; init; }

    /// <summary>The alerts the collector sends when a stored response meets their condition.</summary>
    public EquatableArray<AlertSpec> Alerts { get; init; } = EquatableArray<AlertSpec>.Empty;

    /// <summary>The default language.</summary>
    public string DefaultLanguage => Languages.Count > 0 ? Languages[0] : "en";

    /// <summary>True when the survey was written with <c>pages:</c> rather than a flat <c>questions:</c> list.</summary>
    public bool HasPages => Pages.Count != 1 || Pages[0].Id.Length > 0;

    /// <summary>Every question in the order asked.</summary>
    public IEnumerable<Question> Questions => Pages.SelectMany(p => p.Questions);

    /// <summary>The question with <paramref name="id"/>, or null.</summary>
    public Question? FindQuestion(string id) => Questions.FirstOrDefault(q => q.Id == id);

    /// <summary>The context field with <paramref name="id"/>, or null.</summary>
    public ContextField? FindContext(string id) => Context.FirstOrDefault(c => c.Id == id);
}

/// <summary>A page of questions, shown with back and next.</summary>
public sealed record Page(
    string Id,
    LocalizedText? Title,
    EquatableArray<Question> Questions,
    SourceSpan Span
);

/// <summary>A hidden field filled from the survey link, such as <c>?segment=b2b</c>.</summary>
/// <param name="Id">The field id and query parameter name.</param>
/// <param name="Values">The allowed values, or empty for free text.</param>
/// <param name="Pii">Personal data: kept out of exports and reports unless asked for.</param>
/// <param name="Label">A readable name for reports.</param>
/// <param name="Span">Where the field is written.</param>
public sealed record ContextField(
    string Id,
    EquatableArray<string> Values,
    bool Pii,
    LocalizedText? Label,
    SourceSpan Span
)
{
    /// <summary>
    /// Per value (same order as <see cref="Values"/>) its label in each language, or null where the survey gives the
    /// short form (<c>values: [b2b, b2c]</c>) and reports show the id.
    /// </summary>
    public EquatableArray<LocalizedText?> ValueLabels { get; init; } =
        EquatableArray<LocalizedText?>.Empty;

    /// <summary>Ids this field had in earlier versions (<c>renamed_from</c>).</summary>
    public EquatableArray<string> RenamedFrom { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The label of <paramref name="value"/>, or null.</summary>
    public LocalizedText? LabelOf(string value)
    {
        for (var i = 0; i < Values.Count && i < ValueLabels.Count; i++)
        {
            if (Values[i] == value)
            {
                return ValueLabels[i];
            }
        }
        return null;
    }
}

/// <summary>Behaviour of the survey pages.</summary>
/// <param name="SaveProgress">Keep answers on the device until sent (opt-in, since it stores answers locally).</param>
/// <param name="ShowProgress">Show how far the respondent is.</param>
public sealed record SurveySettings(bool SaveProgress, bool ShowProgress)
{
    /// <summary>Only responses sent through a valid personal link (<c>invitation: required</c>) are accepted.</summary>
    public bool InvitationRequired { get; init; }

    /// <summary>The settings of a survey that says nothing.</summary>
    public static SurveySettings Default { get; } = new(false, true);
}
