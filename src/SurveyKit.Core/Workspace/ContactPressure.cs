namespace SurveyKit.Core.Workspace;

/// <summary>
/// How often a customer may be asked: at least <paramref name="MinDaysBetween"/> days between two invitations (to any
/// survey), and at most <paramref name="MaxPerYear"/> in the last 365 days. Too much contact pressure drives even
/// loyal customers away.
/// </summary>
public sealed record ContactPressure(int MinDaysBetween, int MaxPerYear)
{
    /// <summary>Once a quarter, three times a year: what a workspace that says nothing gets.</summary>
    public static ContactPressure Default { get; } = new(90, 3);
}
