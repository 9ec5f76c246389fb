using SurveyKit.Core.Text;

namespace SurveyKit.Core.Model;

/// <summary>How submissions are scored: the <c>analysis:</c> section of a survey.</summary>
/// <param name="Outcome">The nps question loyalty is measured by.</param>
/// <param name="Drivers">The question ids whose influence on the outcome is estimated: one touchpoints question or ratings.</param>
/// <param name="Satisfaction">The rating question for the satisfaction x loyalty quadrant.</param>
/// <param name="Segments">Context fields or choice questions to break the outcome down by.</param>
/// <param name="FollowUp">Detractors who agreed to be contacted.</param>
/// <param name="Weights">Known population shares to rake to.</param>
/// <param name="Span">Where the section is written.</param>
public sealed record AnalysisSpec(
    IdReference? Outcome,
    EquatableArray<IdReference> Drivers,
    IdReference? Satisfaction,
    EquatableArray<IdReference> Segments,
    FollowUpSpec? FollowUp,
    EquatableArray<WeightTarget> Weights,
    SourceSpan Span
)
{
    /// <summary>
    /// The context field that says which wave (campaign) a response belongs to, for <c>analyze --by wave</c>.
    /// </summary>
    public IdReference? Wave { get; init; }

    /// <summary>The context field that says which account (B2B customer) a response speaks for, for the roll-up per account.</summary>
    public IdReference? Account { get; init; }

    /// <summary>The answer that says an account's relationship changed (e.g. a new account manager): a risk.</summary>
    public RiskSignalSpec? RiskSignal { get; init; }

    /// <summary>The codebook: themes the open answers are coded into (<c>analysis.themes</c>).</summary>
    public EquatableArray<ThemeSpec> Themes { get; init; } = EquatableArray<ThemeSpec>.Empty;

    /// <summary>The text questions coded into themes (<c>analysis.open_answers</c>); empty: every text question.</summary>
    public EquatableArray<IdReference> OpenAnswers { get; init; } =
        EquatableArray<IdReference>.Empty;
}

/// <summary>
/// A theme of the codebook: what it is called, the words, stems (<c>wacht*</c>, <c>*service</c>) and phrases that
/// mark it per language, and optionally the touchpoint it goes with.
/// </summary>
public sealed record ThemeSpec(
    IdReference Id,
    LocalizedText? Label,
    EquatableArray<ThemePatterns> Match,
    IdReference? Touchpoint,
    SourceSpan Span
);

/// <summary>The patterns of a theme in one language.</summary>
public sealed record ThemePatterns(
    string Language,
    EquatableArray<string> Patterns,
    SourceSpan Span
);

/// <summary>
/// <c>analysis.risk_signal</c>: a context field or a single_choice or consent question, and the answers of it that
/// put an account at risk.
/// </summary>
public sealed record RiskSignalSpec(
    IdReference Question,
    EquatableArray<IdReference> Answers,
    SourceSpan Span
);

/// <summary>Who to follow up: respondents who gave <see cref="Consent"/>, reached through <see cref="Contact"/>.</summary>
public sealed record FollowUpSpec(IdReference Consent, IdReference? Contact, SourceSpan Span);

/// <summary>An id written in the analysis section, with its place so that a wrong one can be pointed at.</summary>
public readonly record struct IdReference(string Id, SourceSpan Span)
{
    /// <inheritdoc />
    public override string ToString() => Id;
}

/// <summary>The population shares of one variable's values, for raking.</summary>
public sealed record WeightTarget(
    IdReference Variable,
    EquatableArray<WeightShare> Shares,
    SourceSpan Span
)
{
    /// <summary>
    /// <c>segment: invited</c> (or <c>from: invited</c>): the shares are those among the customers invited to the
    /// survey, read from the collector's ledger when the analysis reads its database; <see cref="Shares"/> is empty.
    /// </summary>
    public bool FromInvited { get; init; }
}

/// <summary>One value's population share.</summary>
public sealed record WeightShare(string Value, double Share, SourceSpan Span);
