using System.Collections.Generic;
using System.Linq;
using SurveyKit.Core.Model;
using SurveyKit.Core.Workspace;
using SurveyKit.Rendering.Html;
using SurveyKit.Site.Html;
using SurveyKit.Site.Texts;

namespace SurveyKit.Site.Views;

/// <summary>The URLs of the shared assets (content-hashed, so hosts may cache them forever).</summary>
internal sealed record AssetUrls(string Css, string Js, string Icon);

/// <summary>Builds the views of the site's pages from the survey model.</summary>
internal sealed class PageViews(SiteLinks links, AssetUrls assets)
{
    private static readonly string[] UiKeys =
    [
        "submit",
        "next",
        "back",
        "optional",
        "error_prefix",
        "error_title",
        "step",
        "language",
        "honeypot",
        "sending",
        "offline",
        "rejected",
        "answered",
        "restored",
        "no_js_hint",
        "thanks_title",
        "surveys",
    ];

    public SurveyPageView Survey(Survey survey, string lang, string rulesUrl)
    {
        var questions = new QuestionViews(lang, survey);
        var pages = survey
            .Pages.Select(
                (page, index) =>
                    new PageView(
                        page.Id,
                        page.Title is null ? "" : HtmlText.Escape(page.Title[lang]),
                        index + 1,
                        page.Questions.Select(questions.Build).ToList()
                    )
            )
            .ToList();
        return new SurveyPageView(
            lang,
            survey.Id,
            survey.Version,
            HtmlText.Escape(survey.Title[lang]),
            survey.Intro is null ? "" : SafeMarkdown.ToHtml(survey.Intro[lang]),
            links.Csp,
            assets.Css,
            assets.Icon,
            assets.Js,
            rulesUrl,
            links.Page(survey, lang),
            links.Thanks(survey, lang),
            Languages(survey).Where(l => l.Lang != lang).ToList(),
            Submit(survey, lang),
            survey.Settings.SaveProgress,
            survey.Settings.ShowProgress,
            survey
                .Context.Select(c => new ContextView(
                    c.Id,
                    HtmlText.Escape(string.Join(" ", c.Values))
                ))
                .ToList(),
            pages,
            SurveyUi(survey, lang),
            links.ReloadUrl
        );
    }

    /// <summary>
    /// The words of a survey page. "Step 2 of 3" only when the number of steps cannot change: when a page can be
    /// skipped (every question on it has a condition), an answer can add or remove a step, and a total that jumps
    /// ("Step 1 of 2", then "Step 2 of 3") misleads; then the page says "Step 2" (as GOV.UK advises: no total that
    /// changes).
    /// </summary>
    private static Dictionary<string, string> SurveyUi(Survey survey, string lang)
    {
        var ui = Ui(lang);
        if (survey.Pages.Any(page => page.Questions.All(q => q.ShowIf is not null)))
        {
            ui["step"] = HtmlText.Escape(UiTexts.Get(lang, "step_open"));
        }
        return ui;
    }

    public ThanksView Thanks(Survey survey, string lang) =>
        new(
            lang,
            HtmlText.Escape(survey.Title[lang]),
            survey.Outro is null ? "" : SafeMarkdown.ToHtml(survey.Outro[lang]),
            links.Csp,
            assets.Css,
            assets.Icon,
            assets.Js,
            Ui(lang),
            links.ReloadUrl
        );

    public IndexView Index(IReadOnlyList<Survey> surveys)
    {
        // The index speaks the language most surveys start with; each title carries its own lang.
        var lang =
            surveys
                .GroupBy(s => s.DefaultLanguage)
                .OrderByDescending(g => g.Count())
                .ThenBy(g => g.Key, System.StringComparer.Ordinal)
                .Select(g => g.Key)
                .FirstOrDefault()
            ?? "en";
        return new IndexView(
            lang,
            HtmlText.Escape(UiTexts.Get(lang, "surveys")),
            assets.Css,
            assets.Icon,
            links.Csp,
            surveys.Select(s => new IndexEntry(s.Id, Languages(s))).ToList(),
            links.ReloadUrl
        );
    }

    private List<LanguageLink> Languages(Survey survey) =>
        survey
            .Languages.Select(l => new LanguageLink(
                l,
                HtmlText.Escape(UiTexts.LanguageName(l)),
                HtmlText.Escape(survey.Title[l]),
                links.Page(survey, l)
            ))
            .ToList();

    private SubmitView Submit(Survey survey, string lang)
    {
        var submit = links.Submit;
        var endpoint = HtmlText.Escape(submit.Endpoint);
        return submit.Type switch
        {
            // Netlify reads the form at deploy time and takes the post at any path; its action is the page shown after.
            SubmitTarget.Netlify => new SubmitView(
                "netlify",
                HtmlText.Escape(links.Thanks(survey, lang)),
                HtmlText.Escape(links.BaseUrl),
                "bot-field"
            ),
            SubmitTarget.Formspree => new SubmitView("formspree", endpoint, endpoint, "_gotcha"),
            _ => new SubmitView("json", endpoint, endpoint, "_hp"),
        };
    }

    private static Dictionary<string, string> Ui(string lang) =>
        UiKeys.ToDictionary(k => k, k => HtmlText.Escape(UiTexts.Get(lang, k)));
}
