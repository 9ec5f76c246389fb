namespace SurveyKit.Core.Reading;

/// <summary>How messages name a part of a survey: "question 'recommend'", "option 'no' of question 'complaint'".</summary>
internal static class Place
{
    public const string Survey = "the survey";

    public static string Question(string id) => id.Length == 0 ? "a question" : $"question '{id}'";

    public static string Page(string id) => id.Length == 0 ? "a page" : $"page '{id}'";

    public static string Context(string id) =>
        id.Length == 0 ? "a context field" : $"context field '{id}'";

    public static string ContextValue(string id, string field) =>
        (id.Length == 0 ? "a value" : $"value '{id}'") + " of " + Context(field);

    public static string Option(string id, string question) =>
        (id.Length == 0 ? "an option" : $"option '{id}'") + " of " + Question(question);

    public static string Item(string id, string question) =>
        (id.Length == 0 ? "an item" : $"item '{id}'") + " of " + Question(question);

    public static string TextOf(string key, string owner) => $"the {key} of {owner}";

    /// <summary>"an nps", "a rating": the article that reads right before a type name ("nps" is read en-pee-es).</summary>
    public static string WithArticle(string typeName) =>
        (typeName == "nps" || "aeiou".IndexOf(typeName[0]) >= 0 ? "an " : "a ") + typeName;

    /// <summary>The place with its first letter capitalised, to start a sentence.</summary>
    public static string Sentence(string place)
    {
        // A key path such as analysis.follow_up is written as the user writes it, never capitalised.
        var firstWord = place.Split(' ')[0];
        return place.Length == 0 || firstWord.IndexOf('.') >= 0
            ? place
            : char.ToUpperInvariant(place[0]) + place.Substring(1);
    }
}
