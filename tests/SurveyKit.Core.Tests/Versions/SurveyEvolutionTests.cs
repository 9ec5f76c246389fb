using System.Collections.Generic;
using System.Linq;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;
using SurveyKit.Core.Versions;

namespace SurveyKit.Core.Tests.Versions;

/// <summary>
/// The evolution rules (issue 13) on surveys as git would give them: a change in meaning without a new version is an
/// error at the changed line; renamed_from must name an id an earlier version had; a new question just like a gone one
/// is a warning. And the map that carries answers of an earlier version into the current one.
/// </summary>
public class SurveyEvolutionTests
{
    private const string Version1 = """
        survey: loyalty
        version: 1
        languages: [en]
        title: Loyalty
        questions:
          - id: recommend
            type: nps
            text: Recommend us?
          - id: stay
            type: rating
            scale: { min: 1, max: 5 }
            text: Will you stay?
          - id: channel
            type: single_choice
            text: How did you reach us?
            options:
              - { id: phone, label: Phone }
              - { id: mail, label: Mail }
          - id: touchpoints
            type: touchpoints
            text: Grade us
            items:
              - { id: site, label: Website }
              - { id: service, label: Service }
        """;

    private static Survey Parse(string yaml)
    {
        var result = TestData.Check(yaml, "loyalty.survey.yaml");
        Assert.True(result.Survey is not null, string.Join("\n", TestData.Lines(result)));
        return result.Survey!;
    }

    private static string[] Lines(Survey current, Survey? committed, params Survey[] history) =>
        SurveyEvolution
            .Check(current, committed, history.ToDictionary(s => s.Version), "loyalty.survey.yaml")
            .Select(d => d.ToString())
            .ToArray();

    [Fact]
    public void A_changed_scale_without_a_new_version_is_an_error_at_the_question()
    {
        var committed = Parse(Version1);
        var current = Parse(
            Version1.Replace("scale: { min: 1, max: 5 }", "scale: { min: 1, max: 10 }")
        );
        Assert.Equal(
            [
                "loyalty.survey.yaml(9,5): error SK0088: Question 'stay' changed its scale from 1-5 to 1-10 since version 1 was committed, which changes what an answer means; raise 'version' to 2.",
            ],
            Lines(current, committed, committed)
        );
    }

    [Fact]
    public void Added_removed_renamed_and_new_options_are_changes_too_and_text_edits_are_not()
    {
        var committed = Parse(Version1);
        Assert.Empty(
            Lines(
                Parse(Version1.Replace("Will you stay?", "Do you expect to stay?")),
                committed,
                committed
            )
        );
        var removed = Parse(
            Version1.Replace(
                "  - id: stay\n    type: rating\n    scale: { min: 1, max: 5 }\n    text: Will you stay?\n",
                ""
            )
        );
        Assert.Equal(
            [
                "loyalty.survey.yaml(2,10): error SK0088: Question 'stay' was removed since version 1 was committed, which changes what an answer means; raise 'version' to 2.",
            ],
            Lines(removed, committed, committed)
        );
        var renamed = Parse(
            Version1.Replace("- id: stay\n", "- id: remain\n    renamed_from: stay\n")
        );
        Assert.Contains(
            "Question 'remain' was renamed from 'stay'",
            Assert.Single(Lines(renamed, committed, committed))
        );
        var options = Parse(
            Version1.Replace(
                "- { id: mail, label: Mail }",
                "- { id: mail, label: Mail }\n      - { id: chat, label: Chat }"
            )
        );
        Assert.Contains(
            "Question 'channel' changed its options from phone, mail to phone, mail, chat",
            Assert.Single(Lines(options, committed, committed))
        );
    }

    [Fact]
    public void With_a_new_version_the_same_changes_are_fine()
    {
        var committed = Parse(Version1);
        var current = Parse(
            Version1
                .Replace("version: 1", "version: 2")
                .Replace("scale: { min: 1, max: 5 }", "scale: { min: 1, max: 10 }")
                .Replace("- id: stay\n", "- id: remain\n    renamed_from: stay\n")
        );
        Assert.Empty(Lines(current, committed, committed));
    }

