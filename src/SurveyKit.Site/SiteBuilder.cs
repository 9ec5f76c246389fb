using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Model;
using SurveyKit.Core.Workspace;
using SurveyKit.Rendering.Templates;
using SurveyKit.Site.Html;
using SurveyKit.Site.Scripts;
using SurveyKit.Site.Views;

namespace SurveyKit.Site;

/// <summary>A file of the built site.</summary>
/// <param name="Path">The path relative to the site root, with forward slashes.</param>
/// <param name="Content">The bytes.</param>
public sealed record SiteFile(string Path, byte[] Content);

/// <summary>The outcome of a build: the files, or the diagnostics that stopped it.</summary>
public sealed record SiteBuildResult(
    IReadOnlyList<SiteFile> Files,
    IReadOnlyList<Diagnostic> Diagnostics
)
{
    /// <summary>True when the site may be written.</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);
}

/// <summary>How a site is built.</summary>
/// <param name="BaseUrl">The path the site is served under.</param>
/// <param name="Submit">Where the pages send submissions.</param>
/// <param name="TemplatesFolder">A folder whose <c>site</c> files override the built-in templates, or null.</param>
/// <param name="LiveReload">Add the script of <c>surveykit serve</c> that reloads a page when the site is rebuilt.</param>
public sealed record SiteOptions(
    string BaseUrl,
    SubmitConfig Submit,
    string? TemplatesFolder,
    bool LiveReload = false
)
{
    /// <summary>Where <c>surveykit serve</c> serves its reload script.</summary>
    public const string ReloadScript = "/_surveykit/reload.js";

    /// <summary>The options of a workspace.</summary>
    public static SiteOptions From(WorkspaceConfig config) =>
        new(config.BaseUrl, config.Submit, System.IO.Path.Combine(config.Root, config.Templates));
}

/// <summary>
/// Builds the static site from checked surveys: per survey and language a form page and a thank-you page, the
/// compiled show_if rules, one CSS and one JS file (content-hashed), an index and a <c>_headers</c> file.
/// Pure: it returns the files; <see cref="SiteWriter"/> puts them on disk.
/// </summary>
public sealed class SiteBuilder
{
    private readonly TemplateSet templates;
    private readonly SiteLinks links;
    private readonly List<Diagnostic> loadDiagnostics = [];

    /// <summary>Loads the templates once; a builder may build many times.</summary>
    /// <param name="options">How to build.</param>
    /// <param name="display">How a path is shown in diagnostics; as is when null.</param>
    public SiteBuilder(SiteOptions options, Func<string, string>? display = null)
    {
        templates = TemplateSet.Load(
            typeof(SiteBuilder).Assembly,
            "site",
            options.TemplatesFolder,
            display ?? (p => p),
            loadDiagnostics
        );
        links = new SiteLinks(
            options.BaseUrl,
            options.Submit,
            options.LiveReload ? SiteOptions.ReloadScript : ""
        );
    }

    /// <summary>Builds the site of <paramref name="surveys"/>, which must have passed the check.</summary>
    public SiteBuildResult Build(IReadOnlyList<Survey> surveys)
    {
        if (loadDiagnostics.Count > 0)
        {
            return new SiteBuildResult([], loadDiagnostics);
        }
        var files = new List<SiteFile>();
        var css = Asset("surveykit.css", files);
        var js = Asset("surveykit.js", files);
        var icon = Asset("favicon.svg", files);
        var views = new PageViews(links, new AssetUrls(css, js, icon));
        var perSurvey = new List<SiteFile>[surveys.Count];
        var errors = new List<Diagnostic>[surveys.Count];
        Parallel.For(
            0,
            surveys.Count,
            i =>
            {
                perSurvey[i] = [];
                errors[i] = [];
                BuildSurvey(surveys[i], views, perSurvey[i], errors[i]);
            }
        );
        var diagnostics = errors.SelectMany(e => e).Distinct().ToList();
        files.AddRange(perSurvey.SelectMany(f => f));
        files.Add(Render("index.sbn-html", views.Index(surveys), diagnostics, "index.html"));
        files.Add(new SiteFile("_headers", Encoding.UTF8.GetBytes(Headers())));
        return diagnostics.Count > 0
            ? new SiteBuildResult([], diagnostics)
            : new SiteBuildResult(files, []);
    }

