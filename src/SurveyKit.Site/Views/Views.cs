using System.Collections.Generic;
using System.Linq;

namespace SurveyKit.Site.Views;

// What the templates see. Every string here is already safe HTML: survey texts are escaped (or rendered as safe
// Markdown) when the view is built, because Scriban does not escape. Ids are [a-z][a-z0-9_]* by the language's rules.
// Scriban shows members in snake_case: TitleHtml is title_html in a template.

/// <summary>The site's index: every survey in every language.</summary>
internal sealed record IndexView(
    string Lang,
    string Title,
    string CssUrl,
    string IconUrl,
    string Csp,
    IReadOnlyList<IndexEntry> Surveys,
    string ReloadUrl
);

/// <summary>A survey on the index.</summary>
internal sealed record IndexEntry(string Id, IReadOnlyList<LanguageLink> Languages);

/// <summary>A link to a survey in one language.</summary>
internal sealed record LanguageLink(string Lang, string Name, string Title, string Url);

/// <summary>One survey in one language: the form page.</summary>
internal sealed record SurveyPageView(
    string Lang,
    string SurveyId,
    int Version,
    string Title,
    string IntroHtml,
    string Csp,
    string CssUrl,
    string IconUrl,
    string JsUrl,
    string RulesUrl,
    string PageUrl,
    string ThanksUrl,
    IReadOnlyList<LanguageLink> OtherLanguages,
    SubmitView Submit,
    bool SaveProgress,
    bool ShowProgress,
    IReadOnlyList<ContextView> Context,
    IReadOnlyList<PageView> Pages,
    IReadOnlyDictionary<string, string> Ui,
    string ReloadUrl
);

/// <summary>Where and how the form posts.</summary>
/// <param name="Type">json, netlify or formspree.</param>
/// <param name="Action">The form's action: where a browser without JavaScript posts.</param>
/// <param name="Endpoint">Where the script posts.</param>
/// <param name="Honeypot">The name of the field bots fill and people never see.</param>
internal sealed record SubmitView(string Type, string Action, string Endpoint, string Honeypot);

/// <summary>A hidden field filled from the survey link.</summary>
internal sealed record ContextView(string Id, string Values);

/// <summary>A page of questions (a section of the form; with JavaScript, one step).</summary>
internal sealed record PageView(
    string Id,
    string Title,
    int Number,
    IReadOnlyList<QuestionView> Questions
);

/// <summary>A point of a scale: a radio.</summary>
/// <param name="Value">The value sent.</param>
/// <param name="Text">The number shown.</param>
/// <param name="Label">The point's label (the ends), escaped; read out, not shown on the point.</param>
/// <param name="SecondRow">
/// The first point of the second row when a long scale (8 points or more) takes two rows on a narrow screen: equal
/// cells of at least 44 px, the first half on top, the second ending under the right edge.
/// </param>
internal sealed record PointView(string Value, string Text, string Label, bool SecondRow = false);

/// <summary>An option of a choice question.</summary>
internal sealed record OptionView(string Id, string Label);

/// <summary>A touchpoint to grade.</summary>
internal sealed record ItemView(string Id, string Label, bool Conditional);

/// <summary>
/// A question, with what every type's template needs. <see cref="Data"/> holds the attributes surveykit.js reads:
/// the rules and the respondent's messages, made by the same code for every language.
/// </summary>
internal sealed record QuestionView
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public required string Text { get; init; }
    public string HelpHtml { get; init; } = "";
    public string Hint { get; init; } = "";

    /// <summary>The ids of the hint and help, for aria-describedby.</summary>
    public string DescribedBy =>
        string.Join(
            " ",
            new[]
            {
                Hint != "" ? "sk-" + Id + "-hint" : "",
                HelpHtml != "" ? "sk-" + Id + "-help" : "",
            }.Where(s => s.Length > 0)
        );
    public bool Optional { get; init; }
    public bool Conditional { get; init; }
    public string Data { get; init; } = "";
    public IReadOnlyList<PointView> Points { get; init; } = [];
    public string LowLabel { get; init; } = "";
    public string HighLabel { get; init; } = "";
    public string NotApplicable { get; init; } = "";
    public IReadOnlyList<ItemView> Items { get; init; } = [];
    public string Compare { get; init; } = "";
    public IReadOnlyList<OptionView> CompareOptions { get; init; } = [];
    public IReadOnlyList<OptionView> Options { get; init; } = [];
    public string Other { get; init; } = "";
    public string OtherText { get; init; } = "";
    public bool Randomize { get; init; }
    public bool Multiline { get; init; }
    public string InputMode { get; init; } = "";
}

/// <summary>The page after sending.</summary>
internal sealed record ThanksView(
    string Lang,
    string Title,
    string OutroHtml,
    string Csp,
    string CssUrl,
    string IconUrl,
    string JsUrl,
    IReadOnlyDictionary<string, string> Ui,
    string ReloadUrl
);
