using System;
using System.IO;
using SurveyKit.Core.Diagnostics;

namespace SurveyKit.Core.Tests.Diagnostics;

public class FileDiagnosticsTests
{
    [Fact]
    public void A_missing_file_is_a_diagnostic()
    {
        var result = SurveyLoader.LoadFile("no/such/file.survey.yaml");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(
            ("SK0083", 1, 1),
            (diagnostic.Id, diagnostic.Span.Start.Line, diagnostic.Span.Start.Column)
        );
    }

    [Fact]
    public void An_unreadable_file_is_a_diagnostic()
    {
        // /proc/self/mem exists but cannot be read from the start: a real I/O error on Linux.
        if (!File.Exists("/proc/self/mem"))
        {
            return;
        }
        var result = SurveyLoader.LoadFile("/proc/self/mem");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(
            ("SK0084", 1, 1),
            (diagnostic.Id, diagnostic.Span.Start.Line, diagnostic.Span.Start.Column)
        );
    }

    [Fact]
    public void An_exception_inside_the_loader_becomes_SK9999()
    {
        var bag = new DiagnosticBag("demo.survey.yaml");
        var result = SurveyLoader.Parse(
            "demo.survey.yaml",
            TestData.Minimal,
            bag,
            _ => throw new InvalidOperationException("boom")
        );
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(
            ("SK9999", 1, 1),
            (diagnostic.Id, diagnostic.Span.Start.Line, diagnostic.Span.Start.Column)
        );
        Assert.Contains("boom", diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(result.Survey);
    }

    [Fact]
    public void A_file_too_large_is_refused_from_its_size_alone()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".survey.yaml");
        try
        {
            using (var stream = File.Create(path))
            {
                stream.SetLength(10 * 1024 * 1024);
            }
            var diagnostic = Assert.Single(SurveyLoader.LoadFile(path).Diagnostics);
            Assert.Equal(
                ("SK0005", 1, 1),
                (diagnostic.Id, diagnostic.Span.Start.Line, diagnostic.Span.Start.Column)
            );
        }
        finally
        {
            File.Delete(path);
        }
    }
}
