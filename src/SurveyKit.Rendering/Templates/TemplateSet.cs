using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Text;

namespace SurveyKit.Rendering.Templates;

/// <summary>
/// One set of templates and assets: the built-in ones (embedded by the assembly that uses them, under a prefix such
/// as <c>site/</c> or <c>report/</c>, from the repository's templates folder) with a workspace's files of the same name
/// in their place (<c>templates/site/...</c>). Every template is parsed once; a render never parses. The pages, the
/// report, the analysis scaffold and the mails are all rendered this one way.
/// </summary>
public sealed class TemplateSet : ITemplateLoader
{
    // Scriban's built-in functions, made once: a new TemplateContext otherwise builds them again for every page.
    // Templates assign to the page's own globals, never to these, so threads can share them.
    private static readonly ScriptObject Builtins = TemplateContext.GetDefaultBuiltinObject();
    private readonly Dictionary<string, Template> templates;
    private readonly Dictionary<string, byte[]> assets;
    private readonly Dictionary<string, string> shownAs;

    private TemplateSet(
        Dictionary<string, Template> templates,
        Dictionary<string, byte[]> assets,
        Dictionary<string, string> shownAs
    )
    {
        this.templates = templates;
        this.assets = assets;
        this.shownAs = shownAs;
    }

    /// <summary>The assets (CSS, JavaScript) by name, such as <c>surveykit.css</c>.</summary>
    public IReadOnlyDictionary<string, byte[]> Assets => assets;

