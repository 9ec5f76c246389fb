using System.IO;

namespace SurveyKit.Tests.Shared;

// Linked into each test project with browser tests: Debian's Chromium is the only browser here, and a machine
// without it reports these tests as skipped, with the reason, rather than passing them silently.

/// <summary>A test that needs Chromium.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>How every browser test starts Chromium: headless in a container, with nothing that calls home.</summary>
    public static readonly string[] ChromiumArguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    public BrowserFactAttribute()
    {
        if (!File.Exists(ChromiumPath))
        {
            Skip =
                "Browser test skipped: "
                + ChromiumPath
                + " does not exist (apt-get install chromium).";
        }
    }
}

/// <summary>A data-driven test that needs Chromium.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!File.Exists(BrowserFactAttribute.ChromiumPath))
        {
            Skip =
                "Browser test skipped: "
                + BrowserFactAttribute.ChromiumPath
                + " does not exist (apt-get install chromium).";
        }
    }
}
