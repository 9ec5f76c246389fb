using System.Collections.Generic;

namespace SurveyKit.Analysis.Scoring;

/// <summary>
/// The roll-up per account (B2B: several contacts answer for one customer). An account's NPS is the mean of its
/// contacts' classes (promoter +100, passive 0, detractor -100), which is the NPS of its contacts; every account then
/// counts once in <see cref="MeanNps"/>, however many contacts answered for it.
/// </summary>
/// <param name="Accounts">Accounts with at least one answered NPS question.</param>
/// <param name="Contacts">Responses with an NPS answer and an account.</param>
/// <param name="WithoutAccount">Responses with an NPS answer but no account (left out of the roll-up).</param>
/// <param name="MeanNps">The mean of the accounts' NPS.</param>
/// <param name="Positive">Accounts whose NPS is above 0: more promoters than detractors among their contacts.</param>
/// <param name="AtRisk">Accounts at risk, most reasons first, then the lowest NPS: for follow-up, never the report's body.</param>
/// <param name="Periods">Per period of the trend: how many accounts answered and their mean NPS (empty without a trend).</param>
public sealed record AccountSummary(
    int Accounts,
    long Contacts,
    long WithoutAccount,
    double MeanNps,
    int Positive,
    int Neutral,
    int Negative,
    IReadOnlyList<AccountRisk> AtRisk,
    IReadOnlyList<AccountPeriod> Periods
)
{
    /// <summary>The median number of contacts per account.</summary>
    public double MedianContacts { get; init; }

    /// <summary>The t interval of <see cref="MeanNps"/> over accounts (NaN bounds with fewer than two accounts).</summary>
    public Statistics.Interval MeanCi95 { get; init; } = new(double.NaN, double.NaN);
}

/// <summary>
/// An account at risk in its latest period (the last one in which it answered; everything, without a trend): its NPS
/// fell from the period before in which it answered, its only contacts are detractors, or a contact gave the survey's
/// risk signal.
/// </summary>
/// <param name="Period">The latest period (null without a trend).</param>
/// <param name="Previous">The period before in which the account answered, or null.</param>
/// <param name="PreviousNps">Its NPS then (NaN without one).</param>
/// <param name="Signals">Contacts in the latest period who gave the risk signal.</param>
public sealed record AccountRisk(
    string Account,
    int Contacts,
    double Nps,
    string? Period,
    string? Previous,
    double PreviousNps,
    bool Fell,
    bool OnlyDetractors,
    int Signals
);

/// <summary>One period of the roll-up per account.</summary>
public sealed record AccountPeriod(string Period, int Accounts, double MeanNps);
