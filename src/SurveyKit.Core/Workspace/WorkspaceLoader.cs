using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Text;
using SurveyKit.Core.Yaml;

namespace SurveyKit.Core.Workspace;

/// <summary>The outcome of reading surveykit.json.</summary>
public sealed record WorkspaceLoadResult(
    WorkspaceConfig? Config,
    EquatableArray<Diagnostic> Diagnostics
);

/// <summary>
/// Reads surveykit.json with the same YAML front door as surveys (JSON is YAML), so a mistake in it is a located
/// diagnostic too, and finds the survey files it names.
/// </summary>
public static class WorkspaceLoader
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal)
    {
        "bin",
        "obj",
        "node_modules",
        ".git",
        "_site",
    };

    /// <summary>Reads the surveykit.json at <paramref name="path"/>.</summary>
    /// <param name="path">The surveykit.json to read.</param>
    /// <param name="shownAs">How diagnostics name the file; the path when null.</param>
    public static WorkspaceLoadResult Load(string path, string? shownAs = null)
    {
        var diagnostics = new DiagnosticBag(shownAs ?? path);
        var root = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        if (!File.Exists(path))
        {
            diagnostics.Report(
                DiagnosticDescriptors.FileNotFound,
                SourceSpan.FileStart,
                diagnostics.FilePath
            );
            return new WorkspaceLoadResult(null, diagnostics.ToSortedArray());
        }
        var text = YamlLoader.Decode(File.ReadAllBytes(path), diagnostics);
        var node = text is null ? null : YamlLoader.Load(text, diagnostics);
        if (node is null)
        {
            return new WorkspaceLoadResult(null, diagnostics.ToSortedArray());
        }
        var config = Read(node, root, diagnostics);
        return new WorkspaceLoadResult(
            diagnostics.HasErrors ? null : config,
            diagnostics.ToSortedArray()
        );
    }

    private static WorkspaceConfig Read(YamlNode node, string root, DiagnosticBag diagnostics)
    {
        var config = WorkspaceConfig.Default(root);
        if (node is not YamlMapping mapping)
        {
            diagnostics.Report(
                DiagnosticDescriptors.WrongNodeKind,
                node.Span,
                WorkspaceConfig.FileName,
                "the workspace",
                "an object",
                node.KindName
            );
            return config;
        }
        ReportUnknownKeys(mapping, WorkspaceConfig.Keys, WorkspaceConfig.FileName, diagnostics);
        string Text(YamlMapping map, string key, string fallback)
        {
            var value = map[key];
            if (value is null)
            {
                return fallback;
            }
            if (value is YamlScalar { IsNull: false } scalar && scalar.Value.Trim().Length > 0)
            {
                return scalar.Value;
            }
            if (value is YamlScalar empty)
            {
                diagnostics.Report(
                    DiagnosticDescriptors.InvalidValue,
                    value.Span,
                    key,
                    WorkspaceConfig.FileName,
                    "a non-empty string",
                    empty.Value,
                    " Leave the key out to use the default."
                );
                return fallback;
            }
            diagnostics.Report(
                DiagnosticDescriptors.WrongNodeKind,
                value.Span,
                key,
                WorkspaceConfig.FileName,
                "a string",
                value.KindName
            );
            return fallback;
        }
        var surveys = config.Surveys;
        if (mapping["surveys"] is { } surveysNode)
        {
            if (surveysNode is YamlSequence sequence && sequence.Items.All(i => i is YamlScalar))
            {
                // Patterns stay inside the workspace: "/**" or "../.." would walk the whole disk for every build.
                var inside = new List<string>();
                foreach (var pattern in sequence.Items.Cast<YamlScalar>())
                {
                    var p = pattern.Value.Replace('\\', '/');
                    if (
                        Path.IsPathRooted(pattern.Value)
                        || p.StartsWith("/", StringComparison.Ordinal)
                        || p.Split('/').Contains("..")
                    )
                    {
                        diagnostics.Report(
                            DiagnosticDescriptors.InvalidValue,
                            pattern.Span,
                            "surveys",
                            WorkspaceConfig.FileName,
                            "a file pattern inside the workspace (relative to surveykit.json, without '..')",
                            Excerpt.Of(pattern.Value),
                            " Move the surveys below the folder of surveykit.json, or put a surveykit.json above them."
                        );
                    }
                    else
                    {
                        inside.Add(pattern.Value);
                    }
                }
                surveys = inside.ToEquatableArray();
            }
            else
            {
                diagnostics.Report(
                    DiagnosticDescriptors.WrongNodeKind,
                    surveysNode.Span,
                    "surveys",
                    WorkspaceConfig.FileName,
                    "a list of file patterns",
                    surveysNode.KindName
                );
            }
        }
        var submit = config.Submit;
        if (mapping["submit"] is { } submitNode)
        {
            if (submitNode is YamlMapping submitMapping)
            {
                ReportUnknownKeys(submitMapping, WorkspaceConfig.SubmitKeys, "submit", diagnostics);
                var typeText = Text(submitMapping, "type", "json");
                SubmitTarget? parsed = typeText switch
                {
                    "json" => SubmitTarget.Json,
                    "netlify" => SubmitTarget.Netlify,
                    "formspree" => SubmitTarget.Formspree,
                    _ => null,
                };
                var type = parsed ?? submit.Type;
                if (parsed is null)
                {
                    diagnostics.Report(
                        DiagnosticDescriptors.InvalidValue,
                        submitMapping["type"]!.Span,
                        "type",
                        "submit",
                        "json, netlify or formspree",
                        typeText,
                        ""
                    );
                }
                if (type == SubmitTarget.Formspree && submitMapping["endpoint"] is null)
                {
                    // Formspree has no address SurveyKit could guess: each form has its own.
                    diagnostics.Report(
                        DiagnosticDescriptors.MissingKey,
                        submitNode.Span,
                        "submit",
                        "endpoint",
                        " Give the form's Formspree address, as in \"endpoint\": \"https://formspree.io/f/yourformid\"."
                    );
                }
                submit = new SubmitConfig(
                    type,
                    Text(
                        submitMapping,
                        "endpoint",
                        type == SubmitTarget.Netlify ? "/" : submit.Endpoint
                    )
                );
            }
            else
            {
                diagnostics.Report(
                    DiagnosticDescriptors.WrongNodeKind,
                    submitNode.Span,
                    "submit",
                    WorkspaceConfig.FileName,
                    "an object",
                    submitNode.KindName
                );
            }
        }
        var pressure = config.ContactPressure;
        if (mapping["contactPressure"] is { } pressureNode)
        {
            if (pressureNode is YamlMapping pressureMapping)
            {
                ReportUnknownKeys(
                    pressureMapping,
                    WorkspaceConfig.ContactPressureKeys,
                    "contactPressure",
                    diagnostics
                );
                pressure = new ContactPressure(
                    Days(pressureMapping, "minDaysBetween", pressure.MinDaysBetween, diagnostics),
                    Days(pressureMapping, "maxPerYear", pressure.MaxPerYear, diagnostics)
                );
            }
            else
            {
                diagnostics.Report(
                    DiagnosticDescriptors.WrongNodeKind,
                    pressureNode.Span,
                    "contactPressure",
                    WorkspaceConfig.FileName,
                    "an object such as {\"minDaysBetween\": 90, \"maxPerYear\": 3}",
                    pressureNode.KindName
                );
            }
        }
        return config with
        {
            ContactPressure = pressure,
            Surveys = surveys,
            Output = Text(mapping, "output", config.Output),
            Analysis = Text(mapping, "analysis", config.Analysis),
            BaseUrl = Text(mapping, "baseUrl", config.BaseUrl),
            Templates = Text(mapping, "templates", config.Templates),
            Submit = submit,
        };
    }

    // A whole number of 0 or more (0 turns the rule off).
    private static int Days(
        YamlMapping mapping,
        string key,
        int fallback,
        DiagnosticBag diagnostics
    )
    {
        if (mapping[key] is not { } node)
        {
            return fallback;
        }
        if (
            node is YamlScalar scalar
            && int.TryParse(
                scalar.Value,
                System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture,
                out var value
            )
            && value <= 36500
        )
        {
            return value;
        }
        diagnostics.Report(
            DiagnosticDescriptors.InvalidValue,
            node.Span,
            key,
            "contactPressure",
            "a whole number of 0 or more (0 turns the rule off)",
            node is YamlScalar text ? Excerpt.Of(text.Value) : node.KindName,
            ""
        );
        return fallback;
    }

    private static void ReportUnknownKeys(
        YamlMapping mapping,
        IReadOnlyCollection<string> allowed,
        string place,
        DiagnosticBag diagnostics
    )
    {
        foreach (var entry in mapping.Entries.Where(e => !allowed.Contains(e.Key.Value)))
        {
            var hint = DidYouMean.Hint(entry.Key.Value, allowed);
            diagnostics.Report(
                DiagnosticDescriptors.UnknownKey,
                entry.Key.Span,
                Excerpt.Of(entry.Key.Value),
                place,
                hint.Length > 0 ? hint : " The keys here are: " + string.Join(", ", allowed) + "."
            );
        }
    }

    /// <summary>The survey files of the workspace, sorted, each once; a pattern that matches nothing is a warning.</summary>
    public static IReadOnlyList<string> FindSurveyFiles(
        WorkspaceConfig config,
        DiagnosticBag diagnostics
    )
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var pattern in config.Surveys)
        {
            var glob = new Glob(pattern);
            var start = Path.Combine(config.Root, Glob.FixedPrefix(pattern));
            var matched = 0;
            foreach (var file in EnumerateFiles(start))
            {
                var relative = MakeRelative(config.Root, file);
                if (glob.IsMatch(relative))
                {
                    found.Add(file);
                    matched++;
                }
            }
            if (matched == 0)
            {
                diagnostics.Report(
                    DiagnosticDescriptors.NoSurveysFound,
                    SourceSpan.FileStart,
                    pattern
                );
            }
        }
        return found.ToList();
    }

    /// <summary>Every file below <paramref name="folder"/>, skipping build output and tool folders.</summary>
    public static IEnumerable<string> EnumerateFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            yield break;
        }
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (
                var file in Directory
                    .EnumerateFiles(current)
                    .OrderBy(f => f, StringComparer.Ordinal)
            )
            {
                yield return file;
            }
            foreach (
                var sub in Directory
                    .EnumerateDirectories(current)
                    .OrderByDescending(d => d, StringComparer.Ordinal)
            )
            {
                // A linked folder is not followed: "loop -> ." would repeat every survey, and a link to / walk the disk.
                if (
                    !SkippedFolders.Contains(Path.GetFileName(sub))
                    && (File.GetAttributes(sub) & FileAttributes.ReparsePoint) == 0
                )
                {
                    pending.Push(sub);
                }
            }
        }
    }

    private static string MakeRelative(string root, string file)
    {
        var fullRoot =
            Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar)
            + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(file);
        var relative = full.StartsWith(fullRoot, StringComparison.Ordinal)
            ? full.Substring(fullRoot.Length)
            : full;
        return relative.Replace('\\', '/');
    }
}
