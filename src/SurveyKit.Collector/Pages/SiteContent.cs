using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace SurveyKit.Collector.Pages;

/// <summary>
/// A built site held in memory, for <c>surveykit serve</c>: the pages it serves exist nowhere on disk, so no link in a
/// folder can lead a request out of the site (a symlink to /etc/passwd was once served), and no development page
/// (with its live-reload script) is ever left where <c>build</c> writes. A rebuild replaces the whole set at once.
/// The site's own <c>_headers</c> file (what Netlify and Cloudflare Pages apply) is applied here too.
/// </summary>
public sealed class SiteContent
{
    private volatile Snapshot current = new(
        new Dictionary<string, Entry>(StringComparer.Ordinal),
        SiteHeaders.None
    );

    /// <summary>A site of <paramref name="files"/> (paths relative to the root, with '/').</summary>
    public SiteContent(IEnumerable<(string Path, byte[] Bytes)> files) => Replace(files);

    /// <summary>Puts <paramref name="files"/> in place of the current site.</summary>
    public void Replace(IEnumerable<(string Path, byte[] Bytes)> files)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var headers = SiteHeaders.None;
        foreach (var (path, bytes) in files)
        {
            var key = "/" + path.Replace('\\', '/').TrimStart('/');
            if (key == "/_headers")
            {
                headers = SiteHeaders.Parse(System.Text.Encoding.UTF8.GetString(bytes));
                continue; // a file for the host, not for visitors
            }
            entries[key] = new Entry(
                bytes,
                ContentType(key),
                "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\""
            );
        }
        current = new Snapshot(entries, headers);
    }

    /// <summary>Serves a GET or HEAD of a site file; false when the path is not one (the next handler decides).</summary>
    public async Task<bool> TryServe(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }
        var snapshot = current;
        var path = request.Path.Value ?? "/";
        if (!snapshot.Files.TryGetValue(path, out var entry))
        {
            // A folder's index.html, as static hosts serve it (/klantloyaliteit/ and /klantloyaliteit).
            var index = path.EndsWith('/') ? path + "index.html" : path + "/index.html";
            if (!snapshot.Files.TryGetValue(index, out entry))
            {
                return false;
            }
            if (!path.EndsWith('/'))
            {
                context.Response.Redirect(path + "/" + request.QueryString);
                return true;
            }
        }
        var response = context.Response;
        snapshot.Headers.Apply(path, response.Headers);
        response.Headers.ETag = entry.ETag;
        if (request.Headers.IfNoneMatch == entry.ETag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return true;
        }
        response.ContentType = entry.ContentType;
        response.ContentLength = entry.Bytes.Length;
        if (HttpMethods.IsGet(request.Method))
        {
            await response.Body.WriteAsync(entry.Bytes, context.RequestAborted);
        }
        return true;
    }

    private static string ContentType(string path) =>
        System.IO.Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".html" => "text/html; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".svg" => "image/svg+xml",
            ".json" => "application/json",
            ".txt" => "text/plain; charset=utf-8",
            ".png" => "image/png",
            ".ico" => "image/x-icon",
            _ => "application/octet-stream",
        };

    private sealed record Entry(byte[] Bytes, string ContentType, string ETag);

    private sealed record Snapshot(Dictionary<string, Entry> Files, SiteHeaders Headers);

    /// <summary>The paths of the current site (for tests and the console).</summary>
    public IReadOnlyCollection<string> Paths => current.Files.Keys.ToList();
}
