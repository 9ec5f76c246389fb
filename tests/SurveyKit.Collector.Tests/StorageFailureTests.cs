using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;

namespace SurveyKit.Collector.Tests;

/// <summary>
/// A full disk, for real: the collector's SQLite file on a small tmpfs (CI runs as root, as the mount needs). A full
/// disk once gave an empty 500; now each refused post is a 503 with Retry-After and a problem body, nothing half
/// stored, and the same post succeeds once there is room again.
/// </summary>
public sealed class StorageFailureTests
{
    [Fact]
    public async Task A_full_disk_gets_a_503_with_retry_after_and_the_retry_is_stored_once_there_is_room()
    {
        using var disk = SmallDisk.Mount(1024);
        var log = new StringWriter();
        await using var collector = await Collector.Start(
            o => o with { Log = TextWriter.Synchronized(log) },
            Path.Combine(disk.Folder, "responses.db")
        );
        var filler = Path.Combine(disk.Folder, "filler");
        // Fill all but about 40 KB: a few responses fit, then the disk is full.
        try
        {
            using var stream = File.Create(filler);
            var chunk = new byte[4096];
            while (new DriveInfo(disk.Folder).AvailableFreeSpace > 40 * 1024)
            {
                stream.Write(chunk);
                stream.Flush();
            }
        }
        catch (IOException)
        {
            // full already
        }
        HttpResponseMessage? refused = null;
        string? refusedId = null;
        var stored = 0;
        for (var i = 0; i < 200 && refused is null; i++)
        {
            var id = Guid.NewGuid().ToString();
            var response = await collector.PostJson(
                Collector.Submission(
                    id,
                    "\"recommend\":3,\"remarks\":\"" + new string('x', 1000) + "\""
                )
            );
            if (response.StatusCode == HttpStatusCode.Created)
            {
                stored++;
                continue;
            }
            (refused, refusedId) = (response, id);
        }
        Assert.NotNull(refused);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused!.StatusCode);
        Assert.Equal("30", refused.Headers.RetryAfter?.ToString());
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains(
            "\"rule\":\"storage\"",
            await refused.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "could not store response " + refusedId,
            log.ToString(),
            StringComparison.Ordinal
        );
        File.Delete(filler);
        var retry = await collector.PostJson(
            Collector.Submission(
                refusedId,
                "\"recommend\":3,\"remarks\":\"" + new string('x', 1000) + "\""
            )
        );
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(stored + 1, (await collector.Export("bezorging")).Length);
    }

    /// <summary>A tmpfs of a given size, mounted for one test.</summary>
    private sealed class SmallDisk : IDisposable
    {
        private SmallDisk(string folder) => Folder = folder;

        public string Folder { get; }

        public static SmallDisk Mount(int kilobytes)
        {
            var folder = Directory.CreateTempSubdirectory("surveykit-full-").FullName;
            Run("mount", $"-t tmpfs -o size={kilobytes}k tmpfs {folder}");
            return new SmallDisk(folder);
        }

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Run("umount", "-l " + Folder);
            Directory.Delete(Folder, true);
        }

        private static void Run(string command, string arguments)
        {
            using var process = Process.Start(
                new ProcessStartInfo(command, arguments)
                {
                    RedirectStandardError = true,
                    UseShellExecute = false,
                }
            )!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(
                process.ExitCode == 0,
                $"{command} {arguments} failed ({error.Trim()}): this test needs root to mount a small tmpfs, as CI has."
            );
        }
    }
}
