using System.Collections.Generic;
using System.Linq;
using SurveyKit.Core.Model;
using SurveyKit.Generators.Model;

namespace SurveyKit.Generators.Emit;

// CSV: the wide export of formats.md (one column per answer, touchpoint item and multi_choice option), the file a
// researcher opens in Excel, R or pandas. Personal data (pii context fields, email answers) only when asked for.
internal static partial class SurveyEmitter
{
    private const string CsvHelpers = "SurveyKit_Csv";

    /// <summary>One CSV column to read: its header, whether it holds personal data, how a value is read.</summary>
    private sealed record Column(string Header, bool Personal, string Read);

    private static List<Column> Columns(SurveySpec spec)
    {
        var columns = new List<Column>
        {
            new(
                "response_id",
                false,
                "response.ResponseId = global::System.Guid.TryParse(cell, out var id) ? id : throw new "
                    + Responses
                    + ".SubmissionFormatException(\"response_id\", \"expected a UUID, not '\" + cell + \"'\");"
            ),
            new(
                "survey",
                false,
                "if (cell != SurveyId) throw new "
                    + Responses
                    + ".SubmissionFormatException(\"survey\", \"expected '\" + SurveyId + \"', not '\" + cell + \"'\");"
            ),
            new(
                "version",
                false,
                $"response.Version = {CsvHelpers}.Int(cell, \"version\") ?? SurveyVersion;"
            ),
            new(
                "submitted_at",
                false,
                "response.SubmittedAt = cell.Length == 0 ? null : global::System.DateTimeOffset.Parse(cell, global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.RoundtripKind);"
            ),
            new("lang", false, $"response.Lang = {CsvHelpers}.String(cell);"),
        };
        foreach (var field in spec.Context)
        {
            var path = Naming.Literal("context." + field.Id);
            columns.Add(
                field.EnumName is null
                    ? new(
                        field.Id,
                        field.Pii,
                        $"response.Context.{field.Property} = {CsvHelpers}.String(cell);"
                    )
                    : new(
                        field.Id,
                        field.Pii,
                        $"response.Context.{field.Property} = cell.Length == 0 ? null : Parse{field.EnumName}(cell, {path});"
                    )
            );
        }
        foreach (var q in spec.Questions)
        {
            var path = Naming.Literal("answers." + q.Id);
            var p = "response." + q.Property;
            switch (q.Type)
            {
                case QuestionType.Touchpoints:
                    foreach (var item in q.Items)
                    {
                        var itemPath = Naming.Literal("answers." + q.Id + "." + item.Id);
                        columns.Add(
                            new(
                                $"{q.Id}.{item.Id}",
                                false,
                                $"{p}.{item.Name} = {CsvHelpers}.Grade(cell, {itemPath});"
                            )
                        );
                    }
                    if (q.CompareProperty is not null)
                    {
                        foreach (var item in q.Items)
                        {
                            var itemPath = Naming.Literal(
                                "answers." + q.Id + "_compare." + item.Id
                            );
                            columns.Add(
                                new(
                                    $"{q.Id}_compare.{item.Id}",
                                    false,
                                    $"response.{q.CompareProperty}.{item.Name} = {Helpers}.ParseComparison(cell, {itemPath});"
                                )
                            );
                        }
                    }
                    continue;
                case QuestionType.MultiChoice:
                    foreach (var option in q.Options)
                    {
                        var optionPath = Naming.Literal("answers." + q.Id + "." + option.Id);
                        columns.Add(
                            new(
                                $"{q.Id}.{option.Id}",
                                false,
                                $"if (cell.Length > 0) {{ var list = ({p} as {Collections}.List<{q.EnumName}>) ?? new(); if ({CsvHelpers}.Flag(cell, {optionPath})) list.Add({q.EnumName}.{option.Name}); {p} = list; }}"
                            )
                        );
                    }
                    break;
                case QuestionType.SingleChoice:
                    columns.Add(
                        new(
                            q.Id,
                            false,
                            $"{p} = cell.Length == 0 ? null : Parse{q.EnumName}(cell, {path});"
                        )
                    );
                    break;
                case QuestionType.Rating when q.NotApplicable:
                    columns.Add(new(q.Id, false, $"{p} = {CsvHelpers}.Grade(cell, {path});"));
                    continue;
                case QuestionType.Nps or QuestionType.Rating:
                    columns.Add(new(q.Id, false, $"{p} = {CsvHelpers}.Int(cell, {path});"));
                    continue;
                case QuestionType.Number:
                    columns.Add(
                        new(
                            q.Id,
                            false,
                            $"{p} = {CsvHelpers}.{(q.Integer ? "Int" : "Number")}(cell, {path});"
                        )
                    );
                    continue;
                case QuestionType.Consent:
                    columns.Add(new(q.Id, false, $"{p} = {CsvHelpers}.Boolean(cell, {path});"));
                    continue;
                default:
                    columns.Add(
                        new(q.Id, q.Type == QuestionType.Email, $"{p} = {CsvHelpers}.String(cell);")
                    );
                    continue;
            }
            if (q.OtherProperty is not null)
            {
                columns.Add(
                    new(
                        q.Id + "_other",
                        false,
                        $"response.{q.OtherProperty} = {CsvHelpers}.String(cell);"
                    )
                );
            }
        }
        columns.Add(
            new(
                "duration_ms",
                false,
                "response.DurationMs = cell.Length == 0 ? null : long.TryParse(cell, global::System.Globalization.NumberStyles.None, global::System.Globalization.CultureInfo.InvariantCulture, out var ms) ? ms : throw new "
                    + Responses
                    + ".SubmissionFormatException(\"duration_ms\", \"expected whole milliseconds, not '\" + cell + \"'\");"
            )
        );
        return columns;
    }

