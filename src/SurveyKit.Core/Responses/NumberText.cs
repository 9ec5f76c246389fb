using System.Globalization;
using System.Numerics;

namespace SurveyKit.Core.Responses;

/// <summary>
/// How SurveyKit writes an answer's number (in the stored JSON, in the CSV export): the shortest text that reads back
/// as the same number, and a whole number always as a whole number, however large: 12345678901234567890 must not
/// become 1.2345678901234567E+19, which a reader (and the rules for whole numbers) would take as a fraction.
/// </summary>
public static class NumberText
{
    /// <summary>The text of <paramref name="number"/>.</summary>
    public static string Of(double number) =>
        number == System.Math.Floor(number)
        && System.Math.Abs(number) >= 1e15
        && !double.IsInfinity(number)
            ? new BigInteger(number).ToString(CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);
}
