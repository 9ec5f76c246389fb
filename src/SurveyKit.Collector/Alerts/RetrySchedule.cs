using System;

namespace SurveyKit.Collector.Alerts;

/// <summary>
/// When a failed delivery is tried again: after about 1, 2, 4, 8, 16 and 30 seconds, 1, 2, 5, 10, 20 and 30 minutes and
/// 1 hour, then every 2 hours, each with ±20% jitter (so receivers coming back are not hit by every collector at
/// once), until 24 hours after the first attempt; then the message is dead-lettered. A brief hiccup of a receiver
/// delays an alert by seconds; a receiver down for a day still gets everything when it is back within the window.
/// </summary>
public static class RetrySchedule
{
    /// <summary>How long a message is tried before it is dead-lettered.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    private static readonly int[] Seconds =
    [
        1,
        2,
        4,
        8,
        16,
        30,
        60,
        120,
        300,
        600,
        1200,
        1800,
        3600,
    ];

    private static readonly TimeSpan Later = TimeSpan.FromHours(2);

    /// <summary>The delay after the <paramref name="failures"/>-th failure (1 for the first), without jitter.</summary>
    public static TimeSpan Delay(int failures) =>
        failures - 1 < Seconds.Length
            ? TimeSpan.FromSeconds(Seconds[Math.Max(0, failures - 1)])
            : Later;

    /// <summary>
    /// When to try again after the <paramref name="failures"/>-th failure at <paramref name="now"/>, or null when that
    /// would be past the window that began at <paramref name="windowStart"/>: then it is dead.
    /// </summary>
    public static DateTimeOffset? Next(
        int failures,
        DateTimeOffset now,
        DateTimeOffset windowStart,
        Random random
    )
    {
        var delay = Delay(failures) * (0.8 + 0.4 * random.NextDouble());
        var next = now + delay;
        return next - windowStart > Window ? null : next;
    }
}
