using System.Linq;
using SurveyKit.Core.Model;
using SurveyKit.Core.Text;

namespace SurveyKit.Site.Html;

/// <summary>
/// The script that fills piped answers into a page's texts, shipped in the survey's own script only when the survey
/// pipes (every other page pays nothing for it). surveykit.js calls it after each evaluation with the visible answers
/// and the context: a choice shows its label, a grade its number, a context value its label; an answer not given (or
/// hidden) shows the fallback. textContent, so an answer is always text.
/// </summary>
internal static class PipeScript
{
    public static bool Uses(Survey survey) =>
        survey.Questions.Any(q =>
            Piping.Find(string.Concat(q.Text.Translations.Select(t => t.Text))).Count > 0
            || (
                q.Help is { } help
                && Piping.Find(string.Concat(help.Translations.Select(t => t.Text))).Count > 0
            )
        );

    /// <summary>The script as shipped: trimmed like surveykit.js.</summary>
    public static readonly string Shipped = System.Text.Encoding.UTF8.GetString(
        Rendering.Templates.AssetTrimmer.Trim(
            "pipe.js",
            System.Text.Encoding.UTF8.GetBytes(Source),
            squeeze: true
        )
    );

    private const string Source = """
        self.SurveyKitPipe = function (form, answers, context) {
          var label = function (name, value, span) {
            var inputs = form.querySelectorAll('[name="' + name + '"]');
            for (var i = 0; i < inputs.length; i++) {
              if (/radio|checkbox/.test(inputs[i].type) && inputs[i].value === String(value)) {
                var l = form.querySelector('label[for="' + inputs[i].id + '"]');
                if (l && l.firstChild) { return l.firstChild.textContent.trim(); }
              }
            }
            return span.getAttribute("data-l-" + value) || String(value);
          };
          Array.prototype.forEach.call(form.querySelectorAll("[data-pipe]"), function (span) {
            var name = span.getAttribute("data-pipe"), parts = name.split("."), value;
            value = parts[1] ? (answers[parts[0]] || {})[parts[1]] : name in answers ? answers[name] : context[name];
            var text = value === undefined || value === null || value === "" ? "" :
              Array.isArray(value) ? value.map(function (v) { return label(name, v, span); }).join(", ") : label(name, value, span);
            span.textContent = text || span.getAttribute("data-fallback");
          });
        };

        """;
}
