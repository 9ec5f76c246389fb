using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Yaml;

namespace SurveyKit.Core.Tests.Yaml;

public class YamlLoaderTests
{
    private static SurveyLoadResult LoadBytes(byte[] bytes) =>
        SurveyLoader.Load("demo.survey.yaml", bytes);

    private static (string Id, int Line, int Column) Single(SurveyLoadResult result)
    {
        var diagnostic = Assert.Single(result.Diagnostics);
        return (diagnostic.Id, diagnostic.Span.Start.Line, diagnostic.Span.Start.Column);
    }

    [Fact]
    public void A_byte_order_mark_is_not_content()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }
            .Concat(Encoding.UTF8.GetBytes(TestData.Minimal))
            .ToArray();
        var result = LoadBytes(bytes);
        Assert.Empty(result.Diagnostics);
        Assert.Equal("demo", result.Survey!.Id);
    }

    [Fact]
    public void Crlf_line_ends_give_the_same_survey_and_the_same_positions()
    {
        var lf = TestData.Check(TestData.Minimal + "\n    colour: red\n");
        var crlf = SurveyLoader.Load(
            "demo.survey.yaml",
            Encoding.UTF8.GetBytes((TestData.Minimal + "\n    colour: red\n").Replace("\n", "\r\n"))
        );
        Assert.Equal(TestData.Lines(lf), TestData.Lines(crlf));
        Assert.Equal(("SK0010", 9, 5), Single(crlf));
    }

    [Fact]
    public void Invalid_utf8_is_located_at_the_bad_byte()
    {
        var bytes = Encoding
            .UTF8.GetBytes("survey: demo\ntitle: caf")
            .Concat(new byte[] { 0xE9, (byte)'\n' })
            .ToArray();
        var result = LoadBytes(bytes);
        Assert.Equal(("SK0004", 2, 11), Single(result));
        Assert.Contains("0xE9", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0x80 })] // overlong NUL
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // a UTF-16 surrogate
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })] // past U+10FFFF
    [InlineData(new byte[] { 0xE2, 0x82 })] // cut short at the end
    public void Every_kind_of_invalid_utf8_is_caught(byte[] bad)
    {
        var result = LoadBytes(Encoding.UTF8.GetBytes("title: ").Concat(bad).ToArray());
        Assert.Equal(("SK0004", 1, 8), Single(result));
    }

    [Fact]
    public void Multibyte_characters_count_as_one_column()
    {
        var result = TestData.Check(
            TestData.Minimal.Replace("title: Demo", "title: Één\ncolour: 1")
        );
        Assert.Equal(("SK0010", 5, 1), Single(result));
        var accented = TestData.Check(
            "survey: demo\nversion: 1\nlanguages: [en]\ntitle: Déjà vu \t: x\n"
        );
        Assert.All(accented.Diagnostics, d => Assert.True(d.Span.Start.Line <= 5));
    }

    [Fact]
    public void A_tab_in_the_indentation_is_pointed_at()
    {
        var result = TestData.Check(TestData.Minimal.Replace("    type: nps", "\ttype: nps"));
        Assert.Equal(("SK0003", 7, 1), Single(result));
    }

    // YamlDotNet says "found invalid tab as indentation" at (1,1) for these; the tab is what the user must find.
    [Theory]
    [InlineData(
        "survey: demo\nversion: 1\nlanguages: [en]\ntitle: Demo\nquestions:\n\t- id: recommend\n",
        6,
        1
    )]
    [InlineData("survey: demo\nversion: 1\nlanguages: [en]\ntitle:\n\ten: Demo\n", 5, 1)]
    public void A_tab_reported_at_the_start_of_the_file_is_pointed_at_where_it_is(
        string yaml,
        int line,
        int column
    )
    {
        Assert.Equal(("SK0003", line, column), Single(TestData.Check(yaml)));
    }

    [Theory]
    [InlineData(
        "    type: nps",
        "   type: nps",
        7,
        4,
        "indented 3 spaces, but 'id' on line 6 is indented 4 spaces"
    )]
    [InlineData(
        "    text: How",
        "     text: How",
        8,
        6,
        "indented 5 spaces, but 'type' on line 7 is indented 4 spaces and has its value on the same line"
    )]
    public void A_line_indented_unlike_its_siblings_is_explained(
        string line,
        string replacement,
        int atLine,
        int atColumn,
        string explanation
    )
    {
        var yaml = TestData.Minimal.Replace(line, replacement);
        var result = TestData.Check(yaml);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(
            ("SK0001", atLine, atColumn),
            (diagnostic.Id, diagnostic.Span.Start.Line, diagnostic.Span.Start.Column)
        );
        Assert.Contains(explanation, diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(
            "did not find expected",
            diagnostic.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_key_indented_under_a_key_that_has_a_value_is_explained()
    {
        var yaml = "survey: demo\nversion: 1\n  languages: [en]\ntitle: Demo\n";
        var diagnostic = Assert.Single(TestData.Check(yaml).Diagnostics);
        Assert.Equal(
            ("SK0001", 3, 3),
            (diagnostic.Id, diagnostic.Span.Start.Line, diagnostic.Span.Start.Column)
        );
        Assert.Contains(
            "'version' on line 2 is indented 0 spaces and has its value on the same line",
            diagnostic.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_list_item_at_the_level_of_keys_is_explained()
    {
        var yaml =
            "survey: demo\nversion: 1\nlanguages: [en]\ntitle: Demo\nquestions:\n- id: recommend\n  type: nps\n  text: How likely?\n  - id: other\n";
        var diagnostic = Assert.Single(TestData.Check(yaml).Diagnostics);
        Assert.Equal(
            ("SK0001", 9, 3),
            (diagnostic.Id, diagnostic.Span.Start.Line, diagnostic.Span.Start.Column)
        );
        Assert.Contains(
            "put its '-' at 0 spaces, like line 6",
            diagnostic.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_list_item_out_of_line_with_the_others_is_explained()
    {
        var yaml = TestData.Minimal + "\n - id: other\n    type: nps\n    text: x\n";
        var diagnostic = Assert.Single(TestData.Check(yaml).Diagnostics);
        Assert.Equal(
            ("SK0001", 9, 2),
            (diagnostic.Id, diagnostic.Span.Start.Line, diagnostic.Span.Start.Column)
        );
        Assert.Contains(
            "the '-' of the list item on line 6 is indented 2 spaces",
            diagnostic.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Thirty_thousand_inline_questions_without_aliases_are_too_many_values()
    {
        var yaml = new StringBuilder(
            "survey: big\nversion: 1\nlanguages: [en]\ntitle: Big\nquestions:\n"
        );
        for (var i = 0; i < 30_000; i++)
        {
            yaml.Append("- {id: q").Append(i).Append(", type: nps, text: x}\n");
        }
        Assert.True(yaml.Length < YamlLoader.MaxFileBytes);
        var clock = Stopwatch.StartNew();
        var diagnostic = Assert.Single(TestData.Check(yaml.ToString()).Diagnostics);
        Assert.True(clock.Elapsed.TotalSeconds < 10, clock.Elapsed.ToString());
        Assert.Equal("SK0086", diagnostic.Id);
        Assert.DoesNotContain("Alias", diagnostic.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(diagnostic.Span.Start.Line > 5);
    }

    [Fact]
    public void A_duplicate_key_is_reported_at_the_second_with_the_line_of_the_first()
    {
        var result = TestData.Check(TestData.Minimal + "\n    text: Again?\n");
        var (id, line, column) = Single(result);
        Assert.Equal(("SK0002", 9, 5), (id, line, column));
        Assert.Contains("line 8", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_billion_laughs_document_is_refused_quickly()
    {
        var yaml = new StringBuilder(
            "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        );
        for (var i = 1; i < 10; i++)
        {
            var refs = string.Join(",", Enumerable.Repeat($"*a{i - 1}", 9));
            yaml.Append($"a{i}: &a{i} [{refs}]\n");
        }
        var clock = Stopwatch.StartNew();
        var result = TestData.Check(yaml.ToString());
        clock.Stop();
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SK0007", diagnostic.Id);
        Assert.True(diagnostic.Span.Start.Line is >= 5 and <= 10, diagnostic.ToString());
        Assert.True(
            clock.Elapsed < TimeSpan.FromSeconds(5),
            "expansion must be bounded, took " + clock.Elapsed
        );
    }

    [Fact]
    public void Small_aliases_are_allowed_and_read_as_copies()
    {
        var yaml = """
            survey: demo
            version: 1
            languages: [en]
            title: &t Demo
            intro: *t
            questions:
              - id: recommend
                type: nps
                text: How likely are you to recommend us?
            """;
        var result = TestData.Check(yaml);
        Assert.Empty(result.Diagnostics);
        Assert.Equal("Demo", result.Survey!.Intro!["en"]);
    }

    [Fact]
    public void An_alias_to_an_unknown_anchor_is_a_syntax_error()
    {
        var result = TestData.Check(TestData.Minimal.Replace("title: Demo", "title: *nothing"));
        Assert.Equal(("SK0001", 4, 8), Single(result));
    }

    [Theory]
    [InlineData("[", 71)] // "title: " is 7 columns; the 64th bracket is the 65th level
    [InlineData("{a: ", 7 + (63 * 4) + 1)]
    public void Twenty_thousand_levels_of_flow_nesting_are_refused(string open, int column)
    {
        var yaml = "title: " + string.Concat(Enumerable.Repeat(open, 20_000)) + "x";
        var diagnostic = Assert.Single(TestData.Check(yaml).Diagnostics);
        Assert.Equal(
            ("SK0006", 1, column),
            (diagnostic.Id, diagnostic.Span.Start.Line, diagnostic.Span.Start.Column)
        );
    }

    [Fact]
    public void Deep_block_nesting_is_refused_at_the_limit()
    {
        // Block nesting indents every level, so 1,000 levels is already half a megabyte.
        var yaml = new StringBuilder();
        for (var i = 0; i < 1_000; i++)
        {
            yaml.Append(' ', i).Append("k:\n");
        }
        var result = TestData.Check(yaml.ToString());
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SK0006", diagnostic.Id);
        Assert.Equal(YamlLoader.MaxDepth + 1, diagnostic.Span.Start.Line); // the first level past the limit
    }

    [Fact]
    public void A_ten_megabyte_file_is_refused_before_it_is_parsed()
    {
        var bytes = new byte[10 * 1024 * 1024];
        Array.Fill(bytes, (byte)'a');
        var result = LoadBytes(bytes);
        Assert.Equal(("SK0005", 1, 1), Single(result));
    }

    [Fact]
    public void A_second_document_is_reported_where_it_starts()
    {
        var result = TestData.Check(TestData.Minimal + "\n---\nsurvey: other\n");
        Assert.Equal(("SK0008", 9, 1), Single(result));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    [InlineData("~\n")]
    public void An_empty_file_says_how_to_start(string yaml)
    {
        var result = TestData.Check(yaml);
        Assert.Equal(("SK0009", 1, 1), Single(result));
    }

    [Fact]
    public void A_syntax_error_is_located_and_the_message_has_no_yamldotnet_noise()
    {
        var result = TestData.Check("survey: demo\ntitle: [unclosed\nversion: 1\n");
        var diagnostic = result.Diagnostics.First();
        Assert.Equal("SK0001", diagnostic.Id);
        Assert.DoesNotContain("Idx:", diagnostic.Message, StringComparison.Ordinal);
        Assert.True(diagnostic.Span.Start.Line >= 2);
    }

    [Theory]
    [InlineData("    show_if: !contact_ok\n", 9, 14, "'!contact_ok'")]
    [InlineData("    help: !!binary aGk=\n", 9, 11, "tag:yaml.org,2002:binary")]
    public void A_yaml_tag_is_a_located_mistake(string extra, int line, int column, string fragment)
    {
        var result = TestData.Check(TestData.Minimal + "\n" + extra);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(
            ("SK0001", line, column),
            (diagnostic.Id, diagnostic.Span.Start.Line, diagnostic.Span.Start.Column)
        );
        Assert.Contains(fragment, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_str_tag_is_harmless()
    {
        Assert.Empty(
            TestData.Check(TestData.Minimal.Replace("title: Demo", "title: !!str Demo")).Diagnostics
        );
    }

    [Fact]
    public void Scalars_are_never_booleans_or_numbers_by_themselves()
    {
        var bag = new DiagnosticBag("x.yaml");
        var root = (YamlMapping)YamlLoader.Load("a: no\nb: on\nc: 010\nd: 'yes'\n", bag)!;
        Assert.Equal(
            new[] { "no", "on", "010", "yes" },
            root.Entries.Select(e => ((YamlScalar)e.Value).Value)
        );
    }
}
