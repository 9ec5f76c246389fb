using System;
using SurveyKit.Core.Model;
using SurveyKit.Core.Workspace;

namespace SurveyKit.Site.Views;

/// <summary>
/// Where everything lives in the built site, and the content security policy that allows exactly that:
/// scripts and styles from the site itself, posts to the site or to the configured endpoint, nothing else.
/// </summary>
internal sealed class SiteLinks
{
    public SiteLinks(string baseUrl, SubmitConfig submit, string reloadUrl = "")
    {
        ReloadUrl = reloadUrl;
        BaseUrl = baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/";
        Submit = submit;
        var endpointOrigin =
            Uri.TryCreate(submit.Endpoint, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
                ? " " + uri.GetLeftPart(UriPartial.Authority)
                : "";
        Csp =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + $"connect-src 'self'{endpointOrigin}; form-action 'self'{endpointOrigin}; base-uri 'none'";
    }

    /// <summary>The path the site is served under, ending in a slash.</summary>
    public string BaseUrl { get; }

    /// <summary>The live-reload script of <c>surveykit serve</c>, or empty.</summary>
    public string ReloadUrl { get; }

    /// <summary>Where submissions go.</summary>
    public SubmitConfig Submit { get; }

    /// <summary>The policy for a meta tag (which cannot carry frame-ancestors; the _headers file adds it).</summary>
    public string Csp { get; }

    /// <summary>The folder of a survey, relative to the site root.</summary>
    public static string SurveyFolder(string survey) => survey + "/";

    /// <summary>
    /// The folder of a survey in one language, relative to the site root. The first language lives at the survey's own
    /// address (<c>/klantloyaliteit/</c>), so the links people send need no language; the others below it (<c>/klantloyaliteit/en/</c>).
    /// </summary>
    public static string PageFolder(Survey survey, string lang) =>
        lang == survey.DefaultLanguage ? SurveyFolder(survey.Id) : survey.Id + "/" + lang + "/";

    /// <summary>The survey page's URL.</summary>
    public string Page(Survey survey, string lang) => BaseUrl + PageFolder(survey, lang);

    /// <summary>The thank-you page's URL.</summary>
    public string Thanks(Survey survey, string lang) =>
        BaseUrl + PageFolder(survey, lang) + "thanks.html";

    /// <summary>The URL of a file relative to the site root.</summary>
    public string File(string relativePath) => BaseUrl + relativePath;
}
