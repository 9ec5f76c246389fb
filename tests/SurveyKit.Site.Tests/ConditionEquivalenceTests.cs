using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;

namespace SurveyKit.Site.Tests;

/// <summary>
/// One AST, two evaluators: the show_if conditions compiled to JavaScript must decide exactly as Core's
/// ConditionEvaluator does, for 45 conditions (TestData/conditions.survey.yaml) over 400 random answer sets,
/// unanswered and "not applicable" included. Run in Chromium, on the page the site built.
/// </summary>
public sealed class ConditionEquivalenceTests
{
    [BrowserFact]
    public async Task Compiled_conditions_agree_with_the_Core_evaluator_on_every_answer_set()
    {
        var survey = TestSite.Load(
            Path.Combine(AppContext.BaseDirectory, "TestData", "conditions.survey.yaml")
        );
        using var site = new TestSite([survey]);
        await using var host = await SiteHost.Start(site.Folder, site.Surveys);
        var browser = new Browser();
        await browser.InitializeAsync();
        try
        {
            var page = await browser.Instance.NewPageAsync();
            await page.GotoAsync(host.Url + "/conditions/");
            var random = new Random(20261123);
            var conditions = survey.Questions.Where(q => q.ShowIf is not null).ToList();
            var cases = new JsonArray();
            var expected = new List<bool[]>();
            for (var i = 0; i < 400; i++)
            {
                var (data, json) = AnswerSet(random);
                cases.Add(json);
                expected.Add(
                    conditions
                        .Select(q => new ConditionEvaluator(data).IsTrue(q.ShowIf!.Root))
                        .ToArray()
                );
            }
            var actual = await page.EvaluateAsync<bool[][]>(
                """
                ([json, keys]) => JSON.parse(json).map(c => keys.map(k =>
                  window.SurveyKitRules[k](new window.SurveyKitRuntime(c.answers, c.context))))
                """,
                new object[] { cases.ToJsonString(), conditions.Select(q => q.Id).ToArray() }
            );
            var mismatches = new List<string>();
            for (var i = 0; i < expected.Count; i++)
            {
                for (var k = 0; k < conditions.Count; k++)
                {
                    if (expected[i][k] != actual[i][k])
                    {
                        mismatches.Add(
                            $"{conditions[k].ShowIf!.Source} on {cases[i]!.ToJsonString()}: C# {expected[i][k]}, JS {actual[i][k]}"
                        );
                    }
                }
            }
            Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(20)));
            // The corpus is not trivially one-sided: every condition is true somewhere and false somewhere.
            for (var k = 0; k < conditions.Count; k++)
            {
                Assert.True(
                    expected.Any(e => e[k]) && expected.Any(e => !e[k]),
                    conditions[k].ShowIf!.Source + " never changes"
                );
            }
        }
        finally
        {
            await browser.DisposeAsync();
        }
    }

    /// <summary>A random submission: each question answered or not, grades, "na", options, a context field.</summary>
    private static (ResponseData Data, JsonObject Json) AnswerSet(Random random)
    {
        var data = new ResponseData();
        var answers = new JsonObject();
        var context = new JsonObject();
        bool Maybe() => random.Next(4) > 0;
        void Number(string key, double value)
        {
            data.Answers[key] = AnswerValue.Of(value);
            answers[key] = value;
        }
        void Text(string key, string value)
        {
            data.Answers[key] = AnswerValue.Of(value);
            answers[key] = value;
        }
        if (Maybe())
        {
            Number("n", random.Next(0, 11));
        }
        if (Maybe())
        {
            if (random.Next(5) == 0)
            {
                Text("r", "na");
            }
            else
            {
                Number("r", random.Next(1, 6));
            }
        }
        if (Maybe())
        {
            var grades = new Dictionary<string, AnswerValue>();
            var json = new JsonObject();
            foreach (var item in new[] { "a", "b" }.Where(_ => Maybe()))
            {
                if (random.Next(4) == 0)
                {
                    grades[item] = AnswerValue.Of("na");
                    json[item] = "na";
                }
                else
                {
                    var grade = random.Next(1, 11);
                    grades[item] = AnswerValue.Of(grade);
                    json[item] = grade;
                }
            }
            data.Answers["tp"] = AnswerValue.Of(grades);
            answers["tp"] = json;
        }
        if (Maybe())
        {
            Text("c", new[] { "x", "y", "z", "other" }[random.Next(4)]);
        }
        if (Maybe())
        {
            var picked = new[] { "p", "q" }.Where(_ => random.Next(2) == 0).ToList();
            data.Answers["m"] = AnswerValue.Of(picked);
            answers["m"] = new JsonArray(picked.Select(p => (JsonNode)p!).ToArray());
        }
        if (Maybe())
        {
            var ok = random.Next(2) == 0;
            data.Answers["ok"] = AnswerValue.Of(ok);
            answers["ok"] = ok;
        }
        if (Maybe())
        {
            Number("num", new[] { -1.5, 0, 1, 2.5, 3, 10 }[random.Next(6)]);
        }
        if (Maybe())
        {
            Text("txt", new[] { "abc", "other text" }[random.Next(2)]);
        }
        if (Maybe())
        {
            var segment = random.Next(2) == 0 ? "b2b" : "b2c";
            data.Context["seg"] = segment;
            context["seg"] = segment;
        }
        return (data, new JsonObject { ["answers"] = answers, ["context"] = context });
    }
}
