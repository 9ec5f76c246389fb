using System;
using System.Collections.Generic;
using System.Linq;
using SurveyKit.Analysis.Data;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;

namespace SurveyKit.Analysis.Sampling;

/// <summary>One synthetic respondent: latent experience and loyalty first, then the answers in survey order.</summary>
internal sealed class Respondent
{
    private static readonly string[] CommentsNl =
    [
        "Graag snellere levering.",
        "De klantenservice was erg vriendelijk.",
        "De factuur was onduidelijk.",
        "De website werkt prima.",
        "Ik moest te lang wachten aan de telefoon.",
        "Prima zo, ga zo door!",
        "De prijs mag wat lager.",
    ];
    private static readonly string[] CommentsEn =
    [
        "Faster delivery, please.",
        "Customer service was very friendly.",
        "The invoice was unclear.",
        "The website works fine.",
        "I had to wait too long on the phone.",
        "All good, keep it up!",
        "The price could be a bit lower.",
    ];

    private readonly Survey survey;
    private readonly AnalysisPlan plan;
    private readonly Random random;
    private readonly int number;
    private readonly ResponseData data = new();
    private readonly ConditionEvaluator evaluator;
    private readonly double[] grades;
    private readonly bool[] notUsed;
    private readonly double loyalty;
    private readonly string? complaint;
    private readonly SampleOptions options;
    private readonly DateTimeOffset? at;

