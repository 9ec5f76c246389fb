using System;
using System.IO;
using System.Text;

namespace SurveyKit.Cli.Commands;

/// <summary>
/// Looks at the first bytes of an input of <c>analyze</c> before reading it: a report, a survey, a spreadsheet or a
/// Parquet file given by mistake is said for what it is, instead of hundreds of rejected "lines".
/// </summary>
internal static class InputSniffer
{
    private const int Window = 4096;

    /// <summary>What <paramref name="stream"/> plainly is when it is not submissions ("an HTML page"), or null.</summary>
    public static string? NotSubmissions(string path, Stream stream)
    {
        var buffer = new byte[Window];
        var length = stream.Read(buffer, 0, buffer.Length);
        stream.Position = 0;
        var bytes = buffer.AsSpan(0, length);
        if (bytes.StartsWith("PAR1"u8))
        {
            return "a Parquet file";
        }
        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return "a zip file (an Excel workbook, perhaps)";
        }
        if (bytes.StartsWith("SQLite format 3\0"u8))
        {
            return null; // a database under another name: the caller reads it as one
        }
        if (bytes.IndexOf((byte)0) >= 0)
        {
            return "a binary file";
        }
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (
            text.StartsWith('<')
            && (
                text.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase)
            )
        )
        {
            return "an HTML or XML page";
        }
        if (
            path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("survey:", StringComparison.Ordinal)
            || text.Contains("\nsurvey:", StringComparison.Ordinal)
        )
        {
            return "a YAML file (a survey, perhaps)";
        }
        if (text.StartsWith('#') && !path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return "a Markdown or text file";
        }
        return null;
    }
}
