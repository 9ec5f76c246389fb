using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;
using SurveyKit.Core.Versions;

namespace SurveyKit.Analysis.Data;

/// <summary>
/// What the analysis reads from each submission, worked out once from the survey and its <c>analysis:</c> section:
/// the outcome, the drivers (touchpoint items or ratings), satisfaction, the segments, complaint handling and the
/// follow-up fields. Readers fill only these columns, which is what keeps a million responses small in memory.
/// </summary>
public sealed class AnalysisPlan
{
    private AnalysisPlan(Survey survey)
    {
        Survey = survey;
        var spec = survey.Analysis;
        Outcome =
            (
                spec?.Outcome is { } outcome
                    ? survey.FindQuestion(outcome.Id)
                    : survey.Questions.FirstOrDefault(q => q is NpsQuestion)
            ) as NpsQuestion;
        Drivers = FindDrivers(survey, spec);
        Satisfaction = spec?.Satisfaction is { } satisfaction
            ? survey.FindQuestion(satisfaction.Id) as RatingQuestion
            : null;
        Segments = (spec?.Segments ?? default)
            .Select(s => SegmentColumn.For(survey, s.Id))
            .OfType<SegmentColumn>()
            .ToArray();
        Complaint = survey
            .Questions.OfType<SingleChoiceQuestion>()
            .FirstOrDefault(q =>
                q.Options.Any(o => o.Id == "resolved") && q.Options.Any(o => o.Id == "unresolved")
            );
        if (Complaint is not null && Segments.All(s => s.Id != Complaint.Id))
        {
            Segments = [.. Segments, SegmentColumn.For(survey, Complaint.Id)!];
        }
        // A weighting variable is read like a segment (its codes are what raking needs) and broken down like one.
        foreach (var weight in spec?.Weights ?? default)
        {
            if (
                Segments.All(s => s.Id != weight.Variable.Id)
                && SegmentColumn.For(survey, weight.Variable.Id) is { } column
            )
            {
                Segments = [.. Segments, column];
            }
        }
        // The risk signal is read like a segment too: its breakdown (NPS by "did your account manager change?") is
        // worth seeing, and its codes are what the roll-up per account needs.
        if (
            spec?.RiskSignal is { } risk
            && SegmentColumn.For(survey, risk.Question.Id) is { } riskColumn
        )
        {
            if (Segments.All(s => s.Id != riskColumn.Id))
            {
                Segments = [.. Segments, riskColumn];
            }
            var values = riskColumn.FixedValues.ToList();
            var answers = risk.Answers.IsEmpty ? ["true"] : risk.Answers.Select(a => a.Id).ToList();
            RiskSignal = new RiskSignalColumn(
                IndexOf(Segments, riskColumn.Id),
                answers.Select(a => values.IndexOf(a)).Where(i => i >= 0).ToArray()
            );
        }
        Consent = spec?.FollowUp is { } followUp
            ? survey.FindQuestion(followUp.Consent.Id) as ConsentQuestion
            : null;
        Contact = spec?.FollowUp?.Contact is { } contact ? survey.FindQuestion(contact.Id) : null;
        Comments = survey
            .Questions.OfType<TextQuestion>()
            .Where(q => q.Id != Contact?.Id)
            .ToArray();
        PersonalContext = survey.Context.Where(PersonalData.IsPersonal).ToArray();
        Themes = spec?.Themes is { Count: > 0 } themes ? new Themes.ThemeCoder(themes) : null;
        OpenAnswers =
            Themes is null ? []
            : spec!.OpenAnswers.IsEmpty ? Comments
            : spec
                .OpenAnswers.Select(o => survey.FindQuestion(o.Id))
                .OfType<TextQuestion>()
                .ToArray();
        Wave = spec?.Wave is { } wave ? survey.FindContext(wave.Id) : null;
        Account = spec?.Account is { } account ? survey.FindContext(account.Id) : null;
    }

    /// <summary>The codebook's coder, or null when the survey has no themes.</summary>
    internal Themes.ThemeCoder? Themes { get; }

    /// <summary>The text questions coded into themes.</summary>
    public IReadOnlyList<TextQuestion> OpenAnswers { get; }

    /// <summary>The context field that names the wave of a response (<c>analysis.wave</c>), or null.</summary>
    public ContextField? Wave { get; }

    /// <summary>The context field that names the account a response speaks for (<c>analysis.account</c>), or null.</summary>
    public ContextField? Account { get; }

    /// <summary>The segment that signals an account at risk and its values that do (<c>analysis.risk_signal</c>), or null.</summary>
    public RiskSignalColumn? RiskSignal { get; }

