using System;
using System.Diagnostics;

namespace SurveyKit.Tests.Shared;

// Linked into the test projects that check how work grows with the size of a hostile input.

/// <summary>
/// Asserts that work grows about linearly with the size of its input: ten times the input may take at most twenty
/// times as long (plus 5 ms for timer noise). A quadratic check fails this by far (a hundred times as long) once the
/// smaller size takes a millisecond or more, so callers choose sizes that do; an exponential one never finishes: each
/// run is also bounded by <c>limit</c>. Other test processes share the two cores of a CI machine, so one measurement
/// can be unlucky: the pair is measured up to three times and must pass once. A quadratic check fails all three.
/// </summary>
internal static class Growth
{
    /// <summary>Times <paramref name="work"/> for size <paramref name="small"/> and ten times that, best of three each.</summary>
    public static void IsLinear(Action<int> work, int small, double limitSeconds = 10)
    {
        work(small); // warm up (JIT), not timed
        var failures = new System.Collections.Generic.List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var a = Best(work, small, limitSeconds);
            var b = Best(work, small * 10, limitSeconds);
            if (b <= 20 * a + 0.005)
            {
                return;
            }
            failures.Add($"{b / Math.Max(a, 1e-9):F1}x ({a * 1000:F1} ms -> {b * 1000:F1} ms)");
        }
        Xunit.Assert.Fail(
            $"10x the input ({small} -> {small * 10}) took {string.Join(", ", failures)} as long"
        );
    }

    private static double Best(Action<int> work, int size, double limitSeconds)
    {
        var best = double.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            work(size);
            var seconds = watch.Elapsed.TotalSeconds;
            Xunit.Assert.True(
                seconds < limitSeconds,
                $"size {size} took {seconds:F1} s (limit {limitSeconds} s)"
            );
            best = Math.Min(best, seconds);
        }
        return best;
    }
}
