using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using SurveyKit.Core.Model;

namespace SurveyKit.Analysis.Data;

/// <summary>
/// One key of a submission's <c>answers</c> that the analysis reads, with every role it plays: a key can be the
/// outcome, a rating driver, the satisfaction question and a segment at once; a touchpoints key holds its items.
/// </summary>
internal sealed class AnswerKey
{
    private AnswerKey(string name) => (Name, Utf8) = (name, Encoding.UTF8.GetBytes(name));

    public string Name { get; }
    public byte[] Utf8 { get; }
    private bool outcome;
    private int ratingDriver = -1;
    private bool ratingNotApplicable;
    private bool satisfaction;
    private int segment = -1;
    private bool consent;
    private Scale scale;
    private (byte[] Item, string Id, int Driver)[]? items;
    private bool compare;

    public static AnswerKey[] For(AnalysisPlan plan)
    {
        var keys = new Dictionary<string, AnswerKey>(StringComparer.Ordinal);
        AnswerKey Key(string name) =>
            keys.TryGetValue(name, out var key) ? key : keys[name] = new AnswerKey(name);

        if (plan.Outcome is { } nps)
        {
            Key(nps.Id).outcome = true;
        }
        for (var d = 0; d < plan.Drivers.Count; d++)
        {
            var driver = plan.Drivers[d];
            if (driver.ItemId is null)
            {
                var key = Key(driver.QuestionId);
                key.ratingDriver = d;
                key.scale = driver.Scale;
                key.ratingNotApplicable =
                    plan.Survey.FindQuestion(driver.QuestionId)
                        is RatingQuestion { NotApplicable: not null };
            }
        }
        foreach (
            var group in plan
                .Drivers.Select((d, i) => (d, i))
                .Where(x => x.d.ItemId is not null)
                .GroupBy(x => x.d.QuestionId)
        )
        {
            var items = group
                .Select(x => (Encoding.UTF8.GetBytes(x.d.ItemId!), x.d.ItemId!, x.i))
                .ToArray();
            var grades = Key(group.Key);
            grades.items = items;
            grades.scale = group.First().d.Scale;
            if (group.First().d.HasComparison)
            {
                var comparisons = Key(group.Key + "_compare");
                comparisons.items = items;
                comparisons.compare = true;
            }
        }
        if (plan.Satisfaction is { } rating)
        {
            var key = Key(rating.Id);
            key.satisfaction = true;
            key.scale = rating.Scale;
            key.ratingNotApplicable |= rating.NotApplicable is not null;
        }
        for (var s = 0; s < plan.Segments.Count; s++)
        {
            if (!plan.Segments[s].IsContext)
            {
                Key(plan.Segments[s].Id).segment = s;
            }
        }
        if (plan.Consent is { } consentQuestion)
        {
            Key(consentQuestion.Id).consent = true;
        }
        return [.. keys.Values];
    }

    /// <summary>Reads the value under the reader into the row; returns what was wrong with it, or null.</summary>
    public string? Apply(ref Utf8JsonReader reader, Row row, JsonRowParser parser)
    {
        if (items is not null)
        {
            return ApplyItems(ref reader, row);
        }
        if (outcome)
        {
            if (JsonRowParser.Grade(ref reader, NpsQuestion.Scale, false) is not { } score)
            {
                return $"{Name}: {JsonRowParser.Describe(ref reader)} is not a score 0..10";
            }
            row.Outcome = (int)score;
        }
        if (ratingDriver >= 0 || satisfaction)
        {
            if (JsonRowParser.Grade(ref reader, scale, ratingNotApplicable) is not { } grade)
            {
                return $"{Name}: {JsonRowParser.Describe(ref reader)} is not a grade {JsonRowParser.Scale(scale)}";
            }
            if (ratingDriver >= 0)
            {
                row.Drivers[ratingDriver] = grade;
            }
            if (satisfaction)
            {
                row.Satisfaction = float.IsFinite(grade) ? grade : float.NaN;
            }
        }
        if (segment >= 0)
        {
            row.Segments[segment] = parser.SegmentCode(ref reader, segment);
            if (row.Segments[segment] < 0)
            {
                return $"{Name}: {JsonRowParser.Describe(ref reader)} is not one of its options";
            }
        }
        if (consent)
        {
            if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
            {
                return $"{Name}: {JsonRowParser.Describe(ref reader)} is not true or false";
            }
            row.Consent = reader.TokenType == JsonTokenType.True;
        }
        return null;
    }

    private string? ApplyItems(ref Utf8JsonReader reader, Row row)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return $"{Name}: {JsonRowParser.Describe(ref reader)} is not an object of items";
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var driver = -1;
            var id = "";
            foreach (var (item, itemId, d) in items!)
            {
                if (reader.ValueTextEquals(item))
                {
                    (driver, id) = (d, itemId);
                    break;
                }
            }
            if (driver < 0)
            {
                // An item this version of the survey does not have: skipped, like any key the analysis does not use.
                reader.Read();
                reader.Skip();
                continue;
            }
            reader.Read();
            if (compare)
            {
                var c = JsonRowParser.Compare(ref reader);
                if (c < 0)
                {
                    return $"{Name}.{id}: {JsonRowParser.Describe(ref reader)} is not worse, same or better";
                }
                row.Compare[driver] = (sbyte)c;
            }
            else if (JsonRowParser.Grade(ref reader, scale, true) is { } grade)
            {
                row.Drivers[driver] = grade;
            }
            else
            {
                return $"{Name}.{id}: {JsonRowParser.Describe(ref reader)} is not a grade {JsonRowParser.Scale(scale)} or \"na\"";
            }
        }
        return null;
    }
}
