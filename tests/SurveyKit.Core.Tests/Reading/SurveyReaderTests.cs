using System.IO;
using System.Linq;
using SurveyKit.Core.Model;

namespace SurveyKit.Core.Tests.Reading;

public class SurveyReaderTests
{
    private static Survey ReferenceSurvey()
    {
        var result = SurveyLoader.LoadFile(
            Path.Combine(TestData.Folder, "dsl", "klantloyaliteit.survey.yaml")
        );
        Assert.Empty(TestData.Lines(result));
        return result.Survey!;
    }

    [Fact]
    public void The_reference_example_reads_into_the_model()
    {
        var survey = ReferenceSurvey();
        Assert.Equal("klantloyaliteit", survey.Id);
        Assert.Equal(1, survey.Version);
        Assert.Equal(new[] { "nl", "en" }, survey.Languages);
        Assert.Equal("nl", survey.DefaultLanguage);
        Assert.Equal("Customer satisfaction and loyalty", survey.Title["en"]);
        Assert.Equal("Het invullen duurt ongeveer **4 minuten**.", survey.Intro!["nl"]);
        Assert.True(survey.Settings.SaveProgress);
        Assert.True(survey.HasPages);
        Assert.Equal(new[] { "loyalty", "experience" }, survey.Pages.Select(p => p.Id));
        Assert.Equal(
            new[]
            {
                "recommend",
                "reason",
                "satisfaction",
                "touchpoints",
                "complaint",
                "channels",
                "contact_ok",
                "email",
            },
            survey.Questions.Select(q => q.Id)
        );
    }

    [Fact]
    public void Each_question_type_keeps_what_its_keys_say()
    {
        var survey = ReferenceSurvey();
        var recommend = Assert.IsType<NpsQuestion>(survey.FindQuestion("recommend"));
        Assert.True(recommend.Required);
        Assert.Null(recommend.LowLabel);

        var reason = Assert.IsType<TextQuestion>(survey.FindQuestion("reason"));
        Assert.True(reason.Multiline);
        Assert.Equal(1000, reason.MaxLength);
        Assert.Equal("recommend <= 6", reason.ShowIf!.Source);

        var satisfaction = Assert.IsType<RatingQuestion>(survey.FindQuestion("satisfaction"));
        Assert.Equal(new Scale(1, 5), satisfaction.Scale);
        Assert.Equal(new[] { 1, 5 }, satisfaction.Labels.Select(l => l.Value));
        Assert.Equal("Very satisfied", satisfaction.Labels[1].Text["en"]);

        var touchpoints = Assert.IsType<TouchpointsQuestion>(survey.FindQuestion("touchpoints"));
        Assert.Equal(new Scale(1, 10), touchpoints.Scale);
        Assert.Equal(
            new[] { "website", "store", "service", "delivery" },
            touchpoints.Items.Select(i => i.Id)
        );
        Assert.Equal("Niet gebruikt", touchpoints.NotApplicable!["nl"]);
        Assert.NotNull(touchpoints.Compare);

        var complaint = Assert.IsType<SingleChoiceQuestion>(survey.FindQuestion("complaint"));
        Assert.Equal(new[] { "no", "resolved", "unresolved" }, complaint.Options.Select(o => o.Id));

        var channels = Assert.IsType<MultiChoiceQuestion>(survey.FindQuestion("channels"));
        Assert.True(channels.Randomize);
        Assert.Equal("Anders", channels.Other!["nl"]);

        Assert.IsType<ConsentQuestion>(survey.FindQuestion("contact_ok"));
        Assert.IsType<EmailQuestion>(survey.FindQuestion("email"));
    }

