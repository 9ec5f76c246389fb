using System.Collections.Generic;

namespace SurveyKit.Analysis.Scoring;

/// <summary>
/// Something the reader should know about how the analysis went (a touchpoint left out, two analysed as one, a model
/// that could not be fitted): a key of the report's text table and its arguments, never a sentence, so every language
/// says it in its own words and names touchpoints, segments and values by their labels.
/// </summary>
/// <param name="Key">The text's key, without the <c>note_</c> prefix the text table gives it.</param>
/// <param name="Arguments">
/// <see cref="NoteDriver"/>, <see cref="NoteSegment"/> and <see cref="NoteValue"/> name things; an integer is a count;
/// a <see cref="NoteNumber"/> is a measured number.
/// </param>
public sealed record AnalysisNote(string Key, IReadOnlyList<object> Arguments)
{
    /// <summary>A note with its arguments in order.</summary>
    public static AnalysisNote Of(string key, params object[] arguments) => new(key, arguments);

    /// <summary>The note as summary.json and logs name it: the key and the plain arguments.</summary>
    public override string ToString() =>
        Key
        + (
            Arguments.Count == 0
                ? ""
                : "(" + string.Join(", ", System.Linq.Enumerable.Select(Arguments, Plain)) + ")"
        );

    /// <summary>An argument as plain text: the id of what it names, a number in invariant form.</summary>
    public static string Plain(object argument) =>
        argument switch
        {
            NoteDriver d => d.Id,
            NoteSegment s => s.Id,
            NoteQuestion q => q.Id,
            NoteVerbatim v => v.Text,
            NoteValue v => v.Segment + "=" + v.Value,
            NoteNumber n => n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            System.IFormattable f => f.ToString(
                null,
                System.Globalization.CultureInfo.InvariantCulture
            ),
            _ => argument.ToString() ?? "",
        };
}

/// <summary>A touchpoint (driver) named in a note: the report shows its label.</summary>
public sealed record NoteDriver(string Id);

/// <summary>Words of no language (a scale "1-5 → 1-10", a type name), shown as they are.</summary>
public sealed record NoteVerbatim(string Text);

/// <summary>A question named in a note: the report shows its text.</summary>
public sealed record NoteQuestion(string Id);

/// <summary>A segment named in a note.</summary>
public sealed record NoteSegment(string Id);

/// <summary>A value of a segment named in a note: the report shows the value's label.</summary>
public sealed record NoteValue(string Segment, string Value);

/// <summary>A measured number with the decimals it is shown with.</summary>
public sealed record NoteNumber(double Value, int Decimals);
