using System;
using System.IO;
using System.Linq;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Workspace;

namespace SurveyKit.Core.Tests.Workspace;

public sealed class WorkspaceTests : IDisposable
{
    private readonly string _root = Path.Combine(
        Path.GetTempPath(),
        "surveykit-ws-" + Guid.NewGuid().ToString("N")
    );

    public WorkspaceTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relative, string content)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Theory]
    [InlineData("**/*.survey.yaml", "a.survey.yaml", true)]
    [InlineData("**/*.survey.yaml", "x/y/a.survey.yaml", true)]
    [InlineData("examples/**/*.survey.yaml", "examples/a.survey.yaml", true)]
    [InlineData("examples/**/*.survey.yaml", "examples/k/a.survey.yaml", true)]
    [InlineData("examples/**/*.survey.yaml", "other/a.survey.yaml", false)]
    [InlineData("examples/*.survey.yaml", "examples/k/a.survey.yaml", false)]
    [InlineData("./surveys/?.survey.yaml", "surveys/a.survey.yaml", true)]
    [InlineData("surveys/a.survey.yaml", "surveys/a.survey.yaml", true)]
    [InlineData("surveys/a.survey.yaml", "surveys/a_survey.yaml", false)]
    [InlineData("examples/**", "examples/k/l/a.survey.yaml", true)]
    [InlineData("**/k/*.survey.yaml", "x/k/a.survey.yaml", true)]
    [InlineData("**/k/*.survey.yaml", "x/kk/a.survey.yaml", false)]
    [InlineData("a*b*c.survey.yaml", "axxbyyc.survey.yaml", true)]
    [InlineData("a*b*c.survey.yaml", "axxbyy/c.survey.yaml", false)]
    [InlineData("*", "", true)]
    [InlineData("", "", true)]
    [InlineData("", "a", false)]
    public void Globs_match_as_in_gitignore(string pattern, string path, bool matches)
    {
        Assert.Equal(matches, new Glob(pattern).IsMatch(path));
    }

    // A backtracking regular expression ran past 60 s for this pattern against one long name (issue 11, finding 8).
    [Fact]
    public void A_pattern_of_many_stars_against_a_long_name_costs_pattern_times_name_at_most()
    {
        var glob = new Glob("*a*a*a*a*a*a*ab.survey.yaml");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.False(glob.IsMatch(new string('a', 4000) + ".survey.yaml"));
        Assert.True(clock.Elapsed.TotalSeconds < 1, clock.Elapsed.ToString());
        Growth.IsLinear(n => glob.IsMatch(new string('a', n) + ".survey.yaml"), 2_000);
        var stars = new Glob(string.Concat(Enumerable.Repeat("**/*a", 200)) + "b");
        Assert.False(stars.IsMatch(string.Join("/", Enumerable.Repeat("aaaa", 500))));
    }

    [Fact]
    public void Every_key_has_a_default()
    {
        var result = WorkspaceLoader.Load(Write("surveykit.json", "{}"));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(WorkspaceConfig.Default(_root), result.Config);
    }

    [Fact]
    public void The_documented_keys_are_read()
    {
        var path = Write(
            "surveykit.json",
            """
            {
              "surveys": ["surveys/**/*.survey.yaml"],
              "output": "public",
              "analysis": "reports",
              "baseUrl": "/enquetes/",
              "templates": "theme",
              "submit": { "type": "formspree", "endpoint": "https://formspree.io/f/abc" }
            }
            """
        );
        var config = WorkspaceLoader.Load(path).Config!;
        Assert.Equal(new[] { "surveys/**/*.survey.yaml" }, config.Surveys);
        Assert.Equal(
            ("public", "reports", "/enquetes/", "theme"),
            (config.Output, config.Analysis, config.BaseUrl, config.Templates)
        );
        Assert.Equal(
            new SubmitConfig(SubmitTarget.Formspree, "https://formspree.io/f/abc"),
            config.Submit
        );
    }

    [Fact]
    public void Netlify_posts_to_the_site_itself_by_default()
    {
        var config = WorkspaceLoader
            .Load(Write("surveykit.json", """{ "submit": { "type": "netlify" } }"""))
            .Config!;
        Assert.Equal(new SubmitConfig(SubmitTarget.Netlify, "/"), config.Submit);
    }

    [Theory]
    [InlineData("{ \"outptu\": \"x\" }", "SK0010", 1, 3, "Did you mean 'output'?")]
    [InlineData(
        "{ \"submit\": { \"type\": \"mail\" } }",
        "SK0013",
        1,
        23,
        "json, netlify or formspree"
    )]
    [InlineData("{ \"surveys\": \"*.survey.yaml\" }", "SK0012", 1, 14, "a list of file patterns")]
    [InlineData("{ \"output\": \"\" }", "SK0013", 1, 13, "a non-empty string")]
    [InlineData(
        "{ \"submit\": { \"type\": \"1\" } }",
        "SK0013",
        1,
        23,
        "json, netlify or formspree"
    )]
    [InlineData(
        "{ \"submit\": { \"type\": \"formspree\" } }",
        "SK0011",
        1,
        13,
        "https://formspree.io/f/"
    )]
    [InlineData("{ \"surveys\": [ }", "SK0001", 1, 16, "")]
    [InlineData(
        "{ \"surveys\": [\"/**/*.survey.yaml\"] }",
        "SK0013",
        1,
        15,
        "inside the workspace"
    )]
    [InlineData("{ \"surveys\": [\"../../**/*.survey.yaml\"] }", "SK0013", 1, 15, "without '..'")]
    public void Mistakes_are_located(string json, string id, int line, int column, string fragment)
    {
        var result = WorkspaceLoader.Load(Write("surveykit.json", json));
        Assert.Null(result.Config);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(
            (id, line, column),
            (diagnostic.Id, diagnostic.Span.Start.Line, diagnostic.Span.Start.Column)
        );
        Assert.Contains(fragment, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Survey_files_are_found_sorted_once_each_and_build_output_is_skipped()
    {
        Write("examples/b/b.survey.yaml", "");
        Write("examples/a/a.survey.yaml", "");
        Write("examples/a/notes.yaml", "");
        Write("examples/a/bin/old.survey.yaml", "");
        Write("_site/copy.survey.yaml", "");
        var config = WorkspaceConfig.Default(_root) with
        {
            Surveys = new(["examples/**/*.survey.yaml", "**/a.survey.yaml"]),
        };
        var bag = new DiagnosticBag("surveykit.json");
        var files = WorkspaceLoader
            .FindSurveyFiles(config, bag)
            .Select(f => Path.GetRelativePath(_root, f).Replace('\\', '/'));
        Assert.Equal(new[] { "examples/a/a.survey.yaml", "examples/b/b.survey.yaml" }, files);
        Assert.Empty(bag.ToSortedArray());
    }

    [Fact]
    public void A_pattern_that_matches_nothing_is_a_warning()
    {
        var config = WorkspaceConfig.Default(_root) with
        {
            Surveys = new(["surveys/**/*.survey.yaml"]),
        };
        var bag = new DiagnosticBag("surveykit.json");
        Assert.Empty(WorkspaceLoader.FindSurveyFiles(config, bag));
        var diagnostic = Assert.Single(bag.ToSortedArray());
        Assert.Equal(("SK0080", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
    }

    [Fact]
    public void The_repository_workspace_names_the_examples()
    {
        // The repository's own surveykit.json, as the README's main command reads it.
        var repositoryConfig = Path.Combine(TestData.Folder, "surveykit.json");
        var result = WorkspaceLoader.Load(repositoryConfig);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new[] { "examples/**/*.survey.yaml" }, result.Config!.Surveys);
    }
}
