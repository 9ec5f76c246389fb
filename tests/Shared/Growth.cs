using System;
using System.Diagnostics;

namespace SurveyKit.Tests.Shared;

// Linked into the test projects that check how work grows with the size of a hostile input.

/// <summary>
/// Asserts that work grows about linearly with the size of its input: ten times the input may take at most twenty
/// times as long (plus a small allowance for timer noise on a busy CI machine). A quadratic check fails this by far
/// (a hundred times as long), an exponential one never finishes: each run is also bounded by <c>limit</c>.
/// </summary>
internal static class Growth
{
    /// <summary>Times <paramref name="work"/> for size <paramref name="small"/> and ten times that, best of three each.</summary>
    public static void IsLinear(Action<int> work, int small, double limitSeconds = 10)
    {
        work(small); // warm up (JIT), not timed
        var a = Best(work, small, limitSeconds);
        var b = Best(work, small * 10, limitSeconds);
        Xunit.Assert.True(
            b <= 20 * a + 0.05,
            $"10x the input ({small} -> {small * 10}) took {b / Math.Max(a, 1e-9):F1}x as long ({a * 1000:F1} ms -> {b * 1000:F1} ms)"
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
