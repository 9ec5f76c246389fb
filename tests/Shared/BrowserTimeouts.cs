using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace SurveyKit.Tests.Shared;

// Linked into each test project with browser tests.

/// <summary>How long a web-first assertion (Expect(...)) may wait for the page, in every browser test.</summary>
internal static class BrowserTimeouts
{
    /// <summary>
    /// Playwright's 5 s default is made for a developer's machine; CI runs the browser suites of several test
    /// assemblies at once on two cores, where a page can need longer to show what it will show. A wait that passes
    /// returns as soon as the page is right, so a long limit costs nothing then.
    /// </summary>
    public const float Expect = 30_000;

#pragma warning disable CA2255 // A test assembly sets a test-wide default here, before any test runs.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize() => Assertions.SetDefaultExpectTimeout(Expect);
}
