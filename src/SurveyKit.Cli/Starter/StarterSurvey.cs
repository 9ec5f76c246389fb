using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SurveyKit.Cli.Starter;

/// <summary>
/// Writes the survey that <c>surveykit new</c> starts from: a short loyalty survey (NPS with a follow-up reason,
/// satisfaction, graded touchpoints, contact consent) in Dutch, English or both, that passes the check as written.
/// </summary>
internal static class StarterSurvey
{
    /// <summary>The languages a starter can be written in.</summary>
    public static readonly IReadOnlyList<string> Languages = ["nl", "en"];

    /// <param name="id">The survey id.</param>
    /// <param name="languages">nl, en or both; the first is the default.</param>
    /// <param name="schemaPath">The JSON Schema relative to the new file, for editors, or null when there is none nearby.</param>
    public static string Write(string id, IReadOnlyList<string> languages, string? schemaPath)
    {
        var y = new Writer(languages);
        if (schemaPath is not null)
        {
            y.Line("# yaml-language-server: $schema=" + schemaPath);
        }
        y.Line("# A starter loyalty survey. Check it with: surveykit check " + id + ".survey.yaml");
        y.Line("survey: " + id);
        y.Line("version: 1");
        y.Line("languages: [" + string.Join(", ", languages) + "]");
        y.Text(0, "title", ("Uw mening telt", "Your opinion counts"));
        y.Text(
            0,
            "intro",
            ("Het invullen duurt ongeveer **2 minuten**.", "This takes about **2 minutes**.")
        );
        y.Text(
            0,
            "outro",
            (
                "Bedankt! We gaan met uw antwoorden aan de slag.",
                "Thank you! We will act on your answers."
            )
        );
        y.Line("");
        y.Line("questions:");
        y.Line("  - id: recommend");
        y.Line("    type: nps");
        y.Line("    required: true");
        y.Text(
            4,
            "text",
            (
                "Hoe waarschijnlijk is het dat u ons aanbeveelt aan een vriend of collega?",
                "How likely is it that you would recommend us to a friend or colleague?"
            )
        );
        y.Line("  - id: reason");
        y.Line("    type: text");
        y.Line("    multiline: true");
        y.Line("    max_length: 1000");
        y.Line("    show_if: recommend <= 6");
        y.Text(
            4,
            "text",
            (
                "Wat is de belangrijkste reden voor uw score?",
                "What is the main reason for your score?"
            )
        );
        y.Line("  - id: satisfaction");
        y.Line("    type: rating");
        y.Line("    scale: { min: 1, max: 5 }");
        y.Line("    labels:");
        y.Text(6, "1", ("Zeer ontevreden", "Very dissatisfied"), inline: true);
        y.Text(6, "5", ("Zeer tevreden", "Very satisfied"), inline: true);
        y.Text(
            4,
            "text",
            (
                "Hoe tevreden bent u in het algemeen over ons?",
                "Overall, how satisfied are you with us?"
            )
        );
        y.Line("  - id: touchpoints");
        y.Line("    type: touchpoints");
        y.Line("    scale: { min: 1, max: 10 }");
        y.Text(
            4,
            "text",
            ("Welk cijfer geeft u ons voor...", "What grade would you give us for...")
        );
        y.Line("    items:");
        y.Line("      - id: website");
        y.Text(8, "label", ("Onze website", "Our website"), inline: true);
        y.Line("      - id: service");
        y.Text(8, "label", ("De klantenservice", "Customer service"), inline: true);
        y.Line("  - id: contact_ok");
        y.Line("    type: consent");
        y.Text(
            4,
            "text",
            (
                "Mogen we contact met u opnemen over uw antwoorden?",
                "May we contact you about your answers?"
            )
        );
        y.Line("  - id: email");
        y.Line("    type: email");
        y.Line("    show_if: contact_ok");
        y.Text(4, "text", ("Uw e-mailadres", "Your email address"), inline: true);
        y.Line("");
        y.Line("analysis:");
        y.Line("  outcome: recommend");
        y.Line("  drivers: touchpoints");
        y.Line("  satisfaction: satisfaction");
        y.Line("  follow_up: { consent: contact_ok, contact: email }");
        return y.ToString();
    }

    private sealed class Writer(IReadOnlyList<string> languages)
    {
        private readonly StringBuilder _text = new();

        public void Line(string line) => _text.Append(line).Append('\n');

        /// <summary>A text: a plain string in a one-language survey, else one entry per language.</summary>
        public void Text(int indent, string key, (string Nl, string En) text, bool inline = false)
        {
            var pad = new string(' ', indent);
            string In(string language) => language == "nl" ? text.Nl : text.En;
            if (languages.Count == 1)
            {
                Line($"{pad}{key}: {Quote(In(languages[0]))}");
            }
            else if (inline)
            {
                Line(
                    $"{pad}{key}: {{ {string.Join(", ", languages.Select(l => $"{l}: {Quote(In(l))}"))} }}"
                );
            }
            else
            {
                Line($"{pad}{key}:");
                foreach (var language in languages)
                {
                    Line($"{pad}  {language}: {Quote(In(language))}");
                }
            }
        }

        // Plain YAML where it is safe; single quotes where a character would change the meaning.
        private static string Quote(string value)
        {
            var risky =
                "-?:,[]{}#&*!|>'\"%@`".Contains(value[0], System.StringComparison.Ordinal)
                || value.Contains(": ")
                || value.Contains(" #")
                || value.IndexOfAny([',', '[', ']', '{', '}']) >= 0;
            return risky ? "'" + value.Replace("'", "''") + "'" : value;
        }

        public override string ToString() => _text.ToString();
    }
}
