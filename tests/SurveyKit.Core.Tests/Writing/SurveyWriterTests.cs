using System.IO;
using System.Linq;
using SurveyKit.Core.Model;
using SurveyKit.Core.Writing;

namespace SurveyKit.Core.Tests.Writing;

public class SurveyWriterTests
{
    public static TheoryData<string> Surveys() =>
        new(
            TestData
                .ExampleFiles.Append(
                    Path.Combine(TestData.Folder, "dsl", "klantloyaliteit.survey.yaml")
                )
                .Select(f => Path.GetRelativePath(TestData.Folder, f))
        );

    private static Survey Load(string relativePath) =>
        SurveyLoader.LoadFile(Path.Combine(TestData.Folder, relativePath)).Survey!;

    [Theory]
    [MemberData(nameof(Surveys))]
    public void Canonical_yaml_reads_back_into_the_same_survey(string relativePath)
    {
        var survey = Load(relativePath);
        var yaml = SurveyWriter.ToYaml(survey);
        var again = SurveyLoader.Parse(Path.GetFileName(relativePath), yaml);
        Assert.Empty(TestData.Lines(again));
        Assert.Equal(yaml, SurveyWriter.ToYaml(again.Survey!));
        Assert.Equal(
            survey.Questions.Select(q => (q.Id, q.Type, q.Required, q.ShowIf?.Root)),
            again.Survey!.Questions.Select(q => (q.Id, q.Type, q.Required, q.ShowIf?.Root))
        );
        Assert.Equal(survey.Title.Translations, again.Survey.Title.Translations);
        Assert.Equal(
            survey.Alerts.Select(a =>
                (
                    a.Id,
                    a.When.Root,
                    a.Targets.Webhook,
                    string.Join(",", a.Targets.Email),
                    a.Routes.Count,
                    a.Personal
                )
            ),
            again.Survey.Alerts.Select(a =>
                (
                    a.Id,
                    a.When.Root,
                    a.Targets.Webhook,
                    string.Join(",", a.Targets.Email),
                    a.Routes.Count,
                    a.Personal
                )
            )
        );
    }

    [Fact]
    public void Comments_and_layout_do_not_change_the_canonical_yaml()
    {
        var original = TestData.Check(TestData.Minimal).Survey!;
        var edited = TestData
            .Check(
                "# a comment\n"
                    + TestData.Minimal.Replace("title: Demo", "title:   'Demo'   # same title")
            )
            .Survey!;
        Assert.Equal(SurveyWriter.ToYaml(original), SurveyWriter.ToYaml(edited));
    }

    [Fact]
    public void Texts_with_quotes_newlines_and_unicode_survive()
    {
        var yaml = TestData.Minimal.Replace(
            "title: Demo",
            "title: \"He said \\\"hi\\\"\\n\\tand left: #1 \\u00e9\\u2028\""
        );
        var survey = TestData.Check(yaml).Survey!;
        var again = TestData.Check(SurveyWriter.ToYaml(survey)).Survey!;
        Assert.Equal(survey.Title["en"], again.Title["en"]);
    }
}
