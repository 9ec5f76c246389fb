using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace SurveyKit.Benchmarks.Site;

/// <summary>
/// A workspace of generated surveys, each like the examples: nine questions of every type over two pages, in Dutch
/// and English, with Markdown, conditions, and texts that need escaping (&amp;, &lt;, quotes).
/// </summary>
internal static class Workspace
{
    public static List<string> Generate(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var path = Path.Combine(folder, $"survey-{i:0000}.survey.yaml");
            File.WriteAllText(path, Survey(i), Encoding.UTF8);
            files.Add(path);
        }
        return files;
    }

    private static string Survey(int i) =>
        string.Format(
            CultureInfo.InvariantCulture,
            """
            survey: survey-{0:0000}
            version: {1}
            languages: [nl, en]
            title:
              nl: "Klantonderzoek {0} van Winkel & Co"
              en: "Customer survey {0} of Shop & Co"
            intro:
              nl: Het invullen duurt ongeveer **4 minuten**. Lees onze [privacyverklaring](https://example.org/privacy).
              en: This takes about **4 minutes**. Read our [privacy statement](https://example.org/privacy).
            outro:
              nl: Bedankt! Met uw antwoorden gaan we *echt* aan de slag.
              en: Thank you! We will act on your answers.
            context:
              - id: segment
                values: [b2b, b2c]
            settings:
              save_progress: true
            pages:
              - id: loyalty
                title: {{ nl: "Uw oordeel", en: "Your opinion" }}
                questions:
                  - id: recommend
                    type: nps
                    required: true
                    text:
                      nl: Hoe waarschijnlijk is het dat u "Winkel & Co" aanbeveelt aan een vriend of collega?
                      en: How likely is it that you would recommend "Shop & Co" to a friend or colleague?
                  - id: reason
                    type: text
                    multiline: true
                    max_length: 1000
                    show_if: recommend <= 6
                    text: {{ nl: Wat kunnen we beter doen?, en: What could we do better? }}
                  - id: satisfaction
                    type: rating
                    scale: {{ min: 1, max: 5 }}
                    labels:
                      1: {{ nl: Zeer ontevreden, en: Very dissatisfied }}
                      5: {{ nl: Zeer tevreden, en: Very satisfied }}
                    text: {{ nl: Hoe tevreden bent u <in het algemeen>?, en: Overall <how satisfied> are you? }}
              - id: experience
                questions:
                  - id: touchpoints
                    type: touchpoints
                    compare: {{ nl: Vergeleken met anderen is dit..., en: Compared with others this is... }}
                    text: {{ nl: Welk cijfer geeft u voor..., en: What grade would you give for... }}
                    items:
                      - {{ id: website, label: {{ nl: De website, en: The website }} }}
                      - {{ id: store, label: {{ nl: De winkel, en: The store }}, show_if: "segment == 'b2c'" }}
                      - {{ id: service, label: {{ nl: De klantenservice, en: Customer service }} }}
                      - {{ id: delivery, label: {{ nl: De bezorging, en: Delivery }} }}
                  - id: complaint
                    type: single_choice
                    text: {{ nl: Heeft u een klacht ingediend?, en: Did you file a complaint? }}
                    options:
                      - {{ id: no, label: {{ nl: Nee, en: No }} }}
                      - {{ id: resolved, label: {{ nl: "Ja, opgelost", en: "Yes, resolved" }} }}
                      - {{ id: unresolved, label: {{ nl: "Ja, niet opgelost", en: "Yes, not resolved" }} }}
                  - id: channels
                    type: multi_choice
                    other: {{ nl: Anders, en: Other }}
                    text: {{ nl: Welke kanalen gebruikt u?, en: Which channels do you use? }}
                    options:
                      - {{ id: phone, label: {{ nl: Telefoon, en: Phone }} }}
                      - {{ id: email, label: {{ nl: E-mail, en: Email }} }}
                      - {{ id: chat, label: {{ nl: Chat, en: Chat }} }}
                  - id: years
                    type: number
                    integer: true
                    min: 0
                    max: 100
                    text: {{ nl: Hoeveel jaar bent u klant?, en: How many years have you been a customer? }}
                  - id: contact_ok
                    type: consent
                    text: {{ nl: Mogen we contact met u opnemen?, en: May we contact you? }}
                  - id: contact_email
                    type: email
                    show_if: contact_ok
                    text: {{ nl: Uw e-mailadres, en: Your email address }}
            """,
            i,
            1 + i % 3
        );
}
