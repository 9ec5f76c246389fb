using SurveyKit.Core.Model;
using SurveyKit.Generators.Model;

namespace SurveyKit.Generators.Emit;

// ToResponseData: the typed response in the neutral form Core validates, so the generated Validate() and the
// collector apply one rule set.
internal static partial class SurveyEmitter
{
    private static void EmitResponseData(SourceWriter w, SurveySpec spec)
    {
        w.Doc(
            "This response in the neutral form that SurveyKit.Core validates and the collector stores."
        );
        w.Open($"public {Responses}.ResponseData ToResponseData()");
        w.Line($"var data = new {Responses}.ResponseData");
        w.Line("{");
        w.Line(
            "    ResponseId = ResponseId == global::System.Guid.Empty ? null : ResponseId.ToString(),"
        );
        w.Line("    Survey = SurveyId,");
        w.Line("    Version = Version,");
        w.Line("    Lang = Lang,");
        w.Line("};");
        foreach (var field in spec.Context)
        {
            var value = field.EnumName is null ? "value" : "Id(value)";
            w.Line(
                $"if (Context.{field.Property} is {{ }} value_{field.Property}) data.Context[{Naming.Literal(field.Id)}] = {value.Replace("value", "value_" + field.Property)};"
            );
        }
        foreach (var q in spec.Questions)
        {
            EmitAnswerData(w, q);
        }
        w.Line("return data;");
        w.Close();
        w.Line();
    }

    private static void EmitAnswerData(SourceWriter w, QuestionSpec q)
    {
        var key = Naming.Literal(q.Id);
        var of = Responses + ".AnswerValue.Of";
        switch (q.Type)
        {
            case QuestionType.Touchpoints:
                w.Open("");
                w.Line(
                    $"var grades = new {Collections}.Dictionary<string, {Responses}.AnswerValue>();"
                );
                foreach (var item in q.Items)
                {
                    w.Line(
                        $"if ({q.Property}.{item.Name} is {{ }} grade{item.Name}) grades[{Naming.Literal(item.Id)}] = {Helpers}.GradeValue(grade{item.Name});"
                    );
                }
                w.Line($"if (grades.Count > 0) data.Answers[{key}] = {of}(grades);");
                if (q.CompareProperty is not null)
                {
                    w.Line(
                        $"var comparisons = new {Collections}.Dictionary<string, {Responses}.AnswerValue>();"
                    );
                    foreach (var item in q.Items)
                    {
                        w.Line(
                            $"if ({q.CompareProperty}.{item.Name} is {{ }} compare{item.Name}) comparisons[{Naming.Literal(item.Id)}] = {of}({Helpers}.ComparisonId(compare{item.Name}));"
                        );
                    }
                    w.Line(
                        $"if (comparisons.Count > 0) data.Answers[{Naming.Literal(q.Id + "_compare")}] = {of}(comparisons);"
                    );
                }
                w.Close();
                return;
            case QuestionType.Rating when q.NotApplicable:
                w.Line(
                    $"if ({q.Property} is {{ }} {Local(q)}) data.Answers[{key}] = {Helpers}.GradeValue({Local(q)});"
                );
                return;
            case QuestionType.SingleChoice:
                w.Line(
                    $"if ({q.Property} is {{ }} {Local(q)}) data.Answers[{key}] = {of}(Id({Local(q)}));"
                );
                break;
            case QuestionType.MultiChoice:
                w.Line(
                    $"if ({q.Property} is {{ }} {Local(q)}) data.Answers[{key}] = {of}(global::System.Linq.Enumerable.Select({Local(q)}, static option => Id(option)));"
                );
                break;
            case QuestionType.Number or QuestionType.Nps or QuestionType.Rating:
                w.Line(
                    $"if ({q.Property} is {{ }} {Local(q)}) data.Answers[{key}] = {of}((double){Local(q)});"
                );
                return;
            default:
                w.Line(
                    $"if ({q.Property} is {{ }} {Local(q)}) data.Answers[{key}] = {of}({Local(q)});"
                );
                return;
        }
        if (q.OtherProperty is not null)
        {
            w.Line(
                $"if ({q.OtherProperty} is {{ }} {Local(q)}Other) data.Answers[{Naming.Literal(q.Id + "_other")}] = {of}({Local(q)}Other);"
            );
        }
    }

    /// <summary>A local variable name for a question's value, never a keyword.</summary>
    private static string Local(QuestionSpec q) => "answer" + q.Property;
}
