using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;

namespace SurveyKit.Collector.Tests.Alerts;

/// <summary>The README's receiver (examples/alerts/receiver.py) verifies what the collector sends, and refuses a forgery.</summary>
public sealed class ReceiverExampleTests
{
    [Fact]
    public async Task The_example_receiver_verifies_a_real_alert_and_refuses_a_forged_one()
    {
        var folder = Directory.CreateTempSubdirectory("surveykit-receiver-").FullName;
        var secretFile = Path.Combine(folder, "cx-hook.secret");
        File.WriteAllText(secretFile, AlertHarness.Secret + "\n");
        var port = DurabilityTests.FreePort();
        var start = new ProcessStartInfo(SmtpServer.Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (
            var argument in new[]
            {
                Path.Combine(
                    AppContext.BaseDirectory,
                    "TestData",
                    "examples",
                    "alerts",
                    "receiver.py"
                ),
                "--port",
                port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--secret-file",
                secretFile,
            }
        )
        {
            start.ArgumentList.Add(argument);
        }
        using var receiver = Process.Start(start)!;
        try
        {
            Assert.Equal(
                $"listening on 127.0.0.1:{port}",
                await receiver.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10))
            );
            await using var smtp = await SmtpServer.Start();
            var url = $"http://127.0.0.1:{port}/alerts";
            await using var collector = await Collector.Start(o =>
                o with
                {
                    Alerts = AlertHarness.Config(url, smtp.Port),
                }
            );
            var id = Guid.NewGuid().ToString();
            await collector.PostJson(AlertHarness.Klantloyaliteit(id, 4, consent: true));
            var line = await receiver
                .StandardOutput.ReadLineAsync()
                .WaitAsync(TimeSpan.FromSeconds(10));
            Assert.StartsWith(
                $"detractor: klantloyaliteit response {id} answers {{\"recommend\": 4",
                line,
                StringComparison.Ordinal
            );

            using var http = new HttpClient();
            var forged = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent(
                    "{\"alert\":\"detractor\"}",
                    Encoding.UTF8,
                    "application/json"
                ),
            };
            forged.Headers.Add("webhook-id", "msg_forged");
            forged.Headers.Add(
                "webhook-timestamp",
                DateTimeOffset
                    .UtcNow.ToUnixTimeSeconds()
                    .ToString(System.Globalization.CultureInfo.InvariantCulture)
            );
            forged.Headers.Add(
                "webhook-signature",
                "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
            );
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(forged)).StatusCode);
        }
        finally
        {
            receiver.Kill(entireProcessTree: true);
            await receiver.WaitForExitAsync();
            Directory.Delete(folder, true);
        }
    }
}
