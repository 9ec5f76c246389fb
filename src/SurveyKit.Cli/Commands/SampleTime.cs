using System;
using System.Collections.Generic;
using System.Globalization;
using SurveyKit.Analysis.Sampling;

namespace SurveyKit.Cli.Commands;

/// <summary>The months and planted shifts of <c>surveykit sample --periods 2026-01..2026-06 --shift service=+0.8@2026-04</c>.</summary>
internal static class SampleTime
{
    /// <summary>Sample data over more than ten years is a mistake, not a trend.</summary>
    private const int MaxMonths = 120;

    /// <summary>A month range (or one month) as the start of its first month and the start of the month after its last.</summary>
    public static bool TryParsePeriods(
        string text,
        out DateTimeOffset start,
        out DateTimeOffset end,
        out string problem
    )
    {
        (start, end, problem) = (default, default, "");
        var parts = text.Split("..", 2, StringSplitOptions.TrimEntries);
        if (
            !TryParseMonth(parts[0], out var first)
            || !TryParseMonth(parts.Length == 2 ? parts[1] : parts[0], out var last)
        )
        {
            problem =
                $"--periods takes months as YYYY-MM..YYYY-MM, such as 2026-01..2026-06; '{text}' is not that.";
            return false;
        }
        if (last < first)
        {
            problem = $"--periods {text} ends before it starts.";
            return false;
        }
        var months = (last.Year - first.Year) * 12 + last.Month - first.Month + 1;
        if (months > MaxMonths)
        {
            problem = $"--periods {text} spans {months} months; at most {MaxMonths}.";
            return false;
        }
        (start, end) = (first, last.AddMonths(1));
        return true;
    }

    /// <summary>Shifts as driver=delta@month pairs, separated by commas.</summary>
    public static bool TryParseShifts(
        string text,
        out IReadOnlyList<SampleShift> shifts,
        out string problem
    )
    {
        var parsed = new List<SampleShift>();
        (shifts, problem) = (parsed, "");
        foreach (
            var pair in text.Split(
                ',',
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
            )
        )
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var at = pair.LastIndexOf('@');
            if (
                equals <= 0
                || at < equals
                || !double.TryParse(
                    pair[(equals + 1)..at],
                    NumberStyles.Float,
                    CultureInfo.InvariantCulture,
                    out var delta
                )
                || !double.IsFinite(delta)
                || !TryParseMonth(pair[(at + 1)..], out var from)
            )
            {
                problem =
                    $"--shift takes driver=delta@month, such as service=+0.8@2026-04; '{pair}' is not one.";
                return false;
            }
            parsed.Add(new SampleShift(pair[..equals].Trim(), delta, from));
        }
        return true;
    }

    private static bool TryParseMonth(string text, out DateTimeOffset month)
    {
        var ok = DateTime.TryParseExact(
            text,
            "yyyy-MM",
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var date
        );
        month = ok ? new DateTimeOffset(date, TimeSpan.Zero) : default;
        return ok;
    }
}
