using System.Collections.Generic;
using SurveyKit.Core.Text;

namespace SurveyKit.Site.Texts;

/// <summary>
/// The words of the pages themselves (buttons, the error summary, messages for respondents) in the languages
/// SurveyKit knows. A survey in another language gets English for these; its own texts stay its own.
/// Messages follow the GOV.UK Design System: say what to do, not what went wrong.
/// </summary>
internal static class UiTexts
{
    private static readonly Dictionary<string, Dictionary<string, string>> Texts = new()
    {
        ["nl"] = new()
        {
            ["submit"] = "Versturen",
            ["next"] = "Volgende",
            ["back"] = "Vorige",
            ["optional"] = "(optioneel)",
            ["error_prefix"] = "Fout",
            ["error_title"] = "Er is een probleem",
            ["step"] = "Stap {0} van {1}",
            ["step_open"] = "Stap {0}",
            ["language"] = "Taal",
            ["yes"] = "Ja",
            ["no"] = "Nee",
            ["other_text"] = "Licht uw keuze toe",
            ["up_to"] = "Maximaal {0} tekens.",
            ["chars_left"] = "U heeft nog {0} tekens over.",
            ["chars_over"] = "U heeft {0} tekens te veel.",
            ["honeypot"] = "Laat dit veld leeg",
            ["sending"] = "Uw antwoorden worden verstuurd...",
            ["offline"] =
                "Uw antwoorden zijn op dit apparaat bewaard en worden verstuurd zodra er weer verbinding is. U kunt deze pagina open laten.",
            ["rejected"] = "Uw antwoorden zijn niet geaccepteerd: {0}",
            ["answered"] = "U heeft deze enquête al ingevuld. Dank u wel!",
            ["restored"] = "Uw eerdere antwoorden zijn teruggezet.",
            ["no_js_hint"] = "Beantwoord een vervolgvraag alleen als die op u van toepassing is.",
            ["thanks_title"] = "Bedankt",
            ["surveys"] = "Enquêtes",
            ["scale_hint"] = "{0} = {1}, {2} = {3}",
            ["required"] = "Kies een antwoord.",
            ["required_text"] = "Vul een antwoord in.",
            ["required_grade"] = "Geef ten minste één onderdeel een cijfer.",
            ["length"] = "Gebruik maximaal {0} tekens.",
            ["email"] = "Vul een e-mailadres in zoals naam@voorbeeld.nl.",
            ["number"] = "Vul een getal in, zoals 12 of 7,5.",
            ["integer"] = "Vul een heel getal in.",
            ["range"] = "Vul een getal in van {0} tot en met {1}.",
            ["min"] = "Vul een getal in van {0} of meer.",
            ["max"] = "Vul een getal in van {0} of minder.",
            ["count_min"] = "Kies er ten minste {0}.",
            ["count_max"] = "Kies er ten hoogste {0}.",
        },
        ["en"] = new()
        {
            ["submit"] = "Send",
            ["next"] = "Next",
            ["back"] = "Back",
            ["optional"] = "(optional)",
            ["error_prefix"] = "Error",
            ["error_title"] = "There is a problem",
            ["step"] = "Step {0} of {1}",
            ["step_open"] = "Step {0}",
            ["language"] = "Language",
            ["yes"] = "Yes",
            ["no"] = "No",
            ["other_text"] = "Please specify",
            ["up_to"] = "Up to {0} characters.",
            ["chars_left"] = "You have {0} characters remaining.",
            ["chars_over"] = "You have {0} characters too many.",
            ["honeypot"] = "Leave this field empty",
            ["sending"] = "Sending your answers...",
            ["offline"] =
                "Your answers are saved on this device and will be sent as soon as you are back online. You can leave this page open.",
            ["rejected"] = "Your answers were not accepted: {0}",
            ["answered"] = "You have already answered this survey. Thank you!",
            ["restored"] = "Your earlier answers have been restored.",
            ["no_js_hint"] = "Only answer a follow-up question when it applies to you.",
            ["thanks_title"] = "Thank you",
            ["surveys"] = "Surveys",
            ["scale_hint"] = "{0} = {1}, {2} = {3}",
            ["required"] = "Choose an answer.",
            ["required_text"] = "Enter an answer.",
            ["required_grade"] = "Grade at least one item.",
            ["length"] = "Use {0} characters or fewer.",
            ["email"] = "Enter an email address in the correct format, like name@example.com.",
            ["number"] = "Enter a number, like 12 or 7.5.",
            ["integer"] = "Enter a whole number.",
            ["range"] = "Enter a number from {0} to {1}.",
            ["min"] = "Enter a number of {0} or more.",
            ["max"] = "Enter a number of {0} or less.",
            ["count_min"] = "Choose at least {0}.",
            ["count_max"] = "Choose at most {0}.",
        },
    };

    private static readonly TextTable Table = new(Texts);

    /// <summary>The text <paramref name="key"/> in <paramref name="language"/>, or in English.</summary>
    public static string Get(string language, string key) => Table.For(language)[key];

    /// <summary>The text <paramref name="key"/> with its placeholders filled, numbers as the language writes them.</summary>
    public static string Format(string language, string key, params object[] values) =>
        Table.For(language).Format(key, values);

    /// <summary>A number as people in <paramref name="language"/> write it (7,5 in Dutch), without grouping.</summary>
    public static string Number(string language, double value) =>
        value.ToString("0.##########", TextTable.NumberFormat(language));

    /// <summary>The language's own name (its endonym), for the language switcher.</summary>
    public static string LanguageName(string language) => TextTable.NativeName(language);
}
