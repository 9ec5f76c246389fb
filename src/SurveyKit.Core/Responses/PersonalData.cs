using System.Collections.Generic;
using System.Linq;
using System.Text;
using SurveyKit.Core.Model;

namespace SurveyKit.Core.Responses;

/// <summary>
/// The one rule for personal data in everything SurveyKit writes out of a store (CSV, JSON Lines, Parquet, and any
/// format added later): an e-mail question's answer and a context field marked <c>pii</c> are personal, and leave
/// only when the user asks (<c>--personal</c>, <c>personal=true</c>). An export that leaves them out says so.
/// </summary>
public static class PersonalData
{
    /// <summary>
    /// The first line of a JSON Lines export that left personal data out. Readers of submissions recognise it by
    /// this start and skip it: it is not a submission.
    /// </summary>
    public const string NotePrefix = "{\"surveykit\":";

    /// <summary>True for a context field whose values are personal data.</summary>
    public static bool IsPersonal(ContextField field) => field.Pii;

    /// <summary>True for a question whose answers are personal data.</summary>
    public static bool IsPersonal(Question question) => question is EmailQuestion;

    /// <summary>The personal fields of <paramref name="survey"/> as paths into a submission (<c>context.customer</c>, <c>answers.email</c>).</summary>
    public static IReadOnlyList<string> Fields(Survey survey) =>
        survey
            .Context.Where(IsPersonal)
            .Select(c => "context." + c.Id)
            .Concat(survey.Questions.Where(IsPersonal).Select(q => "answers." + q.Id))
            .ToList();

    /// <summary>Removes the personal answers and context values from <paramref name="data"/>.</summary>
    public static void Remove(Survey survey, ResponseData data)
    {
        foreach (var field in survey.Context.Where(IsPersonal))
        {
            data.Context.Remove(field.Id);
        }
        foreach (var question in survey.Questions.Where(IsPersonal))
        {
            data.Answers.Remove(question.Id);
        }
    }

    /// <summary>
    /// The note line for a JSON Lines export of <paramref name="survey"/> without personal data, or null when the
    /// survey has none: <c>{"surveykit":{"export":"klantloyaliteit","left_out":["answers.email"],"because":"..."}}</c>.
    /// </summary>
    public static string? NoteLine(Survey survey)
    {
        var fields = Fields(survey);
        if (fields.Count == 0)
        {
            return null;
        }
        // Ids hold only a-z, 0-9, '_' and '-': nothing in them needs escaping in JSON.
        var builder = new StringBuilder(NotePrefix)
            .Append("{\"export\":\"")
            .Append(survey.Id)
            .Append("\",\"left_out\":[")
            .Append(string.Join(",", fields.Select(f => "\"" + f + "\"")))
            .Append("],\"because\":\"")
            .Append(Sentence(fields))
            .Append("\"}}");
        return builder.ToString();
    }

    /// <summary>What a user reads about fields left out: which, why, and how to include them.</summary>
    public static string Sentence(IReadOnlyList<string> fields) =>
        $"personal data left out: {string.Join(", ", fields)}; export with --personal (or personal=true) to include it";
}
