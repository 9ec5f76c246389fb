using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;

namespace SurveyKit.Cli.Tests;

/// <summary>
/// The surveykit tool as users on Linux x64 install it: compiled ahead of time and trimmed (issue 17). Trimming removes
/// what nothing seems to use, and Scriban, MiniExcel and Parquet.Net find members by reflection, so every kind of
/// output is made by the installed native tool and compared byte for byte with the same command run in-process (the
/// JIT build every other test checks): pages, reports with their tables, parquet and SPSS files, exports, and a
/// collector that takes submissions. .ci/run packs and installs the tool and sets SURVEYKIT_TEST_NATIVE_TOOL.
/// </summary>
public sealed class NativeToolTests
{
    [NativeToolFact]
    public void Check_and_build_write_what_the_jit_build_writes()
    {
        using var cli = new CliRunner();
        cli.CopyExamples();
        var check = Native(cli.Folder, "check");
        Assert.Equal(0, check.ExitCode);
        Assert.Equal(cli.Run("check").Output, check.Output);
        Assert.Equal(0, cli.Run("build", "--out", "jit").ExitCode);
        var build = Native(cli.Folder, "build", "--out", "native");
        Assert.Equal(0, build.ExitCode);
        AssertSameFiles(Path.Combine(cli.Folder, "jit"), Path.Combine(cli.Folder, "native"));
        Assert.True(
            Directory
                .GetFiles(
                    Path.Combine(cli.Folder, "native"),
                    "index.html",
                    SearchOption.AllDirectories
                )
                .Length >= 6
        );
    }