    private static void EmitCsv(SourceWriter w, SurveySpec spec)
    {
        var name = spec.TypePrefix + "Response";
        var columns = Columns(spec);
        // Writing is Core's CsvExport over ToResponseData(): one CSV layout for the generated types, the collector's
        // export and the analysis, and less generated code to compile.
        w.Line(
            $"private static readonly global::System.Lazy<{Responses}.CsvExport> s_csv = new(static () => new {Responses}.CsvExport(Definition));"
        );
        w.Line();
        w.Doc(
            "The CSV header line; personal data columns (pii context fields, email answers) only when asked for."
        );
        w.Line(
            "public static string CsvHeader(bool includePersonalData = false) => s_csv.Value.Header(includePersonalData);"
        );
        w.Line();
        w.Doc("Writes this response as one CSV record (RFC 4180), in the columns of CsvHeader.");
        w.Open(
            "public void WriteCsvRow(global::System.IO.TextWriter writer, bool includePersonalData = false)"
        );
        w.Line(
            $"writer.Write(s_csv.Value.Record(new {Responses}.CsvExport.Row(ToResponseData(), SubmittedAt?.ToString(\"o\", global::System.Globalization.CultureInfo.InvariantCulture), DurationMs), includePersonalData));"
        );
        w.Line("writer.Write('\\n');");
        w.Close();
        w.Line();
        w.Doc(
            "Reads a CSV export with a header line; columns may come in any order, and unknown columns are ignored. One result per record with its line number."
        );
        w.Open(
            $"public static {Collections}.IEnumerable<{Responses}.ReadResult<{name}>> ReadCsv(global::System.IO.TextReader reader)"
        );
        w.Line("string[]? header = null;");
        w.Open($"foreach (var (line, fields) in {Responses}.Csv.Read(reader))");
        w.Open("if (header is null)");
        w.Line("header = global::System.Linq.Enumerable.ToArray(fields);");
        w.Line(
            "if (header.Length > 0) header[0] = header[0].TrimStart('\\uFEFF'); // Excel writes a byte order mark"
        );
        w.Line("continue;");
        w.Close();
        w.Line("if (fields.Count == 1 && fields[0].Length == 0) continue; // a blank line");
        w.Line($"{name}? response = null;");
        w.Line("string? error = null;");
        w.Open("try");
        w.Line("response = FromCsv(header, fields);");
        w.Close();
        w.Open(
            $"catch (global::System.Exception e) when (e is {Responses}.SubmissionFormatException or global::System.FormatException)"
        );
        w.Line("error = e.Message;");
        w.Close();
        w.Line("yield return new(line, response, error);");
        w.Close();
        w.Close();
        w.Line();
        w.Open(
            $"private static {name} FromCsv(string[] header, {Collections}.IReadOnlyList<string> fields)"
        );
        w.Line($"var response = new {name}();");
        w.Open("for (var i = 0; i < header.Length && i < fields.Count; i++)");
        w.Line("var cell = fields[i];");
        w.Open("switch (header[i])");
        foreach (var column in columns)
        {
            w.Line($"case {Naming.Literal(column.Header)}: {{ {column.Read} break; }}");
        }
        w.Close();
        w.Close();
        w.Line("return response;");
        w.Close();
        w.Line();
    }

