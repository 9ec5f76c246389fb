using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SurveyKit.Collector.Alerts;

/// <summary>
/// Posts a webhook body to its named target, signed per attempt (Standard Webhooks). A 2xx is delivered, 410 Gone
/// means the receiver is gone for good, anything else is tried again. Redirects are not followed: the collector calls
/// only the addresses its config names.
/// </summary>
public sealed class WebhookSender(AlertsConfig config, HttpClient http, TimeProvider clock)
{
    /// <summary>How long one attempt may take before it counts as failed.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>An HTTP client for webhooks: no redirects, no cookies, a bounded wait.</summary>
    public static HttpClient CreateClient() =>
        new(
            new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                ConnectTimeout = TimeSpan.FromSeconds(5),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                MaxConnectionsPerServer = 32,
            }
        )
        {
            Timeout = Timeout,
        };

    public async Task<(DeliveryResult Result, string? Error)> Send(
        OutboxMessage message,
        CancellationToken cancellationToken
    )
    {
        if (!config.Webhooks.TryGetValue(message.Target, out var target))
        {
            return (
                DeliveryResult.Retry,
                $"the webhook '{message.Target}' is not in the collector's alerts config"
            );
        }
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url)
        {
            Content = new StringContent(message.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", message.Id);
        request.Headers.Add(
            "webhook-timestamp",
            timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)
        );
        request.Headers.Add(
            "webhook-signature",
            WebhookSignature.Sign(target.Secret, message.Id, timestamp, message.Payload)
        );
        request.Headers.UserAgent.ParseAdd("SurveyKit-Collector/1");
        try
        {
            using var response = await http.SendAsync(
                request,
                HttpCompletionOption.ResponseHeadersRead,
                cancellationToken
            );
            var status = (int)response.StatusCode;
            return status switch
            {
                >= 200 and < 300 => (DeliveryResult.Delivered, null),
                410 => (
                    DeliveryResult.Gone,
                    $"{target.Name} answered 410 Gone: the receiver says it no longer takes alerts"
                ),
                >= 300 and < 400 => (
                    DeliveryResult.Retry,
                    $"{target.Name} answered {status} (a redirect, which alerts do not follow: put the final URL in alerts.json)"
                ),
                _ => (DeliveryResult.Retry, $"{target.Name} answered {status}"),
            };
        }
        catch (HttpRequestException exception)
        {
            return (
                DeliveryResult.Retry,
                $"{target.Name} could not be reached ({exception.HttpRequestError}: {exception.Message.TrimEnd('.')})"
            );
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (
                DeliveryResult.Retry,
                $"{target.Name} did not answer within {Timeout.TotalSeconds:0} seconds"
            );
        }
    }
}
