using System.Collections.Generic;
using System.Linq;
using SurveyKit.Core.Model;
using SurveyKit.Core.Text;
using SurveyKit.Core.Writing;
using SurveyKit.Generators.Emit;
using SurveyKit.Generators.Model;

namespace SurveyKit.Generators.Pipeline;

/// <summary>Chooses every C# name for a survey once, so the emitter only writes text.</summary>
internal static class SpecBuilder
{
    /// <summary>Members every response type has; questions get another name when theirs would clash.</summary>
    private static readonly string[] ResponseMembers =
    [
        "ResponseId",
        "Version",
        "SubmittedAt",
        "Lang",
        "Context",
        "DurationMs",
        "SurveyId",
        "SurveyVersion",
        "Definition",
        "Validate",
        "ToResponseData",
        "WriteJson",
        "ToJson",
        "Parse",
        "TryParse",
        "ReadJsonLines",
        "CsvHeader",
        "CanonicalYaml",
        "Id",
        "WriteCsvRow",
        "ReadCsv",
        "Equals",
        "GetHashCode",
        "ToString",
        "GetType",
        "MemberwiseClone",
    ];

    public static SurveySpec Build(Survey survey, string fileName, string? ns)
    {
        var prefix = Naming.Pascal(survey.Id);
        var types = new HashSet<string> { prefix + "Response", prefix + "Context" };
        var context = survey
            .Context.Select(field =>
            {
                var values = field.Values.IsEmpty
                    ? EquatableArray<MemberSpec>.Empty
                    : Members(field.Values, []);
                var enumName = field.Values.IsEmpty
                    ? null
                    : Naming.Unique(prefix + Naming.Pascal(field.Id), types, "Value");
                return new ContextSpec(
                    field.Id,
                    Naming.Pascal(field.Id),
                    enumName,
                    values,
                    field.Pii
                );
            })
            .ToList();
        var responseMembers = new HashSet<string>(ResponseMembers) { prefix + "Response" };
        var questions = survey
            .Questions.Select(q =>
                Question(q, prefix, types, responseMembers, survey.DefaultLanguage)
            )
            .ToList();
        return new SurveySpec(
            survey.Id,
            survey.Version,
            prefix,
            fileName,
            ns,
            SurveyWriter.ToYaml(survey),
            survey.Title[survey.DefaultLanguage],
            context.ToEquatableArray(),
            questions.ToEquatableArray()
        );
    }

    private static QuestionSpec Question(
        Question question,
        string prefix,
        HashSet<string> types,
        HashSet<string> members,
        string language
    )
    {
        var property = Naming.Unique(Naming.Pascal(question.Id), members, "Answer");
        var scale = question switch
        {
            NpsQuestion => NpsQuestion.Scale,
            RatingQuestion rating => rating.Scale,
            TouchpointsQuestion touchpoints => touchpoints.Scale,
            _ => default,
        };
        string? enumName = null;
        var options = EquatableArray<MemberSpec>.Empty;
        string? otherProperty = null;
        if (question is ChoiceQuestion choice)
        {
            enumName = Naming.Unique(prefix + Naming.Pascal(question.Id), types, "Option");
            var ids = choice.Options.Select(o => o.Id).ToList();
            options = Members(ids, []);
            if (choice.Other is not null)
            {
                var taken = new HashSet<string>(options.Select(o => o.Name));
                options = options
                    .Append(
                        new MemberSpec(
                            "other",
                            Naming.Unique(QuestionSpec.OtherMember, taken, "Choice")
                        )
                    )
                    .ToEquatableArray();
                otherProperty = Naming.Unique(property + "Other", members, "Text");
            }
        }
        string? itemsType = null;
        var items = EquatableArray<MemberSpec>.Empty;
        string? compareType = null;
        string? compareProperty = null;
        if (question is TouchpointsQuestion touchpointsQuestion)
        {
            itemsType = Naming.Unique(prefix + Naming.Pascal(question.Id), types, "Grades");
            items = Members(touchpointsQuestion.Items.Select(i => i.Id), [itemsType]);
            if (touchpointsQuestion.Compare is not null)
            {
                compareType = Naming.Unique(itemsType + "Compare", types, "Items");
                compareProperty = Naming.Unique(property + "Compare", members, "Items");
            }
        }
        return new QuestionSpec(
            question.Id,
            question.Type,
            property,
            Core.Text.Piping.Plain(question.Text[language]),
            question.Required,
            scale.Min,
            scale.Max,
            question is RatingQuestion { NotApplicable: not null },
            question is NumberQuestion { Integer: true },
            enumName,
            options,
            otherProperty,
            itemsType,
            items,
            compareType,
            compareProperty
        );
    }

    private static EquatableArray<MemberSpec> Members(
        IEnumerable<string> ids,
        HashSet<string> taken
    ) =>
        ids.Select(id => new MemberSpec(id, Naming.Unique(Naming.Pascal(id), taken, "Value")))
            .ToEquatableArray();
}
