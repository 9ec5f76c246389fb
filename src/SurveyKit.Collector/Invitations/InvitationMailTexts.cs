namespace SurveyKit.Collector.Invitations;

/// <summary>The words of an invitation mail and its reminder, in Dutch and English (English for other languages).</summary>
internal sealed record InvitationMailTexts(
    string Greeting,
    string Intro,
    string ReminderIntro,
    string ReminderPrefix,
    string Tap,
    string Open,
    string Why,
    string OptOut,
    string OptOutAction
)
{
    private static readonly InvitationMailTexts Dutch = new(
        "Goedendag,",
        "Wij horen graag wat u van ons vindt. Uw antwoorden helpen ons beter te worden.",
        "Een tijdje geleden vroegen wij u om uw mening. Misschien is het er nog niet van gekomen: de vragenlijst staat nog voor u klaar.",
        "Herinnering: ",
        "Kies een cijfer om te beginnen:",
        "Open de vragenlijst",
        "U ontvangt deze uitnodiging omdat u klant bij ons bent. De link is persoonlijk: stuur deze mail niet door.",
        "Liever geen uitnodigingen meer?",
        "Meld u af"
    );

    private static readonly InvitationMailTexts English = new(
        "Hello,",
        "We would like to hear what you think of us. Your answers help us get better.",
        "A while ago we asked for your opinion. Perhaps you have not got round to it yet: the survey is still waiting for you.",
        "Reminder: ",
        "Choose a number to start:",
        "Open the survey",
        "You receive this invitation because you are a customer of ours. The link is personal: please do not forward this mail.",
        "Rather not be invited again?",
        "Opt out"
    );

    public static InvitationMailTexts For(string language) =>
        language.StartsWith("nl", System.StringComparison.Ordinal) ? Dutch : English;
}
