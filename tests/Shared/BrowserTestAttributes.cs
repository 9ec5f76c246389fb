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

    public const string Reason = ChromiumPath + " does not exist (apt-get install chromium)";

    // dotnet test prints a skipped test's name, not its reason, at its normal verbosity: the name carries it.
    public BrowserFactAttribute([System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        if (!File.Exists(ChromiumPath))
        {
            Skip = "Browser test skipped: " + Reason + ".";
            DisplayName = $"{test} (skipped: {Reason})";
        }
    }
}

/// <summary>A data-driven test that needs Chromium.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute(
        [System.Runtime.CompilerServices.CallerMemberName] string test = ""
    )
    {
        if (!File.Exists(BrowserFactAttribute.ChromiumPath))
        {
            Skip = "Browser test skipped: " + BrowserFactAttribute.Reason + ".";
            DisplayName = $"{test} (skipped: {BrowserFactAttribute.Reason})";
        }
    }
}
