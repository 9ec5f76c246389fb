using System.Linq;
using SurveyKit.Core.Model;
using SurveyKit.Generators.Model;

namespace SurveyKit.Generators.Emit;

// JSON: the submission format of docs (formats.md), written with Utf8JsonWriter and read with Utf8JsonReader,
// without reflection, so it is fast, trimmable and AOT-safe.
internal static partial class SurveyEmitter
{
    private const string Json = "SurveyKit_TextJson";
    private const string Helpers = "SurveyKit_Json";

    private static void EmitJsonWriter(SourceWriter w, SurveySpec spec)
    {
        w.Doc("Writes this response as one submission JSON object.");
        w.Open($"public void WriteJson({Json}.Utf8JsonWriter writer)");
        w.Line("writer.WriteStartObject();");
        w.Line("writer.WriteString(\"responseId\"u8, ResponseId);");
        w.Line("writer.WriteString(\"survey\"u8, SurveyId);");
        w.Line("writer.WriteNumber(\"version\"u8, Version);");
        w.Line(
            "if (SubmittedAt is { } submittedAt) writer.WriteString(\"submittedAt\"u8, submittedAt);"
        );
        w.Line("if (Lang is { } lang) writer.WriteString(\"lang\"u8, lang);");
        if (!spec.Context.IsEmpty)
        {
            w.Line("writer.WriteStartObject(\"context\"u8);");
            foreach (var field in spec.Context)
            {
                var value = field.EnumName is null
                    ? "context" + field.Property
                    : "Id(context" + field.Property + ")";
                w.Line(
                    $"if (Context.{field.Property} is {{ }} context{field.Property}) writer.WriteString({Naming.Literal(field.Id)}u8, {value});"
                );
            }
            w.Line("writer.WriteEndObject();");
        }
        w.Line("writer.WriteStartObject(\"answers\"u8);");
        foreach (var q in spec.Questions)
        {
            EmitAnswerWriter(w, q);
        }
        w.Line("writer.WriteEndObject();");
        w.Open("if (DurationMs is { } durationMs)");
        w.Line("writer.WriteStartObject(\"meta\"u8);");
        w.Line("writer.WriteNumber(\"durationMs\"u8, durationMs);");
        w.Line("writer.WriteEndObject();");
        w.Close();
        w.Line("writer.WriteEndObject();");
        w.Close();
        w.Line();
        w.Doc("This response as one line of JSON.");
        w.Open("public string ToJson()");
        w.Line("var buffer = new global::System.Buffers.ArrayBufferWriter<byte>();");
        w.Line($"using (var writer = new {Json}.Utf8JsonWriter(buffer)) WriteJson(writer);");
        w.Line("return global::System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);");
        w.Close();
        w.Line();
    }

    private static void EmitAnswerWriter(SourceWriter w, QuestionSpec q)
    {
        var key = Naming.Literal(q.Id) + "u8";
        var local = Local(q);
        switch (q.Type)
        {
            case QuestionType.Touchpoints:
                w.Line($"WriteItems_{q.Property}(writer);");
                return;
            case QuestionType.Rating when q.NotApplicable:
                w.Line(
                    $"if ({q.Property} is {{ }} {local}) {Helpers}.WriteGrade(writer, {Naming.Literal(q.Id)}, {local});"
                );
                return;
            case QuestionType.SingleChoice:
                w.Line(
                    $"if ({q.Property} is {{ }} {local}) writer.WriteString({key}, Id({local}));"
                );
                break;
            case QuestionType.MultiChoice:
                w.Open($"if ({q.Property} is {{ }} {local})");
                w.Line($"writer.WriteStartArray({key});");
                w.Line($"foreach (var option in {local}) writer.WriteStringValue(Id(option));");
                w.Line("writer.WriteEndArray();");
                w.Close();
                break;
            case QuestionType.Consent:
                w.Line($"if ({q.Property} is {{ }} {local}) writer.WriteBoolean({key}, {local});");
                return;
            case QuestionType.Nps or QuestionType.Rating or QuestionType.Number:
                w.Line($"if ({q.Property} is {{ }} {local}) writer.WriteNumber({key}, {local});");
                return;
            default:
                w.Line($"if ({q.Property} is {{ }} {local}) writer.WriteString({key}, {local});");
                return;
        }
        if (q.OtherProperty is not null)
        {
            w.Line(
                $"if ({q.OtherProperty} is {{ }} {local}Other) writer.WriteString({Naming.Literal(q.Id + "_other")}u8, {local}Other);"
            );
        }
    }

