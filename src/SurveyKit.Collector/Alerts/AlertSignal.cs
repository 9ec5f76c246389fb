using System;
using System.Threading;
using System.Threading.Tasks;

namespace SurveyKit.Collector.Alerts;

/// <summary>
/// Wakes the dispatcher the moment a response with alerts is stored, so an alert leaves within milliseconds rather
/// than at the next poll. Many pulses while it works count as one: it looks at the whole outbox each time.
/// </summary>
public sealed class AlertSignal : IDisposable
{
    private readonly SemaphoreSlim pulse = new(0, 1);

    /// <summary>Says there is work.</summary>
    public void Pulse()
    {
        try
        {
            if (pulse.CurrentCount == 0)
            {
                pulse.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    /// <inheritdoc />
    public void Dispose() => pulse.Dispose();

    /// <summary>Waits for a pulse, at most <paramref name="timeout"/>.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        pulse.WaitAsync(timeout, cancellationToken);
}