    [Fact]
    public void Context_fields_and_the_analysis_section_are_read()
    {
        var survey = ReferenceSurvey();
        var segment = survey.FindContext("segment")!;
        Assert.Equal(new[] { "b2b", "b2c" }, segment.Values);
        Assert.True(survey.FindContext("customer")!.Pii);

        var analysis = survey.Analysis!;
        Assert.Equal("recommend", analysis.Outcome!.Value.Id);
        Assert.Equal(new[] { "touchpoints" }, analysis.Drivers.Select(d => d.Id));
        Assert.Equal(new[] { "segment", "complaint" }, analysis.Segments.Select(s => s.Id));
        Assert.Equal("contact_ok", analysis.FollowUp!.Consent.Id);
        Assert.Equal("email", analysis.FollowUp.Contact!.Value.Id);
        var weights = Assert.Single(analysis.Weights);
        Assert.Equal(new[] { 0.35, 0.65 }, weights.Shares.Select(s => s.Share));
    }

    private static string Invited(string weights) =>
        $$"""
            survey: demo
            version: 1
            languages: [en]
            title: Demo
            context:
              - id: segment
                values: [b2b, b2c]
              - id: region
                values: [north, south]
              - id: account
            questions:
              - id: recommend
                type: nps
                text: How likely are you to recommend us?
              - id: plan
                type: single_choice
                text: Which plan?
                options: [{ id: basic, label: Basic }, { id: plus, label: Plus }]
            analysis:
              outcome: recommend
              weights:
            {{weights}}
            """;

    [Fact]
    public void Weights_from_the_invited_take_every_context_field_with_values_or_the_ones_named()
    {
        var all = TestData.Check(Invited("    from: invited"));
        Assert.Empty(TestData.Lines(all));
        Assert.Equal(
            [("segment", true), ("region", true)],
            all.Survey!.Analysis!.Weights.Select(w => (w.Variable.Id, w.FromInvited))
        );
        var mixed = TestData.Check(
            Invited("    segment: invited\n    plan: { basic: 0.4, plus: 0.6 }")
        );
        Assert.Empty(TestData.Lines(mixed));
        Assert.Equal(
            [("segment", true), ("plan", false)],
            mixed.Survey!.Analysis!.Weights.Select(w => (w.Variable.Id, w.FromInvited))
        );
    }

    [Theory]
    [InlineData(
        "    plan: invited",
        "(22,5): error SK0052: analysis.weights.plan: 'invited' takes the shares from the invitations, which carry context fields, not answers; write the population shares of a question."
    )]
    [InlineData(
        "    from: invited\n    segment: { b2b: 0.5, b2c: 0.5 }",
        "(23,5): error SK0052: analysis.weights.from: write either 'from: invited' or the shares of each variable, not both (a variable can be 'segment: invited' among shares)."
    )]
    [InlineData("    from: everyone", "(22,11): error SK0013")]
    [InlineData("    account: invited", "(22,5): error SK0051")]
    public void Weights_from_the_invited_are_checked_where_written(string weights, string error)
    {
        var lines = TestData.Lines(TestData.Check(Invited(weights)));
        Assert.Contains(lines, l => l.Contains(error, System.StringComparison.Ordinal));
    }

    private const string Programme = """
        survey: demo
        version: 1
        languages: [en]
        title: Demo
        context:
          - id: wave
          - id: account
            pii: true
        questions:
          - id: recommend
            type: nps
            text: How likely are you to recommend us?
          - id: contact_ok
            type: consent
            text: May we call you?
        analysis:
          wave: wave
          account: account
          risk_signal: { question: contact_ok }
        """;

    [Fact]
    public void Wave_account_and_risk_signal_are_read_and_a_consent_signals_with_true()
    {
        var result = TestData.Check(Programme);
        Assert.Empty(TestData.Lines(result));
        var analysis = result.Survey!.Analysis!;
        Assert.Equal("wave", analysis.Wave!.Value.Id);
        Assert.Equal("account", analysis.Account!.Value.Id);
        Assert.Equal("contact_ok", analysis.RiskSignal!.Question.Id);
        Assert.True(analysis.RiskSignal.Answers.IsEmpty);
    }

