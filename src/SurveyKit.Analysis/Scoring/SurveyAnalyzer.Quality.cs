using System;
using System.Linq;
using SurveyKit.Analysis.Data;

namespace SurveyKit.Analysis.Scoring;

public static partial class SurveyAnalyzer
{
    /// <summary>
    /// Data quality: straight-lining is three or more graded touchpoints that all got the same grade; a speeder took
    /// less than half the median time. Both are flagged, not removed: the researcher decides.
    /// </summary>
    private static DataQuality Quality(ResponseTable table)
    {
        var grades = table.Drivers.Select(c => c.Span.ToArray()).ToArray();
        var straight = 0;
        for (var i = 0; i < table.Count; i++)
        {
            var count = 0;
            var first = 0f;
            var same = true;
            for (var d = 0; d < grades.Length && same; d++)
            {
                var grade = grades[d][i];
                if (!float.IsFinite(grade))
                {
                    continue;
                }
                if (count++ == 0)
                {
                    first = grade;
                }
                else
                {
                    same = grade == first;
                }
            }
            if (count >= 3 && same)
            {
                straight++;
            }
        }
        var durations = table.DurationMs.Span;
        var measured = new float[durations.Length];
        var n = 0;
        foreach (var duration in durations)
        {
            if (float.IsFinite(duration))
            {
                measured[n++] = duration;
            }
        }
        var threshold = double.NaN;
        var speeders = 0;
        if (n > 0)
        {
            threshold = Median(measured.AsSpan(0, n)) / 2;
            foreach (var duration in measured.AsSpan(0, n))
            {
                speeders += duration < threshold ? 1 : 0;
            }
        }
        var version = table.Plan.Survey.Version;
        var otherVersions = table.VersionCounts.Where(v => v.Key != version).Sum(v => v.Value);
        return new DataQuality(table.Duplicates, straight, speeders, threshold, otherVersions, n);
    }

    /// <summary>The median, by selection (linear time; the values are reordered).</summary>
    internal static double Median(Span<float> values)
    {
        var middle = values.Length / 2;
        var upper = Select(values, middle);
        if (values.Length % 2 == 1)
        {
            return upper;
        }
        // After selecting the middle, the lower half holds the value just below it: its largest element.
        var lower = float.MinValue;
        foreach (var value in values[..middle])
        {
            lower = Math.Max(lower, value);
        }
        return (lower + (double)upper) / 2;
    }

    /// <summary>Hoare's selection: the k-th smallest value, with smaller values before it and larger after it.</summary>
    private static float Select(Span<float> values, int k)
    {
        int left = 0,
            right = values.Length - 1;
        while (left < right)
        {
            var pivot = values[left + (right - left) / 2];
            int i = left,
                j = right;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }
                while (values[j] > pivot)
                {
                    j--;
                }
                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                break;
            }
        }
        return values[k];
    }
}
