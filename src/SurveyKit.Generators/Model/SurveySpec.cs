using SurveyKit.Core.Model;
using SurveyKit.Core.Text;

namespace SurveyKit.Generators.Model;

/// <summary>
/// Everything the emitter needs for one survey, with every C# name already chosen, and nothing about positions:
/// editing a comment in the YAML leaves it equal, so no code is generated again.
/// </summary>
/// <param name="Id">The survey id.</param>
/// <param name="Version">The survey version.</param>
/// <param name="TypePrefix">The prefix of every generated type (Klantloyaliteit).</param>
/// <param name="FileName">The YAML file name, for hint names and documentation.</param>
/// <param name="Namespace">The namespace from the file's SurveyNamespace metadata, or null for the project default.</param>
/// <param name="CanonicalYaml">The survey as canonical YAML, embedded for the static definition.</param>
/// <param name="Title">The title in the default language, for documentation.</param>
/// <param name="Context">The context fields.</param>
/// <param name="Questions">The questions in the order asked.</param>
internal sealed record SurveySpec(
    string Id,
    int Version,
    string TypePrefix,
    string FileName,
    string? Namespace,
    string CanonicalYaml,
    string Title,
    EquatableArray<ContextSpec> Context,
    EquatableArray<QuestionSpec> Questions
);

/// <summary>A YAML id and the C# name chosen for it.</summary>
internal sealed record MemberSpec(string Id, string Name);

/// <summary>A context field: an enum when it lists its values, else a string.</summary>
internal sealed record ContextSpec(
    string Id,
    string Property,
    string? EnumName,
    EquatableArray<MemberSpec> Values,
    bool Pii
);

/// <summary>A question with the C# names of its property and of the types it needs.</summary>
internal sealed record QuestionSpec(
    string Id,
    QuestionType Type,
    string Property,
    string Doc,
    bool Required,
    int ScaleMin,
    int ScaleMax,
    bool NotApplicable,
    bool Integer,
    string? EnumName,
    EquatableArray<MemberSpec> Options,
    string? OtherProperty,
    string? ItemsType,
    EquatableArray<MemberSpec> Items,
    string? CompareType,
    string? CompareProperty
)
{
    /// <summary>The enum member for the "other" choice, when the question has one.</summary>
    public const string OtherMember = "Other";
}
