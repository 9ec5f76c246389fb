using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using SurveyKit.Collector.Http;
using SurveyKit.Collector.Storage;

namespace SurveyKit.Collector.Privacy;

/// <summary>
/// Once at start and then once a day, removes the personal data that the collector's surveys keep no longer than
/// their <c>privacy.retention_days</c>, and says in the log what it removed.
/// </summary>
internal sealed class DailyPurge(
    SurveyCatalog surveys,
    IResponseStore store,
    TimeProvider clock,
    TextWriter log
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var survey in surveys.All)
            {
                try
                {
                    if (
                        await Retention.Purge(store, survey, clock.GetUtcNow(), stoppingToken)
                            is { } removed
                        && removed.Responses + removed.Invitations + removed.Alerts > 0
                    )
                    {
                        log.WriteLine(
                            $"{clock.GetUtcNow():O} privacy: removed personal data older than {survey.RetentionDays} days from {survey.Id}: {removed.Responses} responses, {removed.Invitations} invitations, {removed.Alerts} alert deliveries"
                        );
                    }
                }
                catch (Exception exception)
                    when (StoreFailure.IsStorage(exception)
                        && !stoppingToken.IsCancellationRequested
                    )
                {
                    log.WriteLine(
                        $"{clock.GetUtcNow():O} privacy: the purge of {survey.Id} failed and is tried again tomorrow: {StoreFailure.Describe(exception)}"
                    );
                }
            }
            await Task.Delay(TimeSpan.FromDays(1), clock, stoppingToken);
        }
    }
}
