using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Workspace;

namespace SurveyKit.Site.Tests;

/// <summary>What <c>surveykit build</c> writes, without a browser.</summary>
public sealed class SiteBuilderTests
{
    /// <summary>One TCP round trip (the initial congestion window).</summary>
    public const int Budget = 14 * 1024;

    [Fact]
    public void Every_survey_gets_a_page_and_a_thank_you_page_per_language_with_shared_hashed_assets()
    {
        using var site = new TestSite(TestSite.Examples());
        var paths = site.Files.Select(f => f.Path).ToHashSet();
        foreach (var survey in site.Surveys)
        {
            Assert.Contains($"{survey.Id}/index.html", paths);
            foreach (var lang in survey.Languages)
            {
                var folder = TestSite.PageFolder(survey, lang);
                Assert.Contains(folder + "index.html", paths);
                Assert.Contains(folder + "thanks.html", paths);
                Assert.Contains(
                    $"<html lang=\"{lang}\">",
                    site.Text(folder + "index.html"),
                    StringComparison.Ordinal
                );
            }
        }
        Assert.Contains("index.html", paths);
        Assert.Single(
            paths,
            p =>
                p.StartsWith("assets/surveykit.", StringComparison.Ordinal)
                && p.EndsWith(".css", StringComparison.Ordinal)
        );
        Assert.Single(
            paths,
            p =>
                p.StartsWith("assets/surveykit.", StringComparison.Ordinal)
                && p.EndsWith(".js", StringComparison.Ordinal)
        );
        var headers = site.Text("_headers");
        Assert.Contains("frame-ancestors 'none'", headers, StringComparison.Ordinal);
        Assert.Contains("Referrer-Policy: no-referrer", headers, StringComparison.Ordinal);
        Assert.Contains(
            "/assets/*\n  Cache-Control: public, max-age=31536000, immutable",
            headers,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_whole_survey_page_fits_in_one_round_trip()
    {
        using var site = new TestSite(TestSite.Examples());
        var report = new List<string>();
        foreach (
            var page in site.Files.Where(f =>
                f.Path.EndsWith("/index.html", StringComparison.Ordinal)
            )
        )
        {
            var html = Encoding.UTF8.GetString(page.Content);
            // Everything the page loads: itself and each local file it links to.
            var linked = site
                .Files.Where(f => html.Contains("\"/" + f.Path + "\"", StringComparison.Ordinal))
                .ToList();
            var total = Gzip(page.Content) + linked.Sum(f => Gzip(f.Content));
            report.Add($"{page.Path}: {total} bytes gzip ({linked.Count} linked files)");
            Assert.True(linked.Count >= 3, page.Path + " links " + linked.Count + " files");
            Assert.True(
                total <= Budget,
                $"{page.Path} weighs {total} bytes gzip; the budget is {Budget}"
            );
        }
        Assert.Equal(6, report.Count);
    }

    [Fact]
    public void A_broken_template_override_is_a_located_error()
    {
        var folder = Directory.CreateTempSubdirectory("surveykit-templates-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "site"));
            File.WriteAllText(
                Path.Combine(folder, "site", "thanks.sbn-html"),
                "<h1>{{ page.title }}</h1>\n{{ for x in page.ui }}\n<p>\n"
            );
            var result = new SiteBuilder(
                new SiteOptions("/", SubmitConfig.Default, folder),
                p => Path.GetFileName(p)
            ).Build(TestSite.Examples());
            Assert.False(result.Succeeded);
            Assert.Empty(result.Files);
            var error = Assert.Single(result.Diagnostics);
            Assert.Equal("SK0085", error.Id);
            Assert.StartsWith("thanks.sbn-html(", error.ToString(), StringComparison.Ordinal);
            Assert.Contains(
                "error SK0085: The site template cannot be used:",
                error.ToString(),
                StringComparison.Ordinal
            );
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void A_template_that_fails_while_rendering_is_a_located_error_not_an_exception()
    {
        var folder = Directory.CreateTempSubdirectory("surveykit-templates-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "site"));
            File.WriteAllText(
                Path.Combine(folder, "site", "thanks.sbn-html"),
                "<p>ok</p>\n{{ include 'missing.sbn-html' }}\n"
            );
            var result = new SiteBuilder(
                new SiteOptions("/", SubmitConfig.Default, folder),
                p => Path.GetFileName(p)
            ).Build(TestSite.Examples());
            Assert.False(result.Succeeded);
            var error = result.Diagnostics.First();
            Assert.Equal(
                "thanks.sbn-html(2,4): error SK0085: The site template cannot be used: the template 'missing.sbn-html' does not exist.",
                error.ToString()
            );
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void A_workspace_template_replaces_the_built_in_one_and_the_rest_stay()
    {
        var folder = Directory.CreateTempSubdirectory("surveykit-templates-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "site"));
            File.WriteAllText(
                Path.Combine(folder, "site", "thanks.sbn-html"),
                "<!doctype html><html lang=\"{{ page.lang }}\"><title>{{ page.title }}</title><p>Dank je wel!</p></html>"
            );
            using var site = new TestSite(TestSite.Examples(), templates: folder);
            Assert.Contains(
                "Dank je wel!",
                site.Text("bezorging/thanks.html"),
                StringComparison.Ordinal
            );
            Assert.Contains(
                "<fieldset",
                site.Text("bezorging/index.html"),
                StringComparison.Ordinal
            );
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Netlify_forms_get_the_attributes_Netlify_reads_and_post_to_the_thank_you_page()
    {
        using var site = new TestSite(
            TestSite.Examples(),
            new SubmitConfig(SubmitTarget.Netlify, "/")
        );
        var html = site.Text("bezorging/en/index.html");
        Assert.Contains("action=\"/bezorging/en/thanks.html\"", html, StringComparison.Ordinal);
        Assert.Contains(
            "name=\"bezorging\" data-netlify=\"true\" netlify-honeypot=\"bot-field\"",
            html,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "<input type=\"hidden\" name=\"form-name\" value=\"bezorging\">",
            html,
            StringComparison.Ordinal
        );
        Assert.Contains("name=\"bot-field\"", html, StringComparison.Ordinal);
    }

    // A total that jumps ("Step 1 of 2", then "Step 2 of 3") misleads: when an answer can add or remove a page, the
    // page counts steps without a total (issue 12).
    [Theory]
    [InlineData(false, "data-m-step=\"Step {0} of {1}\"")]
    [InlineData(true, "data-m-step=\"Step {0}\"")]
    public void The_progress_line_shows_a_total_only_when_no_answer_can_change_it(
        bool skippable,
        string expected
    )
    {
        var survey = TestSite.Parse(
            $$"""
            survey: steps
            version: 1
            languages: [en]
            title: Steps
            pages:
              - id: first
                questions:
                  - id: recommend
                    type: nps
                    text: Recommend?
              - id: second
                questions:
                  - id: why
                    type: text
                    text: Why?
                    {{(skippable ? "show_if: recommend <= 6" : "")}}
            """
        );
        using var site = new TestSite([survey], SubmitConfig.Default);
        Assert.Contains(expected, site.Text("steps/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Formspree_forms_post_to_Formspree_and_the_policy_allows_exactly_that_origin()
    {
        using var site = new TestSite(
            TestSite.Examples(),
            new SubmitConfig(SubmitTarget.Formspree, "https://formspree.io/f/xyzabcd")
        );
        var html = site.Text("bezorging/en/index.html");
        Assert.Contains(
            "action=\"https://formspree.io/f/xyzabcd\"",
            html,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "connect-src 'self' https://formspree.io; form-action 'self' https://formspree.io;",
            html,
            StringComparison.Ordinal
        );
        Assert.Contains("name=\"_gotcha\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rebuild_removes_the_pages_of_a_survey_that_is_gone_and_leaves_other_files_alone()
    {
        var folder = Directory.CreateTempSubdirectory("surveykit-out-").FullName;
        try
        {
            var surveys = TestSite.Examples();
            var builder = new SiteBuilder(new SiteOptions("/", SubmitConfig.Default, null));
            File.WriteAllText(Path.Combine(folder, "CNAME"), "surveys.example.org");
            Assert.True(SiteWriter.Write(folder, builder.Build(surveys).Files) > 0);
            Assert.Equal(0, SiteWriter.Write(folder, builder.Build(surveys).Files));
            SiteWriter.Write(
                folder,
                builder.Build(surveys.Where(s => s.Id != "bezorging").ToList()).Files
            );
            Assert.False(File.Exists(Path.Combine(folder, "bezorging", "index.html")));
            Assert.False(File.Exists(Path.Combine(folder, "bezorging", "en", "thanks.html")));
            Assert.True(File.Exists(Path.Combine(folder, "klantloyaliteit", "index.html")));
            Assert.True(File.Exists(Path.Combine(folder, "CNAME")));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void A_base_url_prefixes_every_link()
    {
        var result = new SiteBuilder(new SiteOptions("/surveys", SubmitConfig.Default, null)).Build(
            TestSite.Examples()
        );
        var html = Encoding.UTF8.GetString(
            result.Files.Single(f => f.Path == "bezorging/index.html").Content
        );
        Assert.Contains("href=\"/surveys/assets/surveykit.", html, StringComparison.Ordinal);
        Assert.Contains(
            "data-thanks=\"/surveys/bezorging/thanks.html\"",
            html,
            StringComparison.Ordinal
        );
        Assert.Contains("href=\"/surveys/bezorging/en/\"", html, StringComparison.Ordinal);
    }

    internal static int Gzip(byte[] content)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.SmallestSize))
        {
            gzip.Write(content);
        }
        return memory.ToArray().Length;
    }
}
