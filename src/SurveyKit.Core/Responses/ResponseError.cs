using System.Text;
using SurveyKit.Core.Text;

namespace SurveyKit.Core.Responses;

/// <summary>
/// Why a response is not valid for its survey, located by a path into the submission
/// (<c>answers.touchpoints.service</c>) so that a page, a collector's 4xx body or a report can name the field.
/// A message may quote what the respondent sent (<see cref="Quote"/>); <see cref="MessageWithoutValues"/> is the same
/// sentence without it, for what is read beyond the sender (a report: a value in the wrong field can be an e-mail).
/// </summary>
public sealed record ResponseError
{
    // Marks around a quoted value, taken out of the value itself so that no input can forge one.
    private const char Start = '\uFDD0';
    private const char End = '\uFDD1';

    /// <summary>An error at <paramref name="path"/>; values in <paramref name="message"/> quoted with <see cref="Quote"/>.</summary>
    /// <param name="path">The field, as a dotted path into the submission JSON.</param>
    /// <param name="rule">The rule broken, one of <see cref="ResponseRules"/>.</param>
    /// <param name="message">A sentence for people.</param>
    public ResponseError(string path, string rule, string message)
    {
        Path = path;
        Rule = rule;
        Message = message.Replace(Start, '\'').Replace(End, '\'');
        MessageWithoutValues = Hide(message);
    }

    /// <summary>The field, as a dotted path into the submission JSON.</summary>
    public string Path { get; }

    /// <summary>The rule broken, one of <see cref="ResponseRules"/>.</summary>
    public string Rule { get; }

    /// <summary>A sentence for people, quoting the values it is about.</summary>
    public string Message { get; }

    /// <summary>The sentence with each quoted value replaced by '…'.</summary>
    public string MessageWithoutValues { get; }

    /// <summary>
    /// <paramref name="value"/> (what a respondent sent) as a message quotes it: in single quotes, cut to
    /// <see cref="Excerpt.DefaultLength"/> characters, and marked so that <see cref="MessageWithoutValues"/> can leave it out.
    /// </summary>
    public static string Quote(string value) =>
        Start + Excerpt.Of(value.Replace(Start.ToString(), "").Replace(End.ToString(), "")) + End;

    private static string Hide(string message)
    {
        var start = message.IndexOf(Start);
        if (start < 0)
        {
            return message;
        }
        var builder = new StringBuilder(message.Length);
        var at = 0;
        while (start >= 0)
        {
            var end = message.IndexOf(End, start);
            if (end < 0)
            {
                break;
            }
            builder.Append(message, at, start - at).Append("'…'");
            at = end + 1;
            start = message.IndexOf(Start, at);
        }
        return builder.Append(message, at, message.Length - at).ToString();
    }

    /// <summary>"path: message", the field said once ("responseId must be a UUID" already names it).</summary>
    public override string ToString() => Located(Message);

    /// <summary>
    /// As <see cref="ToString"/>, with each quoted value replaced by '…', and so is each part of the path that is not
    /// an id (a key the sender made up can be anything: an address, or characters that reorder the line).
    /// </summary>
    public string ToStringWithoutValues() => Located(MessageWithoutValues, PathWithoutValues());

    private string Located(string message) => Located(message, Path);

    private string Located(string message, string path) =>
        path.Length == 0 || message.StartsWith(Path + " ", System.StringComparison.Ordinal)
            ? message
            : path + ": " + message;

    /// <summary>The path with each part that is not an id replaced by '…' (a key the sender made up can be anything).</summary>
    public string PathWithoutValues()
    {
        if (Path.Length == 0)
        {
            return "";
        }
        var parts = Path.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            if (!IsId(parts[i]))
            {
                parts[i] = "…";
            }
        }
        return string.Join(".", parts);
    }

    private static bool IsId(string part)
    {
        if (part.Length is 0 or > 64)
        {
            return false;
        }
        foreach (var c in part)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-'))
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>The names of the rules a response can break; stable, for clients that react to them.</summary>
public static class ResponseRules
{
    /// <summary>The response belongs to another survey.</summary>
    public const string Survey = "survey";

    /// <summary>The response was made for another version of the survey.</summary>
    public const string Version = "version";

    /// <summary>A key that is not a question, item, option or context field of the survey.</summary>
    public const string Unknown = "unknown";

    /// <summary>A value of the wrong kind (text for a number, a list for a choice).</summary>
    public const string Type = "type";

    /// <summary>A number outside its scale or limits, or not whole where it must be.</summary>
    public const string Range = "range";

    /// <summary>An option id the question does not have.</summary>
    public const string Option = "option";

    /// <summary>Too few or too many options picked.</summary>
    public const string Count = "count";

    /// <summary>A text longer than allowed.</summary>
    public const string Length = "length";

    /// <summary>Not an email address.</summary>
    public const string Email = "email";

    /// <summary>A text that is not text (a NUL character, half a character) or a key or steering value that is too long.</summary>
    public const string Text = "text";

    /// <summary>A required question that is shown but not answered.</summary>
    public const string Required = "required";

    /// <summary>An answer to a question (or item) that its show_if hides.</summary>
    public const string Hidden = "hidden";
}