    [NativeToolFact]
    public void Analyze_with_tables_and_a_codebook_writes_what_the_jit_build_writes()
    {
        using var cli = new CliRunner();
        cli.CopyExamples();
        var survey = Path.Combine("examples", "klantloyaliteit", "klantloyaliteit.survey.yaml");
        Assert.Equal(
            0,
            Native(cli.Folder, "sample", survey, "--n", "3000", "-o", "s.jsonl").ExitCode
        );
        Assert.Equal(0, cli.Run("sample", survey, "--n", "3000", "-o", "jit.jsonl").ExitCode);
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(cli.Folder, "jit.jsonl")),
            File.ReadAllBytes(Path.Combine(cli.Folder, "s.jsonl"))
        );
        Assert.Equal(0, cli.Run("analyze", survey, "s.jsonl", "--tables", "--out", "jit").ExitCode);
        var native = Native(
            cli.Folder,
            "analyze",
            survey,
            "s.jsonl",
            "--tables",
            "--out",
            "native"
        );
        Assert.Equal(0, native.ExitCode);
        Assert.Contains("Read 3,000: scored 3,000", native.Output, StringComparison.Ordinal);
        var files = AssertSameFiles(
            Path.Combine(cli.Folder, "jit"),
            Path.Combine(cli.Folder, "native")
        );
        foreach (
            var expected in new[]
            {
                "report.html",
                "summary.json",
                "responses.parquet",
                "responses.sav",
            }
        )
        {
            Assert.Contains(expected, files);
        }
        // The CSV export's form too: its times and grades have parsers of their own.
        Assert.Equal(0, cli.Run("sample", survey, "--n", "3000", "-o", "s.csv").ExitCode);
        Assert.Equal(0, cli.Run("analyze", survey, "s.csv", "--out", "jit-csv").ExitCode);
        Assert.Equal(
            0,
            Native(cli.Folder, "analyze", survey, "s.csv", "--out", "native-csv").ExitCode
        );
        AssertSameFiles(
            Path.Combine(cli.Folder, "jit-csv"),
            Path.Combine(cli.Folder, "native-csv")
        );
    }

    [NativeToolFact]
    public async Task The_native_collector_stores_answers_refuses_bad_ones_and_its_exports_match()
    {
        using var cli = new CliRunner();
        cli.CopyExamples();
        var survey = Path.Combine("examples", "klantloyaliteit", "klantloyaliteit.survey.yaml");
        Assert.Equal(0, cli.Run("sample", survey, "--n", "40", "-o", "s.jsonl").ExitCode);
        var port = LocalServer.FreePort();
        using var collector = Start(
            cli.Folder,
            "collect",
            "--survey",
            survey,
            "--db",
            "responses.db",
            "--urls",
            $"http://127.0.0.1:{port}"
        );
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await LocalServer.WaitForHealth(http, "collect", TimeSpan.FromSeconds(30), collector);
            foreach (var line in File.ReadLines(Path.Combine(cli.Folder, "s.jsonl")))
            {
                using var body = new StringContent(line, Encoding.UTF8, "application/json");
                var stored = await http.PostAsync("/api/responses", body);
                Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
                Assert.Contains(
                    "\"stored\":true",
                    await stored.Content.ReadAsStringAsync(),
                    StringComparison.Ordinal
                );
            }
            var first = File.ReadLines(Path.Combine(cli.Folder, "s.jsonl")).First();
            using (var again = new StringContent(first, Encoding.UTF8, "application/json"))
            {
                var duplicate = await http.PostAsync("/api/responses", again);
                Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
                Assert.Contains(
                    "\"duplicate\":true",
                    await duplicate.Content.ReadAsStringAsync(),
                    StringComparison.Ordinal
                );
            }
            using (
                var bad = new StringContent(
                    "{\"survey\":\"klantloyaliteit\"}",
                    Encoding.UTF8,
                    "application/json"
                )
            )
            {
                var refused = await http.PostAsync("/api/responses", bad);
                Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
                Assert.Equal(
                    "application/problem+json",
                    refused.Content.Headers.ContentType?.MediaType
                );
                Assert.Contains(
                    "\"errors\":[",
                    await refused.Content.ReadAsStringAsync(),
                    StringComparison.Ordinal
                );
            }
            var health = await (await http.GetAsync("/health")).Content.ReadAsStringAsync();
            Assert.Contains("\"status\":\"ok\"", health, StringComparison.Ordinal);
            Assert.Contains("\"responses\":40", health, StringComparison.Ordinal);
            Assert.Contains("\"invitations\":{\"invited\":0", health, StringComparison.Ordinal);
        }
        finally
        {
            collector.Kill(entireProcessTree: true);
            await collector.WaitForExitAsync();
        }
        foreach (var format in new[] { "jsonl", "csv", "sav", "xlsx" })
        {
            var args = new[]
            {
                "export",
                "--db",
                "responses.db",
                "--survey",
                survey,
                "--format",
                format,
            };
            Assert.Equal(0, cli.Run([.. args, "-o", "jit." + format]).ExitCode);
            Assert.Equal(0, Native(cli.Folder, [.. args, "-o", "native." + format]).ExitCode);
            var jit = File.ReadAllBytes(Path.Combine(cli.Folder, "jit." + format));
            var native = File.ReadAllBytes(Path.Combine(cli.Folder, "native." + format));
            if (format == "xlsx")
            {
                // A workbook is a zip whose entries carry the time they were written: compare the entries.
                Assert.Equal(Entries(jit), Entries(native));
            }
            else if (format == "sav")
            {
                jit.AsSpan(92, 17).Fill((byte)'#');
                native.AsSpan(92, 17).Fill((byte)'#');
                Assert.Equal(jit, native);
            }
            else
            {
                Assert.Equal(jit, native);
            }
        }
    }

    private static string[] Entries(byte[] workbook)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(workbook));
        return zip
            .Entries.OrderBy(e => e.FullName, StringComparer.Ordinal)
            .Select(e =>
            {
                using var reader = new StreamReader(e.Open());
                // MiniExcel names the sheets' relationships with fresh GUIDs.
                return e.FullName
                    + "\n"
                    + System.Text.RegularExpressions.Regex.Replace(
                        reader.ReadToEnd(),
                        "R[0-9a-f]{32}",
                        "R#"
                    );
            })
            .ToArray();
    }

    // Every file under both folders, compared byte for byte; returns the file names.
    private static string[] AssertSameFiles(string expected, string actual)
    {
        static string[] List(string folder) =>
            Directory
                .GetFiles(folder, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(folder, f))
                .Order(StringComparer.Ordinal)
                .ToArray();
        var names = List(expected);
        Assert.Equal(names, List(actual));
        Assert.NotEmpty(names);
        foreach (var name in names)
        {
            Assert.True(
                Comparable(Path.Combine(expected, name))
                    .AsSpan()
                    .SequenceEqual(Comparable(Path.Combine(actual, name))),
                $"{name} differs between the JIT build and the native tool"
            );
        }
        return names.Select(Path.GetFileName).ToArray()!;
    }

    // An SPSS file's header holds the time it was written (offsets 92-108: date and time): the rest must be equal.
    private static byte[] Comparable(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (path.EndsWith(".sav", StringComparison.Ordinal))
        {
            bytes.AsSpan(92, 17).Fill((byte)'#');
        }
        return bytes;
    }

    private static (int ExitCode, string Output) Native(string folder, params string[] args)
    {
        var (code, output, error) = NativeTool.Run(folder, args);
        Assert.True(error.Length == 0 || code == 0, error);
        return (code, output);
    }

    private static Process Start(string folder, params string[] args) =>
        NativeTool.Start(folder, args);
}
