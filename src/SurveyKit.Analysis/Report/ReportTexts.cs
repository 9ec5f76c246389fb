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
            ["report"] = "Rapport",
            ["fieldwork"] = "Veldwerk van {0} tot en met {1}",
            ["responses_line"] =
                "{0} ingelezen: {1} meegeteld, {2} niet meegeteld (waarvan {3} dubbel).",
            ["summary"] = "In het kort",
            ["k_nps"] = "De NPS is **{0}** (95%-interval {1} tot {2}, n = {3}).",
            ["k_weighted"] =
                "Gewogen naar de bekende verdeling ({0}) is de NPS {1} (effectieve n = {2}).",
            ["k_driver"] =
                "**{0}** weegt het zwaarst voor loyaliteit: {1}% van wat de contactmomenten samen verklaren.",
            ["k_priority"] = "Eerste prioriteit: **{0}**: {1}.",
            ["k_whatif"] =
                "Een punt hoger op {0} levert naar verwachting {1} NPS-punten op; een punt lager kost er {2}.",
            ["k_segment"] =
                "Groep '{1}' ({0}) wijkt significant af van de rest: NPS {2} (verschil {3}, p {4}).",
            ["k_complaint"] =
                "Klagers van wie de klacht is opgelost: NPS {0}; niet opgelost: NPS {1}.",
            ["k_followup"] = "{0} criticasters willen teruggebeld worden: zie follow-up.csv.",
            ["nps"] = "Net Promoter Score",
            ["nps_intro"] =
                "Aanbevelingsbereidheid op 0-10: promotors geven 9 of 10, passieven 7 of 8, criticasters 0 tot en met 6. NPS = % promotors - % criticasters.",
            ["promoters"] = "Promotors",
            ["passives"] = "Passieven",
            ["detractors"] = "Criticasters",
            ["interval"] = "95%-interval",
            ["method_adjusted-wald"] = "aangepaste Wald (Rocks 2016)",
            ["method_wald"] = "Wald",
            ["method_score"] = "score-interval (Tango)",
            ["method_bootstrap"] = "bootstrap",
            ["weighted"] = "Gewogen NPS",
            ["weighted_intro"] =
                "Gewogen (raking) naar de verdeling in de enquête: {0}. Effectieve steekproefomvang (Kish) {1} van {2}.",
            ["segments"] = "Segmenten",
            ["segments_intro"] =
                "Elke groep is getoetst tegen de rest van de steekproef (tweezijdig, 5%).",
            ["value"] = "Groep",
            ["n"] = "n",
            ["difference"] = "Verschil met rest",
            ["significant"] = "significant",
            ["touchpoints"] = "Contactmomenten",
            ["touchpoints_intro"] = "Rapportcijfers; 'niet gebruikt' telt nooit als cijfer.",
            ["touchpoint"] = "Contactmoment",
            ["mean"] = "Gemiddeld",
            ["top2"] = "Top-2",
            ["na"] = "Niet gebruikt",
            ["drivers"] = "Wat drijft loyaliteit?",
            ["drivers_intro"] =
                "Belang volgens Shapley/LMG: het deel van de verklaarde variantie in de aanbevelingsscore (R² = {0}) dat elk contactmoment voor zijn rekening neemt, samen 100%. Ernaast Johnsons relatieve gewichten en de gewone correlatie. {1}",
            ["deletion_pairwise"] =
                "Ontbrekende en 'niet gebruikt'-cijfers zijn paarsgewijs weggelaten (kleinste paar n = {0}).",
            ["deletion_listwise"] = "Alleen respondenten met alle cijfers telden mee (n = {0}).",
            ["share"] = "Aandeel",
            ["rw"] = "Relatief gewicht",
            ["r"] = "Correlatie",
            ["ipa"] = "Belang en prestatie",
            ["ipa_intro"] =
                "Belang (aandeel LMG) tegen prestatie (gemiddeld cijfer). Het kruis ligt op het gemiddelde belang ({0}%) en de gemiddelde prestatie ({1}): hoog belang met lage prestatie is waar u zich op richt.",
            ["q_concentrate"] = "Hier op richten",
            ["q_keep_up"] = "Zo houden",
            ["q_low_priority"] = "Lage prioriteit",
            ["q_overkill"] = "Mogelijk overbodig",
            ["importance"] = "Belang",
            ["performance"] = "Prestatie",
            ["whatif"] = "Wat als?",
            ["whatif_intro"] =
                "Voorspelde NPS als iedereen die het contactmoment gebruikte het zoveel punten hoger of lager gaf, volgens een ordinaal logitmodel van de drie NPS-groepen op alle contactmomenten (n = {0}). De verandering is ten opzichte van de voorspelling van het model zelf bij 0. Effecten kleiner dan een half punt zijn ruis.",
            ["levels"] = "Wat elk cijfer waard is",
            ["levels_intro"] =
                "De NPS van de respondenten per gegeven cijfer: loont een 9 nog ten opzichte van een 8?",
            ["grade"] = "Cijfer",
            ["competitors"] = "Ten opzichte van concurrenten",
            ["competitors_intro"] =
                "Hoe respondenten elk contactmoment vergelijken met andere aanbieders. Netto = beter - slechter.",
            ["worse"] = "Slechter",
            ["same"] = "Gelijk",
            ["better"] = "Beter",
            ["net"] = "Netto",
            ["priorities"] = "Prioriteiten",
            ["priorities_intro"] =
                "Score = belang × (ruimte om te groeien + achterstand op concurrenten). Bovenaan: waar een beter cijfer de meeste loyaliteit oplevert. Anders dan bij de kwadranten kan een contactmoment dat al boven gemiddeld scoort hier bovenaan staan, als het veel zwaarder weegt dan de rest; 'Wat als?' laat zien wat een punt meer waard is.",
            ["why_important"] = "{0}% van het belang",
            ["why_headroom"] = "gemiddeld {0} van {1}",
            ["why_behind"] = "{0}% vaker slechter dan beter dan concurrenten",
            ["why_ahead"] = "voorsprong op concurrenten (netto {0}%)",
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
            ["complaint_test"] = "Verschil opgelost - niet opgelost: {0} (p {1}).",
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
            ["followup"] = "Opvolging",
            ["followup_text"] =
                "{0} criticasters gaven toestemming voor contact. De lijst met contactgegevens staat in follow-up.csv (persoonsgegevens: zorgvuldig behandelen); dit rapport bevat ze niet.",
            ["followup_none"] = "Geen criticasters gaven toestemming voor contact.",
            ["method"] = "Verantwoording",
            ["method_text"] =
                "Intervallen: {0}, begrensd op -100 tot 100. Segmenten: tweesteekproeven-z-toets tegen de rest. Drivers: Shapley/LMG (Lindeman, Merenda en Gold; relaimpo), Johnsons relatieve gewichten, Pearson-correlatie. Wat-als: proportional-odds-logit. Weging: raking (iteratieve poststratificatie). Gemaakt met SurveyKit.",
            ["notes"] = "Opmerkingen",
            ["none"] = "geen",
            ["chart_nps"] = "Verdeling van promotors, passieven en criticasters",
            ["chart_drivers"] = "Belang per contactmoment (aandeel van 100)",
            ["chart_ipa"] = "Belang tegen prestatie, met het kruis op de gemiddelden",
            ["chart_whatif"] = "Verandering in NPS bij één punt hoger of lager",
            ["chart_segments"] = "NPS per groep met 95%-interval",
            ["chart_competitors"] = "Slechter, gelijk of beter dan concurrenten",
            ["no_data"] = "Er zijn (nog) geen antwoorden om te tonen.",
        },
        ["en"] = new()
        {
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
            ["report"] = "Report",
            ["fieldwork"] = "Fieldwork from {0} to {1}",
            ["responses_line"] = "{0} read: {1} scored, {2} not scored ({3} of them duplicates).",
            ["summary"] = "At a glance",
            ["k_nps"] = "The NPS is **{0}** (95% interval {1} to {2}, n = {3}).",
            ["k_weighted"] =
                "Weighted to the known distribution ({0}) the NPS is {1} (effective n = {2}).",
            ["k_driver"] =
                "**{0}** drives loyalty most: {1}% of what the touchpoints explain together.",
            ["k_priority"] = "First priority: **{0}**: {1}.",
            ["k_whatif"] =
                "One point more on {0} is predicted to add {1} NPS points; one point less costs {2}.",
            ["k_segment"] =
                "Group '{1}' ({0}) differs significantly from the rest: NPS {2} (difference {3}, p {4}).",
            ["k_complaint"] =
                "Complainers whose complaint was resolved: NPS {0}; not resolved: NPS {1}.",
            ["k_followup"] = "{0} detractors want to be contacted: see follow-up.csv.",
            ["nps"] = "Net Promoter Score",
            ["nps_intro"] =
                "Likelihood to recommend on 0-10: promoters give 9 or 10, passives 7 or 8, detractors 0 to 6. NPS = % promoters - % detractors.",
            ["promoters"] = "Promoters",
            ["passives"] = "Passives",
            ["detractors"] = "Detractors",
            ["interval"] = "95% interval",
            ["method_adjusted-wald"] = "adjusted Wald (Rocks 2016)",
            ["method_wald"] = "Wald",
            ["method_score"] = "score interval (Tango)",
            ["method_bootstrap"] = "bootstrap",
            ["weighted"] = "Weighted NPS",
            ["weighted_intro"] =
                "Weighted (raking) to the distribution in the survey: {0}. Effective sample size (Kish) {1} of {2}.",
            ["segments"] = "Segments",
            ["segments_intro"] =
                "Each group is tested against the rest of the sample (two-sided, 5%).",
            ["value"] = "Group",
            ["n"] = "n",
            ["difference"] = "Difference vs rest",
            ["significant"] = "significant",
            ["touchpoints"] = "Touchpoints",
            ["touchpoints_intro"] = "Grades; 'did not use' never counts as a grade.",
            ["touchpoint"] = "Touchpoint",
            ["mean"] = "Mean",
            ["top2"] = "Top-2",
            ["na"] = "Did not use",
            ["drivers"] = "What drives loyalty?",
            ["drivers_intro"] =
                "Importance by Shapley/LMG: the part of the explained variance in the recommendation score (R² = {0}) that each touchpoint accounts for, 100% together. Beside it Johnson's relative weights and the plain correlation. {1}",
            ["deletion_pairwise"] =
                "Missing and 'did not use' grades were left out pairwise (smallest pair n = {0}).",
            ["deletion_listwise"] = "Only respondents with every grade counted (n = {0}).",
            ["share"] = "Share",
            ["rw"] = "Relative weight",
            ["r"] = "Correlation",
            ["ipa"] = "Importance and performance",
            ["ipa_intro"] =
                "Importance (LMG share) against performance (mean grade). The crosshair is at the mean importance ({0}%) and the mean performance ({1}): high importance with low performance is where to concentrate.",
            ["q_concentrate"] = "Concentrate here",
            ["q_keep_up"] = "Keep up the good work",
            ["q_low_priority"] = "Low priority",
            ["q_overkill"] = "Possible overkill",
            ["importance"] = "Importance",
            ["performance"] = "Performance",
            ["whatif"] = "What if?",
            ["whatif_intro"] =
                "Predicted NPS if everyone who used the touchpoint graded it this many points higher or lower, from an ordinal logit model of the three NPS classes on all touchpoints (n = {0}). The change is against the model's own prediction at 0. Effects smaller than half a point are noise.",
            ["levels"] = "What each grade is worth",
            ["levels_intro"] =
                "The NPS of the respondents per grade given: does a 9 still pay compared with an 8?",
            ["grade"] = "Grade",
            ["competitors"] = "Against competitors",
            ["competitors_intro"] =
                "How respondents compare each touchpoint with other providers. Net = better - worse.",
            ["worse"] = "Worse",
            ["same"] = "Same",
            ["better"] = "Better",
            ["net"] = "Net",
            ["priorities"] = "Priorities",
            ["priorities_intro"] =
                "Score = importance × (room to grow + gap behind competitors). On top: where a better grade earns the most loyalty. Unlike the quadrants, a touchpoint that already scores above average can top this list when it weighs much more than the rest; 'What if?' shows what a point more is worth.",
            ["why_important"] = "{0}% of the importance",
            ["why_headroom"] = "mean {0} of {1}",
            ["why_behind"] = "{0}% more often worse than better than competitors",
            ["why_ahead"] = "ahead of competitors (net {0}%)",
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
            ["complaint_test"] = "Difference resolved - not resolved: {0} (p {1}).",
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
            ["followup"] = "Follow-up",
            ["followup_text"] =
                "{0} detractors agreed to be contacted. The list with contact details is in follow-up.csv (personal data: handle with care); this report does not contain it.",
            ["followup_none"] = "No detractors agreed to be contacted.",
            ["method"] = "Method",
            ["method_text"] =
                "Intervals: {0}, bounded to -100..100. Segments: two-sample z-test against the rest. Drivers: Shapley/LMG (Lindeman, Merenda and Gold; relaimpo), Johnson's relative weights, Pearson correlation. What-if: proportional-odds logit. Weighting: raking (iterative post-stratification). Made with SurveyKit.",
            ["notes"] = "Notes",
            ["none"] = "none",
            ["chart_nps"] = "Distribution of promoters, passives and detractors",
            ["chart_drivers"] = "Importance per touchpoint (share of 100)",
            ["chart_ipa"] = "Importance against performance, crosshair at the means",
            ["chart_whatif"] = "Change in NPS for one point more or less",
            ["chart_segments"] = "NPS per group with 95% interval",
            ["chart_competitors"] = "Worse, same or better than competitors",
            ["no_data"] = "There are no responses to show (yet).",
        },
    };

    private static readonly TextTable Table = new(Texts);
    private readonly Words words;

    private ReportTexts(string language) => words = Table.For(language);

    public static ReportTexts For(string language) => new(language);

    public string Language => words.Language;

    public NumberFormatInfo Numbers => words.Numbers;

    public string this[string key] => words[key];

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

    /// <summary>A p-value with its relation: "= 0.042", or "&lt; 0.001" for the smallest.</summary>
    public string P(double p) =>
        !double.IsFinite(p) ? "-"
        : p < 0.001 ? "< " + Number(0.001, 3)
        : "= " + Number(p, 3);
}
