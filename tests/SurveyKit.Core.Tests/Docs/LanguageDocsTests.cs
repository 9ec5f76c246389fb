using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace SurveyKit.Core.Tests.Docs;

/// <summary>
/// Every YAML example in docs/language.md is checked (issue 18): a survey, or a part of one completed with the least
/// around it, has no errors, unless the doc says which error it shows (<c>&lt;!-- docs-check: error SK0052 --&gt;</c>)
/// or that it is a fragment of the example before it (<c>&lt;!-- docs-check: fragment --&gt;</c>).
/// </summary>
public class LanguageDocsTests
{
    private static readonly string Document = File.ReadAllText(
        Path.Combine(AppContext.BaseDirectory, "TestData", "language.md")
    );

    public static TheoryData<int> Blocks()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Examples().Length; i++)
        {
            data.Add(i);
        }
        return data;
    }

    private static (string Mark, string Yaml)[] Examples() =>
        Regex
            .Matches(
                Document,
                @"(?:^[ \t]*<!-- docs-check: (?<mark>[^>]*?) -->\n)?^(?<indent>[ \t]*)```yaml\n(?<yaml>.*?)^[ \t]*```",
                RegexOptions.Multiline | RegexOptions.Singleline
            )
            .Select(m =>
                (
                    m.Groups["mark"].Value,
                    Dedent(m.Groups["yaml"].Value, m.Groups["indent"].Value.Length)
                )
            )
            .ToArray();

    [Theory]
    [MemberData(nameof(Blocks))]
    public void The_example_checks_as_the_doc_says(int index)
    {
        var (mark, yaml) = Examples()[index];
        if (mark == "fragment")
        {
            return; // a part of the example before it, shown on its own
        }
        var lines = TestData.Lines(TestData.Check(Complete(yaml)));
        var errors = lines.Where(l => l.Contains(": error ", StringComparison.Ordinal)).ToArray();
        if (mark.StartsWith("error ", StringComparison.Ordinal))
        {
            var code = mark["error ".Length..];
            Assert.True(
                errors.Any(e => e.Contains(" error " + code + ":", StringComparison.Ordinal)),
                $"example {index} should show {code}:\n{string.Join("\n", lines)}\n{yaml}"
            );
        }
        else
        {
            Assert.True(
                errors.Length == 0,
                $"example {index}:\n{string.Join("\n", errors)}\n{yaml}"
            );
        }
    }

    [Fact]
    public void The_examples_are_found_and_most_are_checked()
    {
        var examples = Examples();
        Assert.True(examples.Length >= 25, $"{examples.Length} examples");
        Assert.True(examples.Count(e => e.Mark.Length == 0) >= 15);
        // The key issue 12 added is shown and checked.
        Assert.Contains(
            examples,
            e =>
                e.Mark.Length == 0
                && e.Yaml.Contains(
                    "label: { nl: Zakelijk, en: Business }",
                    StringComparison.Ordinal
                )
        );
    }

    /// <summary>A whole survey as it is; a part of one with the least around it: an id, a title, a question.</summary>
    private static string Complete(string yaml)
    {
        if (Regex.IsMatch(yaml, "^survey:", RegexOptions.Multiline))
        {
            return yaml;
        }
        if (yaml.StartsWith("- id:", StringComparison.Ordinal))
        {
            // A question on its own: after a recommend question, unless it is the recommend question.
            var recommend = yaml.StartsWith("- id: recommend", StringComparison.Ordinal)
                ? ""
                : "  - id: recommend\n    type: nps\n    text: { nl: R, en: R }\n";
            return Header(["nl", "en"])
                + "questions:\n"
                + recommend
                + string.Concat(yaml.TrimEnd('\n').Split('\n').Select(l => "  " + l + "\n"));
        }
        var languages = Regex.Match(yaml, @"^languages:\s*\[([^\]]*)\]", RegexOptions.Multiline);
        var codes = languages.Success
            ? languages.Groups[1].Value.Split(',').Select(l => l.Trim()).ToArray()
            : ["nl", "en"];
        var text = "{ " + string.Join(", ", codes.Select(c => c + ": T")) + " }";
        var survey =
            "survey: demo\nversion: 1\n"
            + (languages.Success ? "" : "languages: [nl, en]\n")
            + yaml;
        if (!Regex.IsMatch(yaml, "^title:", RegexOptions.Multiline))
        {
            survey += "title: " + text + "\n";
        }
        if (!Regex.IsMatch(yaml, "^(questions|pages):", RegexOptions.Multiline))
        {
            survey += "questions:\n  - id: recommend\n    type: nps\n    text: " + text + "\n";
        }
        return survey;
    }

    private static string Header(string[] languages) =>
        $"survey: demo\nversion: 1\nlanguages: [{string.Join(", ", languages)}]\ntitle: {{ {string.Join(", ", languages.Select(l => l + ": T"))} }}\n";

    private static string Dedent(string text, int indent) =>
        indent == 0
            ? text
            : string.Join(
                "\n",
                text.Split('\n').Select(l => l.Length >= indent ? l[indent..] : l.TrimStart())
            );
}
