using System.Collections.Generic;

namespace SurveyKit.Analysis.Report;

/// <summary>
/// The report in one language as plain content: sections of paragraphs, tables, lists and charts. Built once by
/// <see cref="ReportBuilder"/> and rendered to Markdown and to HTML, so both always say the same.
/// </summary>
internal sealed record ReportDocument(
    string Language,
    string Title,
    IReadOnlyList<string> Lead,
    IReadOnlyList<ReportSection> Sections
);

/// <summary>A section with an anchor id.</summary>
internal sealed record ReportSection(string Id, string Title, IReadOnlyList<ReportBlock> Blocks);

/// <summary>A piece of a section.</summary>
internal abstract record ReportBlock;

/// <summary>Text; <c>**bold**</c> is the only markup.</summary>
internal sealed record Paragraph(string Text) : ReportBlock;

/// <summary>A bulleted list; items may use <c>**bold**</c>.</summary>
internal sealed record BulletList(IReadOnlyList<string> Items) : ReportBlock;

/// <summary>A table: the first column names the row; the other columns are numbers and right-aligned.</summary>
internal sealed record Table(
    string Caption,
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> Rows
) : ReportBlock;

/// <summary>An inline SVG chart, with a text alternative; Markdown shows only the tables beside it.</summary>
internal sealed record Chart(string Title, string Svg) : ReportBlock;