    [Fact]
    public void A_rename_from_an_id_no_earlier_version_had_is_an_error_at_the_question()
    {
        var v1 = Parse(Version1);
        var current = Parse(
            Version1
                .Replace("version: 1", "version: 2")
                .Replace("- id: stay\n", "- id: remain\n    renamed_from: stya\n")
        );
        Assert.Equal(
            "loyalty.survey.yaml(9,5): error SK0089: Question 'remain' is renamed_from 'stya', but no earlier version (1) has a question 'stya'. Did you mean 'stay'?",
            Lines(current, v1, v1)[0]
        );
    }

    [Fact]
    public void A_new_question_just_like_a_gone_one_looks_renamed()
    {
        var v1 = Parse(Version1);
        var current = Parse(
            Version1.Replace("version: 1", "version: 2").Replace("- id: stay\n", "- id: remain\n")
        );
        Assert.Equal(
            [
                "loyalty.survey.yaml(9,5): warning SK0090: Question 'remain' is new in this version and is just like 'stay' of version 1, which is gone. If it was renamed, add renamed_from: stay, so answers given under 'stay' count for it.",
            ],
            Lines(current, v1, v1)
        );
    }

    [Fact]
    public void Answers_to_an_earlier_version_are_carried_over_by_the_map()
    {
        var v1 = Parse(Version1);
        var v2 = Parse(
            Version1
                .Replace("version: 1", "version: 2")
                .Replace("- id: stay\n", "- id: remain\n    renamed_from: stay\n")
                .Replace(
                    "- { id: mail, label: Mail }",
                    "- { id: email, label: E-mail, renamed_from: mail }"
                )
                .Replace(
                    "- { id: site, label: Website }",
                    "- { id: website, label: Website, renamed_from: site }"
                )
        );
        var v3 = Parse(
            Version1
                .Replace("version: 1", "version: 3")
                .Replace("- id: stay\n", "- id: loyal\n    renamed_from: [remain]\n")
                .Replace("scale: { min: 1, max: 5 }", "scale: { min: 1, max: 10 }")
                .Replace("- { id: mail, label: Mail }", "- { id: email, label: E-mail }")
                .Replace("- { id: site, label: Website }", "- { id: website, label: Website }")
                .Replace(
                    "  - id: touchpoints",
                    "  - id: effort\n    type: rating\n    scale: { min: 1, max: 5 }\n    text: Effort?\n  - id: touchpoints"
                )
        );
        var map = VersionMap.Across([v1, v2, v3]);
        Assert.Equal((1, 3), (map.From, map.To));
        Assert.Equal("loyal", map.QuestionFor("stay"));
        Assert.Equal(["effort"], map.NotAsked);
        Assert.Equal("1-5 → 1-10", map.Changed["loyal"]);

        var data = new ResponseData { Version = 1 };
        data.Answers["recommend"] = AnswerValue.Of(9);
        data.Answers["stay"] = AnswerValue.Of(4);
        data.Answers["channel"] = AnswerValue.Of("mail");
        data.Answers["touchpoints"] = AnswerValue.Of(
            new Dictionary<string, AnswerValue>
            {
                ["site"] = AnswerValue.Of(8),
                ["service"] = AnswerValue.Of(7),
            }
        );
        var counts = map.Apply(data);
        Assert.Equal(["channel", "recommend", "touchpoints"], data.Answers.Keys.OrderBy(k => k));
        Assert.Equal("email", data.Answers["channel"].Text);
        Assert.Equal(
            ["service", "website"],
            data.Answers["touchpoints"].Entries.Keys.OrderBy(k => k)
        );
        Assert.Equal((2, 0, 1), (counts.Renamed, counts.Removed, counts.Changed)); // the stay answer: scale changed
    }
}