    [Theory]
    [InlineData(
        "wave: wave",
        "wave: recommend",
        "demo.survey.yaml(17,9): error SK0051: analysis.wave must name a context field (the survey link carries it); 'recommend' is an nps question."
    )]
    [InlineData(
        "account: account",
        "account: acount",
        "demo.survey.yaml(18,12): error SK0050: analysis.account refers to 'acount', which is not in the survey. Did you mean 'account'?"
    )]
    [InlineData(
        "risk_signal: { question: contact_ok }",
        "risk_signal: { question: recommend }",
        "demo.survey.yaml(19,28): error SK0051: analysis.risk_signal.question must name a context field with values, or a single_choice or consent question; 'recommend' is an nps question."
    )]
    [InlineData(
        "risk_signal: { question: contact_ok }",
        "risk_signal: { question: contact_ok, answers: [yes] }",
        "demo.survey.yaml(19,50): error SK0053: analysis.risk_signal: 'yes' is not an answer of 'contact_ok', whose answers are true, false."
    )]
    public void Wave_account_and_risk_signal_name_what_they_must(
        string from,
        string to,
        string expected
    )
    {
        var result = TestData.Check(Programme.Replace(from, to, System.StringComparison.Ordinal));
        Assert.Equal([expected], TestData.Lines(result));
    }

    [Fact]
    public void Context_values_may_carry_a_label_per_language()
    {
        const string yaml = """
            survey: demo
            version: 1
            languages: [nl, en]
            title: { nl: Demo, en: Demo }
            context:
              - id: segment
                values:
                  - { id: b2b, label: { nl: Zakelijk, en: Business } }
                  - b2c
            questions:
              - id: recommend
                type: nps
                text: { nl: Aanbevelen?, en: Recommend? }
            """;
        var result = TestData.Check(yaml);
        Assert.Empty(TestData.Lines(result));
        var segment = result.Survey!.FindContext("segment")!;
        Assert.Equal(new[] { "b2b", "b2c" }, segment.Values);
        Assert.Equal("Zakelijk", segment.LabelOf("b2b")!["nl"]);
        Assert.Equal("Business", segment.LabelOf("b2b")!["en"]);
        Assert.Null(segment.LabelOf("b2c"));
        // The canonical form the generator embeds reads back the same.
        var again = TestData
            .Check(SurveyKit.Core.Writing.SurveyWriter.ToYaml(result.Survey!))
            .Survey!;
        var read = again.FindContext("segment")!;
        Assert.Equal(segment.Values, read.Values);
        Assert.Equal("Business", read.LabelOf("b2b")!["en"]);
        Assert.Null(read.LabelOf("b2c"));
    }

    [Fact]
    public void A_context_value_label_without_every_language_is_a_located_error()
    {
        const string yaml = """
            survey: demo
            version: 1
            languages: [nl, en]
            title: { nl: Demo, en: Demo }
            context:
              - id: segment
                values:
                  - { id: b2b, label: { nl: Zakelijk } }
            questions:
              - id: recommend
                type: nps
                text: { nl: Aanbevelen?, en: Recommend? }
            """;
        var line = Assert.Single(TestData.Lines(TestData.Check(yaml)));
        Assert.Contains("demo.survey.yaml(8,", line, System.StringComparison.Ordinal);
        Assert.Contains("SK0020", line, System.StringComparison.Ordinal);
    }

