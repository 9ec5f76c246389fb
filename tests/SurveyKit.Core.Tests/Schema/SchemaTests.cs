using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NJsonSchema;
using SurveyKit.Core.Model;
using SurveyKit.Core.Reading;

namespace SurveyKit.Core.Tests.Schema;

/// <summary>
/// schema/survey.schema.json is what editors underline with; these tests keep it and the checker in agreement:
/// the same keys in every part, and every valid survey valid for both.
/// </summary>
public class SchemaTests
{
    private static readonly string SchemaPath = Path.Combine(TestData.Folder, "survey.schema.json");

    private static Task<JsonSchema> LoadSchema() => JsonSchema.FromFileAsync(SchemaPath);

    private static async Task<List<string>> Validate(string yaml)
    {
        var schema = await LoadSchema();
        var json = YamlToJson.Convert(yaml)!.ToJsonString();
        return schema.Validate(json).Select(e => e.ToString()).ToList();
    }

    public static TheoryData<string> ValidSurveys() =>
        new(
            TestData
                .ExampleFiles.Append(
                    Path.Combine(TestData.Folder, "dsl", "klantloyaliteit.survey.yaml")
                )
                .Select(f => Path.GetRelativePath(TestData.Folder, f))
        );

    [Theory]
    [MemberData(nameof(ValidSurveys))]
    public async Task Every_example_is_valid_for_the_schema(string relativePath)
    {
        var yaml = File.ReadAllText(Path.Combine(TestData.Folder, relativePath));
        Assert.Empty(await Validate(yaml));
    }

    [Theory]
    [InlineData("    colour: red\n")] // unknown key
    [InlineData("    scale: { min: 1, max: 5 }\n")] // a key of another type
    [InlineData("    required: maybe\n")] // not a boolean
    public async Task Mistakes_the_checker_reports_are_invalid_for_the_schema_too(string extra)
    {
        var yaml = TestData.Minimal + "\n" + extra;
        Assert.NotEmpty(TestData.Check(yaml).Diagnostics);
        Assert.NotEmpty(await Validate(yaml));
    }

    [Fact]
    public async Task An_unknown_question_type_is_invalid_for_the_schema()
    {
        Assert.NotEmpty(await Validate(TestData.Minimal.Replace("type: nps", "type: nsp")));
    }

    [Fact]
    public async Task The_schema_and_the_checker_accept_the_same_keys()
    {
        var schema = await LoadSchema();
        void Same(IEnumerable<string> keys, JsonSchema part, string name) =>
            Assert.True(
                keys.OrderBy(k => k).SequenceEqual(part.Properties.Keys.OrderBy(k => k)),
                $"{name}: checker [{string.Join(", ", keys.OrderBy(k => k))}] vs schema [{string.Join(", ", part.Properties.Keys.OrderBy(k => k))}]"
            );

        Same(SurveyKeys.Survey, schema, "survey");
        Same(SurveyKeys.Page, schema.Definitions["page"], "page");
        Same(SurveyKeys.ContextField, schema.Definitions["context_field"], "context field");
        Same(SurveyKeys.ContextValue, schema.Definitions["context_value"], "context value");
        Same(SurveyKeys.Settings, schema.Definitions["settings"], "settings");
        Same(SurveyKeys.NpsLabels, schema.Definitions["nps_labels"], "nps labels");
        Same(SurveyKeys.Scale, schema.Definitions["scale"], "scale");
        Same(SurveyKeys.Option, schema.Definitions["option"], "option");
        Same(SurveyKeys.TouchpointItem, schema.Definitions["touchpoint_item"], "touchpoint item");
        Same(SurveyKeys.Analysis, schema.Definitions["analysis"], "analysis");
        Same(SurveyKeys.FollowUp, schema.Definitions["follow_up"], "follow_up");
        Same(SurveyKeys.Alert, schema.Definitions["alert"], "alert");
        Same(SurveyKeys.AlertTargets, schema.Definitions["alert_targets"], "alert targets");
        foreach (var type in SurveyKeys.ByType.Keys)
        {
            var name = "question_" + type.ToYamlName();
            Same(SurveyKeys.ForQuestion(type), schema.Definitions[name], name);
        }
    }

    [Fact]
    public async Task Every_object_in_the_schema_is_closed_to_other_keys()
    {
        var schema = await LoadSchema();
        var open = schema
            .Definitions.Where(d =>
                d.Value.Properties.Count > 0 && d.Value.AllowAdditionalProperties
            )
            .Select(d => d.Key);
        Assert.Empty(open);
        Assert.False(schema.AllowAdditionalProperties);
    }
}