    /// <summary>
    /// Loads the built-in files that <paramref name="resources"/> embeds under <paramref name="prefix"/> (as
    /// <c>prefix/name</c>) and the overrides in <paramref name="overrideFolder"/>'s folder of that name. A template
    /// that does not parse is a located SK0085 in <paramref name="diagnostics"/>.
    /// </summary>
    /// <param name="resources">The assembly that embeds the built-in templates.</param>
    /// <param name="prefix">The set: <c>site</c>, <c>report</c>, <c>analysis</c>, <c>mail</c>.</param>
    /// <param name="overrideFolder">The workspace's templates folder, or null.</param>
    /// <param name="display">How a path is shown in diagnostics.</param>
    /// <param name="diagnostics">Where template errors go.</param>
    public static TemplateSet Load(
        Assembly resources,
        string prefix,
        string? overrideFolder,
        Func<string, string> display,
        List<Diagnostic> diagnostics
    )
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(display);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var sources = new Dictionary<string, (byte[] Bytes, string ShownAs, bool Own)>(
            StringComparer.Ordinal
        );
        foreach (
            var resource in resources
                .GetManifestResourceNames()
                .Where(n => n.StartsWith(prefix + "/", StringComparison.Ordinal))
        )
        {
            sources[resource.Substring(prefix.Length + 1)] = (
                Read(resources, resource),
                "(built-in) templates/" + resource,
                true
            );
        }
        var folder = overrideFolder is null ? null : Path.Combine(overrideFolder, prefix);
        if (folder is not null && Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                var name = Path.GetRelativePath(folder, file).Replace('\\', '/');
                var bytes = File.ReadAllBytes(file);
                // A copy of the built-in file (SurveyKit's own repository is such a workspace) is still SurveyKit's own.
                var own =
                    sources.TryGetValue(name, out var builtIn)
                    && builtIn.Bytes.AsSpan().SequenceEqual(bytes);
                sources[name] = (bytes, display(file), own);
            }
        }
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        var assets = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var shownAs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, source) in sources.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            shownAs[name] = source.ShownAs;
            if (name.StartsWith("assets/", StringComparison.Ordinal))
            {
                var asset = name.Substring("assets/".Length);
                assets[asset] = AssetTrimmer.Trim(asset, source.Bytes, squeeze: source.Own);
                continue;
            }
            if (!IsTemplate(name))
            {
                continue;
            }
            var text = System.Text.Encoding.UTF8.GetString(source.Bytes).TrimStart('\uFEFF');
            var template = Template.Parse(text, name);
            if (template.HasErrors)
            {
                foreach (var message in template.Messages)
                {
                    diagnostics.Add(Error(source.ShownAs, message.Span, message.Message));
                }
                continue;
            }
            templates[name] = template;
        }
        return new TemplateSet(templates, assets, shownAs);
    }

    // Scriban templates: HTML (.sbn-html), Markdown (.sbn-md), text and code (.sbn: Program.cs.sbn).
    private static bool IsTemplate(string name) =>
        name.EndsWith(".sbn-html", StringComparison.Ordinal)
        || name.EndsWith(".sbn-md", StringComparison.Ordinal)
        || name.EndsWith(".sbn", StringComparison.Ordinal);

    /// <summary>True when the template <paramref name="name"/> exists.</summary>
    public bool Has(string name) => templates.ContainsKey(name);

    /// <summary>
    /// Renders <paramref name="name"/> with <paramref name="page"/> as <c>page</c>. A failure while rendering (a
    /// missing include, a bad member in an override) becomes an SK0085 at the template's line rather than an exception.
    /// </summary>
    public string Render(string name, object page, out Diagnostic? error) =>
        Render(name, new ScriptObject { ["page"] = page }, out error);

    /// <summary>Renders <paramref name="name"/> with <paramref name="globals"/> as its variables.</summary>
    public string Render(string name, ScriptObject globals, out Diagnostic? error)
    {
        error = null;
        if (!templates.TryGetValue(name, out var template))
        {
            error = Error(name, default, $"the template '{name}' is missing.");
            return "";
        }
        var context = new SharedAccessorsContext(Builtins)
        {
            TemplateLoader = this,
            LoopLimit = 0,
            LimitToString = 0,
            StrictVariables = false,
            EnableRelaxedMemberAccess = true,
            // No template indents an include; with auto-indent on, every written text is searched for line breaks
            // (about 5% of rendering). templates/README.md says so for overrides.
            AutoIndent = false,
        };
        foreach (var (key, value) in templates)
        {
            context.CachedTemplates[key] = value;
        }
        context.PushGlobal(globals);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException exception)
        {
            var file = shownAs.GetValueOrDefault(exception.Span.FileName ?? name, name);
            error = Error(file, exception.Span, exception.OriginalMessage);
            return "";
        }
    }

    /// <summary>
    /// A context that shares how it reads a .NET type's members with every other render. Scriban caches a type's
    /// accessor (its properties found by reflection, their names turned into snake_case) per context, and a context
    /// serves one render: 2,000 pages made the same accessors 2,000 times (in the native tool, reflection is slower
    /// still). The accessors hold no state of a render, and the rules for names are the same in every context here.
    /// </summary>
    private sealed class SharedAccessorsContext(ScriptObject builtins) : TemplateContext(builtins)
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<
            Type,
            IObjectAccessor
        > Accessors = new();

        protected override IObjectAccessor? GetMemberAccessorImpl(object target)
        {
            var type = target.GetType();
            if (Accessors.TryGetValue(type, out var accessor))
            {
                return accessor;
            }
            var made = base.GetMemberAccessorImpl(target);
            return made is null ? null : Accessors.GetOrAdd(type, made);
        }
    }

    string ITemplateLoader.GetPath(
        TemplateContext context,
        Scriban.Parsing.SourceSpan callerSpan,
        string templateName
    ) => templateName;

    string ITemplateLoader.Load(
        TemplateContext context,
        Scriban.Parsing.SourceSpan callerSpan,
        string templatePath
    ) =>
        throw new ScriptRuntimeException(
            callerSpan,
            $"the template '{templatePath}' does not exist."
        );

    System.Threading.Tasks.ValueTask<string?> ITemplateLoader.LoadAsync(
        TemplateContext context,
        Scriban.Parsing.SourceSpan callerSpan,
        string templatePath
    ) =>
        throw new ScriptRuntimeException(
            callerSpan,
            $"the template '{templatePath}' does not exist."
        );

    private static Diagnostic Error(string file, Scriban.Parsing.SourceSpan span, string message)
    {
        // Scriban's lines and columns are 0-based.
        var start = new SourcePosition(
            span.Start.Line + 1,
            span.Start.Column + 1,
            span.Start.Offset
        );
        return DiagnosticDescriptors.TemplateError.At(
            file,
            new Core.Text.SourceSpan(start, start),
            message
        );
    }

    private static byte[] Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
