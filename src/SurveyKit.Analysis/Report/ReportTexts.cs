using System.Collections.Generic;
using System.Globalization;
using SurveyKit.Core.Text;

namespace SurveyKit.Analysis.Report;

/// <summary>
/// The words of the report in the languages SurveyKit knows (Dutch and English), through Core's one
/// <see cref="TextTable"/>: a survey in another language gets English words around its own labels, and numbers as its
/// language writes them.
/// </summary>
internal sealed class ReportTexts
{
    private static readonly Dictionary<string, Dictionary<string, string>> Texts = new()
    {
        ["nl"] = new()
        {
            ["title"] = "Resultaten van ‘{0}’",
            ["language"] = "Taal",
            ["quadrant"] = "Kwadrant",
            ["why"] = "Waarom",
            ["group"] = "Groep",
            ["complaint"] = "Klacht",
            ["check"] = "Controle",
            ["reason"] = "Reden",
            ["direction"] = "Richting",
            ["direction_note"] =
                "Een minteken bij de richting betekent: bij gelijke andere cijfers gaat een hoger cijfer samen met een iets lagere aanbeveling; meestal overlap tussen contactmomenten, geen reden om slechter te worden.",
            ["months"] =
                "januari februari maart april mei juni juli augustus september oktober november december",
            ["months_short"] = "jan feb mrt apr mei jun jul aug sep okt nov dec",
            ["trend"] = "Ontwikkeling in de tijd",
            ["trend_touchpoints"] = "Contactmomenten per {0}",
            ["by_month"] = "maand",
            ["by_quarter"] = "kwartaal",
            ["by_week"] = "week",
            ["by_version"] = "versie",
            ["by_wave"] = "meting",
            ["change"] = "Verandering",
            ["since"] = "Sinds {0}",
            ["period_quarter"] = "K{0} {1}",
            ["period_week"] = "week {0} van {1}",
            ["period_week_short"] = "wk {0}",
            ["period_version"] = "versie {0}",
            ["period_version_short"] = "v{0}",
            ["chart_trend"] = "NPS per {0}",
            ["chart_trend_segment"] = "NPS per {0}: {1}",
            ["chart_trend_touchpoints"] = "Gemiddeld cijfer per {0}",
            ["trend_drivers"] = "Aandeel in wat de contactmomenten verklaren, per {0}",
            ["trend_intro"] =
                "De NPS per {0}, met het 95%-interval als band. Een verandering tussen twee opeenvolgende perioden wordt getoetst als beide minstens {1} antwoorden hebben (aangepaste toets van Rocks); ▲ en ▼ markeren een significante stijging of daling. De kolom ‘sinds’ vergelijkt elke periode met de eerste, op dezelfde manier.",
            ["trend_tests"] = "Holm-correctie over de {0} getoetste veranderingen.",
            ["trend_tests_one"] = "Er is één verandering getoetst.",
            ["trend_tests_none"] =
                "Geen twee opeenvolgende perioden hebben elk {0} antwoorden: er is niets getoetst.",
            ["trend_few"] =
                "Een open stip: minder dan {0} antwoorden in die periode. Die periode staat erin, maar een verandering ervan of ernaar wordt niet getoetst.",
            ["trend_undated"] =
                "{0} antwoorden hebben geen tijdstip van insturen en staan niet in de trend (wel in de andere cijfers).",
            ["trend_no_wave"] =
                "{0} antwoorden horen bij geen meting en staan niet in de trend (wel in de andere cijfers).",
            ["trend_segments_note"] =
                "Per groep en periode zijn de aantallen klein; deze lijnen worden niet getoetst. Een open stip: minder dan {0} antwoorden.",
            ["trend_touchpoints_intro"] =
                "Het gemiddelde cijfer per contactmoment per {0}, met het 95%-interval als band; contactmomenten met dezelfde schaal delen één as. Een verandering tussen twee opeenvolgende perioden wordt getoetst met de t-toets van Welch als beide minstens {1} cijfers hebben; ▲ en ▼ markeren een significante.",
            ["trend_drivers_intro"] =
                "Het aandeel van elk contactmoment in wat de contactmomenten samen verklaren, per periode met minstens {0} antwoorden waarvan het eigen model genoeg verklaart (dezelfde regel als voor het geheel). Andere perioden staan er niet in; verschuivingen van een paar procentpunten zijn ruis.",
            ["trend_drivers_none"] =
                "Geen periode heeft genoeg antwoorden (minstens {0}) met een eigen model dat genoeg verklaart om te zeggen wat loyaliteit per periode drijft.",
            ["k_trend_rise"] =
                "De NPS steeg van {0} naar **{1}** tussen {2} en {3} (p {4} na Holm-correctie).",
            ["k_trend_fall"] =
                "De NPS daalde van {0} naar **{1}** tussen {2} en {3} (p {4} na Holm-correctie).",
            ["k_trend_cause_rise"] = "{0} steeg in die periode het meest: van {1} naar {2}.",
            ["k_trend_cause_fall"] = "{0} daalde in die periode het meest: van {1} naar {2}.",
            ["k_trend_flat"] =
                "De NPS veranderde niet significant tussen opeenvolgende perioden ({0} getoetst); van {1} tot {2} ging hij van {3} naar {4}, ook geen significante verandering (p {5} na Holm-correctie).",
            ["k_trend_flat_overall"] =
                "De NPS veranderde niet significant tussen opeenvolgende perioden ({0} getoetst), maar wel van {1} tot {2}: van {3} naar **{4}** (p {5} na Holm-correctie).",
            ["k_trend_flat_untested"] =
                "De NPS veranderde niet significant tussen opeenvolgende perioden ({0} getoetst); van {1} tot {2} ging hij van {3} naar {4}.",
            ["k_trend_untested"] =
                "Per {0} zijn er te weinig antwoorden om veranderingen te toetsen (minstens {1} per periode).",
            ["k_trend_touchpoint_rise"] =
                "{0} steeg significant van {1} naar {2} tussen {3} en {4} (p {5} na Holm-correctie).",
            ["k_trend_touchpoint_fall"] =
                "{0} daalde significant van {1} naar {2} tussen {3} en {4} (p {5} na Holm-correctie).",
            ["accounts"] = "Accounts",
            ["accounts_intro"] =
                "{0} accounts antwoordden via {1} contactpersonen (mediaan {2} per account, herkend aan {3}). De NPS van een account is het gemiddelde van de groepen van zijn contactpersonen (promotor +100, passief 0, criticaster -100), zodat elk account één keer telt, hoeveel contactpersonen er ook antwoordden.",
            ["accounts_mean"] = "Gemiddelde NPS per account",
            ["accounts_positive"] = "Accounts boven 0",
            ["accounts_neutral"] = "Op 0",
            ["accounts_negative"] = "Onder 0",
            ["accounts_count"] = "Accounts",
            ["accounts_per"] = "Accounts per {0}",
            ["accounts_without"] =
                "{0} antwoorden noemen geen account ({1}) en tellen hier niet mee.",
            ["accounts_none"] =
                "Geen enkel antwoord noemt zijn account ({0}). Als het een persoonsgegeven is: exporteer met --personal om per account te kunnen kijken.",
            ["accounts_risk"] =
                "{0} accounts lopen risico: bij {1} daalde de NPS sinds de vorige periode waarin ze antwoordden, bij {2} zijn alle contactpersonen criticasters, bij {3} gaf een contactpersoon het risicosignaal. Ze staan in {4}, niet in dit rapport: die lijst noemt klanten.",
            ["accounts_risk_none"] =
                "Geen account loopt risico: bij geen enkel account daalde de NPS, waren alle contactpersonen criticasters of gaf iemand het risicosignaal.",
            ["k_accounts_risk"] = "{0} accounts lopen risico: zie {1}.",
            ["fieldwork"] = "Veldwerk van {0} tot en met {1}",
            ["responses_line"] =
                "{0} ingelezen: {1} meegeteld, {2} niet meegeteld (waarvan {3} dubbel).",
            ["summary"] = "In het kort",
            ["k_nps"] = "De NPS is **{0}** (95%-interval {1} tot {2}, n = {3}).",
            ["k_few"] =
                "Dit zijn nog maar {0} antwoorden: het interval is breed, en groepen worden pas vanaf {1} antwoorden vergeleken.",
            ["k_one"] =
                "Dit is nog maar één antwoord: het interval is zeer breed, en groepen worden pas vanaf {0} antwoorden vergeleken.",
            ["k_drivers_tied"] =
                "**{0}** en **{1}** wegen ongeveer even zwaar voor loyaliteit ({2}% en {3}% van wat de contactmomenten samen verklaren); de gegevens laten niet zien welke het zwaarst weegt.",
            ["k_weighted"] =
                "Gewogen naar de bekende verdeling ({0}) is de NPS {1} (effectieve n = {2}).",
            ["k_driver"] =
                "**{0}** weegt het zwaarst voor loyaliteit: {1}% van wat de contactmomenten samen verklaren.",
            ["k_drivers_weak"] =
                "De contactmomenten verklaren samen maar {0}% van de verschillen in aanbeveling: te weinig om te zeggen wat loyaliteit drijft.",
            ["k_priority"] = "Eerste prioriteit: **{0}**: {1}.",
            ["k_priority_none"] =
                "Geen contactmoment is zowel belangrijker als lager beoordeeld dan gemiddeld; houd **{0}** vast, dat het zwaarst weegt.",
            ["k_whatif"] =
                "Een punt hoger op {0} levert naar verwachting {1} NPS-punten op (95%-interval {2} tot {3}); een punt lager kost er {4}.",
            ["k_segment"] =
                "Groep '{1}' ({0}) wijkt significant af van de rest: NPS {2} tegen {3} (verschil {4} punten, 95%-interval {5} tot {6}).",
            ["k_complaint"] =
                "Klagers van wie de klacht is opgelost: NPS {0}; niet opgelost: NPS {1}. Het verschil van {2} punten is significant (p {3} na Holm-correctie).",
            ["k_complaint_ns"] =
                "Klagers van wie de klacht is opgelost: NPS {0}; niet opgelost: NPS {1}. Het verschil van {2} punten is niet significant (p {3} na Holm-correctie).",
            ["k_followup"] = "{0} criticasters willen teruggebeld worden: zie follow-up.csv.",
            ["nps"] = "Net Promoter Score",
            ["nps_intro"] =
                "Aanbevelingsbereidheid op 0-10: promotors geven 9 of 10, passieven 7 of 8, criticasters 0 tot en met 6. NPS = % promotors - % criticasters.",
            ["promoters"] = "Promotors",
            ["themes"] = "Waar de open antwoorden over gaan",
            ["theme"] = "Thema",
            ["themes_table"] = "Thema's per NPS-groep",
            ["themes_intro"] =
                "{0} respondenten schreven een open antwoord, onder wie {1} criticasters. Per thema: welk deel van de criticasters, passieven en promotors het noemt, en de NPS van wie het noemt tegenover wie iets anders schreef; alleen vergeleken met ten minste {2} antwoorden aan beide kanten.",
            ["themes_holm"] =
                "* = significant na Holm-correctie voor de {0} vergelijkingen van thema's.",
            ["themes_holm_one"] =
                "* = significant (p < 0,05); één thema heeft genoeg antwoorden om te vergelijken.",
            ["themes_none"] =
                "Geen thema heeft aan beide kanten genoeg antwoorden om te vergelijken.",
            ["themes_detractors"] = "Criticasters",
            ["themes_passives"] = "Passieven",
            ["themes_promoters"] = "Promotors",
            ["themes_nps_mention"] = "NPS als genoemd",
            ["themes_difference"] = "Verschil (p, Holm)",
            ["themes_nps_others"] = "NPS anders",
            ["themes_quotes"] = "Voorbeelden van criticasters (geanonimiseerd)",
            ["themes_uncovered"] = "{0} criticasters schreven iets dat bij geen thema past.",
            ["themes_words"] = "De woorden die zij het vaakst gebruiken: {0}.",
            ["themes_phrases"] =
                "Woordparen: {0}. Overweeg een thema toe te voegen aan het codeboek.",
            ["k_theme"] = "Van de criticasters die iets schreven noemt {0} **{1}** (van {2}).",
            ["k_theme_nps"] =
                "Wie het noemt geeft een NPS van {0}, de anderen {1} ({2}, na Holm-correctie).",
            ["spss_response_id"] = "Respons-id",
            ["spss_survey"] = "Enquête",
            ["spss_version"] = "Versie van de enquête",
            ["spss_submitted_at"] = "Verstuurd op (UTC)",
            ["spss_duration"] = "Invulduur (ms)",
            ["spss_chosen"] = "Gekozen",
            ["spss_not_chosen"] = "Niet gekozen",
            ["spss_yes"] = "Ja",
            ["spss_no"] = "Nee",
            ["spss_other_text"] = "{0} (anders, namelijk)",
            ["spss_compare"] = "{0}: vergeleken met andere aanbieders",
            ["spss_class"] = "NPS-groep",
            ["spss_promoter"] = "Promotor",
            ["spss_passive"] = "Passief",
            ["spss_detractor"] = "Criticaster",
            ["spss_weight"] = "Weging (raking)",
            ["spss_na_flag"] = "{0}: niet van toepassing",
            ["passives"] = "Passieven",
            ["detractors"] = "Criticasters",
            ["class_promoter"] = "promotor",
            ["class_passive"] = "passief",
            ["class_detractor"] = "criticaster",
            ["interval"] = "95%-interval",
            ["interval_method"] = "Interval: {0}.",
            ["interval_extended"] =
                "Het interval is uitgebreid tot de gemeten NPS: met zo weinig antwoorden ligt het midden van het interval niet op de meting.",
            ["interval_fallback"] =
                "Alle antwoorden vallen in één NPS-groep, waarvoor {0} een interval zonder breedte geeft; getoond is het aangepaste Wald-interval (Rocks 2016).",
            ["method_adjusted-wald"] = "aangepaste Wald (Rocks 2016)",
            ["method_wald"] = "Wald",
            ["method_score"] = "score-interval (Tango)",
            ["method_bootstrap"] = "bootstrap",
            ["weighted"] = "Gewogen NPS",
            ["weighted_intro"] =
                "Gewogen (raking) naar de verdeling in de enquête: {0}. Effectieve steekproefomvang (Kish) {1} van {2}.",
            ["weighted_intro_invited"] =
                "Gewogen (raking) naar de verdeling onder de genodigden, zodat wie minder vaak antwoordde even zwaar meetelt: {0}. Effectieve steekproefomvang (Kish) {1} van {2}.",
            ["weighted_fallback"] =
                "Alle gewogen antwoorden vallen in één NPS-groep; het interval is het aangepaste Wald-interval bij de effectieve steekproefomvang.",
            ["weighted_small"] =
                "Voorzichtig: minder dan {1} respondenten voor een doelaandeel bij {0}. De zwaarste respondent telt {2} keer het gemiddelde mee, dus de gewogen NPS leunt op een handvol antwoorden; daarom staat hij niet in de kernpunten.",
            ["n_eff"] = "Effectieve n",
            ["segments"] = "Segmenten",
            ["segments_intro"] =
                "Per groep de NPS met 95%-interval, en het verschil met de rest van de steekproef met een eigen 95%-interval (aangepaste Wald, Rocks 2016). Groepen met minder dan {0} antwoorden, of met een rest van minder dan {0}, worden getoond maar niet vergeleken.",
            ["segments_holm"] =
                "* = significant na Holm-correctie voor de {0} vergelijkingen in dit rapport (segmenten en klachtafhandeling); de intervallen van de verschillen zijn niet gecorrigeerd.",
            ["segments_holm_one"] =
                "* = significant (p < 0,05); dit is de enige vergelijking in dit rapport.",
            ["segments_none"] = "Geen groep heeft genoeg antwoorden om te vergelijken.",
            ["value"] = "Groep",
            ["n"] = "n",
            ["difference"] = "Verschil met rest (punten)",
            ["difference_interval"] = "95%-interval verschil",
            ["p_holm"] = "p (Holm)",
            ["ns"] = "n.s.",
            ["too_few"] = "te weinig om te vergelijken",
            ["touchpoints"] = "Contactmomenten",
            ["touchpoints_intro"] = "Rapportcijfers; 'niet gebruikt' telt nooit als cijfer.",
            ["touchpoint"] = "Contactmoment",
            ["mean"] = "Gemiddeld",
            ["top2"] = "Top-2",
            ["na"] = "Niet gebruikt",
            ["drivers"] = "Wat drijft loyaliteit?",
            ["drivers_intro"] =
                "Belang volgens Shapley/LMG: het deel van de verklaarde variantie in de aanbevelingsscore dat elk contactmoment voor zijn rekening neemt, samen 100%. Ernaast Johnsons relatieve gewichten en de gewone correlatie. {0}",
            ["drivers_fit"] =
                "De contactmomenten verklaren samen {0}% van de verschillen in aanbeveling (R² = {1}; F-toets p {2}).",
            ["drivers_weak"] =
                "Let op: de contactmomenten verklaren samen maar {0}% van de verschillen in aanbeveling (R² = {1}; F-toets p {2}). Een model dat zo weinig verklaart, zegt niet betrouwbaar welk contactmoment het zwaarst weegt; daarom staan drivers en wat-als niet in de kernpunten, en zijn er geen kwadranten of prioriteiten.",
            ["drivers_bootstrap"] =
                "Het interval van elk aandeel komt uit een bootstrap: de hele analyse herhaald op steekproeven van respondenten.",
            ["share_interval"] = "95%-interval aandeel",
            ["deletion_pairwise"] =
                "Ontbrekende en 'niet gebruikt'-cijfers zijn paarsgewijs weggelaten (kleinste paar n = {0}).",
            ["deletion_listwise"] = "Alleen respondenten met alle cijfers telden mee (n = {0}).",
            ["share"] = "Aandeel",
            ["rw"] = "Relatief gewicht",
            ["r"] = "Correlatie",
            ["ipa"] = "Belang en prestatie",
            ["ipa_intro"] =
                "Belang (aandeel LMG) tegen prestatie (gemiddeld cijfer). De lijnen liggen op het gemiddelde belang ({0}%) en de gemiddelde prestatie ({1}): hoog belang met lage prestatie is waar u zich op richt. De nummers in de grafiek staan in de lijst erbij. Een contactmoment waarvan een hoger cijfer bij gelijke andere cijfers samengaat met minder aanbeveling (een minteken bij de richting) staat er niet in: het is geen hefboom.",
            ["q_concentrate"] = "Hier op richten",
            ["q_keep_up"] = "Zo houden",
            ["q_low_priority"] = "Lage prioriteit",
            ["q_overkill"] = "Mogelijk overbodig",
            ["importance"] = "Belang",
            ["performance"] = "Prestatie",
            ["whatif"] = "Wat als?",
            ["whatif_intro"] =
                "Voorspelde NPS als iedereen die het contactmoment gebruikte het zoveel punten hoger of lager gaf, volgens een ordinaal logitmodel van de NPS-groepen op alle contactmomenten (n = {0}). Per scenario de voorspelde NPS en de verandering ten opzichte van de voorspelling van het model zelf bij 0, met een 95%-interval (deltamethode). Een verandering waarvan het interval 0 bevat, is niet van nul te onderscheiden.",
            ["whatif_subsample"] =
                "Het model is geschat op {0} van de {1} antwoorden, gekozen op antwoordnummer: dezelfde antwoorden geven altijd dezelfde selectie, en de intervallen houden rekening met de steekproef.",
            ["whatif_two_classes"] =
                "Geen enkele respondent is {0}; het model onderscheidt daarom de twee andere groepen.",
            ["whatif_weak"] =
                "Let op: de contactmomenten verklaren weinig van de verschillen in aanbeveling (zie 'Wat drijft loyaliteit?'); deze voorspellingen zijn onzeker, zoals de intervallen laten zien.",
            ["whatif_delta"] = "Verschil in cijfer",
            ["whatif_nps"] = "Voorspelde NPS",
            ["whatif_change"] = "Verandering (punten)",
            ["whatif_change_interval"] = "95%-interval verandering",
            ["whatif_down"] = "Eén punt lager",
            ["whatif_up"] = "Eén punt hoger",
            ["levels"] = "Wat elk cijfer waard is",
            ["levels_intro"] =
                "De NPS van de respondenten per gegeven cijfer: loont een 9 nog ten opzichte van een 8? Tussen haakjes: minder dan {0} antwoorden, alleen een indicatie.",
            ["competitors"] = "Ten opzichte van concurrenten",
            ["competitors_intro"] =
                "Hoe respondenten elk contactmoment vergelijken met andere aanbieders. Netto = % beter - % slechter, in procentpunten.",
            ["worse"] = "Slechter",
            ["same"] = "Gelijk",
            ["better"] = "Beter",
            ["net"] = "Netto (procentpunten)",
            ["priorities"] = "Prioriteiten",
            ["priorities_intro"] =
                "Eén regel voor de kwadranten, deze lijst en de kernpunten: eerst wat belangrijker dan gemiddeld is en lager beoordeeld dan gemiddeld ('Hier op richten'), dan 'Zo houden', 'Lage prioriteit' en 'Mogelijk overbodig'. Binnen een kwadrant telt de score: belang × (ruimte om te groeien + achterstand op concurrenten).",
            ["why_important"] = "{0}% van het belang",
            ["why_headroom"] = "gemiddeld {0} van {1}",
            ["why_behind"] = "{0} procentpunten vaker slechter dan beter dan concurrenten",
            ["why_behind_one"] = "1 procentpunt vaker slechter dan beter dan concurrenten",
            ["why_ahead"] = "voorsprong op concurrenten (netto {0} procentpunten)",
            ["why_ahead_one"] = "voorsprong op concurrenten (netto 1 procentpunt)",
            ["score"] = "Score",
            ["satisfaction_loyalty"] = "Tevredenheid is geen loyaliteit",
            ["sl_intro"] = "Tevreden: {0} of hoger op de tevredenheidsvraag; loyaal: promotor.",
            ["sl_loyal"] = "Tevreden en loyaal",
            ["sl_mercenary"] = "Tevreden, niet loyaal (kan vertrekken)",
            ["sl_hostage"] = "Loyaal, niet tevreden (gebonden, niet gewonnen)",
            ["sl_neither"] = "Niet tevreden, niet loyaal",
            ["complaints"] = "Klachtafhandeling",
            ["complaints_intro"] =
                "Een goed opgeloste klacht maakt van een criticaster een ambassadeur.",
            ["resolved"] = "Opgelost",
            ["unresolved"] = "Niet opgelost",
            ["no_complaint"] = "Geen klacht",
            ["complaint_test"] =
                "Verschil opgelost - niet opgelost: {0} punten (95%-interval {1} tot {2}; p {3} na Holm-correctie).",
            ["complaint_few"] =
                "Te weinig klagers om opgelost en niet opgelost te vergelijken: daarvoor zijn minstens {0} antwoorden per groep nodig.",
            ["quality"] = "Datakwaliteit",
            ["q_duplicates"] = "Dubbel ingestuurd (eerste telt)",
            ["q_straight"] = "Alle contactmomenten hetzelfde cijfer (3 of meer)",
            ["q_speeders"] = "Sneller dan de helft van de mediane invultijd ({0} s)",
            ["q_versions"] = "Antwoorden op een andere versie van de enquête",
            ["q_rejected"] = "Niet meegeteld",
            ["q_flagged"] = "Gemarkeerd, niet verwijderd: de onderzoeker beslist.",
            ["q_unknown_columns"] =
                "Kolommen die niet bij de enquête horen, zijn niet meegenomen: {0}.",
            ["q_left_out"] =
                "De invoer bevat geen persoonsgegevens ({0}); de follow-up-lijst heeft daarom geen contactgegevens. Exporteer met --personal om ze mee te nemen.",
            ["rejections"] = "Niet meegetelde regels",
            ["rejections_more"] = "De eerste {0} van {1} niet meegetelde regels staan hierboven.",
            ["reject_survey"] = "hoort bij een andere enquête",
            ["reject_version"] = "een versie van de enquête die niet bestaat",
            ["reject_unknown"] = "geen vraag, onderdeel, keuze of contextveld van de enquête",
            ["reject_type"] = "een waarde van de verkeerde soort",
            ["reject_range"] = "een getal buiten de schaal of niet heel",
            ["reject_option"] = "een keuze die de vraag niet heeft",
            ["reject_count"] = "te weinig of te veel keuzes",
            ["reject_length"] = "een tekst die langer is dan toegestaan",
            ["reject_email"] = "geen geldig e-mailadres",
            ["reject_text"] = "een tekst met een ongeldig teken, of een te lange sleutel",
            ["reject_required"] = "een verplichte vraag is niet beantwoord",
            ["reject_hidden"] = "een antwoord op een vraag die verborgen was",
            ["reject_syntax"] = "geen geldige JSON of CSV",
            ["reject_missing"] = "een verplicht veld ontbreekt",
            ["reject_duplicate"] = "een sleutel staat er twee keer in",
            ["reject_repeated"] = "al eerder ingelezen; het eerste antwoord telt",
            ["reject_size"] = "een regel van meer dan 1 MiB",
            ["reject_read"] = "kon niet worden gelezen",
            ["followup"] = "Opvolging",
            ["followup_text"] =
                "{0} criticasters gaven toestemming voor contact. De lijst met contactgegevens staat in follow-up.csv (persoonsgegevens: zorgvuldig behandelen); dit rapport bevat ze niet.",
            ["followup_none"] = "Geen criticasters gaven toestemming voor contact.",
            ["invitations"] = "Respons op de uitnodigingen",
            ["invitations_text"] =
                "{0} klanten zijn uitgenodigd; {1} van hen hebben geantwoord: {2} (95%-interval {3}).",
            ["invitations_caption"] = "Respons per {0}",
            ["invitations_invited"] = "Uitgenodigd",
            ["invitations_responded"] = "Geantwoord",
            ["invitations_rate"] = "Respons",
            ["alerts"] = "Meldingen",
            ["alerts_text"] =
                "{0} responsen leidden tot een melding aan een eigenaar; de collector deed {1} bezorgingen (een per webhook of mail), waarvan {2} zijn aangekomen.",
            ["alerts_none"] = "Geen enkele respons leidde tot een melding.",
            ["alerts_failed"] =
                "{0} bezorgingen zijn definitief mislukt: surveykit alerts laat zien waarom, en surveykit alerts retry probeert ze opnieuw zodra het doel hersteld is.",
            ["alerts_caption"] = "Meldingen per regel: aantallen en tijd van respons tot aankomst",
            ["alerts_rule"] = "Melding",
            ["alerts_responses"] = "Responsen",
            ["alerts_delivered"] = "Aangekomen",
            ["alerts_pending"] = "Onderweg",
            ["alerts_failed_head"] = "Mislukt",
            ["alerts_median"] = "Mediane tijd",
            ["alerts_p95"] = "95% binnen",
            ["unit_s"] = "s",
            ["unit_min"] = "min",
            ["unit_h"] = "u",
            ["method"] = "Verantwoording",
            ["method_text"] =
                "Intervallen: {0}, begrensd op -100 tot 100 en altijd met de gemeten waarde erin. Segmenten: verschil met de rest met het aangepaste Wald-interval en de bijbehorende toets (Rocks 2016), Holm-correctie over alle vergelijkingen, geen vergelijking onder {1} antwoorden. Drivers: Shapley/LMG (Lindeman, Merenda en Gold; relaimpo), Johnsons relatieve gewichten, Pearson-correlatie; in de kernpunten alleen als het model minstens {2}% verklaart en de F-toets significant is. Wat-als: proportional-odds-logit met intervallen volgens de deltamethode. Weging: raking (iteratieve poststratificatie). Gemaakt met SurveyKit.",
            ["notes"] = "Opmerkingen bij deze analyse",
            ["chart_nps"] = "Verdeling van promotors, passieven en criticasters",
            ["chart_drivers"] = "Belang per contactmoment (aandeel van 100)",
            ["chart_ipa"] = "Belang tegen prestatie, met lijnen op de gemiddelden",
            ["chart_whatif"] = "Verandering in NPS-punten bij één punt hoger of lager",
            ["chart_segments"] = "NPS per groep met 95%-interval",
            ["chart_competitors"] = "Slechter, gelijk of beter dan concurrenten",
            ["no_data"] = "Er zijn (nog) geen antwoorden om te tonen.",
            ["note_drivers_few_responses"] =
                "Drivers en wat-als: er zijn {0} antwoorden, en er zijn er minstens {1} nodig.",
            ["note_outcome_constant"] =
                "Iedereen gaf een {0} op de aanbevelingsvraag: niets kan verschillen in aanbeveling verklaren, dus er is geen driver- of wat-als-analyse.",
            ["note_driver_few"] =
                "'{0}' is door {1} respondenten beoordeeld, minder dan {2}, en is weggelaten uit de driver- en wat-als-analyse.",
            ["note_driver_constant"] =
                "Iedereen gaf '{0}' hetzelfde cijfer; het kan geen verschillen verklaren en is weggelaten uit de driver- en wat-als-analyse.",
            ["note_drivers_same"] =
                "'{0}' en '{1}' kregen van {2}% van de {3} respondenten die beide beoordeelden hetzelfde cijfer; hun belang is niet te scheiden, dus ze zijn als één geanalyseerd (onder '{0}').",
            ["note_drivers_correlated"] =
                "'{0}' en '{1}' hangen zo sterk samen (r = {2}) dat hun belang niet te scheiden is; ze zijn als één geanalyseerd (onder '{0}').",
            ["note_driver_sparse"] =
                "'{0}' is door maar {1} respondenten beoordeeld; naast de andere contactmomenten past dat niet in één model, dus het is weggelaten uit de driver- en wat-als-analyse.",
            ["note_driver_rare"] =
                "'{0}' is door {1} van de {2} respondenten beoordeeld, te weinig om in één model naast de andere contactmomenten te wegen; het is weggelaten uit de driver- en wat-als-analyse.",
            ["note_drivers_too_many"] =
                "{0} contactmomenten is meer dan de {1} waarvoor de Shapley-verdeling wordt berekend; er is geen driveranalyse.",
            ["note_drivers_weak"] =
                "Het drivermodel verklaart te weinig (R² = {0}; nodig: minstens {1} en een significante F-toets): drivers, prioriteiten en wat-als staan niet in de kernpunten.",
            ["note_whatif_one_class"] =
                "Elke respondent is {0}: zonder verschil in NPS-groep is er geen wat-als-model.",
            ["note_whatif_no_model"] =
                "Het wat-als-model kon niet worden geschat (de cijfers scheiden de NPS-groepen volledig, of variëren te weinig); er is daarom geen wat-als.",
            ["note_weighting_no_invitations"] =
                "Weging op {0} naar de genodigden is niet mogelijk: de invoer heeft geen uitnodigingen (alleen de database van de collector heeft ze). Alleen de ongewogen NPS is getoond.",
            ["note_weighting_empty"] =
                "Weging op {0} is niet mogelijk: '{1}' heeft een doelaandeel van {2}% maar geen respondenten. Alleen de ongewogen NPS is getoond.",
            ["note_weighting_not_converged"] =
                "De weging (raking) kwam in {0} rondes niet tot rust; de gewogen NPS is bij benadering.",
            ["note_version_changed"] =
                "De vraag '{0}' is na versie {1} veranderd ({2}): antwoorden op versie {1} en eerder tellen daarvoor niet mee, en de trend van die vraag breekt daar.",
            ["note_version_unmapped"] =
                "{1} antwoorden zijn op versie {0}, waarvan de definitie niet gevonden is (niet in de git-geschiedenis van het bestand); ze tellen mee voor wat ze met versie {2} gemeen hebben.",
            ["versions"] = "Versies van de enquête",
            ["version"] = "Versie",
            ["v_responses"] = "Antwoorden",
            ["v_renamed"] = "Hernoemd",
            ["v_removed"] = "Weggelaten: vraag of keuze bestaat niet meer",
            ["v_changed"] = "Weggelaten: vraag veranderd",
            ["v_current"] = "huidige versie",
            ["v_unmapped"] = "niet gevonden",
            ["versions_intro"] =
                "Antwoorden op eerdere versies zijn omgezet naar de huidige versie volgens de git-geschiedenis van het bestand (renamed_from); per versie hoeveel antwoorden, en wat niet kon worden meegenomen.",
        },
        ["en"] = new()
        {
            ["title"] = "Results of ‘{0}’",
            ["language"] = "Language",
            ["quadrant"] = "Quadrant",
            ["why"] = "Why",
            ["group"] = "Group",
            ["complaint"] = "Complaint",
            ["check"] = "Check",
            ["reason"] = "Reason",
            ["direction"] = "Direction",
            ["direction_note"] =
                "A minus sign in the direction means: with the other grades equal, a higher grade goes with slightly less recommendation; usually overlap between touchpoints, no reason to get worse.",
            ["months"] =
                "January February March April May June July August September October November December",
            ["months_short"] = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
            ["trend"] = "Over time",
            ["trend_touchpoints"] = "Touchpoints per {0}",
            ["by_month"] = "month",
            ["by_quarter"] = "quarter",
            ["by_week"] = "week",
            ["by_version"] = "version",
            ["by_wave"] = "wave",
            ["change"] = "Change",
            ["since"] = "Since {0}",
            ["period_quarter"] = "Q{0} {1}",
            ["period_week"] = "week {0} of {1}",
            ["period_week_short"] = "wk {0}",
            ["period_version"] = "version {0}",
            ["period_version_short"] = "v{0}",
            ["chart_trend"] = "NPS per {0}",
            ["chart_trend_segment"] = "NPS per {0}: {1}",
            ["chart_trend_touchpoints"] = "Mean grade per {0}",
            ["trend_drivers"] = "Share of what the touchpoints explain, per {0}",
            ["trend_intro"] =
                "The NPS per {0}, with its 95% interval as a band. A change between two consecutive periods is tested when both have at least {1} responses (Rocks' adjusted test); ▲ and ▼ mark a significant rise or fall. The ‘since’ columns compare each period with the first, the same way.",
            ["trend_tests"] = "Holm's correction over the {0} changes tested.",
            ["trend_tests_one"] = "One change was tested.",
            ["trend_tests_none"] =
                "No two consecutive periods have {0} responses each: nothing was tested.",
            ["trend_few"] =
                "An open dot: fewer than {0} responses in that period. It is shown, but no change from or to it is tested.",
            ["trend_undated"] =
                "{0} responses have no submission time and are not in the trend (they are in the other numbers).",
            ["trend_no_wave"] =
                "{0} responses belong to no wave and are not in the trend (they are in the other numbers).",
            ["trend_segments_note"] =
                "Per group and period the numbers are small; these lines are not tested. An open dot: fewer than {0} responses.",
            ["trend_touchpoints_intro"] =
                "The mean grade of each touchpoint per {0}, with its 95% interval as a band; touchpoints on the same scale share one axis. A change between two consecutive periods is tested with Welch's t-test when both have at least {1} grades; ▲ and ▼ mark a significant one.",
            ["trend_drivers_intro"] =
                "Each touchpoint's share of what the touchpoints explain together, per period with at least {0} responses whose own model explains enough (the same rule as for the whole). Other periods are left out; shifts of a few percentage points are noise.",
            ["trend_drivers_none"] =
                "No period has enough responses (at least {0}) with a model of its own that explains enough to say what drives loyalty per period.",
            ["k_trend_rise"] =
                "The NPS rose from {0} to **{1}** between {2} and {3} (p {4} after Holm's correction).",
            ["k_trend_fall"] =
                "The NPS fell from {0} to **{1}** between {2} and {3} (p {4} after Holm's correction).",
            ["k_trend_cause_rise"] = "{0} rose most in that period: from {1} to {2}.",
            ["k_trend_cause_fall"] = "{0} fell most in that period: from {1} to {2}.",
            ["k_trend_flat"] =
                "The NPS did not change significantly between consecutive periods ({0} tested); from {1} to {2} it went from {3} to {4}, not a significant change either (p {5} after Holm's correction).",
            ["k_trend_flat_overall"] =
                "The NPS did not change significantly between consecutive periods ({0} tested), but it did from {1} to {2}: from {3} to **{4}** (p {5} after Holm's correction).",
            ["k_trend_flat_untested"] =
                "The NPS did not change significantly between consecutive periods ({0} tested); from {1} to {2} it went from {3} to {4}.",
            ["k_trend_untested"] =
                "Per {0} there are too few responses to test changes (at least {1} per period).",
            ["k_trend_touchpoint_rise"] =
                "{0} rose significantly from {1} to {2} between {3} and {4} (p {5} after Holm's correction).",
            ["k_trend_touchpoint_fall"] =
                "{0} fell significantly from {1} to {2} between {3} and {4} (p {5} after Holm's correction).",
            ["accounts"] = "Accounts",
            ["accounts_intro"] =
                "{0} accounts answered through {1} contacts (median {2} per account, identified by {3}). An account's NPS is the mean of its contacts' classes (promoter +100, passive 0, detractor -100), so every account counts once, however many contacts answered for it.",
            ["accounts_mean"] = "Mean NPS per account",
            ["accounts_positive"] = "Accounts above 0",
            ["accounts_neutral"] = "At 0",
            ["accounts_negative"] = "Below 0",
            ["accounts_count"] = "Accounts",
            ["accounts_per"] = "Accounts per {0}",
            ["accounts_without"] = "{0} responses name no account ({1}) and are not counted here.",
            ["accounts_none"] =
                "No response names its account ({0}). If it is personal data: export with --personal to look per account.",
            ["accounts_risk"] =
                "{0} accounts are at risk: for {1} the NPS fell since the previous period in which they answered, for {2} every contact is a detractor, for {3} a contact gave the risk signal. They are listed in {4}, not in this report: that list names customers.",
            ["accounts_risk_none"] =
                "No account is at risk: for no account did the NPS fall, were all contacts detractors, or did anyone give the risk signal.",
            ["k_accounts_risk"] = "{0} accounts are at risk: see {1}.",
            ["fieldwork"] = "Fieldwork from {0} to {1}",
            ["responses_line"] = "{0} read: {1} scored, {2} not scored ({3} of them duplicates).",
            ["summary"] = "At a glance",
            ["k_nps"] = "The NPS is **{0}** (95% interval {1} to {2}, n = {3}).",
            ["k_few"] =
                "These are only {0} responses: the interval is wide, and groups are compared from {1} responses on.",
            ["k_one"] =
                "This is only one response: the interval is very wide, and groups are compared from {0} responses on.",
            ["k_drivers_tied"] =
                "**{0}** and **{1}** weigh about the same for loyalty ({2}% and {3}% of what the touchpoints explain together); the data cannot tell which weighs most.",
            ["k_weighted"] =
                "Weighted to the known distribution ({0}) the NPS is {1} (effective n = {2}).",
            ["k_driver"] =
                "**{0}** drives loyalty most: {1}% of what the touchpoints explain together.",
            ["k_drivers_weak"] =
                "Together the touchpoints explain only {0}% of the differences in recommendation: too little to say what drives loyalty.",
            ["k_priority"] = "First priority: **{0}**: {1}.",
            ["k_priority_none"] =
                "No touchpoint is both more important and graded lower than average; keep up **{0}**, which weighs most.",
            ["k_whatif"] =
                "One point more on {0} is predicted to add {1} NPS points (95% interval {2} to {3}); one point less costs {4}.",
            ["k_segment"] =
                "Group '{1}' ({0}) differs significantly from the rest: NPS {2} against {3} (difference {4} points, 95% interval {5} to {6}).",
            ["k_complaint"] =
                "Complainers whose complaint was resolved: NPS {0}; not resolved: NPS {1}. The difference of {2} points is significant (p {3} after Holm's correction).",
            ["k_complaint_ns"] =
                "Complainers whose complaint was resolved: NPS {0}; not resolved: NPS {1}. The difference of {2} points is not significant (p {3} after Holm's correction).",
            ["k_followup"] = "{0} detractors want to be contacted: see follow-up.csv.",
            ["nps"] = "Net Promoter Score",
            ["nps_intro"] =
                "Likelihood to recommend on 0-10: promoters give 9 or 10, passives 7 or 8, detractors 0 to 6. NPS = % promoters - % detractors.",
            ["promoters"] = "Promoters",
            ["themes"] = "What the open answers are about",
            ["theme"] = "Theme",
            ["themes_table"] = "Themes per NPS class",
            ["themes_intro"] =
                "{0} respondents wrote an open answer, {1} of them detractors. Per theme: the share of detractors, passives and promoters who mention it, and the NPS of those who mention it against those who wrote something else; compared only with at least {2} answers on both sides.",
            ["themes_holm"] =
                "* = significant after Holm's correction for the {0} theme comparisons.",
            ["themes_holm_one"] =
                "* = significant (p < 0.05); one theme has enough answers to compare.",
            ["themes_none"] = "No theme has enough answers on both sides to compare.",
            ["themes_detractors"] = "Detractors",
            ["themes_passives"] = "Passives",
            ["themes_promoters"] = "Promoters",
            ["themes_nps_mention"] = "NPS if mentioned",
            ["themes_difference"] = "Difference (p, Holm)",
            ["themes_nps_others"] = "NPS otherwise",
            ["themes_quotes"] = "Examples from detractors (anonymised)",
            ["themes_uncovered"] = "{0} detractors wrote something that fits no theme.",
            ["themes_words"] = "The words they use most: {0}.",
            ["themes_phrases"] = "Word pairs: {0}. Consider adding a theme to the codebook.",
            ["k_theme"] = "Of the detractors who wrote something, {0} mention **{1}** (of {2}).",
            ["k_theme_nps"] =
                "Those who mention it give an NPS of {0}, the others {1} ({2}, after Holm's correction).",
            ["spss_response_id"] = "Response id",
            ["spss_survey"] = "Survey",
            ["spss_version"] = "Survey version",
            ["spss_submitted_at"] = "Submitted at (UTC)",
            ["spss_duration"] = "Time to answer (ms)",
            ["spss_chosen"] = "Chosen",
            ["spss_not_chosen"] = "Not chosen",
            ["spss_yes"] = "Yes",
            ["spss_no"] = "No",
            ["spss_other_text"] = "{0} (other, namely)",
            ["spss_compare"] = "{0}: compared with other providers",
            ["spss_class"] = "NPS class",
            ["spss_promoter"] = "Promoter",
            ["spss_passive"] = "Passive",
            ["spss_detractor"] = "Detractor",
            ["spss_weight"] = "Weight (raking)",
            ["spss_na_flag"] = "{0}: not applicable",
            ["passives"] = "Passives",
            ["detractors"] = "Detractors",
            ["class_promoter"] = "a promoter",
            ["class_passive"] = "a passive",
            ["class_detractor"] = "a detractor",
            ["interval"] = "95% interval",
            ["interval_method"] = "Interval: {0}.",
            ["interval_extended"] =
                "The interval is extended to the measured NPS: with this few responses the centre of the interval is not the measurement.",
            ["interval_fallback"] =
                "Every response is in one NPS class, for which {0} gives an interval without width; the adjusted Wald interval (Rocks 2016) is shown instead.",
            ["method_adjusted-wald"] = "adjusted Wald (Rocks 2016)",
            ["method_wald"] = "Wald",
            ["method_score"] = "score interval (Tango)",
            ["method_bootstrap"] = "bootstrap",
            ["weighted"] = "Weighted NPS",
            ["weighted_intro"] =
                "Weighted (raking) to the distribution in the survey: {0}. Effective sample size (Kish) {1} of {2}.",
            ["weighted_intro_invited"] =
                "Weighted (raking) to the make-up of the invited customers, so that groups who answered less often count as much as they were asked: {0}. Effective sample size (Kish) {1} of {2}.",
            ["weighted_fallback"] =
                "Every weighted response is in one NPS class; the interval is the adjusted Wald interval at the effective sample size.",
            ["weighted_small"] =
                "Careful: fewer than {1} respondents for a target share at {0}. The heaviest respondent counts {2} times the mean, so the weighted NPS leans on a handful of answers; that is why it is not in the key findings.",
            ["n_eff"] = "Effective n",
            ["segments"] = "Segments",
            ["segments_intro"] =
                "Per group the NPS with its 95% interval, and the difference with the rest of the sample with its own 95% interval (adjusted Wald, Rocks 2016). Groups with fewer than {0} responses, or a rest of fewer than {0}, are shown but not compared.",
            ["segments_holm"] =
                "* = significant after Holm's correction for the {0} comparisons in this report (segments and complaint handling); the intervals of the differences are not corrected.",
            ["segments_holm_one"] =
                "* = significant (p < 0.05); this is the only comparison in this report.",
            ["segments_none"] = "No group has enough responses to compare.",
            ["value"] = "Group",
            ["n"] = "n",
            ["difference"] = "Difference with rest (points)",
            ["difference_interval"] = "95% interval of the difference",
            ["p_holm"] = "p (Holm)",
            ["ns"] = "n.s.",
            ["too_few"] = "too few to compare",
            ["touchpoints"] = "Touchpoints",
            ["touchpoints_intro"] = "Grades; 'did not use' never counts as a grade.",
            ["touchpoint"] = "Touchpoint",
            ["mean"] = "Mean",
            ["top2"] = "Top-2",
            ["na"] = "Did not use",
            ["drivers"] = "What drives loyalty?",
            ["drivers_intro"] =
                "Importance by Shapley/LMG: the part of the explained variance in the recommendation score that each touchpoint accounts for, 100% together. Beside it Johnson's relative weights and the plain correlation. {0}",
            ["drivers_fit"] =
                "Together the touchpoints explain {0}% of the differences in recommendation (R² = {1}; F-test p {2}).",
            ["drivers_weak"] =
                "Note: together the touchpoints explain only {0}% of the differences in recommendation (R² = {1}; F-test p {2}). A model that explains this little does not tell reliably which touchpoint weighs most, so drivers and what-if are kept out of the key findings, and there are no quadrants or priorities.",
            ["drivers_bootstrap"] =
                "The interval of each share comes from a bootstrap: the whole analysis repeated on resamples of the respondents.",
            ["share_interval"] = "95% interval of the share",
            ["deletion_pairwise"] =
                "Missing and 'did not use' grades were left out pairwise (smallest pair n = {0}).",
            ["deletion_listwise"] = "Only respondents with every grade counted (n = {0}).",
            ["share"] = "Share",
            ["rw"] = "Relative weight",
            ["r"] = "Correlation",
            ["ipa"] = "Importance and performance",
            ["ipa_intro"] =
                "Importance (LMG share) against performance (mean grade). The lines are at the mean importance ({0}%) and the mean performance ({1}): high importance with low performance is where to concentrate. The numbers in the chart are named in the list beside it. A touchpoint whose higher grade goes with less recommendation once the others are equal (a minus sign in the direction) is left out: it is not a lever.",
            ["q_concentrate"] = "Concentrate here",
            ["q_keep_up"] = "Keep up the good work",
            ["q_low_priority"] = "Low priority",
            ["q_overkill"] = "Possible overkill",
            ["importance"] = "Importance",
            ["performance"] = "Performance",
            ["whatif"] = "What if?",
            ["whatif_intro"] =
                "Predicted NPS if everyone who used the touchpoint graded it this many points higher or lower, from an ordinal logit model of the NPS classes on all touchpoints (n = {0}). Per scenario the predicted NPS and the change against the model's own prediction at 0, with a 95% interval (delta method). A change whose interval holds 0 cannot be told apart from no change.",
            ["whatif_subsample"] =
                "The model is fitted on {0} of the {1} responses, chosen by response id: the same responses always give the same selection, and the intervals allow for the sample.",
            ["whatif_two_classes"] =
                "No respondent is {0}; the model tells the two other classes apart.",
            ["whatif_weak"] =
                "Note: the touchpoints explain little of the differences in recommendation (see 'What drives loyalty?'); these predictions are uncertain, as their intervals show.",
            ["whatif_delta"] = "Grade change",
            ["whatif_nps"] = "Predicted NPS",
            ["whatif_change"] = "Change (points)",
            ["whatif_change_interval"] = "95% interval of the change",
            ["whatif_down"] = "One point lower",
            ["whatif_up"] = "One point higher",
            ["levels"] = "What each grade is worth",
            ["levels_intro"] =
                "The NPS of the respondents per grade given: does a 9 still pay compared with an 8? In brackets: fewer than {0} responses, an indication only.",
            ["competitors"] = "Against competitors",
            ["competitors_intro"] =
                "How respondents compare each touchpoint with other providers. Net = % better - % worse, in percentage points.",
            ["worse"] = "Worse",
            ["same"] = "Same",
            ["better"] = "Better",
            ["net"] = "Net (percentage points)",
            ["priorities"] = "Priorities",
            ["priorities_intro"] =
                "One rule for the quadrants, this list and the key findings: first what is more important than average and graded lower than average ('Concentrate here'), then 'Keep up the good work', 'Low priority' and 'Possible overkill'. Within a quadrant the score counts: importance × (room to grow + gap behind competitors).",
            ["why_important"] = "{0}% of the importance",
            ["why_headroom"] = "mean {0} of {1}",
            ["why_behind"] = "{0} percentage points more often worse than better than competitors",
            ["why_behind_one"] = "1 percentage point more often worse than better than competitors",
            ["why_ahead"] = "ahead of competitors (net {0} percentage points)",
            ["why_ahead_one"] = "ahead of competitors (net 1 percentage point)",
            ["score"] = "Score",
            ["satisfaction_loyalty"] = "Satisfaction is not loyalty",
            ["sl_intro"] =
                "Satisfied: {0} or higher on the satisfaction question; loyal: a promoter.",
            ["sl_loyal"] = "Satisfied and loyal",
            ["sl_mercenary"] = "Satisfied, not loyal (may leave)",
            ["sl_hostage"] = "Loyal, not satisfied (bound, not won)",
            ["sl_neither"] = "Neither satisfied nor loyal",
            ["complaints"] = "Complaint handling",
            ["complaints_intro"] = "A complaint resolved well turns a critic into an ambassador.",
            ["resolved"] = "Resolved",
            ["unresolved"] = "Not resolved",
            ["no_complaint"] = "No complaint",
            ["complaint_test"] =
                "Difference resolved - not resolved: {0} points (95% interval {1} to {2}; p {3} after Holm's correction).",
            ["complaint_few"] =
                "Too few complainers to compare resolved with not resolved: that takes at least {0} responses per group.",
            ["quality"] = "Data quality",
            ["q_duplicates"] = "Sent twice (the first one counts)",
            ["q_straight"] = "Same grade for every touchpoint (3 or more)",
            ["q_speeders"] = "Faster than half the median time ({0} s)",
            ["q_versions"] = "Responses to another version of the survey",
            ["q_rejected"] = "Not scored",
            ["q_flagged"] = "Flagged, not removed: the researcher decides.",
            ["q_unknown_columns"] = "Columns that are not the survey's were left out: {0}.",
            ["q_left_out"] =
                "The input left out personal data ({0}), so the follow-up list has no contact details; export with --personal to include them.",
            ["rejections"] = "Lines not scored",
            ["rejections_more"] = "The first {0} of {1} lines not scored are listed above.",
            ["reject_survey"] = "belongs to another survey",
            ["reject_version"] = "a version of the survey that does not exist",
            ["reject_unknown"] = "not a question, item, option or context field of the survey",
            ["reject_type"] = "a value of the wrong kind",
            ["reject_range"] = "a number outside the scale or not whole",
            ["reject_option"] = "an option the question does not have",
            ["reject_count"] = "too few or too many options picked",
            ["reject_length"] = "a text longer than allowed",
            ["reject_email"] = "not a valid email address",
            ["reject_text"] = "a text with an invalid character, or a key that is too long",
            ["reject_required"] = "a required question is not answered",
            ["reject_hidden"] = "an answer to a question that was hidden",
            ["reject_syntax"] = "not valid JSON or CSV",
            ["reject_missing"] = "a required field is missing",
            ["reject_duplicate"] = "a key appears twice",
            ["reject_repeated"] = "read before; the first response counts",
            ["reject_size"] = "a line of more than 1 MiB",
            ["reject_read"] = "could not be read",
            ["followup"] = "Follow-up",
            ["followup_text"] =
                "{0} detractors agreed to be contacted. The list with contact details is in follow-up.csv (personal data: handle with care); this report does not contain it.",
            ["followup_none"] = "No detractors agreed to be contacted.",
            ["invitations"] = "Response to the invitations",
            ["invitations_text"] =
                "{0} customers were invited; {1} of them answered: {2} (95% interval {3}).",
            ["invitations_caption"] = "Response per {0}",
            ["invitations_invited"] = "Invited",
            ["invitations_responded"] = "Answered",
            ["invitations_rate"] = "Response rate",
            ["alerts"] = "Alerts",
            ["alerts_text"] =
                "{0} responses raised an alert to an owner; the collector made {1} deliveries (one per webhook or mail), of which {2} arrived.",
            ["alerts_none"] = "No response raised an alert.",
            ["alerts_failed"] =
                "{0} deliveries failed for good: surveykit alerts shows why, and surveykit alerts retry tries them again once the target is fixed.",
            ["alerts_caption"] = "Alerts per rule: counts and the time from response to arrival",
            ["alerts_rule"] = "Alert",
            ["alerts_responses"] = "Responses",
            ["alerts_delivered"] = "Arrived",
            ["alerts_pending"] = "Under way",
            ["alerts_failed_head"] = "Failed",
            ["alerts_median"] = "Median time",
            ["alerts_p95"] = "95% within",
            ["unit_s"] = "s",
            ["unit_min"] = "min",
            ["unit_h"] = "h",
            ["method"] = "Method",
            ["method_text"] =
                "Intervals: {0}, bounded to -100..100 and always holding the measured value. Segments: the difference with the rest with the adjusted Wald interval and its test (Rocks 2016), Holm's correction over all comparisons, no comparison under {1} responses. Drivers: Shapley/LMG (Lindeman, Merenda and Gold; relaimpo), Johnson's relative weights, Pearson correlation; in the key findings only when the model explains at least {2}% and its F-test is significant. What-if: proportional-odds logit with delta-method intervals. Weighting: raking (iterative post-stratification). Made with SurveyKit.",
            ["notes"] = "Notes on this analysis",
            ["chart_nps"] = "Distribution of promoters, passives and detractors",
            ["chart_drivers"] = "Importance per touchpoint (share of 100)",
            ["chart_ipa"] = "Importance against performance, with lines at the means",
            ["chart_whatif"] = "Change in NPS points for one point more or less",
            ["chart_segments"] = "NPS per group with 95% interval",
            ["chart_competitors"] = "Worse, same or better than competitors",
            ["no_data"] = "There are no responses to show (yet).",
            ["note_drivers_few_responses"] =
                "Drivers and what-if: there are {0} responses, and they need at least {1}.",
            ["note_outcome_constant"] =
                "Everyone gave a {0} on the recommendation question: nothing can explain differences in recommendation, so there is no driver or what-if analysis.",
            ["note_driver_few"] =
                "'{0}' was graded by {1} respondents, fewer than {2}, and is left out of the driver and what-if analysis.",
            ["note_driver_constant"] =
                "Everyone gave '{0}' the same grade; it cannot explain differences and is left out of the driver and what-if analysis.",
            ["note_drivers_same"] =
                "'{0}' and '{1}' got the same grade from {2}% of the {3} respondents who graded both; their importance cannot be told apart, so they are analysed as one (under '{0}').",
            ["note_drivers_correlated"] =
                "'{0}' and '{1}' go together so closely (r = {2}) that their importance cannot be told apart; they are analysed as one (under '{0}').",
            ["note_driver_sparse"] =
                "'{0}' was graded by only {1} respondents; beside the other touchpoints that does not fit one model, so it is left out of the driver and what-if analysis.",
            ["note_driver_rare"] =
                "'{0}' was graded by {1} of the {2} respondents, too few to weigh in one model beside the other touchpoints; it is left out of the driver and what-if analysis.",
            ["note_drivers_too_many"] =
                "{0} touchpoints is more than the {1} for which the Shapley decomposition is computed; there is no driver analysis.",
            ["note_drivers_weak"] =
                "The driver model explains too little (R² = {0}; needed: at least {1} and a significant F-test): drivers, priorities and what-if are kept out of the key findings.",
            ["note_whatif_one_class"] =
                "Every respondent is {0}: without a difference in NPS class there is no what-if model.",
            ["note_whatif_no_model"] =
                "The what-if model could not be fitted (the grades separate the NPS classes completely, or vary too little), so there is no what-if.",
            ["note_weighting_no_invitations"] =
                "Weighting on {0} to the invited customers is not possible: the input has no invitations (only the collector's database holds them). Only the unweighted NPS is shown.",
            ["note_weighting_empty"] =
                "Weighting on {0} is not possible: '{1}' has a target share of {2}% but no respondents. Only the unweighted NPS is shown.",
            ["note_weighting_not_converged"] =
                "Weighting (raking) did not settle in {0} rounds; the weighted NPS is approximate.",
            ["note_version_changed"] =
                "The question '{0}' changed after version {1} ({2}): answers to version {1} and earlier do not count for it, and its trend breaks there.",
            ["note_version_unmapped"] =
                "{1} responses are to version {0}, whose definition was not found (not in the file's git history); they count for what they share with version {2}.",
            ["versions"] = "Versions of the survey",
            ["version"] = "Version",
            ["v_responses"] = "Responses",
            ["v_renamed"] = "Renamed",
            ["v_removed"] = "Left out: question or option gone",
            ["v_changed"] = "Left out: question changed",
            ["v_current"] = "current version",
            ["v_unmapped"] = "not found",
            ["versions_intro"] =
                "Responses to earlier versions are mapped to the current version by the file's git history (renamed_from); per version how many responses, and what could not be carried over.",
        },
    };

