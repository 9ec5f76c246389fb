using System.Collections.Generic;
using SurveyKit.Core.Text;

namespace SurveyKit.Core.Responses;

/// <summary>
/// The first pass of <see cref="ResponseValidator"/>: every key and every text of a response, checked by
/// <see cref="ResponseText"/> before any other rule reads it. Each problem names its field.
/// </summary>
internal static class TextChecks
{
    /// <summary>The problems of <paramref name="data"/>'s texts, added to <paramref name="errors"/>; false when there are any.</summary>
    public static bool Check(ResponseData data, List<ResponseError> errors)
    {
        var before = errors.Count;
        if (data.Lang is { } lang)
        {
            Line(errors, "lang", null, lang, ResponseText.MaxLanguageLength);
        }
        if (data.Survey is { } survey)
        {
            Line(errors, "survey", null, survey, ResponseText.MaxKeyLength);
        }
        foreach (var entry in data.Context)
        {
            if (Key(errors, "context", null, entry.Key))
            {
                Line(errors, "context", entry.Key, entry.Value, ResponseText.MaxContextValueLength);
            }
        }
        foreach (var entry in data.Answers)
        {
            if (Key(errors, "answers", null, entry.Key))
            {
                Value(errors, entry.Key, entry.Value);
            }
        }
        return errors.Count == before;
    }

    // key is the answer key, item the touchpoint item inside it: the path is made only for an error.
    private static void Value(
        List<ResponseError> errors,
        string key,
        AnswerValue value,
        string? item = null
    )
    {
        switch (value.Kind)
        {
            case AnswerKind.Text:
                Text(errors, key, item, value.Text);
                break;
            case AnswerKind.TextList:
                foreach (var text in value.Texts)
                {
                    if (!Text(errors, key, item, text))
                    {
                        break;
                    }
                }
                break;
            case AnswerKind.Map when item is null:
                if (value.Map is { } map)
                {
                    foreach (var entry in map)
                    {
                        Entry(errors, key, entry.Key, entry.Value);
                    }
                }
                else
                {
                    foreach (var entry in value.Entries)
                    {
                        Entry(errors, key, entry.Key, entry.Value);
                    }
                }
                break;
        }
    }

    private static void Entry(
        List<ResponseError> errors,
        string key,
        string item,
        AnswerValue value
    )
    {
        if (Key(errors, "answers", key, item))
        {
            Value(errors, key, value, item);
        }
    }

    // A key is reported at the object that holds it: the key itself cannot be named.
    private static bool Key(List<ResponseError> errors, string area, string? answer, string key)
    {
        var problem =
            key.Length > ResponseText.MaxKeyLength
                ? $"is {key.Length} characters long; at most {ResponseText.MaxKeyLength} are allowed"
                : ResponseText.Problem(key);
        if (problem is null)
        {
            return true;
        }
        var parent = answer is null ? area : area + "." + Excerpt.Of(answer);
        errors.Add(
            new ResponseError(
                parent,
                ResponseRules.Text,
                $"A key in {parent} ({ResponseError.Quote(key)}) {problem}."
            )
        );
        return false;
    }

    private static bool Text(List<ResponseError> errors, string key, string? item, string text)
    {
        if (ResponseText.Problem(text) is not { } problem)
        {
            return true;
        }
        var path = "answers." + Excerpt.Of(key) + (item is null ? "" : "." + Excerpt.Of(item));
        errors.Add(new ResponseError(path, ResponseRules.Text, $"The text {problem}."));
        return false;
    }

    private static void Line(
        List<ResponseError> errors,
        string area,
        string? key,
        string text,
        int maxLength
    )
    {
        if (ResponseText.LineProblem(text, maxLength) is { } problem)
        {
            var path = key is null ? area : area + "." + key;
            errors.Add(new ResponseError(path, ResponseRules.Text, $"{path} {problem}."));
        }
    }
}
