using SurveyKit.Core.Model;

namespace SurveyKit.Site.Views;

/// <summary>Where the site puts a survey's pages, for the commands that link to them (surveykit invite).</summary>
public static class SitePaths
{
    /// <summary>The folder of <paramref name="survey"/>'s page in <paramref name="lang"/>, relative to the site: <c>relatie/</c>, <c>relatie/en/</c>.</summary>
    public static string Page(Survey survey, string lang) => SiteLinks.PageFolder(survey, lang);
}
