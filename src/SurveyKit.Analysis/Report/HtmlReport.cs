using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using SurveyKit.Site.Html;

namespace SurveyKit.Analysis.Report;

/// <summary>
/// report.html: one self-contained file (inline CSS and SVG, no script, no request) with the report in every language
/// of the survey. The languages switch with links and CSS <c>:target</c>, so it works offline, from an e-mail
/// attachment and with JavaScript off; printing prints the language on screen.
/// </summary>
internal static partial class HtmlReport
{
    private const string Style = """
        :root{--ink:#1b1b1b;--muted:#505a5f;--line:#b1b4b6;--bg:#fff;--accent:#1d70b8;--pro:#00703c;--pas:#8a8a8a;--det:#c4401c}
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
        main{max-width:60rem;margin:0 auto;padding:1rem 1.25rem 4rem}
        .langs{max-width:60rem;margin:0 auto;padding:.75rem 1.25rem 0;display:flex;gap:1rem;justify-content:flex-end}
        a{color:var(--accent)}
        a:focus{outline:3px solid #fd0;outline-offset:0}
        h1{font-size:2rem;line-height:1.2;margin:.5rem 0}
        h2{font-size:1.4rem;margin:2.5rem 0 .5rem;padding-top:.5rem;border-top:1px solid var(--line)}
        .lead{color:var(--muted);margin:.25rem 0}
        .toc{columns:2 14rem;padding-left:1.2rem;margin:1rem 0}
        table{border-collapse:collapse;width:100%;margin:1rem 0;font-variant-numeric:tabular-nums}
        caption{text-align:left;font-weight:600;padding:.25rem 0}
        th,td{padding:.35rem .5rem;border-bottom:1px solid var(--line);text-align:right;vertical-align:top}
        td{white-space:nowrap}
        th:first-child,td:first-child{text-align:left;white-space:normal}
        td.text{white-space:normal;text-align:left;min-width:14rem}
        thead th{border-bottom:2px solid var(--ink)}
        .table-wrap{overflow-x:auto}
        figure{margin:1rem 0;overflow-x:auto}
        figure svg{width:100%;min-width:34rem;height:auto;display:block}
        figcaption{color:var(--muted);font-size:.9rem}
        .key{font-size:1.05rem}
        .key li{margin:.35rem 0}
        .report{display:none}
        .report:first-of-type{display:block}
        main:has(.report:target,.report :target) .report{display:none}
        main:has(.report:target,.report :target) .report:is(:target,:has(:target)){display:block}
        @media print{.langs,.toc{display:none}h2{break-after:avoid}figure,table{break-inside:avoid}}
        """;

