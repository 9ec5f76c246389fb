using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SurveyKit.Rendering.Html;

namespace SurveyKit.Analysis.Report;

/// <summary>
/// The view models the report's templates see (templates/report): every text already escaped for the format it is
/// written in (HTML or Markdown), with the report's only markup, <c>**bold**</c>, turned into that format's bold. A
/// template (or a workspace's override of one) writes values as they are and cannot forget to escape.
/// </summary>
internal static class ReportPage
{
    /// <summary>report.html: every language in one page.</summary>
    public static HtmlPage Html(IReadOnlyList<ReportDocument> documents, string css)
    {
        var first = documents[0];
        return new HtmlPage(
            first.Language,
            HtmlText.Escape(first.Title),
            HtmlText.Escape(ReportTexts.For(first.Language)["language"]),
            css,
            documents
                .Select(d => new LanguageLink(
                    d.Language,
                    HtmlText.Escape(ReportTexts.LanguageName(d.Language))
                ))
                .ToList(),
            documents.Select(HtmlArticle).ToList()
        );
    }

    private static ArticleView HtmlArticle(ReportDocument document) =>
        new(
            document.Language,
            HtmlText.Escape(document.Title),
            document.Lead.Select(HtmlInline).ToList(),
            document
                .Sections.Select(section => new SectionView(
                    $"{document.Language}-{section.Id}",
                    HtmlText.Escape(section.Title),
                    section.Blocks.Select(b => HtmlBlock(b, section.Id == "summary")).ToList()
                ))
                .ToList()
        );

    private static BlockView HtmlBlock(ReportBlock block, bool key) =>
        block switch
        {
            Paragraph paragraph => new BlockView("paragraph") { Html = HtmlInline(paragraph.Text) },
            BulletList list => new BlockView("list")
            {
                Key = key,
                Items = list.Items.Select(HtmlInline).ToList(),
            },
            Table table => TableView(table),
            Chart chart => new BlockView("chart")
            {
                Caption = HtmlText.Escape(chart.Title),
                Chart = ChartView.Of(chart.Body),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(block)),
        };

    private static BlockView TableView(Table table)
    {
        // A column of words (a quadrant, a reason) is left-aligned, header and all; numbers stay right-aligned.
        var text = Enumerable
            .Range(0, table.Headers.Count)
            .Select(c => c > 0 && table.Rows.Any(r => c < r.Count && IsText(r[c])))
            .ToArray();
        return new BlockView("table")
        {
            Caption = HtmlText.Escape(table.Caption),
            Headers = table.Headers.Select(HtmlText.Escape).ToList(),
            TextHeaders = text.ToList(),
            // From three columns on a table does not fit a phone: the stylesheet shows each row as a card of
            // label: value lines there, which needs each cell's column name.
            Cards = table.Headers.Count >= 3,
            Rows = table
                .Rows.Select(row => new RowView(
                    HtmlText.Escape(row[0]),
                    row.Skip(1)
                        .Select(
                            (cell, i) =>
                                new CellView(HtmlText.Escape(cell), text[i + 1])
                                {
                                    Label = HtmlText.Escape(table.Headers[i + 1]),
                                }
                        )
                        .ToList()
                ))
                .ToList(),
        };
    }

    /// <summary>
    /// A cell of words rather than a number, a share, a range or a p-value ("0,70 (n.s.)" is a number with a mark;
    /// "45% of the importance, mean 6.6 of 10" is words).
    /// </summary>
    private static bool IsText(string cell)
    {
        var trimmed = cell.TrimStart('+', '-', '(', '<', ' ', '\u00A0');
        return cell != "-"
            && cell.Length > 0
            && (
                trimmed.Length == 0
                || !char.IsAsciiDigit(trimmed[0])
                || cell.Count(char.IsLetter) > 3
            );
    }

    /// <summary>Escaped text with the report's only markup, <c>**bold**</c>, as <c>strong</c>.</summary>
    private static string HtmlInline(string text) =>
        Bold(HtmlText.Escape(text), "<strong>", "</strong>");