    // Found by the mutation fuzzer: "en: [x](javascript:y)Excellent" is a YAML list, not a text, and once crashed the
    // reader (SK9999) instead of being reported where it is written.
    [Fact]
    public void A_translation_that_is_a_list_is_reported_at_its_place_not_a_crash()
    {
        const string yaml = """
            survey: demo
            version: 1
            languages: [nl, en]
            title: { nl: Demo, en: [x](javascript:y)Demo }
            questions:
              - id: recommend
                type: nps
                text: { nl: Aanbevelen?, en: Recommend? }
            """;
        var lines = TestData.Lines(TestData.Check(yaml));
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.DoesNotContain("SK9999", l, System.StringComparison.Ordinal));
        Assert.Contains(
            lines,
            l => l.StartsWith("demo.survey.yaml(4,", System.StringComparison.Ordinal)
        );
    }

    [Fact]
    public void A_flat_question_list_is_one_page_without_an_id()
    {
        var survey = TestData.Check(TestData.Minimal).Survey!;
        Assert.False(survey.HasPages);
        Assert.Equal("", Assert.Single(survey.Pages).Id);
    }

    [Fact]
    public void A_plain_string_text_in_a_single_language_survey_belongs_to_that_language()
    {
        var survey = TestData
            .Check(
                TestData
                    .Minimal.Replace("[en]", "[nl]")
                    .Replace("How likely are you to recommend us?", "Zou u ons aanbevelen?")
            )
            .Survey!;
        Assert.Equal("Zou u ons aanbevelen?", survey.Questions.Single().Text["nl"]);
        Assert.Equal(new[] { "nl" }, survey.Questions.Single().Text.Languages);
    }

    [Fact]
    public void Option_ids_that_yaml_1_1_would_turn_into_booleans_stay_strings()
    {
        var yaml =
            TestData.Minimal
            + """

                  - id: agree
                    type: single_choice
                    text: Agree?
                    options:
                      - { id: yes, label: Yes }
                      - { id: no, label: No }
                      - { id: off, label: Off }
                """;
        var result = TestData.Check(yaml);
        Assert.Empty(TestData.Lines(result));
        var agree = (SingleChoiceQuestion)result.Survey!.FindQuestion("agree")!;
        Assert.Equal(new[] { "yes", "no", "off" }, agree.Options.Select(o => o.Id));
    }

    [Fact]
    public void Defaults_apply_when_keys_are_left_out()
    {
        var yaml =
            TestData.Minimal
            + """

                  - id: grades
                    type: touchpoints
                    text: Grade us
                    items:
                      - { id: web, label: Website }
                  - id: remarks
                    type: text
                    text: Remarks
                """;
        var survey = TestData.Check(yaml).Survey!;
        var grades = (TouchpointsQuestion)survey.FindQuestion("grades")!;
        Assert.Equal(TouchpointsQuestion.DefaultScale, grades.Scale);
        Assert.Null(grades.Compare);
        Assert.Equal(
            TextQuestion.DefaultMaxLength,
            ((TextQuestion)survey.FindQuestion("remarks")!).MaxLength
        );
        Assert.Equal(SurveySettings.Default, survey.Settings);
        Assert.Null(survey.Analysis);
    }

    [Fact]
    public void A_survey_with_errors_has_no_model_but_every_diagnostic()
    {
        var result = TestData.Check(
            TestData.Minimal.Replace("type: nps", "type: nsp").Replace("version: 1", "version: one")
        );
        Assert.Null(result.Survey);
        Assert.Equal(new[] { "SK0013", "SK0016" }, result.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void A_survey_in_a_language_without_default_texts_must_write_them()
    {
        var yaml = TestData
            .Minimal.Replace("[en]", "[de]")
            .Replace("How likely are you to recommend us?", "Würden Sie uns empfehlen?");
        var result = TestData.Check(yaml);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SK0011", diagnostic.Id);
        Assert.Contains("labels", diagnostic.Message, System.StringComparison.Ordinal);
        var fixedYaml =
            yaml + "\n    labels: { low: Unwahrscheinlich, high: Sehr wahrscheinlich }\n";
        Assert.Empty(TestData.Lines(TestData.Check(fixedYaml)));
    }

    [Fact]
    public void The_model_compares_by_value_so_an_unchanged_file_gives_an_equal_survey()
    {
        var path = Path.Combine(TestData.Folder, "dsl", "klantloyaliteit.survey.yaml");
        Assert.Equal(SurveyLoader.LoadFile(path).Survey, SurveyLoader.LoadFile(path).Survey);
        var text = File.ReadAllText(path);
        Assert.NotEqual(
            SurveyLoader.Parse(path, text).Survey,
            SurveyLoader.Parse(path, text.Replace("Het invullen", "Invullen")).Survey
        );
    }

    [Theory]
    [InlineData("version")]
    [InlineData("lang")]
    [InlineData("response_id")]
    public void Ids_of_the_export_columns_are_reserved(string id)
    {
        var result = TestData.Check(TestData.Minimal.Replace("id: recommend", "id: " + id));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(
            ("SK0014", 6, 9),
            (diagnostic.Id, diagnostic.Span.Start.Line, diagnostic.Span.Start.Column)
        );
        Assert.Contains("reserved", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_cannot_take_the_key_of_another_questions_other_text()
    {
        var yaml =
            TestData.Minimal
            + """

                  - id: channels
                    type: multi_choice
                    text: Channels?
                    other: Other
                    options:
                      - { id: phone, label: Phone }
                  - id: channels_other
                    type: text
                    text: More?
                """;
        var diagnostic = Assert.Single(TestData.Check(yaml).Diagnostics);
        Assert.Equal(
            ("SK0015", 15, 5),
            (diagnostic.Id, diagnostic.Span.Start.Line, diagnostic.Span.Start.Column)
        );
        Assert.Contains(
            "the 'other' text of question 'channels'",
            diagnostic.Message,
            System.StringComparison.Ordinal
        );
    }

    // A 900 KB id once made a 33 MB site (issue 11, finding 12).
    [Fact]
    public void An_id_longer_than_64_characters_is_refused_without_repeating_it()
    {
        var id = "q" + new string('x', 900_000);
        var result = TestData.Check(TestData.Minimal.Replace("id: recommend", "id: " + id));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(
            ("SK0014", 6, 9),
            (diagnostic.Id, diagnostic.Span.Start.Line, diagnostic.Span.Start.Column)
        );
        Assert.Contains(
            "at most 64 characters, and this one has 900,001",
            diagnostic.Message,
            System.StringComparison.Ordinal
        );
        Assert.True(diagnostic.Message.Length < 200, diagnostic.Message.Length.ToString());
        Assert.Empty(
            TestData
                .Check(TestData.Minimal.Replace("id: recommend", "id: q" + new string('x', 63)))
                .Diagnostics
        );
    }

    [Fact]
    public void A_survey_id_longer_than_64_characters_is_refused()
    {
        var result = TestData.Check(
            TestData.Minimal.Replace("survey: demo", "survey: d" + new string('e', 64))
        );
        Assert.Contains(result.Diagnostics, d => d.Id == "SK0014");
    }

    // The link check once backtracked for minutes on "](" and a million spaces, or a million empty lines.
    [Theory]
    [InlineData("](", " ", "!")]
    [InlineData("", "\n", "x")]
    [InlineData("[", "[", "")]
    [InlineData("<a", " ", "")]
    public void The_link_and_html_checks_of_a_text_are_linear(
        string start,
        string repeated,
        string end
    )
    {
        Growth.IsLinear(
            n =>
                TestData.Check(
                    TestData.Minimal.Replace(
                        "title: Demo",
                        "title: Demo\nintro: |\n  "
                            + start
                            + string.Concat(
                                    System.Linq.Enumerable.Repeat(
                                        repeated == "\n" ? "\n" : repeated,
                                        n
                                    )
                                )
                                .Replace("\n", "\n  ")
                            + end
                    )
                ),
            // Both texts stay under the large object heap (85 KB), so a loaded machine's collections of that heap do
            // not pass for superlinear work; a quadratic check takes seconds at 20,000 characters and still fails.
            2_000
        );
    }

    [Fact]
    public void An_unsafe_link_is_still_found_after_the_change_for_speed()
    {
        var result = TestData.Check(
            TestData.Minimal.Replace(
                "title: Demo",
                "title: Demo\nintro: \"[x](  javascript:alert(1))\""
            )
        );
        Assert.Contains(result.Diagnostics, d => d.Id == "SK0026");
        var reference = TestData.Check(
            TestData.Minimal.Replace(
                "title: Demo",
                "title: Demo\nintro: |\n  [x]\n\n  [x]:  <javascript:alert(1)>"
            )
        );
        Assert.Contains(reference.Diagnostics, d => d.Id == "SK0026");
    }
}
