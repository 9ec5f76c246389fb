using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace SurveyKit.Cli.Tests;

/// <summary>
/// <c>surveykit serve</c> as a developer runs it (a process of its own): the site is served from memory with the
/// headers a static host would send, nothing outside the built site can be reached, and no development page (with
/// its live-reload script) is ever written where <c>build</c> puts the site people are sent to (issue 11, finding 11).
/// </summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_sends_the_sites_headers_serves_only_the_site_and_writes_no_development_pages()
    {
        using var cli = new CliRunner();
        cli.CopyExamples();
        Assert.Equal(0, cli.Run("build").ExitCode);
        var published = Path.Combine(cli.Folder, "_site", "klantloyaliteit", "index.html");
        var before = File.ReadAllText(published);
        // A link an attacker (or an accident) put into the output folder.
        File.CreateSymbolicLink(Path.Combine(cli.Folder, "_site", "passwd"), "/etc/passwd");
        var port = LocalServer.FreePort();
        using var process = Start(cli.Folder, port);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await LocalServer.WaitForHealth(http, "serve", TimeSpan.FromSeconds(60), process);
            var page = await http.GetAsync("/klantloyaliteit/");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("/_surveykit/reload.js", html, StringComparison.Ordinal);
            var csp = page.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/passwd")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/_headers")).StatusCode);
            Assert.Equal(
                HttpStatusCode.NotFound,
                (await http.GetAsync("/..%2F..%2F..%2Fetc%2Fpasswd")).StatusCode
            );
            Assert.Equal(before, File.ReadAllText(published));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        Assert.Equal(before, File.ReadAllText(published));
        Assert.DoesNotContain(
            Directory.GetFiles(
                Path.Combine(cli.Folder, "_site"),
                "*.html",
                SearchOption.AllDirectories
            ),
            f => File.ReadAllText(f).Contains("reload.js", StringComparison.Ordinal)
        );
    }

    private static Process Start(string folder, int port)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (
            var argument in new[]
            {
                Path.Combine(AppContext.BaseDirectory, "surveykit.dll"),
                "serve",
                "--port",
                port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }
        )
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