    private void BuildSurvey(
        Survey survey,
        PageViews views,
        List<SiteFile> files,
        List<Diagnostic> errors
    )
    {
        var rules = RulesScript(survey);
        var rulesUrl = "";
        if (rules is not null)
        {
            var path = SiteLinks.SurveyFolder(survey.Id) + "survey." + Hash(rules) + ".js";
            files.Add(new SiteFile(path, rules));
            rulesUrl = links.File(path);
        }
        foreach (var lang in survey.Languages)
        {
            var folder = SiteLinks.PageFolder(survey, lang);
            files.Add(
                Render(
                    "survey.sbn-html",
                    views.Survey(survey, lang, rulesUrl),
                    errors,
                    folder + "index.html"
                )
            );
            files.Add(
                Render(
                    "thanks.sbn-html",
                    views.Thanks(survey, lang),
                    errors,
                    folder + "thanks.html"
                )
            );
        }
    }

    /// <summary>The compiled show_if conditions of a survey, keyed by question id or <c>question.item</c>; null when it has none.</summary>
    private static byte[]? RulesScript(Survey survey)
    {
        var rules = new List<string>();
        foreach (var question in survey.Questions)
        {
            if (question.ShowIf is { } condition)
            {
                rules.Add(
                    JsString.Quote(question.Id) + ":" + ConditionScript.Compile(condition.Root)
                );
            }
            if (question is TouchpointsQuestion touchpoints)
            {
                foreach (var item in touchpoints.Items)
                {
                    if (item.ShowIf is { } itemCondition)
                    {
                        rules.Add(
                            JsString.Quote(question.Id + "." + item.Id)
                                + ":"
                                + ConditionScript.Compile(itemCondition.Root)
                        );
                    }
                }
            }
        }
        var pipes = PipeScript.Uses(survey);
        if (rules.Count == 0 && !pipes)
        {
            return null;
        }
        var script =
            "/* show_if of survey "
            + survey.Id
            + " v"
            + survey.Version
            + ", compiled by SurveyKit */\n"
            + "self.SurveyKitRules={\n"
            + string.Join(",\n", rules)
            + "\n};\n"
            + (pipes ? PipeScript.Shipped : "");
        return Encoding.UTF8.GetBytes(script);
    }

    private string Asset(string name, List<SiteFile> files)
    {
        var bytes = templates.Assets[name];
        var dot = name.LastIndexOf('.');
        var path = "assets/" + name.Substring(0, dot) + "." + Hash(bytes) + name.Substring(dot);
        files.Add(new SiteFile(path, bytes));
        return links.File(path);
    }

    private SiteFile Render(string template, object view, List<Diagnostic> errors, string path)
    {
        var html = templates.Render(template, view, out var error);
        if (error is not null)
        {
            errors.Add(error);
        }
        return new SiteFile(path, Encoding.UTF8.GetBytes(html));
    }

    private string Headers()
    {
        // Hosts that read _headers (Netlify, Cloudflare Pages) get what a meta tag cannot say.
        var builder = new StringBuilder();
        builder.Append(links.BaseUrl).Append("*\n");
        builder
            .Append("  Content-Security-Policy: ")
            .Append(links.Csp)
            .Append("; frame-ancestors 'none'\n");
        builder.Append("  Referrer-Policy: no-referrer\n");
        builder.Append("  X-Content-Type-Options: nosniff\n");
        builder.Append("  X-Frame-Options: DENY\n");
        builder.Append("  Permissions-Policy: camera=(), microphone=(), geolocation=()\n");
        builder.Append(links.BaseUrl).Append("assets/*\n");
        builder.Append("  Cache-Control: public, max-age=31536000, immutable\n");
        return builder.ToString();
    }

    private static string Hash(byte[] bytes) =>
        Convert.ToHexStringLower(SHA256.HashData(bytes)).Substring(0, 10);
}
