namespace SurveyKit.Collector.Alerts;

/// <summary>The words of an alert mail, in Dutch and English (English for other languages).</summary>
internal sealed record AlertMailTexts(
    string Intro,
    string Answers,
    string Context,
    string Facts,
    string Received,
    string Response,
    string Language,
    string Version,
    string Reply,
    string PersonalLeftOut,
    string Footer
)
{
    private static readonly AlertMailTexts Dutch = new(
        "Een respons op ‘{0}’ voldoet aan de melding ‘{1}’.",
        "Antwoorden",
        "Uit de link",
        "Over deze respons",
        "Ontvangen",
        "Respons",
        "Taal",
        "Versie",
        "De klant wil graag contact: beantwoord deze mail om {0} te bereiken.",
        "Persoonsgegevens zijn weggelaten: deze melding is geschreven met personal: false.",
        "Verstuurd door de SurveyKit-collector zodra de respons was opgeslagen."
    );

    private static readonly AlertMailTexts English = new(
        "A response to ‘{0}’ meets the alert ‘{1}’.",
        "Answers",
        "From the link",
        "About this response",
        "Received",
        "Response",
        "Language",
        "Version",
        "The customer would like to be contacted: reply to this mail to reach {0}.",
        "Personal data was left out: this alert is written personal: false.",
        "Sent by the SurveyKit collector as soon as the response was stored."
    );

    public static AlertMailTexts For(string language) =>
        language.StartsWith("nl", System.StringComparison.Ordinal) ? Dutch : English;
}
