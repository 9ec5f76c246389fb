using System.Collections.Generic;
using System.IO;
using System.Text;

namespace SurveyKit.Core.Responses;

/// <summary>RFC 4180 CSV, the way spreadsheet users expect it: quotes only where needed, embedded line breaks kept.</summary>
public static class Csv
{
    /// <summary>
    /// A field, quoted when it holds a comma, a quote or a line break. Free text that a spreadsheet would run as a
    /// formula (=, +, -, @, a tab or a carriage return at the start: OWASP's list for CSV injection) gets a leading
    /// apostrophe inside quotes, which <see cref="Read"/> removes again.
    /// </summary>
    public static string Escape(string field)
    {
        var formula =
            StartsAsFormula(field, 0)
            || (field.Length > 1 && field[0] == '\'' && StartsAsFormula(field, 1));
        if (!formula && field.IndexOfAny([',', '"', '\n', '\r']) < 0)
        {
            return field;
        }
        return "\"" + (formula ? "'" : "") + field.Replace("\"", "\"\"") + "\"";
    }

    /// <summary>The characters that make a spreadsheet read a cell as a formula when they start it.</summary>
    public static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    // A signed number (-3, +1.5) is a number, not a formula; anything else that starts like one is guarded.
    private static bool StartsAsFormula(string field, int at) =>
        field.Length > at
        && IsFormulaStart(field[at])
        && !(
            field[at] is '-' or '+'
            && double.TryParse(
                field,
                System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture,
                out _
            )
        );

    /// <summary>Reads records, each with the line it starts on; quoted fields may hold line breaks.</summary>
    public static IEnumerable<(long Line, IReadOnlyList<string> Fields)> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        long line = 1;
        var recordLine = 1L;
        var quoted = false;
        var atFieldStart = true;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                        Unguard(field);
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }
                    field.Append((char)c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return (recordLine, fields);
                    fields = [];
                    line++;
                    recordLine = line;
                    atFieldStart = true;
                    break;
                default:
                    field.Append((char)c);
                    atFieldStart = false;
                    break;
            }
        }
        if (field.Length > 0 || fields.Count > 0 || !atFieldStart)
        {
            fields.Add(field.ToString());
            yield return (recordLine, fields);
        }
    }

    // Undoes the formula guard of Escape: a quoted field that starts with an apostrophe before a formula character.
    private static void Unguard(StringBuilder field)
    {
        if (field.Length > 1 && field[0] == '\'' && (IsFormulaStart(field[1]) || field[1] == '\''))
        {
            var unguarded = Unguard(field.ToString());
            field.Clear().Append(unguarded);
        }
    }

    /// <summary>
    /// The text of a quoted field without the formula guard that <see cref="Escape"/> put in front of it: readers
    /// of the CSV export that do not use <see cref="Read"/> (the analysis reads bytes) apply the same rule.
    /// </summary>
    public static string Unguard(string quoted)
    {
        if (
            quoted.Length > 1
            && quoted[0] == '\''
            && (IsFormulaStart(quoted[1]) || quoted[1] == '\'')
        )
        {
            var rest = quoted.Substring(1);
            if (rest[0] != '\'' || StartsAsFormula(rest, 1))
            {
                return rest;
            }
        }
        return quoted;
    }
}
