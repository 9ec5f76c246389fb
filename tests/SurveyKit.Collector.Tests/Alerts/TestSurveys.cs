using SurveyKit.Core.Model;

namespace SurveyKit.Collector.Tests.Alerts;

/// <summary>Surveys written for the alert tests.</summary>
public static class TestSurveys
{
    /// <summary>
    /// Two alerts: one whose subject shows the open answer (so a hostile answer meets a mail header), and one written
    /// personal: false that fires without consent.
    /// </summary>
    public const string Hostile = """
        survey: hostile
        version: 1
        languages: [en]
        title: Hostile answers
        context:
          - id: customer
            pii: true
        questions:
          - id: recommend
            type: nps
            text: How likely are you to recommend us?
          - id: reason
            type: text
            text: Why?
          - id: contact_ok
            type: consent
            text: May we contact you?
          - id: email
            type: email
            show_if: contact_ok
            text: Your email address
        alerts:
          - id: detractor
            when: recommend <= 1 and answered(reason)
            email: [cx@example.com]
            webhook: cx-hook
            personal: false
            subject: "Detractor: {{ reason }}"
          - id: anyone_low
            when: recommend == 2
            webhook: cx-hook
            email: cx@example.com
            personal: false
        """;

    public static Survey Load(string yaml, string file = "hostile.survey.yaml")
    {
        var result = Core.SurveyLoader.Parse(file, yaml);
        return result.Survey
            ?? throw new System.InvalidOperationException(string.Join("\n", result.Diagnostics));
    }
}
