using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace SurveyKit.Tests.Shared;

/// <summary>A server the tests start on loopback (serve, collect, the native tool): a free port, and waiting until it answers.</summary>
public static class LocalServer
{
    /// <summary>A port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Waits until <c>/health</c> answers with success; fails when <paramref name="process"/> (if given) exits first or
    /// <paramref name="timeout"/> passes. <paramref name="what"/> names the server in the failure.
    /// </summary>
    public static async Task WaitForHealth(
        HttpClient http,
        string what,
        TimeSpan timeout,
        Process? process = null,
        string url = "/health"
    )
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Assert.False(process is { HasExited: true }, $"{what} exited");
            try
            {
                if ((await http.GetAsync(url)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            Assert.True(DateTime.UtcNow < deadline, $"{what} did not start");
            await Task.Delay(50);
        }
    }
}
