using System.Collections.Generic;
using SurveyKit.Core.Text;

namespace SurveyKit.Core.Responses;

/// <summary>
/// The first pass of <see cref="ResponseValidator"/>: every key and every text of a response, checked by
/// <see cref="ResponseText"/> before any other rule reads it. Each problem names its field.
/// </summary>
internal static class TextChecks
{
    public static List<ResponseError> Check(ResponseData data)
    {
        var errors = new List<ResponseError>();
        if (data.Lang is { } lang)
        {
            Line(errors, "lang", lang, ResponseText.MaxLanguageLength);
        }
        if (data.Survey is { } survey)
        {
            Line(errors, "survey", survey, ResponseText.MaxKeyLength);
        }
        foreach (var entry in data.Context)
        {
            if (Key(errors, "context", entry.Key))
            {
                Line(
                    errors,
                    "context." + entry.Key,
                    entry.Value,
                    ResponseText.MaxContextValueLength
                );
            }
        }
        foreach (var entry in data.Answers)
        {
            if (Key(errors, "answers", entry.Key))
            {
                Value(errors, "answers." + entry.Key, entry.Value);
            }
        }
        return errors;
    }

    private static void Value(List<ResponseError> errors, string path, AnswerValue value)
    {
        switch (value.Kind)
        {
            case AnswerKind.Text:
                Text(errors, path, value.Text);
                break;
            case AnswerKind.TextList:
                foreach (var text in value.Texts)
                {
                    if (!Text(errors, path, text))
                    {
                        break;
                    }
                }
                break;
            case AnswerKind.Map:
                foreach (var entry in value.Entries)
                {
                    if (Key(errors, path, entry.Key))
                    {
                        Value(errors, path + "." + entry.Key, entry.Value);
                    }
                }
                break;
        }
    }

    // A key is reported at the object that holds it: the key itself cannot be named.
    private static bool Key(List<ResponseError> errors, string parent, string key)
    {
        var problem =
            key.Length > ResponseText.MaxKeyLength
                ? $"is {key.Length} characters long; at most {ResponseText.MaxKeyLength} are allowed"
                : ResponseText.Problem(key);
        if (problem is null)
        {
            return true;
        }
        errors.Add(
            new ResponseError(
                parent,
                ResponseRules.Text,
                $"A key in {parent} ({ResponseError.Quote(Printable(key))}) {problem}."
            )
        );
        return false;
    }

    private static bool Text(List<ResponseError> errors, string path, string text)
    {
        if (ResponseText.Problem(text) is not { } problem)
        {
            return true;
        }
        errors.Add(new ResponseError(path, ResponseRules.Text, $"The text {problem}."));
        return false;
    }

    private static void Line(List<ResponseError> errors, string path, string text, int maxLength)
    {
        if (ResponseText.LineProblem(text, maxLength) is { } problem)
        {
            errors.Add(new ResponseError(path, ResponseRules.Text, $"{path} {problem}."));
        }
    }

    // A key quoted in a message shows what it is without carrying what made it wrong.
    private static string Printable(string key)
    {
        var chars = key.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] == '\0' || char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }
        return new string(chars);
    }
}
