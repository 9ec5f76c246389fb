#!/usr/bin/env python3
"""A Hugo site of survey pages comparable to what `surveykit build` writes for the site benchmark:
1,000 surveys in two languages = 2,000 pages, each with the same nine questions (an 11-point NPS scale, a
5-point rating, four touchpoints of ten grades plus "not applicable" with a comparison, choices, fields), a
Markdown intro, escaped texts, a form. Hugo escapes through html/template; kinds SurveyKit does not write are off."""
import os, sys

root = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
os.makedirs(f"{root}/layouts/_default", exist_ok=True)
os.makedirs(f"{root}/content", exist_ok=True)
open(f"{root}/hugo.toml", "w").write(
    'baseURL = "/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "home", "section", "404"]\n'
    'disableHugoGeneratorInject = true\n[markup.goldmark.renderer]\nunsafe = false\n'
)
open(f"{root}/layouts/_default/single.html", "w").write("""<!doctype html>
<html lang="{{ .Params.lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'">
<title>{{ .Title }}</title>
<link rel="stylesheet" href="/assets/surveykit.css">
<script src="/assets/surveykit.js" defer></script>
</head>
<body>
<main id="sk-main">
<h1>{{ .Title }}</h1>
<div class="sk-intro">{{ .Content }}</div>
<form id="sk-form" method="post" action="/api/responses" novalidate data-survey="{{ .Params.survey }}" data-lang="{{ .Params.lang }}">
{{ range .Params.questions }}{{ $q := . }}
<div class="sk-q" id="q-{{ .id }}" data-q="{{ .id }}" data-type="{{ .type }}" data-m-required="{{ .required }}">
<fieldset aria-describedby="sk-{{ .id }}-hint">
<legend class="sk-legend">{{ .text }}</legend>
<p class="sk-hint" id="sk-{{ .id }}-hint">{{ .hint }}</p>
{{ if .points }}<div class="sk-scale">
{{ range .points }}<span class="sk-pt"><input type="radio" id="{{ $q.id }}-{{ . }}" name="{{ $q.id }}" value="{{ . }}"><label for="{{ $q.id }}-{{ . }}">{{ . }}</label></span>
{{ end }}</div>{{ end }}
{{ range .items }}{{ $i := . }}<fieldset class="sk-item" data-item="{{ .id }}">
<legend>{{ .label }}</legend>
<div class="sk-scale">
{{ range $q.grades }}<span class="sk-pt"><input type="radio" id="{{ $q.id }}-{{ $i.id }}-{{ . }}" name="{{ $q.id }}.{{ $i.id }}" value="{{ . }}"><label for="{{ $q.id }}-{{ $i.id }}-{{ . }}">{{ . }}</label></span>
{{ end }}<span class="sk-pt sk-na"><input type="radio" id="{{ $q.id }}-{{ $i.id }}-na" name="{{ $q.id }}.{{ $i.id }}" value="na"><label for="{{ $q.id }}-{{ $i.id }}-na">{{ $q.na }}</label></span>
</div>
<fieldset class="sk-compare"><legend>{{ $q.compare }}</legend><div class="sk-options sk-inline">
{{ range $q.comparisons }}<div class="sk-opt"><input type="radio" id="{{ $q.id }}-{{ $i.id }}-{{ . }}" name="{{ $q.id }}_compare.{{ $i.id }}" value="{{ . }}"><label for="{{ $q.id }}-{{ $i.id }}-{{ . }}">{{ . }}</label></div>
{{ end }}</div></fieldset>
</fieldset>
{{ end }}
{{ if .options }}<div class="sk-options">
{{ range .options }}<div class="sk-opt"><input type="{{ $q.input }}" id="{{ $q.id }}-{{ .id }}" name="{{ $q.id }}" value="{{ .id }}"><label for="{{ $q.id }}-{{ .id }}">{{ .label }}</label></div>
{{ end }}</div>{{ end }}
{{ if .field }}<input id="{{ .id }}" name="{{ .id }}" type="text">{{ end }}
</fieldset>
</div>
{{ end }}
<div class="sk-nav"><button type="submit" data-send>{{ .Params.send }}</button></div>
</form>
</main>
</body>
</html>
""")