    private static int IndexOf(IReadOnlyList<SegmentColumn> segments, string id)
    {
        for (var i = 0; i < segments.Count; i++)
        {
            if (segments[i].Id == id)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The plan for <paramref name="survey"/>.</summary>
    public static AnalysisPlan For(Survey survey) =>
        new(survey ?? throw new ArgumentNullException(nameof(survey)));

    /// <summary>
    /// The plan for <paramref name="survey"/> with the maps from its earlier versions (from its history): a response to
    /// one of those is scored through its map; a response to a version without one, on what it shares with this one.
    /// </summary>
    public static AnalysisPlan For(Survey survey, IReadOnlyDictionary<int, VersionMap> maps) =>
        new(survey ?? throw new ArgumentNullException(nameof(survey))) { Maps = maps };

    /// <summary>The maps from earlier versions, by version.</summary>
    public IReadOnlyDictionary<int, VersionMap> Maps { get; private init; } =
        new Dictionary<int, VersionMap>();

    /// <summary>The survey.</summary>
    public Survey Survey { get; }

    /// <summary>The nps question loyalty is measured by (the first nps question when the survey does not say).</summary>
    public NpsQuestion? Outcome { get; }

    /// <summary>The graded things whose influence on the outcome is estimated.</summary>
    public IReadOnlyList<DriverColumn> Drivers { get; }

    /// <summary>The overall satisfaction rating, for the satisfaction x loyalty quadrant.</summary>
    public RatingQuestion? Satisfaction { get; }

    /// <summary>The breakdowns: context fields and single-choice questions.</summary>
    public IReadOnlyList<SegmentColumn> Segments { get; }

    /// <summary>
    /// The complaint question, found by its options <c>resolved</c> and <c>unresolved</c> (the convention of the
    /// examples and the starter survey); always also a segment.
    /// </summary>
    public SingleChoiceQuestion? Complaint { get; }

    /// <summary>The consent question of the follow-up list.</summary>
    public ConsentQuestion? Consent { get; }

    /// <summary>How to reach a respondent who consented.</summary>
    public Question? Contact { get; }

    /// <summary>Open answers shown beside a respondent in the follow-up list.</summary>
    public IReadOnlyList<TextQuestion> Comments { get; }

    /// <summary>Personal context fields (a customer number): only ever written to the follow-up list.</summary>
    public IReadOnlyList<ContextField> PersonalContext { get; }

    /// <summary>True when the drivers have a competitor comparison.</summary>
    public bool HasComparison => Drivers.Any(d => d.HasComparison);

    private static DriverColumn[] FindDrivers(Survey survey, AnalysisSpec? spec)
    {
        IEnumerable<string> ids = spec is { Drivers.Count: > 0 }
            ? spec.Drivers.Select(d => d.Id)
            : survey.Questions.OfType<TouchpointsQuestion>().Take(1).Select(q => q.Id);
        var drivers = new List<DriverColumn>();
        foreach (var id in ids)
        {
            switch (survey.FindQuestion(id))
            {
                case TouchpointsQuestion touchpoints:
                    drivers.AddRange(
                        touchpoints.Items.Select(item => new DriverColumn(
                            item.Id,
                            item.Label,
                            touchpoints.Id,
                            item.Id,
                            touchpoints.Scale,
                            touchpoints.Compare is not null
                        ))
                    );
                    break;
                case RatingQuestion rating:
                    drivers.Add(
                        new DriverColumn(
                            rating.Id,
                            rating.Text,
                            rating.Id,
                            null,
                            rating.Scale,
                            false
                        )
                    );
                    break;
            }
        }
        return [.. drivers];
    }
}

/// <summary>One driver: a touchpoint item (<see cref="ItemId"/> set) or a rating question.</summary>
/// <param name="Id">The id reports use: the item id or the rating's question id.</param>
/// <param name="Label">What the respondent saw.</param>
/// <param name="QuestionId">The question that holds the grade.</param>
/// <param name="ItemId">The touchpoint item, or null for a rating.</param>
/// <param name="Scale">The grade scale.</param>
/// <param name="HasComparison">True when the respondent also compared it with other providers.</param>
public sealed record DriverColumn(
    string Id,
    LocalizedText Label,
    string QuestionId,
    string? ItemId,
    Scale Scale,
    bool HasComparison
)
{
    /// <summary>The CSV column of the grade.</summary>
    public string CsvColumn => ItemId is null ? QuestionId : QuestionId + "." + ItemId;

    /// <summary>The CSV column of the comparison.</summary>
    public string CompareColumn => QuestionId + "_compare." + ItemId;
}

/// <summary>A breakdown: a context field or a single-choice question, with the values it can take in order.</summary>
public sealed record SegmentColumn(
    string Id,
    LocalizedText? Label,
    bool IsContext,
    IReadOnlyList<string> FixedValues,
    IReadOnlyList<LocalizedText?> ValueLabels
)
{
    /// <summary>The segment column for <paramref name="id"/>, or null when it names nothing that can be broken down.</summary>
    public static SegmentColumn? For(Survey survey, string id)
    {
        if (survey.FindContext(id) is { } field)
        {
            return new SegmentColumn(
                id,
                field.Label,
                true,
                field.Values.ToArray(),
                field.Values.Select(field.LabelOf).ToArray()
            );
        }
        return survey.FindQuestion(id) switch
        {
            SingleChoiceQuestion choice => new SegmentColumn(
                id,
                choice.Text,
                false,
                choice.Options.Select(o => o.Id).ToArray(),
                choice.Options.Select(o => (LocalizedText?)o.Label).ToArray()
            ),
            ConsentQuestion consent => new SegmentColumn(
                id,
                consent.Text,
                false,
                ["true", "false"],
                [null, null]
            ),
            _ => null,
        };
    }
}

/// <summary>The risk signal: which segment (by index in <see cref="AnalysisPlan.Segments"/>) and which of its value codes.</summary>
public sealed record RiskSignalColumn(int Segment, IReadOnlyList<int> Codes);
