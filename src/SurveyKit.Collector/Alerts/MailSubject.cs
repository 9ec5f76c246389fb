using System;
using System.Text;

namespace SurveyKit.Collector.Alerts;

/// <summary>The subject line of every mail the collector and <c>surveykit invite</c> send.</summary>
public static class MailSubject
{
    private const int MaxLength = 200;

    /// <summary>
    /// <paramref name="subject"/> as one header line: an answer's or a template's newlines and control characters
    /// would otherwise end the header; runs of spaces become one, and a long subject is cut with an ellipsis.
    /// </summary>
    public static string Clean(string subject)
    {
        var builder = new StringBuilder(subject.Length);
        foreach (var c in subject)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }
        var text = string.Join(
            ' ',
            builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
        );
        return text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength - 1), "…");
    }
}
