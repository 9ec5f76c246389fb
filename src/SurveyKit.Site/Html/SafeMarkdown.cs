using System;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SurveyKit.Site.Html;

/// <summary>
/// Markdown for intro, outro and help texts, made safe for a page that promises no scripts and no third-party
/// requests: raw HTML is shown as text, only http, https and mailto links survive (a <c>javascript:</c> link becomes
/// its text), and images become their description, since loading one would be a request to another origin.
/// </summary>
internal static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .Build();

    /// <summary>The HTML of <paramref name="markdown"/>, or an empty string.</summary>
    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var inline in System.Linq.Enumerable.ToList(document.Descendants<Inline>()))
        {
            Defuse(inline);
        }
        using var writer = new System.IO.StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString().TrimEnd('\n');
    }

    /// <summary>True for the link targets a survey text may have.</summary>
    public static bool IsAllowedUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }
        return Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https" or "mailto";
    }

    private static void Defuse(Inline inline)
    {
        switch (inline)
        {
            case LinkInline { IsImage: true } image:
                image.ReplaceBy(new LiteralInline(PlainText(image)), copyChildren: false);
                break;
            case LinkInline link when !IsAllowedUrl(link.Url):
                Unwrap(link);
                break;
            case AutolinkInline autolink
                when !IsAllowedUrl(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url):
                autolink.ReplaceBy(new LiteralInline(autolink.Url), copyChildren: false);
                break;
        }
    }

    // A link that may not stay keeps its words: its children move to where it stood.
    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        Inline at = link;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            at.InsertAfter(child);
            at = child;
            child = next;
        }
        link.Remove();
    }

    private static string PlainText(ContainerInline container)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var literal in container.Descendants<LiteralInline>())
        {
            builder.Append(literal.Content.ToString());
        }
        return builder.ToString();
    }
}
