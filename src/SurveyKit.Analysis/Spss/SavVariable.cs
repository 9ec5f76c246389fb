using System.Collections.Generic;

namespace SurveyKit.Analysis.Spss;

/// <summary>How SPSS should treat a variable in its dialogs and charts.</summary>
public enum SavMeasure
{
    Nominal = 1,
    Ordinal = 2,
    Scale = 3,
}

/// <summary>
/// One variable of an SPSS system file: its name (up to 64 bytes), its label, numeric or a string of
/// <see cref="Width"/> bytes, value labels, user-missing values and measurement level.
/// </summary>
/// <param name="Name">The variable name (a letter first, then letters, digits, '.', '_'; at most 64 bytes).</param>
/// <param name="Label">The variable label (cut to 255 bytes).</param>
/// <param name="Measure">Nominal, ordinal or scale.</param>
public sealed record SavVariable(string Name, string Label, SavMeasure Measure)
{
    /// <summary>0 for a number; otherwise the string's width in bytes (1..32767).</summary>
    public int Width { get; init; }

    /// <summary>Decimals shown for a number.</summary>
    public int Decimals { get; init; }

    /// <summary>A number of seconds since 14 October 1582, shown as a date and time (SPSS's DATETIME).</summary>
    public bool DateTime { get; init; }

    /// <summary>Labels of some values of a number (cut to 120 bytes each).</summary>
    public IReadOnlyList<(double Value, string Label)> ValueLabels { get; init; } = [];

    /// <summary>Up to three user-missing values of a number: answers that mean "no grade", kept apart from "not answered".</summary>
    public IReadOnlyList<double> MissingValues { get; init; } = [];

    /// <summary>True for a string.</summary>
    public bool IsString => Width > 0;
}
