using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;
using SurveyKit.Submissions;

namespace SurveyKit.Collector.Submissions;

/// <summary>
/// Reads the plain form post of a survey page without JavaScript (field names as the templates write them:
/// <c>recommend</c>, <c>touchpoints.website</c>, <c>touchpoints_compare.website</c>, <c>channels</c> repeated,
/// <c>channels_other</c>, <c>context.segment</c>) into the same neutral form as the JSON, typed by the survey.
/// </summary>
public static class SubmissionForm
{
    /// <summary>The fields that steer the post rather than answer a question.</summary>
    public static readonly HashSet<string> ControlFields = new(StringComparer.Ordinal)
    {
        "survey",
        "version",
        "lang",
        "responseId",
        "submittedAt",
        "_next",
        "form-name",
    };

    /// <summary>Reads <paramref name="fields"/> (each name with its values, in order) for <paramref name="survey"/>.</summary>
    public static SubmissionRead Read(
        Survey survey,
        IEnumerable<KeyValuePair<string, string[]>> fields,
        Func<string, bool> isHoneypot
    )
    {
        var data = new ResponseData { Survey = survey.Id };
        var errors = new List<ResponseError>();
        var maps = new Dictionary<string, Dictionary<string, AnswerValue>>(StringComparer.Ordinal);
        DateTimeOffset? submittedAt = null;
        foreach (var (name, values) in fields)
        {
            var value = values.LastOrDefault() ?? "";
            if (isHoneypot(name) || name == "survey" || name == "_next" || name == "form-name")
            {
                continue;
            }
            switch (name)
            {
                case "version":
                    if (
                        int.TryParse(
                            value,
                            NumberStyles.None,
                            CultureInfo.InvariantCulture,
                            out var version
                        )
                    )
                    {
                        data.Version = version;
                    }
                    else
                    {
                        errors.Add(
                            new("version", ResponseRules.Type, "version must be a whole number.")
                        );
                    }
                    continue;
                case "lang":
                    data.Lang = value;
                    continue;
                case "responseId":
                    if (Guid.TryParseExact(value, "D", out var id) && id != Guid.Empty)
                    {
                        data.ResponseId = id.ToString("D");
                    }
                    else
                    {
                        errors.Add(
                            new(
                                "responseId",
                                ResponseRules.Type,
                                "responseId must be a random UUID (not the nil UUID)."
                            )
                        );
                    }
                    continue;
                case "submittedAt":
                    if (
                        DateTimeOffset.TryParse(
                            value,
                            CultureInfo.InvariantCulture,
                            DateTimeStyles.RoundtripKind,
                            out var at
                        )
                    )
                    {
                        submittedAt = at;
                    }
                    continue;
            }
            if (name.StartsWith("context.", StringComparison.Ordinal))
            {
                if (value.Length > 0)
                {
                    data.Context[name.Substring("context.".Length)] = value;
                }
                continue;
            }
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0)
            {
                // touchpoints.website=8, touchpoints_compare.website=better
                if (value.Length == 0)
                {
                    continue;
                }
                var key = name.Substring(0, dot);
                var item = name.Substring(dot + 1);
                if (!maps.TryGetValue(key, out var map))
                {
                    maps[key] = map = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
                }
                map[item] = key.EndsWith("_compare", StringComparison.Ordinal)
                    ? AnswerValue.Of(value)
                    : Grade(value);
                continue;
            }
            var question = survey.FindQuestion(name);
            if (question is MultiChoiceQuestion)
            {
                var picked = values.Where(v => v.Length > 0).ToList();
                if (picked.Count > 0)
                {
                    data.Answers[name] = AnswerValue.Of(picked);
                }
                continue;
            }
            if (value.Length == 0)
            {
                continue; // an empty field is an unanswered question
            }
            data.Answers[name] = question switch
            {
                NpsQuestion or RatingQuestion => Grade(value),
                NumberQuestion => Number(value),
                ConsentQuestion => value switch
                {
                    "true" => AnswerValue.Of(true),
                    "false" => AnswerValue.Of(false),
                    _ => AnswerValue.Of(value),
                },
                _ => AnswerValue.Of(value),
            };
        }
        foreach (var (key, map) in maps)
        {
            data.Answers[key] = AnswerValue.Of(map);
        }
        if (data.Version is null)
        {
            errors.Add(new("version", EnvelopeRules.Missing, "version is missing."));
        }
        data.ResponseId ??= Guid.NewGuid().ToString("D");
        return errors.Count > 0
            ? new SubmissionRead(null, errors)
            : new SubmissionRead(
                new Submission(data, submittedAt ?? DateTimeOffset.UtcNow, null),
                []
            );
    }

    private static AnswerValue Grade(string value) =>
        value == "na" ? AnswerValue.Of("na") : Number(value);

    // People type 7,5 in Dutch; both decimal marks are read. The text as typed goes with the number, so that a grade
    // must be a whole number as written (8, not 8.0 or 1e-400).
    private static AnswerValue Number(string value) =>
        double.TryParse(
            value.Trim().Replace(',', '.'),
            NumberStyles.Float,
            CultureInfo.InvariantCulture,
            out var number
        ) && double.IsFinite(number)
            ? AnswerValue.Of(number, value.Trim())
            : AnswerValue.Of(value);
}