RECOMMEND_NL = 'Hoe waarschijnlijk is het dat u "Winkel & Co" aanbeveelt?'
RECOMMEND_EN = 'How likely is it that you would recommend "Shop & Co"?'


def page(i, lang):
    nl = lang == "nl"
    t = lambda a, b: a if nl else b
    q = lambda s: '"' + s.replace('"', '\\"') + '"'
    grades = list(range(1, 11))
    lines = [
        "---",
        f"title: {q(t(f'Klantonderzoek {i} van Winkel & Co', f'Customer survey {i} of Shop & Co'))}",
        f"survey: survey-{i:04d}", f"lang: {lang}", f"send: {t('Versturen', 'Send')}",
        "questions:",
        f"  - {{id: recommend, type: nps, text: {q(t(RECOMMEND_NL, RECOMMEND_EN))}, hint: {q('0 = ..., 10 = ...')}, required: {q(t('Kies een antwoord.', 'Choose an answer.'))}, points: {list(range(0, 11))}}}",
        f"  - {{id: reason, type: text, text: {q(t('Wat kunnen we beter doen?', 'What could we do better?'))}, hint: {q('Max 1000')}, field: true}}",
        f"  - {{id: satisfaction, type: rating, text: {q(t('Hoe tevreden bent u <in het algemeen>?', 'Overall <how satisfied> are you?'))}, hint: {q('1 = ..., 5 = ...')}, points: [1, 2, 3, 4, 5]}}",
        f"  - {{id: touchpoints, type: touchpoints, text: {q(t('Welk cijfer geeft u voor...', 'What grade would you give for...'))}, hint: '', grades: {grades}, na: {q(t('Niet van toepassing', 'Not applicable'))}, compare: {q(t('Vergeleken met anderen is dit...', 'Compared with others this is...'))}, comparisons: [worse, same, better], items: [{{id: website, label: {q(t('De website', 'The website'))}}}, {{id: store, label: {q(t('De winkel', 'The store'))}}}, {{id: service, label: {q(t('De klantenservice', 'Customer service'))}}}, {{id: delivery, label: {q(t('De bezorging', 'Delivery'))}}}]}}",
        f"  - {{id: complaint, type: single_choice, input: radio, text: {q(t('Heeft u een klacht ingediend?', 'Did you file a complaint?'))}, hint: '', options: [{{id: 'no', label: {q(t('Nee', 'No'))}}}, {{id: resolved, label: {q(t('Ja, opgelost', 'Yes, resolved'))}}}, {{id: unresolved, label: {q(t('Ja, niet opgelost', 'Yes, not resolved'))}}}]}}",
        f"  - {{id: channels, type: multi_choice, input: checkbox, text: {q(t('Welke kanalen gebruikt u?', 'Which channels do you use?'))}, hint: '', options: [{{id: phone, label: Phone}}, {{id: email, label: Email}}, {{id: chat, label: Chat}}, {{id: other, label: {q(t('Anders', 'Other'))}}}]}}",
        f"  - {{id: years, type: number, text: {q(t('Hoeveel jaar bent u klant?', 'How many years?'))}, hint: '', field: true}}",
        f"  - {{id: contact_ok, type: consent, input: radio, text: {q(t('Mogen we contact met u opnemen?', 'May we contact you?'))}, hint: '', options: [{{id: 'true', label: {q(t('Ja', 'Yes'))}}}, {{id: 'false', label: {q(t('Nee', 'No'))}}}]}}",
        f"  - {{id: contact_email, type: email, text: {q(t('Uw e-mailadres', 'Your email address'))}, hint: '', field: true}}",
        "---",
        t("Het invullen duurt ongeveer **4 minuten**. Lees onze [privacyverklaring](https://example.org/privacy).",
          "This takes about **4 minutes**. Read our [privacy statement](https://example.org/privacy)."),
        "",
    ]
    return "\n".join(lines)

for i in range(count):
    for lang in ("nl", "en"):
        os.makedirs(f"{root}/content/survey-{i:04d}", exist_ok=True)
        open(f"{root}/content/survey-{i:04d}/{lang}.md", "w").write(page(i, lang))
