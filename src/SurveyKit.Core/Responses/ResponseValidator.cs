using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SurveyKit.Core.Expressions;
using SurveyKit.Core.Model;
using SurveyKit.Core.Text;

namespace SurveyKit.Core.Responses;

/// <summary>
/// The one set of rules a response must meet: the right survey and version, only known keys, every value of its
/// question's kind and within its limits, required questions answered when shown, and no answer to a question that
/// its show_if hides. Generated <c>Validate()</c> methods and the collector both call this.
/// </summary>
public static class ResponseValidator
{
    /// <summary>Every rule <paramref name="data"/> breaks, in the order of the survey; empty when it is valid.</summary>
    public static IReadOnlyList<ResponseError> Validate(Survey survey, ResponseData data)
    {
        // Texts first: a text that is not text (NUL, half a character) or too long to steer anything is refused
        // before any rule reads it, and nothing more is said about it.
        var index = SurveyIndex.Of(survey);
        var errors = new List<ResponseError>();
        if (!TextChecks.Check(data, errors))
        {
            return errors;
        }
        if (data.Survey is { } id && id != survey.Id)
        {
            errors.Add(
                new(
                    "survey",
                    ResponseRules.Survey,
                    $"This response is for survey {ResponseError.Quote(id)}, not '{survey.Id}'."
                )
            );
        }
        if (data.Version is { } version && version != survey.Version)
        {
            errors.Add(
                new(
                    "version",
                    ResponseRules.Version,
                    $"This response was made for version {version} of the survey; the survey is at version {survey.Version}."
                )
            );
        }
        if (data.Lang is { } lang && !index.Languages.Contains(lang))
        {
            errors.Add(
                new(
                    "lang",
                    ResponseRules.Option,
                    $"{ResponseError.Quote(lang)} is not a language of the survey ({string.Join(", ", survey.Languages)})."
                )
            );
        }
        CheckContext(index, data, errors);
        CheckUnknownKeys(index, data, errors);
        var evaluator = new ConditionEvaluator(data);
        HashSet<string>? invalid = null;
        var check = new QuestionCheck(data, evaluator, errors);
        foreach (var info in index.Infos)
        {
            var question = info.Question;
            data.Answers.TryGetValue(question.Id, out var answer);
            // A condition that reads an invalid answer cannot be decided: say nothing more than that answer's own error.
            if (
                invalid is not null
                && info.References is { } references
                && references.Any(invalid.Contains)
            )
            {
                continue;
            }
            var path = info.Path;
            var shown = question.ShowIf is null || evaluator.IsTrue(question.ShowIf.Root);
            if (!shown)
            {
                if (answer is not null || data.Answers.ContainsKey(question.Id + "_other"))
                {
                    errors.Add(
                        new(
                            path,
                            ResponseRules.Hidden,
                            $"'{question.Id}' is answered, but its condition ({question.ShowIf!.Source}) hides it."
                        )
                    );
                }
                continue;
            }
            if (answer is null)
            {
                if (question.Required)
                {
                    errors.Add(new(path, ResponseRules.Required, $"'{question.Id}' is required."));
                }
                continue;
            }
            var before = errors.Count;
            check.Check(info, answer);
            if (errors.Count > before)
            {
                (invalid ??= []).Add(question.Id);
            }
        }
        return errors;
    }

    private static void CheckContext(
        SurveyIndex index,
        ResponseData data,
        List<ResponseError> errors
    )
    {
        foreach (var entry in data.Context)
        {
            if (!index.Context.TryGetValue(entry.Key, out var field))
            {
                errors.Add(
                    new(
                        "context." + Excerpt.Of(entry.Key),
                        ResponseRules.Unknown,
                        $"{ResponseError.Quote(entry.Key)} is not a context field of the survey."
                    )
                );
            }
            else if (
                index.ContextValues.TryGetValue(entry.Key, out var values)
                && !values.Contains(entry.Value)
            )
            {
                errors.Add(
                    new(
                        "context." + Excerpt.Of(entry.Key),
                        ResponseRules.Option,
                        $"{ResponseError.Quote(entry.Value)} is not a value of '{entry.Key}' ({string.Join(", ", field.Values)})."
                    )
                );
            }
        }
    }

    private static void CheckUnknownKeys(
        SurveyIndex index,
        ResponseData data,
        List<ResponseError> errors
    )
    {
        foreach (var key in data.Answers.Keys)
        {
            if (index.ById.ContainsKey(key) || index.Companions.Contains(key))
            {
                continue;
            }
            errors.Add(
                new(
                    "answers." + Excerpt.Of(key),
                    ResponseRules.Unknown,
                    $"{ResponseError.Quote(key)} is not a question of the survey."
                )
            );
        }
    }

