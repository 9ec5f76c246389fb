using System.IO;
using SurveyKit.Core.Model;

namespace SurveyKit.Collector.Tests.Invitations;

/// <summary>A survey that takes responses through personal links only, and files for the invite command.</summary>
public static class InvitationTestSurveys
{
    public const string Relatie = """
        survey: relatie
        version: 1
        languages: [nl, en]
        title: { nl: Relatiemonitor, en: Relationship monitor }
        context:
          - id: segment
            values: [b2b, b2c]
          - id: account
        settings:
          invitation: required
        questions:
          - id: recommend
            type: nps
            required: true
            text: { nl: Aanbevelen?, en: Recommend? }
          - id: business
            type: text
            show_if: segment == 'b2b'
            text: { nl: Wat doet u zakelijk?, en: What is your business? }
        """;

    public static Survey Load() => Alerts.TestSurveys.Load(Relatie, "relatie.survey.yaml");

    /// <summary>Writes the survey into <paramref name="folder"/> and returns its path.</summary>
    public static string Write(string folder)
    {
        var path = Path.Combine(folder, "relatie.survey.yaml");
        File.WriteAllText(path, Relatie);
        return path;
    }
}
