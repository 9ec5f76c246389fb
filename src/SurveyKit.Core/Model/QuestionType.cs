namespace SurveyKit.Core.Model;

/// <summary>The kinds of question, named in YAML as written in the comment of each.</summary>
public enum QuestionType
{
    /// <summary><c>nps</c>: likelihood to recommend, 0..10.</summary>
    Nps,

    /// <summary><c>rating</c>: an integer on a scale of at most 11 points.</summary>
    Rating,

    /// <summary><c>touchpoints</c>: a grade per touchpoint, or not applicable; optionally compared with competitors.</summary>
    Touchpoints,

    /// <summary><c>single_choice</c>: one option.</summary>
    SingleChoice,

    /// <summary><c>multi_choice</c>: a set of options.</summary>
    MultiChoice,

    /// <summary><c>text</c>: free text.</summary>
    Text,

    /// <summary><c>number</c>: a number.</summary>
    Number,

    /// <summary><c>email</c>: an email address (personal data).</summary>
    Email,

    /// <summary><c>consent</c>: yes or no to a request, such as being contacted.</summary>
    Consent,
}
