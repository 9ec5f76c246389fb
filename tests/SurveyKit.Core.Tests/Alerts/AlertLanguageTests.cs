using System.Linq;
using SurveyKit.Core.Expressions;
using SurveyKit.Core.Model;

namespace SurveyKit.Core.Tests.Alerts;

/// <summary>alerts: read into the model, checked with located diagnostics, and personal data only with consent.</summary>
public sealed class AlertLanguageTests
{
    private const string Survey = """
        survey: demo
        version: 1
        languages: [nl, en]
        title: { nl: Demo, en: Demo }
        context:
          - id: segment
            values: [b2b, b2c]
          - id: customer
            pii: true
        questions:
          - id: recommend
            type: nps
            text: { nl: Aanbevelen?, en: Recommend? }
          - id: contact_ok
            type: consent
            text: { nl: Contact?, en: Contact? }
          - id: email
            type: email
            show_if: contact_ok
            text: { nl: E-mail, en: Email }
        alerts:
        """;

    private static SurveyLoadResult Check(string alerts) => TestData.Check(Survey + "\n" + alerts);

    [Fact]
    public void A_complete_alert_is_read_into_the_model()
    {
        var result = Check(
            """
              - id: detractor
                when: recommend <= 6 and contact_ok
                webhook: cx-hook
                email: [cx@example.com]
                route:
                  segment:
                    b2b: { email: [accounts@example.com, sales@example.com] }
                    b2c: { webhook: consumer-hook }
                subject: { nl: "Criticaster {{ recommend }}", en: "Detractor {{ recommend }}" }
            """
        );
        Assert.Empty(TestData.Lines(result));
        var alert = result.Survey!.Alerts.Single();
        Assert.Equal("detractor", alert.Id);
        Assert.Equal("recommend <= 6 and contact_ok", alert.When.Source);
        Assert.Equal("cx-hook", alert.Targets.Webhook);
        Assert.Equal(["cx@example.com"], alert.Targets.Email);
        Assert.Equal(2, alert.Routes.Count);
        Assert.Equal(("segment", "b2b"), (alert.Routes[0].Field.Id, alert.Routes[0].Value.Id));
        Assert.Equal(["accounts@example.com", "sales@example.com"], alert.Routes[0].Targets.Email);
        Assert.Equal("consumer-hook", alert.Routes[1].Targets.Webhook);
        Assert.Equal("Detractor {{ recommend }}", alert.Subject!["en"]);
        Assert.True(alert.Personal);
    }

    [Theory]
    [InlineData("recommend <= 6 and contact_ok", true)]
    [InlineData("contact_ok and recommend <= 6", true)]
    [InlineData("(recommend <= 6 and segment == 'b2b') and contact_ok == true", true)]
    [InlineData("recommend <= 6", false)]
    [InlineData("recommend <= 6 or contact_ok", false)]
    [InlineData("not contact_ok and recommend <= 6", false)]
    [InlineData("contact_ok == false and recommend <= 6", false)]
    public void Personal_data_needs_consent_among_the_conditions_joined_by_and(
        string when,
        bool allowed
    )
    {
        var result = Check($"  - id: detractor\n    when: {when}\n    webhook: cx-hook\n");
        var lines = TestData.Lines(result);
        if (allowed)
        {
            Assert.Empty(lines);
            Assert.True(
                ConsentCondition.IsRequiredBy(result.Survey!, result.Survey!.Alerts[0].When.Root)
            );
        }
        else
        {
            Assert.Equal(
                "demo.survey.yaml(23,11): error SK0061: Alert 'detractor' would send personal data (context.customer, answers.email) without consent: add 'and contact_ok' to its when, or write personal: false to send it without personal data.",
                lines.Single()
            );
        }
    }

    [Fact]
    public void An_alert_written_personal_false_needs_no_consent()
    {
        Assert.Empty(
            TestData.Lines(
                Check(
                    "  - id: all\n    when: recommend <= 6\n    email: cx@example.com\n    personal: false\n"
                )
            )
        );
    }

