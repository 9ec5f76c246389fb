using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using SurveyKit.Analysis.Scoring;
using SurveyKit.Analysis.Statistics;

namespace SurveyKit.Analysis.Report;

/// <summary>
/// summary.json as formats.md fixes it (NPS on -100..100, drivers sorted by importance), plus keys for the rest of the
/// report. Numbers are rounded to what a reader can use; nothing personal is ever written here.
/// </summary>
public static partial class SummaryJson
{
    /// <summary>Writes the summary of <paramref name="result"/>.</summary>
    public static void Write(AnalysisResult result, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        var table = result.Table;
        json.WriteStartObject();
        json.WriteString("survey", result.Survey.Id);
        json.WriteStartObject("versions");
        foreach (var (version, count) in table.VersionCounts)
        {
            json.WriteNumber(
                version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                count
            );
        }
        json.WriteEndObject();
        json.WriteStartObject("responses");
        json.WriteNumber("read", table.Read);
        json.WriteNumber("scored", table.Count);
        json.WriteNumber("rejected", table.Rejected);
        json.WriteNumber("duplicates", table.Duplicates);
        json.WriteEndObject();

        json.WritePropertyName("nps");
        Nps(json, result.Nps, includeCounts: true);
        // Keys that cannot be computed are null, never missing (formats.md).
        if (result.Weighted is not { } weighted)
        {
            json.WriteNull("weighted_nps");
        }
        else
        {
            json.WriteStartObject("weighted_nps");
            Number(json, "value", weighted.Value, 1);
            Pair(json, "ci95", weighted.Ci95, 1);
            Number(json, "n_eff", weighted.EffectiveN, 1);
            json.WriteNumber("n", weighted.N);
            json.WriteStartArray("raked_on");
            weighted.Variables.ToList().ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteStartObject("segments");
        foreach (var segment in result.Segments)
        {
            json.WriteStartObject(segment.Id);
            foreach (var value in segment.Values)
            {
                json.WriteStartObject(value.Value);
                Number(json, "nps", value.Nps.Value, 1);
                json.WriteNumber("n", value.Nps.N);
                Pair(json, "ci95", value.Nps.N > 0 ? value.Nps.Ci95 : NoInterval, 1);
                var vs = value.VsRest;
                json.WriteBoolean("compared", vs is not null);
                Number(json, "difference", vs?.Difference ?? double.NaN, 1);
                Pair(json, "ci95_difference", vs?.Ci95 ?? NoInterval, 1);
                P(json, "p_vs_rest", vs?.P ?? double.NaN);
                P(json, "p_holm", vs?.PAdjusted ?? double.NaN);
                json.WriteBoolean("significant", vs?.Significant ?? false);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();

        json.WriteStartObject("touchpoints");
        foreach (var touchpoint in result.Touchpoints)
        {
            json.WriteStartObject(touchpoint.Driver.Id);
            Number(json, "mean", touchpoint.Mean, 2);
            json.WriteNumber("n", touchpoint.N);
            json.WriteNumber("na", touchpoint.NotApplicable);
            Number(json, "top2", touchpoint.TopTwoBox, 3);
            Number(json, "importance", touchpoint.Importance, 4);
            if (touchpoint.Quadrant.Length > 0)
            {
                json.WriteString("quadrant", touchpoint.Quadrant);
            }
            else
            {
                json.WriteNull("quadrant");
            }
            if (touchpoint.AnalysedWith is { } with)
            {
                json.WriteString("analysed_with", with);
            }
            if (touchpoint.Comparison is { } comparison)
            {
                json.WriteStartObject("compared");
                json.WriteNumber("worse", comparison.Worse);
                json.WriteNumber("same", comparison.Same);
                json.WriteNumber("better", comparison.Better);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();

        json.WriteStartArray("drivers");
        foreach (var driver in result.Drivers?.Items ?? [])
        {
            json.WriteStartObject();
            json.WriteString("id", driver.Id);
            Number(json, "importance", driver.Lmg, 4);
            Number(json, "share", driver.SharePercent, 1);
            Pair(json, "ci95_share", driver.ShareCi95, 1);
            json.WriteNumber("sign", driver.Sign);
            Number(json, "relative_weight", driver.RelativeWeight, 4);
            Number(json, "r", driver.Correlation, 3);
            if (driver.Also.Count > 0)
            {
                json.WriteStartArray("also");
                driver.Also.ToList().ForEach(json.WriteStringValue);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (result.Drivers is not { } drivers)
        {
            json.WriteNull("driver_model");
        }
        else
        {
            json.WriteStartObject("driver_model");
            json.WriteString("method", "lmg");
            Number(json, "r2", drivers.R2, 4);
            P(json, "p", drivers.P);
            json.WriteBoolean("informative", drivers.Informative);
            Number(json, "top_ahead", drivers.TopAhead, 3);
            json.WriteString("deletion", drivers.Deletion);
            json.WriteNumber("n", drivers.N);
            json.WriteEndObject();
        }

        json.WriteStartArray("what_if");
        foreach (var scenario in result.WhatIf?.Scenarios ?? [])
        {
            json.WriteStartObject();
            json.WriteString("item", scenario.Item);
            json.WriteNumber("delta", scenario.Delta);
            Number(json, "nps", scenario.Nps, 1);
            Number(json, "change", scenario.Change, 1);
            Pair(json, "ci95_change", scenario.ChangeCi95, 1);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("priorities");
        foreach (var priority in result.Priorities)
        {
            json.WriteStartObject();
            json.WriteString("id", priority.Id);
            Number(json, "score", priority.Score, 1);
            json.WriteString("quadrant", priority.Quadrant);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        if (result.SatisfactionLoyalty is not { } quadrant)
        {
            json.WriteNull("satisfaction_loyalty");
        }
        else
        {
            json.WriteStartObject("satisfaction_loyalty");
            json.WriteNumber("loyal", quadrant.Loyal);
            json.WriteNumber("satisfied_not_loyal", quadrant.SatisfiedNotLoyal);
            json.WriteNumber("loyal_not_satisfied", quadrant.LoyalNotSatisfied);
            json.WriteNumber("neither", quadrant.Neither);
            json.WriteEndObject();
        }
        if (result.Complaints is not { } complaints)
        {
            json.WriteNull("complaints");
        }
        else
        {
            json.WriteStartObject("complaints");
            json.WritePropertyName("resolved");
            Nps(json, complaints.Resolved, includeCounts: false);
            json.WritePropertyName("unresolved");
            Nps(json, complaints.Unresolved, includeCounts: false);
            var test = complaints.ResolvedVsUnresolved;
            json.WriteBoolean("compared", test is not null);
            Number(json, "difference", test?.Difference ?? double.NaN, 1);
            P(json, "p", test?.P ?? double.NaN);
            P(json, "p_holm", test?.PAdjusted ?? double.NaN);
            json.WriteEndObject();
        }
        json.WriteStartObject("quality");
        json.WriteNumber("duplicates", result.Quality.Duplicates);
        json.WriteNumber("straight_lining", result.Quality.StraightLiners);
        json.WriteNumber("speeders", result.Quality.Speeders);
        json.WriteNumber("other_versions", result.Quality.OtherVersions);
        json.WriteEndObject();
        json.WriteNumber("follow_up", table.FollowUps.Count);
        Trend(json, result);
        Accounts(json, result);
        Alerts(json, result);
        Invitations(json, result);
        Themes(json, result);
        Mapping(json, table);
        json.WriteStartArray("notes");
        foreach (var note in result.Notes)
        {
            json.WriteStartObject();
            json.WriteString("key", note.Key);
            json.WriteStartArray("args");
            foreach (var argument in note.Arguments)
            {
                switch (argument)
                {
                    case NoteNumber n:
                        json.WriteNumberValue(n.Value);
                        break;
                    case int i:
                        json.WriteNumberValue(i);
                        break;
                    case long l:
                        json.WriteNumberValue(l);
                        break;
                    default:
                        json.WriteStringValue(AnalysisNote.Plain(argument));
                        break;
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Nps(Utf8JsonWriter json, NpsSummary nps, bool includeCounts)
    {
        json.WriteStartObject();
        Number(json, "value", nps.Value, 1);
        json.WriteNumber("n", nps.N);
        if (includeCounts)
        {
            json.WriteNumber("promoters", nps.Promoters);
            json.WriteNumber("passives", nps.Passives);
            json.WriteNumber("detractors", nps.Detractors);
        }
        Pair(json, "ci95", nps.N > 0 ? nps.Ci95 : NoInterval, 1);
        json.WriteString("method", nps.Fallback ? "adjusted-wald" : nps.Method);
        json.WriteEndObject();
    }

    private static readonly Interval NoInterval = new(double.NaN, double.NaN);

    /// <summary>A p-value with three significant digits, so that 4e-10 is not written as 0; null when not computed.</summary>
    private static void P(Utf8JsonWriter json, string name, double p)
    {
        if (!double.IsFinite(p))
        {
            json.WriteNull(name);
            return;
        }
        var digits = p <= 0 ? 0 : Math.Max(4, 3 - (int)Math.Floor(Math.Log10(p)) - 1);
        json.WriteNumber(name, Math.Round(p, Math.Min(15, digits)) + 0.0);
    }

    /// <summary>A number, or null when it cannot be computed (JSON has no NaN).</summary>
    private static void Number(Utf8JsonWriter json, string name, double value, int digits)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, Math.Round(value, digits, MidpointRounding.AwayFromZero) + 0.0);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Pair(Utf8JsonWriter json, string name, Interval interval, int digits)
    {
        json.WriteStartArray(name);
        foreach (var bound in new[] { interval.Low, interval.High })
        {
            if (double.IsFinite(bound))
            {
                json.WriteNumberValue(
                    Math.Round(bound, digits, MidpointRounding.AwayFromZero) + 0.0
                );
            }
            else
            {
                json.WriteNullValue();
            }
        }
        json.WriteEndArray();
    }
}
