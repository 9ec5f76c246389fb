using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using SurveyKit.Collector.Alerts;
using SurveyKit.Core.Model;

namespace SurveyKit.Collector.Tests.Alerts;

/// <summary>A collector with alerts on, a webhook receiver and an SMTP server, all real and on loopback.</summary>
public sealed class AlertHarness : IAsyncDisposable
{
    public static readonly string Secret =
        "whsec_"
        + Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray());

    private AlertHarness(Collector collector, WebhookReceiver receiver, SmtpServer smtp)
    {
        Collector = collector;
        Receiver = receiver;
        Smtp = smtp;
    }

    public Collector Collector { get; }
    public WebhookReceiver Receiver { get; }
    public SmtpServer Smtp { get; }

    public static async Task<AlertHarness> Start(
        IReadOnlyList<Survey>? surveys = null,
        string? database = null,
        WebhookReceiver? receiver = null
    )
    {
        receiver ??= await WebhookReceiver.Start(Secret);
        var smtp = await SmtpServer.Start();
        var collector = await Collector.Start(
            options =>
                options with
                {
                    Surveys = surveys ?? Collector.Examples(),
                    Alerts = Config(receiver.Url, smtp.Port),
                },
            database
        );
        return new AlertHarness(collector, receiver, smtp);
    }

    public static AlertsConfig Config(string url, int smtpPort) =>
        new(
            new Dictionary<string, WebhookTarget>
            {
                ["cx-hook"] = new(
                    "cx-hook",
                    new Uri(url),
                    Convert.FromBase64String(Secret["whsec_".Length..])
                ),
            },
            new SmtpSettings("127.0.0.1", smtpPort, "cx@example.org", "none", null, null)
        );

    /// <summary>A valid klantloyaliteit response.</summary>
    public static string Klantloyaliteit(
        string id,
        int recommend,
        bool consent,
        string segment = "b2c",
        string lang = "nl",
        string reason = "Te lang wachten",
        string email = "jan@example.com"
    ) =>
        "{\"responseId\":\""
        + id
        + "\",\"survey\":\"klantloyaliteit\",\"version\":1,\"lang\":\""
        + lang
        + "\","
        + "\"context\":{\"segment\":\""
        + segment
        + "\",\"customer\":\"C42\"},\"answers\":{\"recommend\":"
        + recommend
        + (recommend <= 8 ? ",\"reason\":" + System.Text.Json.JsonSerializer.Serialize(reason) : "")
        + ",\"satisfaction\":2,\"touchpoints\":{\"website\":8,\"service\":7}"
        + ",\"contact_ok\":"
        + (consent ? "true" : "false")
        + (consent ? ",\"email\":\"" + email + "\"" : "")
        + "}}";

    public async Task<HttpResponseMessage> Post(string json)
    {
        var response = await Collector.PostJson(json);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException(
                $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}"
            );
        }
        return response;
    }

    public async ValueTask DisposeAsync()
    {
        await Collector.DisposeAsync();
        await Receiver.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
