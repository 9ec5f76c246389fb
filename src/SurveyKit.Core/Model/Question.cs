using SurveyKit.Core.Expressions;
using SurveyKit.Core.Text;

namespace SurveyKit.Core.Model;

/// <summary>What every question has. The subtypes add what their type needs.</summary>
public abstract record Question
{
    /// <summary>The id, unique in the survey; answers are keyed by it.</summary>
    public required string Id { get; init; }

    /// <summary>The question as asked.</summary>
    public required LocalizedText Text { get; init; }

    /// <summary>Markdown help shown under the question.</summary>
    public LocalizedText? Help { get; init; }

    /// <summary>True when an answer is needed to go on (when shown).</summary>
    public bool Required { get; init; }

    /// <summary>The condition under which the question is shown; null means always.</summary>
    public Condition? ShowIf { get; init; }

    /// <summary>Where the question is written (its mapping).</summary>
    public SourceSpan Span { get; init; }

    /// <summary>
    /// Ids this question had in earlier versions (<c>renamed_from</c>): an answer given under one of them counts for
    /// this question. Empty when it was never renamed.
    /// </summary>
    public EquatableArray<string> RenamedFrom { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The kind of question.</summary>
    public abstract QuestionType Type { get; }
}

/// <summary>An integer scale such as 1..5 or the Dutch school grade 1..10.</summary>
public readonly record struct Scale(int Min, int Max)
{
    /// <summary>The number of points on the scale.</summary>
    public int Points => Max - Min + 1;
}

/// <summary>A label for one point of a scale.</summary>
public sealed record ScaleLabel(int Value, LocalizedText Text);

/// <summary>An option of a choice question.</summary>
public sealed record Option(string Id, LocalizedText Label, SourceSpan Span)
{
    /// <summary>Ids this option had in earlier versions (<c>renamed_from</c>).</summary>
    public EquatableArray<string> RenamedFrom { get; init; } = EquatableArray<string>.Empty;
}

/// <summary>A touchpoint to grade, such as the website or the delivery.</summary>
public sealed record TouchpointItem(
    string Id,
    LocalizedText Label,
    Condition? ShowIf,
    SourceSpan Span
)
{
    /// <summary>Ids this item had in earlier versions (<c>renamed_from</c>).</summary>
    public EquatableArray<string> RenamedFrom { get; init; } = EquatableArray<string>.Empty;
}

/// <summary><c>nps</c>: "How likely is it that you would recommend...", answered 0..10.</summary>
public sealed record NpsQuestion : Question
{
    /// <summary>The NPS scale, fixed by definition.</summary>
    public static readonly Scale Scale = new(0, 10);

    /// <summary>The label under 0; null means the default for the language.</summary>
    public LocalizedText? LowLabel { get; init; }

    /// <summary>The label under 10; null means the default for the language.</summary>
    public LocalizedText? HighLabel { get; init; }

    /// <inheritdoc />
    public override QuestionType Type => QuestionType.Nps;
}

/// <summary><c>rating</c>: an integer on a scale.</summary>
public sealed record RatingQuestion : Question
{
    /// <summary>The scale.</summary>
    public required Scale Scale { get; init; }

    /// <summary>Labels for some points of the scale, usually the ends.</summary>
    public EquatableArray<ScaleLabel> Labels { get; init; } = EquatableArray<ScaleLabel>.Empty;

    /// <summary>The "not applicable" choice, when offered; it is never a point of the scale.</summary>
    public LocalizedText? NotApplicable { get; init; }

    /// <inheritdoc />
    public override QuestionType Type => QuestionType.Rating;
}

/// <summary><c>touchpoints</c>: one grade per touchpoint, "not applicable" kept apart, optionally compared with competitors.</summary>
public sealed record TouchpointsQuestion : Question
{
    /// <summary>The default scale: the Dutch school grade.</summary>
    public static readonly Scale DefaultScale = new(1, 10);

    /// <summary>The grading scale.</summary>
    public required Scale Scale { get; init; }

    /// <summary>The touchpoints.</summary>
    public required EquatableArray<TouchpointItem> Items { get; init; }

    /// <summary>Labels for some grades.</summary>
    public EquatableArray<ScaleLabel> Labels { get; init; } = EquatableArray<ScaleLabel>.Empty;

    /// <summary>The "did not use this" choice; null means the default for the language.</summary>
    public LocalizedText? NotApplicable { get; init; }

    /// <summary>When set, each item is also compared with other providers: worse, same or better.</summary>
    public LocalizedText? Compare { get; init; }

    /// <inheritdoc />
    public override QuestionType Type => QuestionType.Touchpoints;
}

/// <summary>A question with options: <c>single_choice</c> or <c>multi_choice</c>.</summary>
public abstract record ChoiceQuestion : Question
{
    /// <summary>The options in the order written.</summary>
    public required EquatableArray<Option> Options { get; init; }

    /// <summary>When set, an "other" option with a text field, labelled with this.</summary>
    public LocalizedText? Other { get; init; }

    /// <summary>Show the options in random order (per respondent), against order bias.</summary>
    public bool Randomize { get; init; }
}

/// <summary><c>single_choice</c>: one option.</summary>
public sealed record SingleChoiceQuestion : ChoiceQuestion
{
    /// <inheritdoc />
    public override QuestionType Type => QuestionType.SingleChoice;
}

/// <summary><c>multi_choice</c>: a set of options.</summary>
public sealed record MultiChoiceQuestion : ChoiceQuestion
{
    /// <summary>The fewest options to pick when answering, or null.</summary>
    public int? Min { get; init; }

    /// <summary>The most options to pick, or null.</summary>
    public int? Max { get; init; }

    /// <inheritdoc />
    public override QuestionType Type => QuestionType.MultiChoice;
}

/// <summary><c>text</c>: free text.</summary>
public sealed record TextQuestion : Question
{
    /// <summary>The longest answer accepted, counted in characters.</summary>
    public const int DefaultMaxLength = 2000;

    /// <summary>A text area rather than a one-line field.</summary>
    public bool Multiline { get; init; }

    /// <summary>The longest answer accepted.</summary>
    public int MaxLength { get; init; } = DefaultMaxLength;

    /// <inheritdoc />
    public override QuestionType Type => QuestionType.Text;
}

/// <summary><c>number</c>: a number, optionally bounded and whole.</summary>
public sealed record NumberQuestion : Question
{
    /// <summary>The smallest accepted value, or null.</summary>
    public double? Min { get; init; }

    /// <summary>The largest accepted value, or null.</summary>
    public double? Max { get; init; }

    /// <summary>Only whole numbers.</summary>
    public bool Integer { get; init; }

    /// <inheritdoc />
    public override QuestionType Type => QuestionType.Number;
}

/// <summary><c>email</c>: an email address. Personal data: it appears only in the follow-up list.</summary>
public sealed record EmailQuestion : Question
{
    /// <inheritdoc />
    public override QuestionType Type => QuestionType.Email;
}

/// <summary><c>consent</c>: a yes-or-no agreement, such as being contacted about the answers.</summary>
public sealed record ConsentQuestion : Question
{
    /// <inheritdoc />
    public override QuestionType Type => QuestionType.Consent;
}