    private static readonly TextTable Table = new(Texts);
    private readonly Words words;

    private ReportTexts(string language) => words = Table.For(language);

    public static ReportTexts For(string language) => new(language);

    public string Language => words.Language;

    public NumberFormatInfo Numbers => words.Numbers;

    public string this[string key] => words[key];

    /// <summary>Whether the table has a text for <paramref name="key"/>.</summary>
    public static bool HasText(string key) => Texts[TextTable.Fallback].ContainsKey(key);

    /// <summary>The name of a language in that language, for the switcher.</summary>
    public static string LanguageName(string language) => TextTable.NativeName(language);

    public string Format(string key, params object[] values) => words.Format(key, values);

    /// <summary>A number with <paramref name="decimals"/> decimals; "-" when it cannot be computed.</summary>
    public string Number(double value, int decimals = 1) => words.Number(value, decimals);

    /// <summary>An NPS with its sign, as managers read it: +12,3 or -4,0 (and 0,0 without a sign).</summary>
    public string Nps(double value)
    {
        if (!double.IsFinite(value))
        {
            return "-";
        }
        var rounded = System.Math.Round(value, 1, System.MidpointRounding.AwayFromZero);
        return (rounded > 0 ? "+" : "") + Number(rounded, 1);
    }

    /// <summary>A date as people write it: 5 januari 2026, 5 January 2026.</summary>
    public string Date(System.DateTimeOffset date) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{date.Day} {words["months"].Split(' ')[date.Month - 1]} {date.Year}"
        );

    public string Count(long value) => words.Count(value);

    /// <summary>The texts of <paramref name="language"/>, for the test that no language's sentences leak into another.</summary>
    internal static IReadOnlyDictionary<string, string> All(string language) => Texts[language];

    /// <summary>A p-value with its relation: "= 0.042", or "&lt; 0.001" for the smallest.</summary>
    public string P(double p) =>
        !double.IsFinite(p) ? "-"
        : p < 0.001 ? "< " + Number(0.001, 3)
        : "= " + Number(p, 3);
}
