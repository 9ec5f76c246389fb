using System;

namespace SurveyKit.Collector.Http;

/// <summary>
/// The <c>_next</c> field of a form post: where the browser goes after a post without JavaScript. Only a path on the
/// collector's own site is followed, read the way a browser would read it, so the collector never becomes an open
/// redirect: "/\t/other-host/path" once sent Chromium to another origin, because browsers drop tabs and line breaks
/// from URLs and read "//" as the start of a host.
/// </summary>
internal static class NextPath
{
    /// <summary>A path longer than this is not a page of a survey site.</summary>
    public const int MaxLength = 2048;

    private static readonly Uri Origin = new("http://collector.invalid/");

    /// <summary>
    /// The path to redirect to (null when the field is absent or empty), or false when <paramref name="value"/> is
    /// not a path on this site.
    /// </summary>
    public static bool TryRead(string? value, out string? path)
    {
        path = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }
        if (
            value.Length > MaxLength
            || value[0] != '/'
            || value.StartsWith("//", StringComparison.Ordinal)
        )
        {
            return false;
        }
        foreach (var c in value)
        {
            // Printable ASCII only: control characters (tab, CR, LF: dropped by browsers, or a split header),
            // spaces and format characters (U+202E reorders what a person reads) are never in a path the site
            // wrote, and backslashes are read as '/'.
            if (c is <= ' ' or > '~' or '\\')
            {
                return false;
            }
        }
        if (
            !Uri.TryCreate(Origin, value, out var resolved)
            || resolved.Scheme != Origin.Scheme
            || resolved.Authority != Origin.Authority
        )
        {
            return false;
        }
        // Dot segments are resolved by then: "/.//evil.example/x" becomes "//evil.example/x", which a browser reads as
        // another host. What is followed is checked again, as it is sent.
        path = resolved.PathAndQuery + resolved.Fragment;
        return path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal);
    }
}