    /// <summary>report.md (and report.&lt;language&gt;.md): one language, tables instead of charts.</summary>
    public static MarkdownPage Markdown(ReportDocument document) =>
        new(
            MarkdownText(document.Title),
            document.Lead.Select(MarkdownText).ToList(),
            document
                .Sections.Select(section => new SectionView(
                    $"{document.Language}-{section.Id}",
                    MarkdownText(section.Title),
                    section
                        .Blocks.Where(b => b is not Chart)
                        .Select(b => MarkdownBlock(b, section.Title))
                        .ToList()
                ))
                .ToList()
        );

    private static BlockView MarkdownBlock(ReportBlock block, string sectionTitle) =>
        block switch
        {
            Paragraph paragraph => new BlockView("paragraph")
            {
                Html = MarkdownText(paragraph.Text),
            },
            BulletList list => new BlockView("list")
            {
                Items = list.Items.Select(MarkdownText).ToList(),
            },
            Table table => new BlockView("table")
            {
                Caption = MarkdownText(table.Caption),
                CaptionShown = table.Caption != sectionTitle,
                Headers = table.Headers.Select(MarkdownCell).ToList(),
                Rows = table
                    .Rows.Select(row => new RowView(
                        MarkdownCell(row[0]),
                        row.Skip(1).Select(cell => new CellView(MarkdownCell(cell), false)).ToList()
                    ))
                    .ToList(),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(block)),
        };

    /// <summary>Survey texts are data: characters Markdown would act on are escaped, except the report's own bold.</summary>
    private static string MarkdownText(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                builder.Append("**");
                i++;
                continue;
            }
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                builder.Append('\\');
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static string MarkdownCell(string text) =>
        MarkdownText(text.Replace("\n", " ", StringComparison.Ordinal));

    // Pairs of ** (already escaped text, so no ** can come from a survey's own words in HTML; in Markdown a survey's
    // * is escaped as \*) become the format's bold; a lone ** stays as it is.
    private static string Bold(string text, string open, string close)
    {
        var builder = new StringBuilder(text.Length + 16);
        var at = 0;
        while (true)
        {
            var start = text.IndexOf("**", at, StringComparison.Ordinal);
            var end = start < 0 ? -1 : text.IndexOf("**", start + 2, StringComparison.Ordinal);
            if (end < 0 || end == start + 2)
            {
                return builder.Append(text, at, text.Length - at).ToString();
            }
            builder
                .Append(text, at, start - at)
                .Append(open)
                .Append(text, start + 2, end - start - 2)
                .Append(close);
            at = end + 2;
        }
    }
}

internal sealed record HtmlPage(
    string Lang,
    string Title,
    string LanguageLabel,
    string Css,
    IReadOnlyList<LanguageLink> Languages,
    IReadOnlyList<ArticleView> Articles
);

internal sealed record LanguageLink(string Code, string Name);

internal sealed record ArticleView(
    string Lang,
    string Title,
    IReadOnlyList<string> Lead,
    IReadOnlyList<SectionView> Sections
);

internal sealed record MarkdownPage(
    string Title,
    IReadOnlyList<string> Lead,
    IReadOnlyList<SectionView> Sections
);

internal sealed record SectionView(string Anchor, string Title, IReadOnlyList<BlockView> Blocks);

/// <summary>One block; <see cref="Kind"/> picks its template (<c>_paragraph</c>, <c>_list</c>, <c>_table</c>, <c>_chart</c>).</summary>
internal sealed record BlockView(string Kind)
{
    public string Html { get; init; } = "";
    public bool Key { get; init; }
    public IReadOnlyList<string> Items { get; init; } = [];
    public string Caption { get; init; } = "";
    public bool CaptionShown { get; init; }
    public IReadOnlyList<string> Headers { get; init; } = [];
    public IReadOnlyList<RowView> Rows { get; init; } = [];
    public bool Cards { get; init; }

    /// <summary>Per column whether it holds words (left-aligned) rather than numbers.</summary>
    public IReadOnlyList<bool> TextHeaders { get; init; } = [];
    public ChartView? Chart { get; init; }
}

internal sealed record RowView(string Head, IReadOnlyList<CellView> Cells);

/// <summary>A table cell, escaped, with its column's name for the phone layout.</summary>
internal sealed record CellView(string Html, bool Text)
{
    public string Label { get; init; } = "";
}