    private static void EmitCodes(SourceWriter w, SurveySpec spec)
    {
        var enums = spec
            .Context.Where(f => f.EnumName is not null)
            .Select(f =>
                (
                    Name: f.EnumName!,
                    Members: f.Values,
                    What: "a value of context field '" + f.Id + "'"
                )
            )
            .Concat(
                spec.Questions.Where(q => q.EnumName is not null)
                    .Select(q =>
                        (Name: q.EnumName!, Members: q.Options, What: "an option of '" + q.Id + "'")
                    )
            );
        foreach (var (name, members, what) in enums)
        {
            w.Line($"private static string Id({name} value) => value switch");
            w.Line("{");
            foreach (var member in members)
            {
                w.Line($"    {name}.{member.Name} => {Naming.Literal(member.Id)},");
            }
            w.Line(
                $"    _ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"not {what.Replace("\"", "")}\"),"
            );
            w.Line("};");
            w.Line();
            w.Open(
                $"private static {name}? Parse{name}(ref {Json}.Utf8JsonReader reader, string path)"
            );
            w.Line("if (reader.TokenType == " + Json + ".JsonTokenType.Null) return null;");
            w.Open("if (reader.TokenType == " + Json + ".JsonTokenType.String)");
            foreach (var member in members)
            {
                w.Line(
                    $"if (reader.ValueTextEquals({Naming.Literal(member.Id)}u8)) return {name}.{member.Name};"
                );
            }
            w.Close();
            w.Line(
                $"throw {Helpers}.Error(path, {Naming.Literal(what + " (" + string.Join(", ", members.Select(m => m.Id)) + ")")}, ref reader);"
            );
            w.Close();
            w.Line();
            w.Line($"private static {name} Parse{name}(string text, string path) => text switch");
            w.Line("{");
            foreach (var member in members)
            {
                w.Line($"    {Naming.Literal(member.Id)} => {name}.{member.Name},");
            }
            w.Line(
                $"    _ => throw new {Responses}.SubmissionFormatException(path, \"'\" + text + \"' is not {what.Replace("\"", "")}\"),"
            );
            w.Line("};");
            w.Line();
            if (spec.Questions.Any(q => q.Type == QuestionType.MultiChoice && q.EnumName == name))
            {
                w.Open(
                    $"private static {Collections}.IReadOnlyList<{name}>? ReadList{name}(ref {Json}.Utf8JsonReader reader, string path)"
                );
                w.Line("if (reader.TokenType == " + Json + ".JsonTokenType.Null) return null;");
                w.Line(
                    "if (reader.TokenType != "
                        + Json
                        + ".JsonTokenType.StartArray) throw "
                        + Helpers
                        + ".Error(path, \"a list of option ids\", ref reader);"
                );
                w.Line($"var list = new {Collections}.List<{name}>();");
                w.Line(
                    "while (reader.Read() && reader.TokenType != "
                        + Json
                        + ".JsonTokenType.EndArray) list.Add(Parse"
                        + name
                        + "(ref reader, path) ?? throw "
                        + Helpers
                        + ".Error(path, \"an option id\", ref reader));"
                );
                w.Line("return list;");
                w.Close();
                w.Line();
            }
        }
    }
}
