using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Rendering.Templates;

namespace SurveyKit.Analysis.Report;

/// <summary>
/// The report's templates (templates/report, built in) with a workspace's <c>templates/report/...</c> files in their
/// place: <c>report.sbn-html</c> and <c>report.sbn-md</c>, the head, one template per kind of block, and the
/// stylesheet <c>assets/report.css</c>, which report.html carries inline so that it stays one self-contained file.
/// </summary>
public sealed class ReportTemplates
{
    private readonly TemplateSet set;

    private ReportTemplates(TemplateSet set) => this.set = set;

    /// <summary>The built-in templates.</summary>
    public static ReportTemplates BuiltIn { get; } = Load(null, p => p, []);

    /// <summary>
    /// The built-in templates with the overrides in <paramref name="overrideFolder"/> (a workspace's templates folder);
    /// a template that does not parse is a located SK0085 in <paramref name="diagnostics"/>.
    /// </summary>
    public static ReportTemplates Load(
        string? overrideFolder,
        Func<string, string> display,
        List<Diagnostic> diagnostics
    ) =>
        new(
            TemplateSet.Load(
                typeof(ReportTemplates).Assembly,
                "report",
                overrideFolder,
                display,
                diagnostics
            )
        );

    internal string Html(IReadOnlyList<ReportDocument> documents)
    {
        var css = set.Assets.TryGetValue("report.css", out var bytes)
            ? Encoding.UTF8.GetString(bytes).TrimEnd('\n')
            : "";
        return Render("report.sbn-html", ReportPage.Html(documents, css));
    }

    internal string Markdown(ReportDocument document) =>
        Render("report.sbn-md", ReportPage.Markdown(document));

    private string Render(string name, object page)
    {
        var text = set.Render(name, page, out var error);
        return error is null
            ? text.Replace("\r\n", "\n", StringComparison.Ordinal)
            : throw new ReportTemplateException(error);
    }
}

/// <summary>A report template (an override) that failed while rendering; the diagnostic says where.</summary>
public sealed class ReportTemplateException(Diagnostic diagnostic)
    : Exception(diagnostic.ToString())
{
    /// <summary>Where and why.</summary>
    public Diagnostic Diagnostic { get; } = diagnostic;
}