    [Fact]
    public void Mistakes_are_located_with_a_hint()
    {
        var lines = TestData.Lines(
            Check(
                """
                  - id: detractor
                    when: recomend <= 6 and contact_ok
                    webhook: https://hooks.example.org/x
                    email: [not-an-address]
                    route:
                      segmnt:
                        b2b: { email: [a@example.com] }
                      segment:
                        b2x: { email: [a@example.com] }
                        b2c: { }
                    subject: "Detractor {{ recomend }} {{ if true }}x{{ end }} {{ email"
                  - id: detractor
                    webhook: cx-hook
                  - id: quiet
                    when: recommend < 3
                    personal: false
                    email: x@example.com
                    subject: "{{ email }} {{ customer }}"
                """
            )
        );
        Assert.Equal(
            [
                "demo.survey.yaml(23,11): error SK0041: when of alert 'detractor' uses 'recomend', which is not a question, touchpoint item or context field. Did you mean 'recommend'?",
                "demo.survey.yaml(24,14): error SK0013: 'webhook' in alert 'detractor' must be the name of a webhook in the collector's config (such as cx-hook: lower-case letters, digits, '-' and '_'); 'https://hooks.example.org/x' is not. The URL and its secret belong in the collector's alerts.json, never in the survey.",
                "demo.survey.yaml(25,13): error SK0013: 'email' in alert 'detractor' must be an e-mail address; 'not-an-address' is not.",
                "demo.survey.yaml(27,7): error SK0060: Alert 'detractor': route names 'segmnt', which is not a context field; did you mean 'segment'?",
                "demo.survey.yaml(30,9): error SK0060: Alert 'detractor': 'b2x' is not a value of context field 'segment'; did you mean 'b2b'?",
                "demo.survey.yaml(31,9): error SK0011: Route 'segment: b2c' of alert 'detractor' needs 'webhook' or 'email'.",
                "demo.survey.yaml(32,14): error SK0023: The subject of alert 'detractor' is a single text, but the survey is in nl and en: give one text per language, as in { nl: ..., en: ... }.",
                "demo.survey.yaml(32,14): error SK0060: Alert 'detractor': the subject has an unclosed {{.",
                "demo.survey.yaml(33,5): error SK0011: Alert 'detractor' needs 'when'. Say when it is sent, as in when: recommend <= 6 and contact_ok.",
                "demo.survey.yaml(33,9): error SK0015: The id 'detractor' is already used by another alert at line 22; ids must be unique among the alerts.",
                "demo.survey.yaml(39,14): error SK0023: The subject of alert 'quiet' is a single text, but the survey is in nl and en: give one text per language, as in { nl: ..., en: ... }.",
                "demo.survey.yaml(39,14): error SK0060: Alert 'quiet': the subject shows 'email', which is personal data, in an alert written personal: false.",
                "demo.survey.yaml(39,14): error SK0060: Alert 'quiet': the subject shows 'customer', which is personal data, in an alert written personal: false.",
            ],
            lines
        );
    }

    [Fact]
    public void A_subject_shows_answers_and_nothing_else()
    {
        var lines = TestData.Lines(
            Check(
                "  - id: d\n    when: recommend <= 6 and contact_ok\n    webhook: h\n    subject: \"{{ recomend }} {{ for x in 1..9 }}{{ x }}{{ end }} {{ recommend.x }}\"\n"
            )
        );
        Assert.Equal(
            [
                "demo.survey.yaml(25,14): error SK0023: The subject of alert 'd' is a single text, but the survey is in nl and en: give one text per language, as in { nl: ..., en: ... }.",
                "demo.survey.yaml(25,14): error SK0060: Alert 'd': the subject shows 'recomend', which is not a question or context field; did you mean 'recommend'?",
                "demo.survey.yaml(25,14): error SK0060: Alert 'd': the subject may only show an answer or a context value, as in {{ recommend }}; '{{ for x in 1..9 }}' is not one.",
                "demo.survey.yaml(25,14): error SK0060: Alert 'd': the subject shows 'x', which is not a question or context field.",
                "demo.survey.yaml(25,14): error SK0060: Alert 'd': the subject may only show an answer or a context value, as in {{ recommend }}; '{{ end }}' is not one.",
                "demo.survey.yaml(25,14): error SK0060: Alert 'd': the subject shows 'recommend.x', which is not an item of a touchpoints question.",
            ],
            lines
        );
    }

    [Fact]
    public void Only_the_contact_consent_releases_personal_data_when_the_survey_names_one()
    {
        var yaml =
            Survey.Replace(
                "  - id: email\n",
                "  - id: research_ok\n    type: consent\n    text: { nl: Onderzoek?, en: Research? }\n  - id: email\n"
            )
            + "\n  - id: detractor\n    when: recommend <= 6 and research_ok\n    webhook: cx-hook\n";
        yaml = yaml.Replace(
            "alerts:\n",
            "analysis:\n  follow_up: { consent: contact_ok, contact: email }\nalerts:\n"
        );
        var lines = TestData.Lines(TestData.Check(yaml));
        Assert.Contains(
            lines,
            l =>
                l.Contains("SK0061", System.StringComparison.Ordinal)
                && l.Contains("add 'and contact_ok'", System.StringComparison.Ordinal)
        );
        Assert.Empty(
            TestData.Lines(TestData.Check(yaml.Replace("and research_ok", "and contact_ok")))
        );
    }
}