    private sealed class QuestionCheck(
        ResponseData data,
        ConditionEvaluator evaluator,
        List<ResponseError> errors
    )
    {
        private string path = "";
        private QuestionInfo info = null!;

        public void Check(QuestionInfo question, AnswerValue answer)
        {
            (info, path) = (question, question.Path);
            Check(question.Question, answer);
        }

        private void Check(Question question, AnswerValue answer)
        {
            switch (question)
            {
                case NpsQuestion:
                    Whole(answer, NpsQuestion.Scale, path);
                    break;
                case RatingQuestion rating:
                    if (
                        !(
                            rating.NotApplicable is not null
                            && answer.Kind == AnswerKind.Text
                            && answer.Text == AnswerValues.NotApplicable
                        )
                    )
                    {
                        Whole(answer, rating.Scale, path);
                    }
                    break;
                case TouchpointsQuestion touchpoints:
                    Touchpoints(touchpoints, answer);
                    break;
                case SingleChoiceQuestion single:
                    if (Expect(answer, AnswerKind.Text, "an option id"))
                    {
                        Option(single, answer.Text, path);
                    }
                    Other(single, answer.Kind == AnswerKind.Text && answer.Text == "other");
                    break;
                case MultiChoiceQuestion multi:
                    Multi(multi, answer);
                    break;
                case TextQuestion text:
                    if (
                        Expect(answer, AnswerKind.Text, "a text")
                        && answer.Text.Length > text.MaxLength
                    )
                    {
                        Add(
                            ResponseRules.Length,
                            $"'{question.Id}' is {answer.Text.Length} characters; at most {text.MaxLength} are allowed."
                        );
                    }
                    break;
                case NumberQuestion number:
                    Number(number, answer);
                    break;
                case EmailQuestion:
                    if (
                        Expect(answer, AnswerKind.Text, "an email address")
                        && !EmailAddress.IsValid(answer.Text)
                    )
                    {
                        Add(
                            ResponseRules.Email,
                            $"{ResponseError.Quote(answer.Text)} is not an email address."
                        );
                    }
                    break;
                case ConsentQuestion:
                    Expect(answer, AnswerKind.Boolean, "true or false");
                    break;
            }
        }

        private void Add(string rule, string message, string? at = null) =>
            errors.Add(new(at ?? path, rule, message));

        private bool Expect(AnswerValue answer, AnswerKind kind, string what, string? at = null)
        {
            if (answer.Kind == kind)
            {
                return true;
            }
            Add(ResponseRules.Type, $"Expected {what}, not {answer.Describe()}.", at);
            return false;
        }

        private static bool IsGrade(AnswerValue answer, Scale scale) =>
            answer.Kind == AnswerKind.Number
            && answer.Written is null
            && answer.Number == System.Math.Floor(answer.Number)
            && answer.Number >= scale.Min
            && answer.Number <= scale.Max;

        private void Whole(AnswerValue answer, Scale scale, string at)
        {
            // The message is made only for a wrong answer: this runs for every grade of every response read.
            if (
                answer.Kind != AnswerKind.Number
                && !Expect(
                    answer,
                    AnswerKind.Number,
                    $"a whole number from {scale.Min} to {scale.Max}",
                    at
                )
            )
            {
                return;
            }
            // A grade is written as a whole number: 8.0 or 1e-400 (which reads as 0) is not one.
            if (
                answer.Written is not null
                || answer.Number != System.Math.Floor(answer.Number)
                || answer.Number < scale.Min
                || answer.Number > scale.Max
            )
            {
                Add(
                    ResponseRules.Range,
                    $"{Written(answer)} is not a whole number from {scale.Min} to {scale.Max}.",
                    at
                );
            }
        }

        private static bool HasOption(ChoiceQuestion question, string id)
        {
            foreach (var option in question.Options)
            {
                if (option.Id == id)
                {
                    return true;
                }
            }
            return false;
        }

        private void Option(ChoiceQuestion question, string id, string at)
        {
            if (!HasOption(question, id) && !(question.Other is not null && id == "other"))
            {
                var ids = question
                    .Options.Select(o => o.Id)
                    .Concat(question.Other is null ? [] : ["other"]);
                Add(
                    ResponseRules.Option,
                    $"{ResponseError.Quote(id)} is not an option of '{question.Id}' ({string.Join(", ", ids)}).",
                    at
                );
            }
        }

        private void Other(ChoiceQuestion question, bool chosen)
        {
            if (!data.Answers.TryGetValue(question.Id + "_other", out var other))
            {
                return;
            }
            if (!chosen)
            {
                Add(
                    ResponseRules.Hidden,
                    $"'{question.Id}_other' is filled in, but 'other' is not chosen.",
                    path + "_other"
                );
            }
            else if (
                Expect(other, AnswerKind.Text, "a text", path + "_other")
                && other.Text.Length > TextQuestion.DefaultMaxLength
            )
            {
                Add(
                    ResponseRules.Length,
                    $"'{question.Id}_other' is longer than {TextQuestion.DefaultMaxLength} characters.",
                    path + "_other"
                );
            }
        }

        private void Multi(MultiChoiceQuestion question, AnswerValue answer)
        {
            if (!Expect(answer, AnswerKind.TextList, "a list of option ids"))
            {
                return;
            }
            foreach (var id in answer.Texts)
            {
                Option(question, id, path);
            }
            if (answer.Texts.Distinct().Count() != answer.Texts.Count)
            {
                Add(ResponseRules.Option, $"'{question.Id}' lists an option twice.");
            }
            if (question.Min is { } min && answer.Texts.Count < min)
            {
                Add(
                    ResponseRules.Count,
                    $"'{question.Id}' needs at least {min} options; {answer.Texts.Count} are picked."
                );
            }
            if (question.Max is { } max && answer.Texts.Count > max)
            {
                Add(
                    ResponseRules.Count,
                    $"'{question.Id}' allows at most {max} options; {answer.Texts.Count} are picked."
                );
            }
            Other(question, answer.Texts.Contains("other"));
        }

        private void Number(NumberQuestion question, AnswerValue answer)
        {
            if (!Expect(answer, AnswerKind.Number, "a number"))
            {
                return;
            }
            if (
                question.Integer
                && (answer.Written is not null || answer.Number != System.Math.Floor(answer.Number))
            )
            {
                Add(ResponseRules.Range, $"{Written(answer)} is not a whole number.");
            }
            if (
                answer.Number < (question.Min ?? double.NegativeInfinity)
                || answer.Number > (question.Max ?? double.PositiveInfinity)
            )
            {
                Add(
                    ResponseRules.Range,
                    $"{Written(answer)} is outside {Format(question.Min)}..{Format(question.Max)}."
                );
            }
        }

        private void Touchpoints(TouchpointsQuestion question, AnswerValue answer)
        {
            if (!Expect(answer, AnswerKind.Map, "an object of grades per item"))
            {
                return;
            }
            var items = info.Items!;
            if (answer.Map is { } map)
            {
                foreach (var entry in map)
                {
                    Item(entry.Key, entry.Value);
                }
            }
            else
            {
                foreach (var entry in answer.Entries)
                {
                    Item(entry.Key, entry.Value);
                }
            }

            if (question.Required && answer.Entries.Count == 0)
            {
                Add(ResponseRules.Required, $"'{question.Id}' is required.");
            }
            Compare(question, answer);

            void Item(string key, AnswerValue value)
            {
                if (!items.TryGetValue(key, out var item))
                {
                    Add(
                        ResponseRules.Unknown,
                        $"{ResponseError.Quote(key)} is not an item of '{question.Id}'.",
                        path + "." + Excerpt.Of(key)
                    );
                    return;
                }
                if (item.ShowIf is not null && !evaluator.IsTrue(item.ShowIf.Root))
                {
                    Add(
                        ResponseRules.Hidden,
                        $"'{question.Id}.{item.Id}' is answered, but its condition ({item.ShowIf.Source}) hides it.",
                        path + "." + Excerpt.Of(key)
                    );
                    return;
                }
                if (
                    !(value.Kind == AnswerKind.Text && value.Text == AnswerValues.NotApplicable)
                    && !IsGrade(value, question.Scale)
                )
                {
                    Whole(value, question.Scale, path + "." + key);
                }
            }
        }

        private void Compare(TouchpointsQuestion question, AnswerValue grades)
        {
            if (!data.Answers.TryGetValue(info.CompareKey, out var compare))
            {
                return;
            }
            var at = path + "_compare";
            if (!Expect(compare, AnswerKind.Map, "an object of comparisons per item", at))
            {
                return;
            }
            foreach (var entry in compare.Entries)
            {
                var itemPath = at + "." + entry.Key;
                if (
                    !grades.TryGetEntry(entry.Key, out var grade)
                    || grade.Kind != AnswerKind.Number
                )
                {
                    Add(
                        ResponseRules.Hidden,
                        $"'{entry.Key}' is compared but not graded.",
                        itemPath
                    );
                }
                else if (
                    Expect(entry.Value, AnswerKind.Text, "worse, same or better", itemPath)
                    && AnswerValues.ComparisonOf(entry.Value.Text) is null
                )
                {
                    Add(
                        ResponseRules.Option,
                        $"{ResponseError.Quote(entry.Value.Text)} is not worse, same or better.",
                        itemPath
                    );
                }
            }
        }

        private static string Written(AnswerValue number) =>
            ResponseError.Quote(number.Written ?? Format(number.Number));

        private static string Format(double? value) =>
            value?.ToString(CultureInfo.InvariantCulture) ?? "";
    }
}
