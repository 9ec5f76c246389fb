using System.IO;
using System.Linq;
using System.Text;

namespace SurveyKit.Analysis.Report;

/// <summary>report.md: the report for a pull request, a wiki or an e-mail, with tables instead of charts.</summary>
internal static class MarkdownReport
{
    public static void Write(ReportDocument document, Stream stream)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine("# " + Escape(document.Title));
        writer.WriteLine();
        foreach (var line in document.Lead)
        {
            writer.WriteLine(Escape(line) + "  ");
        }
        foreach (var section in document.Sections)
        {
            writer.WriteLine();
            writer.WriteLine("## " + Escape(section.Title));
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case Paragraph paragraph:
                        writer.WriteLine();
                        writer.WriteLine(Escape(paragraph.Text));
                        break;
                    case BulletList list:
                        writer.WriteLine();
                        foreach (var item in list.Items)
                        {
                            writer.WriteLine("- " + Escape(item));
                        }
                        break;
                    case Table table:
                        writer.WriteLine();
                        if (table.Caption != section.Title)
                        {
                            writer.WriteLine("**" + Escape(table.Caption) + "**");
                            writer.WriteLine();
                        }
                        writer.WriteLine(
                            "| " + string.Join(" | ", table.Headers.Select(Cell)) + " |"
                        );
                        writer.WriteLine(
                            "|"
                                + string.Join(
                                    "|",
                                    table.Headers.Select((_, i) => i == 0 ? "---" : "---:")
                                )
                                + "|"
                        );
                        foreach (var row in table.Rows)
                        {
                            writer.WriteLine("| " + string.Join(" | ", row.Select(Cell)) + " |");
                        }
                        break;
                }
            }
        }
    }

    /// <summary>Survey texts are data: characters Markdown would act on are escaped, except the report's own bold.</summary>
    private static string Escape(string text)
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

    private static string Cell(string text) =>
        Escape(text.Replace("\n", " ", System.StringComparison.Ordinal));
}
