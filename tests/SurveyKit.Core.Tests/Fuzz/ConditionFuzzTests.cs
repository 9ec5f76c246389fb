using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using CsCheck;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Responses;
using SurveyKit.Core.Workspace;

namespace SurveyKit.Core.Tests.Fuzz;

/// <summary>
/// Generated show_if conditions and workspace files (CsCheck): whatever their size and shape, checking ends in a
/// located diagnostic or a survey, within a time bound, and a survey that passes evaluates every condition without
/// throwing (issue 11: 70,000 'or' terms once overflowed the stack).
/// </summary>
public class ConditionFuzzTests
{
    private static readonly string[] Subjects =
    [
        "recommend",
        "satisfaction",
        "complaint",
        "channels",
        "touchpoints.website",
        "touchpoints.kiosk",
        "segment",
        "contact_ok",
        "count(channels)",
        "answered(reason)",
        "contains(channels, 'phone')",
        "nope",
        "'text'",
        "7",
        "-3.5",
        "true",
    ];

    private static readonly Gen<string> Term = Gen.OneOf(Subjects.Select(Gen.Const).ToArray());

    private static readonly Gen<string> Comparison = Gen.Select(
            Term,
            Gen.OneOf(
                Gen.Const(" == "),
                Gen.Const(" != "),
                Gen.Const(" < "),
                Gen.Const(" >= "),
                Gen.Const(" in ['no', 'resolved', 3] "),
                Gen.Const(" = "),
                Gen.Const(" && ")
            ),
            Term
        )
        .Select((a, op, b) => op.StartsWith(" in", StringComparison.Ordinal) ? a + op : a + op + b);

    // Chains of up to 1,200 terms (past the limit of 500) with nesting up to 40 (past the limit of 32).
    private static readonly Gen<string> Condition = Gen.Select(
            Comparison.Array[1, 600],
            Gen.Int[0, 40],
            Gen.OneOf(Gen.Const(" or "), Gen.Const(" and "), Gen.Const(" or not "))
        )
        .Select(
            (parts, depth, join) =>
                new string('(', depth) + string.Join(join, parts) + new string(')', depth)
        );

    private static readonly string Survey = File.ReadAllText(
            Path.Combine(TestData.Folder, "dsl", "klantloyaliteit.survey.yaml")
        )
        .Replace("\r\n", "\n");

    [Fact]
    public void Any_condition_is_checked_in_bounded_time_to_a_located_diagnostic_or_a_survey()
    {
        // The last question of the example: a condition there may refer to every other.
        var anchor = Survey.LastIndexOf("      - id: email", StringComparison.Ordinal);
        Assert.True(anchor > 0);
        Condition.Sample(
            condition =>
            {
                var yaml =
                    Survey[..anchor]
                    + "      - id: fuzzed\n        type: text\n        text: { nl: x, en: x }\n        show_if: \""
                    + condition.Replace("\"", "'", StringComparison.Ordinal)
                    + "\"\n"
                    + Survey[anchor..];
                var watch = Stopwatch.StartNew();
                var result = TestData.Check(yaml);
                Assert.True(watch.Elapsed.TotalSeconds < 2, $"{watch.Elapsed.TotalSeconds:F1} s");
                Assert.DoesNotContain(result.Diagnostics, d => d.Id == "SK9999");
                var lines = yaml.Split('\n').Length;
                Assert.All(result.Diagnostics, d => Assert.InRange(d.Span.Start.Line, 1, lines));
                if (result.Survey is { } survey)
                {
                    var question = survey.FindQuestion("fuzzed")!;
                    var data = new ResponseData();
                    data.Answers["recommend"] = AnswerValue.Of(3);
                    data.Answers["channels"] = AnswerValue.Of(["phone"]);
                    _ = new ConditionEvaluator(data).IsTrue(question.ShowIf!.Root);
                }
            },
            iter: 400,
            threads: 1
        );
    }

    private static readonly Gen<string> WorkspaceJson = Gen.Select(
            Gen.OneOf(
                Gen.Const("\"surveys\""),
                Gen.Const("\"output\""),
                Gen.Const("\"baseUrl\""),
                Gen.Const("\"templates\""),
                Gen.Const("\"submit\""),
                Gen.Const("\"survey\""),
                Gen.Const("\"\\ud800\"")
            ),
            Gen.OneOf(
                Gen.Const("[\"*a*a*a*a*a*a*a*a*ab.survey.yaml\"]"),
                Gen.Const("[\"**/**/**/**/*.survey.yaml\"]"),
                Gen.Const("[\"../../etc/*\"]"),
                Gen.Const("\"/\""),
                Gen.Const("{\"endpoint\":\"javascript:alert(1)\"}"),
                Gen.Const("null"),
                Gen.Const("[1,2,[3]]"),
                Gen.Const("\"" + new string('x', 5000) + "\""),
                Gen.Const("{")
            )
        )
        .Array[0, 5]
        .Select(members =>
            "{" + string.Join(",", members.Select(m => m.Item1 + ":" + m.Item2)) + "}"
        );

    [Fact]
    public void Any_workspace_file_is_a_located_diagnostic_or_a_workspace_in_bounded_time()
    {
        var root = Directory.CreateTempSubdirectory("surveykit-fuzz-workspace-").FullName;
        try
        {
            File.WriteAllText(
                Path.Combine(root, new string('a', 200) + ".survey.yaml"),
                TestData.Minimal
            );
            WorkspaceJson.Sample(
                json =>
                {
                    var path = Path.Combine(root, WorkspaceConfig.FileName);
                    File.WriteAllText(path, json);
                    var watch = Stopwatch.StartNew();
                    var result = WorkspaceLoader.Load(path);
                    if (result.Config is { } config)
                    {
                        WorkspaceLoader.FindSurveyFiles(config, new DiagnosticBag(path));
                    }
                    Assert.True(
                        watch.Elapsed.TotalSeconds < 2,
                        $"{watch.Elapsed.TotalSeconds:F1} s"
                    );
                },
                iter: 300,
                threads: 1
            );
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }
}