    public static void Write(IReadOnlyList<ReportDocument> documents, Stream stream)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" };
        var first = documents[0];
        writer.WriteLine("<!doctype html>");
        writer.WriteLine($"<html lang=\"{first.Language}\">");
        writer.WriteLine("<head>");
        writer.WriteLine("<meta charset=\"utf-8\">");
        writer.WriteLine(
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        );
        writer.WriteLine("<meta name=\"referrer\" content=\"no-referrer\">");
        writer.WriteLine(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
        );
        writer.WriteLine($"<title>{HtmlText.Escape(first.Title)}</title>");
        writer.WriteLine($"<style>{Style}</style>");
        writer.WriteLine("</head>");
        writer.WriteLine("<body>");
        if (documents.Count > 1)
        {
            writer.WriteLine("<nav class=\"langs\" aria-label=\"Language\">");
            foreach (var document in documents)
            {
                var name = ReportTexts.For(document.Language)["language_name"];
                writer.WriteLine(
                    $"<a href=\"#{document.Language}\" hreflang=\"{document.Language}\" lang=\"{document.Language}\">{HtmlText.Escape(name)}</a>"
                );
            }
            writer.WriteLine("</nav>");
        }
        writer.WriteLine("<main>");
        foreach (var document in documents)
        {
            Article(writer, document);
        }
        writer.WriteLine("</main>");
        writer.WriteLine("</body>");
        writer.WriteLine("</html>");
    }

    private static void Article(StreamWriter writer, ReportDocument document)
    {
        var lang = document.Language;
        writer.WriteLine($"<article class=\"report\" id=\"{lang}\" lang=\"{lang}\">");
        writer.WriteLine($"<h1>{HtmlText.Escape(document.Title)}</h1>");
        foreach (var line in document.Lead)
        {
            writer.WriteLine($"<p class=\"lead\">{Inline(line)}</p>");
        }
        writer.WriteLine("<ol class=\"toc\">");
        foreach (var section in document.Sections)
        {
            writer.WriteLine(
                $"<li><a href=\"#{lang}-{section.Id}\">{HtmlText.Escape(section.Title)}</a></li>"
            );
        }
        writer.WriteLine("</ol>");
        foreach (var section in document.Sections)
        {
            writer.WriteLine($"<section aria-labelledby=\"{lang}-{section.Id}\">");
            writer.WriteLine(
                $"<h2 id=\"{lang}-{section.Id}\">{HtmlText.Escape(section.Title)}</h2>"
            );
            foreach (var block in section.Blocks)
            {
                Block(writer, block, section.Id == "summary");
            }
            writer.WriteLine("</section>");
        }
        writer.WriteLine("</article>");
    }

    private static void Block(StreamWriter writer, ReportBlock block, bool key)
    {
        switch (block)
        {
            case Paragraph paragraph:
                writer.WriteLine($"<p>{Inline(paragraph.Text)}</p>");
                break;
            case BulletList list:
                writer.WriteLine(key ? "<ul class=\"key\">" : "<ul>");
                foreach (var item in list.Items)
                {
                    writer.WriteLine($"<li>{Inline(item)}</li>");
                }
                writer.WriteLine("</ul>");
                break;
            case Table table:
                writer.WriteLine(
                    $"<div class=\"table-wrap\" role=\"group\" tabindex=\"0\" aria-label=\"{HtmlText.Escape(table.Caption)}\"><table>"
                );
                writer.WriteLine($"<caption>{HtmlText.Escape(table.Caption)}</caption>");
                writer.WriteLine(
                    "<thead><tr>"
                        + string.Concat(
                            table.Headers.Select(h =>
                                $"<th scope=\"col\">{HtmlText.Escape(h)}</th>"
                            )
                        )
                        + "</tr></thead>"
                );
                writer.WriteLine("<tbody>");
                foreach (var row in table.Rows)
                {
                    writer.WriteLine(
                        "<tr>"
                            + string.Concat(
                                row.Select(
                                    (cell, i) =>
                                        i == 0 ? $"<th scope=\"row\">{HtmlText.Escape(cell)}</th>"
                                        : cell.Length > 24
                                            ? $"<td class=\"text\">{HtmlText.Escape(cell)}</td>"
                                        : $"<td>{HtmlText.Escape(cell)}</td>"
                                )
                            )
                            + "</tr>"
                    );
                }
                writer.WriteLine("</tbody></table></div>");
                break;
            case Chart chart:
                // On a phone a chart keeps a readable size and scrolls sideways, like the tables.
                writer.WriteLine(
                    $"<figure tabindex=\"0\" aria-label=\"{HtmlText.Escape(chart.Title)}\">"
                );
                writer.WriteLine(chart.Svg);
                writer.WriteLine($"<figcaption>{HtmlText.Escape(chart.Title)}</figcaption>");
                writer.WriteLine("</figure>");
                break;
        }
    }

    /// <summary>Escaped text with the report's only markup, <c>**bold**</c>, as <c>strong</c>.</summary>
    private static string Inline(string text) =>
        Bold().Replace(HtmlText.Escape(text), "<strong>$1</strong>");

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();
}