    public Respondent(
        Survey survey,
        AnalysisPlan plan,
        Random random,
        double[] weights,
        double[] levels,
        SampleOptions options,
        int number
    )
    {
        this.survey = survey;
        this.plan = plan;
        this.random = random;
        this.options = options;
        this.number = number;
        evaluator = new ConditionEvaluator(data);
        var bytes = new byte[16];
        random.NextBytes(bytes);
        // The id depends on the seed, the position and the count: two runs with the same seed and another --n are
        // often merged by users trying things out, and their ids must not collide (the answers may repeat; they
        // are synthetic). The random stream stays as it was, so the answers do not change.
        var count = BitConverter.GetBytes(Mix((ulong)options.Count));
        for (var i = 0; i < 8; i++)
        {
            bytes[i] ^= count[i];
        }
        // Samples of several periods (one per version of a survey, say) share a seed, so that their touchpoints
        // have the same typical levels and only planted shifts differ; their start makes their ids differ.
        if (options.End is not null)
        {
            var start = BitConverter.GetBytes(Mix((ulong)options.Start.UtcTicks));
            for (var i = 0; i < 8; i++)
            {
                bytes[8 + i] ^= start[i];
            }
        }
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // a version 4 UUID, as a browser makes
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        data.ResponseId = new Guid(bytes).ToString();
        data.Survey = survey.Id;
        data.Version = survey.Version;
        data.Lang =
            survey.Languages.Count > 1 && random.NextDouble() < 0.25
                ? survey.Languages[1 + random.Next(survey.Languages.Count - 1)]
                : survey.DefaultLanguage;
        foreach (var field in survey.Context)
        {
            if (field.Values.Count > 0)
            {
                data.Context[field.Id] = field.Values[random.Next(field.Values.Count)];
            }
            else if (field.Id == plan.Account?.Id)
            {
                // Several contacts per account, as in B2B: about three respondents per account.
                var accounts = Math.Max(1, options.Count / 3);
                data.Context[field.Id] =
                    "A"
                    + random
                        .Next(accounts)
                        .ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (field.Pii)
            {
                data.Context[field.Id] =
                    "C"
                    + (100000 + number).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        // Over several months the moment comes first: a planted shift depends on it. (Over 14 days it is drawn last,
        // as it always was, so that the same seed gives the same submissions as before.)
        if (options.End is { } end)
        {
            at = options.Start.AddTicks((long)(random.NextDouble() * (end - options.Start).Ticks));
        }
        // The latent experience: one shared factor plus each touchpoint's own part.
        var experience = Gaussian();
        var straightLiner = random.NextDouble() < 0.02;
        grades = new double[plan.Drivers.Count];
        notUsed = new bool[plan.Drivers.Count];
        var index = 0.0;
        var straight = Math.Round(levels.Length > 0 ? 6 + 3 * random.NextDouble() : 0);
        for (var d = 0; d < grades.Length; d++)
        {
            var z = 0.6 * experience + 0.8 * Gaussian();
            var scale = plan.Drivers[d].Scale;
            var span = scale.Max - scale.Min;
            var shift = Shift(plan.Drivers[d].Id);
            grades[d] = straightLiner
                ? Math.Clamp(straight, scale.Min, scale.Max)
                : Math.Clamp(
                    Math.Round(scale.Min + span * levels[d] + z * span * 0.17 + shift),
                    scale.Min,
                    scale.Max
                );
            notUsed[d] =
                !straightLiner && plan.Drivers[d].ItemId is not null && random.NextDouble() < 0.08;
            if (!notUsed[d])
            {
                index += weights[d] * (grades[d] - (scale.Min + span * levels[d])) / (span * 0.17);
            }
        }
        var norm = Math.Sqrt(weights.Sum(w => w * w));
        var r = options.DriverStrength;
        var latent = norm > 0 ? r * index / norm + Math.Sqrt(1 - r * r) * Gaussian() : Gaussian();
        if (plan.Complaint is { } question)
        {
            var roll = random.NextDouble();
            complaint =
                roll < 0.12 ? "resolved"
                : roll < 0.2 ? "unresolved"
                : question.Options.First(o => o.Id != "resolved" && o.Id != "unresolved").Id;
            latent += complaint switch
            {
                "resolved" => 0.35,
                "unresolved" => -0.9,
                _ => 0,
            };
        }
        loyalty = latent;
    }

    public SampleResponse Answer()
    {
        foreach (var question in survey.Questions)
        {
            if (question.ShowIf is { } condition && !evaluator.IsTrue(condition.Root))
            {
                continue;
            }
            if (
                !question.Required
                && question is not TouchpointsQuestion
                && random.NextDouble() < 0.06
            )
            {
                continue; // an optional question left open
            }
            Answer(question);
        }
        var duration =
            random.NextDouble() < 0.03
                ? 15000 + random.Next(20000)
                : (long)(180000 * Math.Exp(0.45 * Gaussian()));
        var at = this.at ?? options.Start.AddSeconds(random.NextDouble() * 14 * 24 * 3600);
        return new SampleResponse(
            data,
            new DateTimeOffset(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero),
            duration
        );
    }

    private void Answer(Question question)
    {
        var id = question.Id;
        switch (question)
        {
            case NpsQuestion when question == plan.Outcome:
                Set(id, Math.Clamp(Math.Round(7.6 + 1.9 * loyalty), 0, 10));
                break;
            case NpsQuestion:
                Set(id, Math.Clamp(Math.Round(7 + 2 * Gaussian()), 0, 10));
                break;
            case RatingQuestion rating:
                Set(id, Rating(rating));
                break;
            case TouchpointsQuestion touchpoints:
                Touchpoints(touchpoints);
                break;
            case SingleChoiceQuestion choice:
                data.Answers[id] = AnswerValue.Of(
                    choice == plan.Complaint
                        ? complaint!
                        : choice.Options[random.Next(choice.Options.Count)].Id
                );
                break;
            case MultiChoiceQuestion multi:
                var picked = multi
                    .Options.Where(_ => random.NextDouble() < 0.35)
                    .Select(o => o.Id)
                    .ToList();
                var min = Math.Max(1, multi.Min ?? 0);
                while (picked.Count < Math.Min(min, multi.Options.Count))
                {
                    var option = multi.Options[random.Next(multi.Options.Count)].Id;
                    if (!picked.Contains(option))
                    {
                        picked.Add(option);
                    }
                }
                if (multi.Max is { } max && picked.Count > max)
                {
                    picked.RemoveRange(max, picked.Count - max);
                }
                data.Answers[id] = AnswerValue.Of(
                    multi.Options.Select(o => o.Id).Where(picked.Contains)
                );
                break;
            case TextQuestion text:
                if (question.Required || random.NextDouble() < 0.4)
                {
                    var pool = data.Lang == "nl" ? CommentsNl : CommentsEn;
                    var comment = pool[random.Next(pool.Length)];
                    data.Answers[id] = AnswerValue.Of(
                        comment.Length > text.MaxLength ? comment[..text.MaxLength] : comment
                    );
                }
                break;
            case NumberQuestion numeric:
                var low = numeric.Min ?? 0;
                var high = Math.Min(numeric.Max ?? low + 30, low + 30);
                var value = low + (high - low) * random.NextDouble() * random.NextDouble();
                Set(id, numeric.Integer ? Math.Floor(value) : Math.Round(value, 1));
                break;
            case EmailQuestion:
                data.Answers[id] = AnswerValue.Of($"respondent{number + 1}@example.org");
                break;
            case ConsentQuestion:
                data.Answers[id] = AnswerValue.Of(random.NextDouble() < 0.35);
                break;
        }
    }

    private double Rating(RatingQuestion rating)
    {
        var driver = Driver(rating.Id, null);
        if (driver >= 0)
        {
            return grades[driver];
        }
        // Satisfaction follows loyalty only loosely: satisfied customers who would not recommend exist.
        var z = question(rating)
            ? 0.55 * loyalty + 0.84 * Gaussian() + 0.5
            : 0.4 * loyalty + 0.9 * Gaussian() + 0.3;
        var share = Statistics.Normal.Cdf(z);
        return Math.Clamp(
            Math.Round(rating.Scale.Min + share * rating.Scale.Points - 0.5),
            rating.Scale.Min,
            rating.Scale.Max
        );

        bool question(RatingQuestion q) => q == plan.Satisfaction;
    }

    private void Touchpoints(TouchpointsQuestion touchpoints)
    {
        var answers = new Dictionary<string, AnswerValue>();
        var comparisons = new Dictionary<string, AnswerValue>();
        foreach (var item in touchpoints.Items)
        {
            if (item.ShowIf is { } condition && !evaluator.IsTrue(condition.Root))
            {
                continue;
            }
            var driver = Driver(touchpoints.Id, item.Id);
            if (driver >= 0 && notUsed[driver])
            {
                answers[item.Id] = AnswerValue.Of(AnswerValues.NotApplicable);
                continue;
            }
            var grade =
                driver >= 0
                    ? grades[driver]
                    : Math.Clamp(
                        Math.Round(
                            touchpoints.Scale.Min
                                + touchpoints.Scale.Points * 0.7
                                + 1.5 * Gaussian()
                        ),
                        touchpoints.Scale.Min,
                        touchpoints.Scale.Max
                    );
            answers[item.Id] = AnswerValue.Of(grade);
            if (touchpoints.Compare is not null && random.NextDouble() < 0.7)
            {
                var relative =
                    (grade - touchpoints.Scale.Min)
                    / Math.Max(1, touchpoints.Scale.Max - touchpoints.Scale.Min);
                var roll = random.NextDouble();
                comparisons[item.Id] = AnswerValue.Of(
                    roll < relative - 0.45 ? AnswerValues.Better
                    : roll > relative + 0.2 ? AnswerValues.Worse
                    : AnswerValues.Same
                );
            }
        }
        data.Answers[touchpoints.Id] = AnswerValue.Of(answers);
        if (comparisons.Count > 0)
        {
            data.Answers[touchpoints.Id + "_compare"] = AnswerValue.Of(comparisons);
        }
    }

    /// <summary>The planted change of a driver at this respondent's moment (the sum of the shifts that have started).</summary>
    private double Shift(string driver)
    {
        var total = 0.0;
        foreach (var shift in options.Shifts)
        {
            if (shift.Driver == driver && at is { } moment && moment >= shift.From)
            {
                total += shift.Delta;
            }
        }
        return total;
    }

    private int Driver(string question, string? item)
    {
        for (var d = 0; d < plan.Drivers.Count; d++)
        {
            if (plan.Drivers[d].QuestionId == question && plan.Drivers[d].ItemId == item)
            {
                return d;
            }
        }
        return -1;
    }

    private void Set(string id, double value) => data.Answers[id] = AnswerValue.Of(value);

    private double Gaussian() =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()))
        * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>SplitMix64's finaliser: spreads every bit of <paramref name="x"/> over the result.</summary>
    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }
}