    private static void EmitJsonReader(SourceWriter w, SurveySpec spec)
    {
        var name = spec.TypePrefix + "Response";
        w.Doc(
            "Reads one submission JSON object; throws SubmissionFormatException (or JsonException) naming the field when it does not fit."
        );
        w.Open($"public static {name} Parse(global::System.ReadOnlySpan<byte> utf8Json)");
        w.Line(
            $"var reader = new {Json}.Utf8JsonReader(utf8Json, new {Json}.JsonReaderOptions {{ MaxDepth = 8 }});"
        );
        w.Line($"var response = new {name}();");
        w.Line($"{Helpers}.StartObject(ref reader, \"\");");
        w.Open($"while ({Helpers}.NextProperty(ref reader))");
        w.Line(
            "if (reader.ValueTextEquals(\"responseId\"u8)) { reader.Read(); response.ResponseId = reader.TokenType == "
                + Json
                + ".JsonTokenType.String && reader.TryGetGuid(out var id) ? id : throw "
                + Helpers
                + ".Error(\"responseId\", \"a UUID\", ref reader); }"
        );
        w.Line(
            $"else if (reader.ValueTextEquals(\"survey\"u8)) {{ reader.Read(); if (!reader.ValueTextEquals({Naming.Literal(spec.Id)}u8)) throw {Helpers}.Error(\"survey\", {Naming.Literal("\"" + spec.Id + "\"")}, ref reader); }}"
        );
        w.Line(
            $"else if (reader.ValueTextEquals(\"version\"u8)) {{ reader.Read(); response.Version = {Helpers}.Int(ref reader, \"version\") ?? SurveyVersion; }}"
        );
        w.Line(
            "else if (reader.ValueTextEquals(\"submittedAt\"u8)) { reader.Read(); response.SubmittedAt = reader.TokenType == "
                + Json
                + ".JsonTokenType.Null ? null : reader.TokenType == "
                + Json
                + ".JsonTokenType.String && reader.TryGetDateTimeOffset(out var at) ? at : throw "
                + Helpers
                + ".Error(\"submittedAt\", \"an ISO 8601 date and time\", ref reader); }"
        );
        w.Line(
            $"else if (reader.ValueTextEquals(\"lang\"u8)) {{ reader.Read(); response.Lang = {Helpers}.String(ref reader, \"lang\"); }}"
        );
        w.Line(
            "else if (reader.ValueTextEquals(\"context\"u8)) { reader.Read(); ReadContext(ref reader, response.Context); }"
        );
        w.Line(
            "else if (reader.ValueTextEquals(\"answers\"u8)) { reader.Read(); ReadAnswers(ref reader, response); }"
        );
        w.Line(
            "else if (reader.ValueTextEquals(\"meta\"u8)) { reader.Read(); ReadMeta(ref reader, response); }"
        );
        w.Line(
            "else { reader.Read(); reader.Skip(); } // other top-level keys belong to other tools"
        );
        w.Close();
        w.Line(
            "if (reader.Read()) throw "
                + Helpers
                + ".Error(\"\", \"the end of the submission\", ref reader);"
        );
        w.Line("return response;");
        w.Close();
        w.Line();
        w.Doc("Reads one submission JSON object from a string.");
        w.Line(
            $"public static {name} Parse(string json) => Parse(global::System.Text.Encoding.UTF8.GetBytes(json));"
        );
        w.Line();
        w.Doc("Reads one submission; on failure, says why instead of throwing.");
        w.Open(
            $"public static bool TryParse(global::System.ReadOnlySpan<byte> utf8Json, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out {name}? response, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)"
        );
        w.Open("try");
        w.Line("response = Parse(utf8Json);");
        w.Line("error = null;");
        w.Line("return true;");
        w.Close();
        w.Open(
            $"catch (global::System.Exception e) when (e is {Responses}.SubmissionFormatException or {Json}.JsonException or global::System.InvalidOperationException)"
        );
        w.Line("response = null;");
        w.Line("error = e.Message;");
        w.Line("return false;");
        w.Close();
        w.Close();
        w.Line();
        w.Doc(
            "Reads a JSON Lines stream, one result per non-blank line with its line number: read = accepted + rejected."
        );
        w.Open(
            $"public static {Collections}.IEnumerable<{Responses}.ReadResult<{name}>> ReadJsonLines(global::System.IO.Stream stream)"
        );
        w.Open("foreach (var line in " + Helpers + "Lines.Read(stream))");
        w.Line(
            $"yield return line.Bytes.IsEmpty ? new(line.Number, null, \"the line is longer than 1 MiB; no submission is that long\") : TryParse(line.Bytes.Span, out var response, out var error) ? new(line.Number, response, null) : new(line.Number, null, error);"
        );
        w.Close();
        w.Close();
        w.Line();
        EmitContextReader(w, spec);
        EmitAnswersReader(w, spec);
        w.Open($"private static void ReadMeta(ref {Json}.Utf8JsonReader reader, {name} response)");
        w.Line("if (reader.TokenType == " + Json + ".JsonTokenType.Null) return;");
        w.Line($"{Helpers}.StartObject(ref reader, \"meta\");");
        w.Open($"while ({Helpers}.NextProperty(ref reader))");
        w.Line(
            "if (reader.ValueTextEquals(\"durationMs\"u8)) { reader.Read(); response.DurationMs = reader.TokenType == "
                + Json
                + ".JsonTokenType.Number && reader.TryGetInt64(out var ms) ? ms : reader.TokenType == "
                + Json
                + ".JsonTokenType.Null ? null : throw "
                + Helpers
                + ".Error(\"meta.durationMs\", \"a whole number of milliseconds\", ref reader); }"
        );
        w.Line("else { reader.Read(); reader.Skip(); }");
        w.Close();
        w.Close();
        w.Line();
        foreach (var q in spec.Questions.Where(q => q.Type == QuestionType.Touchpoints))
        {
            EmitItemsReaderWriter(w, q);
        }
    }

    private static void EmitContextReader(SourceWriter w, SurveySpec spec)
    {
        w.Open(
            $"private static void ReadContext(ref {Json}.Utf8JsonReader reader, {spec.TypePrefix}Context context)"
        );
        w.Line("if (reader.TokenType == " + Json + ".JsonTokenType.Null) return;");
        w.Line($"{Helpers}.StartObject(ref reader, \"context\");");
        w.Open($"while ({Helpers}.NextProperty(ref reader))");
        var first = true;
        foreach (var field in spec.Context)
        {
            var path = Naming.Literal("context." + field.Id);
            var value = field.EnumName is null
                ? $"{Helpers}.String(ref reader, {path})"
                : $"Parse{field.EnumName}(ref reader, {path})";
            w.Line(
                $"{(first ? "" : "else ")}if (reader.ValueTextEquals({Naming.Literal(field.Id)}u8)) {{ reader.Read(); context.{field.Property} = {value}; }}"
            );
            first = false;
        }
        w.Line(
            $"{(first ? "" : "else ")}throw new {Responses}.SubmissionFormatException(\"context.\" + reader.GetString(), \"is not a context field of survey '{spec.Id}'\");"
        );
        w.Close();
        w.Close();
        w.Line();
    }

    private static void EmitAnswersReader(SourceWriter w, SurveySpec spec)
    {
        w.Open(
            $"private static void ReadAnswers(ref {Json}.Utf8JsonReader reader, {spec.TypePrefix}Response response)"
        );
        w.Line("if (reader.TokenType == " + Json + ".JsonTokenType.Null) return;");
        w.Line($"{Helpers}.StartObject(ref reader, \"answers\");");
        w.Open($"while ({Helpers}.NextProperty(ref reader))");
        var first = true;
        void Branch(string key, string body)
        {
            w.Line(
                $"{(first ? "" : "else ")}if (reader.ValueTextEquals({Naming.Literal(key)}u8)) {{ reader.Read(); {body} }}"
            );
            first = false;
        }
        foreach (var q in spec.Questions)
        {
            var path = Naming.Literal("answers." + q.Id);
            switch (q.Type)
            {
                case QuestionType.Touchpoints:
                    Branch(q.Id, $"ReadItems_{q.Property}(ref reader, response.{q.Property});");
                    if (q.CompareProperty is not null)
                    {
                        Branch(
                            q.Id + "_compare",
                            $"ReadCompare_{q.Property}(ref reader, response.{q.CompareProperty});"
                        );
                    }
                    continue;
                case QuestionType.Rating when q.NotApplicable:
                    Branch(q.Id, $"response.{q.Property} = {Helpers}.Grade(ref reader, {path});");
                    continue;
                case QuestionType.Nps or QuestionType.Rating:
                    Branch(q.Id, $"response.{q.Property} = {Helpers}.Int(ref reader, {path});");
                    continue;
                case QuestionType.Number:
                    Branch(
                        q.Id,
                        $"response.{q.Property} = {Helpers}.{(q.Integer ? "Int" : "Number")}(ref reader, {path});"
                    );
                    continue;
                case QuestionType.Consent:
                    Branch(q.Id, $"response.{q.Property} = {Helpers}.Boolean(ref reader, {path});");
                    continue;
                case QuestionType.SingleChoice:
                    Branch(q.Id, $"response.{q.Property} = Parse{q.EnumName}(ref reader, {path});");
                    break;
                case QuestionType.MultiChoice:
                    Branch(
                        q.Id,
                        $"response.{q.Property} = ReadList{q.EnumName}(ref reader, {path});"
                    );
                    break;
                default:
                    Branch(q.Id, $"response.{q.Property} = {Helpers}.String(ref reader, {path});");
                    continue;
            }
            if (q.OtherProperty is not null)
            {
                Branch(
                    q.Id + "_other",
                    $"response.{q.OtherProperty} = {Helpers}.String(ref reader, {Naming.Literal("answers." + q.Id + "_other")});"
                );
            }
        }
        w.Line(
            $"{(first ? "" : "else ")}throw new {Responses}.SubmissionFormatException(\"answers.\" + reader.GetString(), \"is not a question of survey '{spec.Id}' version {spec.Version}\");"
        );
        w.Close();
        w.Close();
        w.Line();
    }

    private static void EmitItemsReaderWriter(SourceWriter w, QuestionSpec q)
    {
        void Reader(string method, string type, string read, string key)
        {
            w.Open($"private static void {method}(ref {Json}.Utf8JsonReader reader, {type} items)");
            w.Line("if (reader.TokenType == " + Json + ".JsonTokenType.Null) return;");
            w.Line($"{Helpers}.StartObject(ref reader, {Naming.Literal("answers." + key)});");
            w.Open($"while ({Helpers}.NextProperty(ref reader))");
            var first = true;
            foreach (var item in q.Items)
            {
                var path = Naming.Literal("answers." + key + "." + item.Id);
                w.Line(
                    $"{(first ? "" : "else ")}if (reader.ValueTextEquals({Naming.Literal(item.Id)}u8)) {{ reader.Read(); items.{item.Name} = {Helpers}.{read}(ref reader, {path}); }}"
                );
                first = false;
            }
            w.Line(
                $"else throw new {Responses}.SubmissionFormatException(\"answers.{key}.\" + reader.GetString(), \"is not an item of '{q.Id}'\");"
            );
            w.Close();
            w.Close();
            w.Line();
        }
        Reader("ReadItems_" + q.Property, q.ItemsType!, "Grade", q.Id);
        if (q.CompareType is not null)
        {
            Reader("ReadCompare_" + q.Property, q.CompareType, "Comparison", q.Id + "_compare");
        }
        w.Open($"private void WriteItems_{q.Property}({Json}.Utf8JsonWriter writer)");
        foreach (
            var (items, suffix, write) in new[]
            {
                (q.Property, "", "Grade"),
                (q.CompareProperty, "_compare", "Comparison"),
            }
        )
        {
            if (items is null)
            {
                continue;
            }
            var any = string.Join(" || ", q.Items.Select(i => $"{items}.{i.Name} is not null"));
            w.Open($"if ({any})");
            w.Line($"writer.WriteStartObject({Naming.Literal(q.Id + suffix)}u8);");
            foreach (var item in q.Items)
            {
                var value =
                    write == "Grade"
                        ? $"{Helpers}.WriteGrade(writer, {Naming.Literal(item.Id)}, value{item.Name})"
                        : $"writer.WriteString({Naming.Literal(item.Id)}u8, {Helpers}.ComparisonId(value{item.Name}))";
                w.Line($"if ({items}.{item.Name} is {{ }} value{item.Name}) {value};");
            }
            w.Line("writer.WriteEndObject();");
            w.Close();
        }
        w.Close();
        w.Line();
    }
}
