using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MimeKit;

namespace SurveyKit.Collector.Tests.Alerts;

/// <summary>
/// A real SMTP server on 127.0.0.1: Debian's python3-aiosmtpd running smtp_server.py (CI installs it). The tests read
/// what it received as MIME files, parsed by MimeKit.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private readonly Process process;

    private SmtpServer(Process process, int port, string folder)
    {
        this.process = process;
        Port = port;
        Folder = folder;
    }

    public int Port { get; }
    public string Folder { get; }

    /// <summary>The Python that has aiosmtpd: Debian's, not a python3 earlier on the PATH.</summary>
    public static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    public static async Task<SmtpServer> Start(
        string? user = null,
        string? password = null,
        params string[] refuse
    )
    {
        var folder = Directory.CreateTempSubdirectory("surveykit-mail-").FullName;
        var port = DurabilityTests.FreePort();
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Alerts", "smtp_server.py"));
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(folder);
        if (user is not null)
        {
            start.ArgumentList.Add("--user");
            start.ArgumentList.Add(user);
            start.ArgumentList.Add("--password");
            start.ArgumentList.Add(password!);
        }
        foreach (var address in refuse)
        {
            start.ArgumentList.Add("--refuse");
            start.ArgumentList.Add(address);
        }
        var process = Process.Start(start)!;
        var ready = await process
            .StandardOutput.ReadLineAsync()
            .WaitAsync(TimeSpan.FromSeconds(20));
        if (ready != "ready")
        {
            throw new InvalidOperationException(
                "The test SMTP server (python3-aiosmtpd) did not start: "
                    + await process.StandardError.ReadToEndAsync()
            );
        }
        return new SmtpServer(process, port, folder);
    }

    /// <summary>The mails received so far, with the envelope the server saw (X-Envelope-To, X-Authenticated).</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        Directory.GetFiles(Folder, "*.eml").Select(f => MimeMessage.Load(f)).ToList();

    public async Task<IReadOnlyList<MimeMessage>> Until(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var messages = Messages();
            if (messages.Count >= count)
            {
                return messages;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"{count} mails expected within {timeout.TotalSeconds} s; {messages.Count} arrived"
                );
            }
            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(3000))
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        await process.WaitForExitAsync();
        process.Dispose();
        try
        {
            Directory.Delete(Folder, true);
        }
        catch (IOException)
        {
            // The system cleans its temp folder.
        }
    }
}
