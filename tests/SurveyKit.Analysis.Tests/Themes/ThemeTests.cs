using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using SurveyKit.Analysis.Report;
using SurveyKit.Analysis.Scoring;
using SurveyKit.Core.Text;

namespace SurveyKit.Analysis.Tests.Themes;

/// <summary>
/// Open answers coded into the codebook's themes: words, stems and phrases matched without regard to case or accents,
/// Dutch compounds through stems (wacht* finds wachttijd, *service finds klantenservice); on a planted data set the
/// theme that drives detractors is found, with the NPS difference tested, quotes anonymised, and what no theme covers
/// listed.
/// </summary>
public class ThemeTests
{
    private const string Survey = """
        survey: thema
        version: 1
        languages: [nl, en]
        title: { nl: Thema's, en: Themes }
        questions:
          - id: recommend
            type: nps
            text: { nl: Aanbevelen?, en: Recommend? }
          - id: reason
            type: text
            text: { nl: Waarom?, en: Why? }
          - id: contact_ok
            type: consent
            text: { nl: Contact?, en: Contact? }
        analysis:
          outcome: recommend
          follow_up: { consent: contact_ok }
          themes:
            - id: waiting
              label: { nl: Wachttijd, en: Waiting time }
              match:
                nl: [wacht*, "lang duren", onbereikbaar]
                en: [wait*, "on hold"]
            - id: staff
              label: { nl: Medewerkers, en: Staff }
              match:
                nl: [vriendelijk*, "*service", medewerker*]
                en: [friendly, staff]
            - id: coffee
              label: { nl: Koffie, en: Coffee }
              match:
                nl: [cafe]
        """;

    [Theory]
    [InlineData("De wachttijd was belachelijk", "wacht*", true)]
    [InlineData("Ik moest WACHTEN", "wacht*", true)]
    [InlineData("Bij de klantenservice", "*service", true)]
    [InlineData("Het mocht niet lang duren", "lang duren", true)]
    [InlineData("Het duurde lang", "lang duren", false)]
    [InlineData("Leuk café!", "cafe", true)]
    [InlineData("geërgerd", "geergerd", true)]
    [InlineData("verwachting", "wacht*", false)]
    public void Words_stems_and_phrases_match_without_case_or_accents(
        string answer,
        string pattern,
        bool matches
    ) => Assert.Equal(matches, ThemePattern.Matches(ThemePattern.Words(answer), pattern));

    private static string Line(int score, string text, string lang = "nl") =>
        JsonSerializer.Serialize(
            new Dictionary<string, object>
            {
                ["responseId"] = Guid.NewGuid().ToString(),
                ["survey"] = "thema",
                ["version"] = 1,
                ["lang"] = lang,
                ["answers"] = new Dictionary<string, object>
                {
                    ["recommend"] = score,
                    ["reason"] = text,
                    ["contact_ok"] = true,
                },
            }
        );

    // 200 detractors: 120 about waiting, 50 about a damaged parcel (no theme), 30 about waiting in English; 150
    // promoters: 100 praising friendly staff, 50 about waiting being fine ("geen wachttijd"). Mentioning waiting goes
    // with a far lower NPS.
    private static AnalysisResult Planted()
    {
        var lines = new StringBuilder();
        for (var i = 0; i < 120; i++)
        {
            lines.AppendLine(
                Line(
                    i % 7,
                    i % 2 == 0
                        ? "Veel te lange wachttijd bij de telefoon"
                        : "Ik moest een uur wachten, bel 06-12345678"
                )
            );
        }
        for (var i = 0; i < 50; i++)
        {
            lines.AppendLine(Line(3, "Het pakket was beschadigd en te laat"));
        }
        for (var i = 0; i < 30; i++)
        {
            lines.AppendLine(Line(2, "I was on hold for ages", "en"));
        }
        for (var i = 0; i < 100; i++)
        {
            lines.AppendLine(Line(9 + i % 2, "Vriendelijke medewerkers bij de klantenservice"));
        }
        for (var i = 0; i < 50; i++)
        {
            lines.AppendLine(Line(10, "Geen wachttijd, top"));
        }
        var survey = Core.SurveyLoader.Parse("thema.survey.yaml", Survey).Survey!;
        return SurveyAnalyzer.Analyze(TestSurveys.ReadJsonLines(survey, lines.ToString()));
    }

    [Fact]
    public void The_theme_that_drives_detractors_is_found_and_tested()
    {
        var themes = Planted().Themes!;
        Assert.Equal((200, 0, 150), themes.Answered);
        var waiting = themes.Items.Single(i => i.Theme.Id.Id == "waiting");
        Assert.Equal(150, waiting.Detractors); // 120 Dutch + 30 English ("on hold")
        Assert.Equal(50, waiting.Promoters);
        // Mentioning: 150 detractors, 50 promoters of 200: -50. Others: 50 detractors, 100 promoters of 150: +33.3.
        Assert.Equal(-50, waiting.Mentioning.Value, 6);
        Assert.Equal(100.0 * (100 - 50) / 150, waiting.Others.Value, 6);
        Assert.True(waiting.VsOthers!.Significant);
        Assert.All(
            waiting.Examples,
            q => Assert.DoesNotContain("12345678", q, StringComparison.Ordinal)
        );
        Assert.Contains(waiting.Examples, q => q.Contains("[…]", StringComparison.Ordinal));
        var staff = themes.Items.Single(i => i.Theme.Id.Id == "staff");
        Assert.Equal(100, staff.Promoters);
        Assert.Equal(0, staff.Detractors);
        Assert.Equal(50, themes.Uncovered);
        Assert.Contains(("pakket", 50), themes.Words);
        Assert.Contains(("pakket beschadigd", 50), themes.Phrases);
        Assert.DoesNotContain(themes.Words, w => w.Text is "het" or "was" or "en");
    }

    [Fact]
    public void The_report_summary_and_follow_up_list_say_what_detractors_talk_about()
    {
        var result = Planted();
        var folder = Directory.CreateTempSubdirectory("surveykit-themes-").FullName;
        try
        {
            ReportFiles.Write(result, folder, tables: false, timing: null);
            var html = File.ReadAllText(Path.Combine(folder, "report.html"));
            Assert.Contains("Waar de open antwoorden over gaan", html, StringComparison.Ordinal);
            Assert.Contains(
                "Van de criticasters die iets schreven noemt 75% <strong>Wachttijd</strong> (van 200).",
                html,
                StringComparison.Ordinal
            );
            Assert.Contains("What the open answers are about", html, StringComparison.Ordinal);
            using var summary = JsonDocument.Parse(
                File.ReadAllBytes(Path.Combine(folder, "summary.json"))
            );
            var themes = summary.RootElement.GetProperty("themes");
            Assert.Equal(200, themes.GetProperty("answered").GetProperty("detractors").GetInt32());
            var first = themes.GetProperty("items")[0];
            Assert.Equal("waiting", first.GetProperty("id").GetString());
            Assert.Equal(150, first.GetProperty("detractors").GetInt32());
            Assert.True(first.GetProperty("difference").GetProperty("significant").GetBoolean());
            Assert.Equal(50, themes.GetProperty("uncovered_detractors").GetInt32());
            var followUp = File.ReadAllLines(Path.Combine(folder, "follow-up.csv"));
            Assert.EndsWith(",reason,themes", followUp[0], StringComparison.Ordinal);
            Assert.Contains(
                followUp,
                l => l.EndsWith("wachttijd bij de telefoon,waiting", StringComparison.Ordinal)
            );
            Assert.Contains(followUp, l => l.EndsWith("te laat,", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
