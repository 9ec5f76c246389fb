using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using SurveyKit.Core.Diagnostics;

namespace SurveyKit.Core.Tests.Diagnostics;

/// <summary>
/// docs/diagnostics.md is run as a test: each example survey in it must give exactly the output printed under it,
/// so the catalogue can never drift from what SurveyKit says. Ids without a YAML example (bytes, files, internal
/// errors) are proven by the named tests listed in <see cref="ProvenElsewhere"/>.
/// </summary>
public class DiagnosticCatalogueTests
{
    /// <summary>Diagnostics that need bytes, files or a fault to appear, and the test that checks id, line and column.</summary>
    private static readonly Dictionary<string, string> ProvenElsewhere = new()
    {
        ["SK0004"] = "YamlLoaderTests.Invalid_utf8_is_located_at_the_bad_byte",
        ["SK0005"] = "YamlLoaderTests.A_ten_megabyte_file_is_refused_before_it_is_parsed",
        ["SK0006"] = "YamlLoaderTests.Twenty_thousand_levels_of_flow_nesting_are_refused",
        ["SK0049"] =
            "ConditionLimitTests.A_condition_of_seventy_thousand_terms_is_one_located_error",
        ["SK0080"] = "CheckCommandTests.A_folder_without_surveys_is_a_warning",
        ["SK0081"] = "CheckCommandTests.Two_files_with_one_survey_id_are_an_error_at_the_second",
        ["SK0083"] = "CheckCommandTests.A_missing_path_is_an_error_at_that_path",
        ["SK0084"] = "FileDiagnosticsTests.An_unreadable_file_is_a_diagnostic",
        ["SK0085"] = "SiteBuilderTests.A_broken_template_override_is_a_located_error",
        ["SK0086"] =
            "YamlLoaderTests.Thirty_thousand_inline_questions_without_aliases_are_too_many_values",
        ["SK0088"] =
            "SurveyEvolutionTests.A_changed_scale_without_a_new_version_is_an_error_at_the_question",
        ["SK0089"] =
            "SurveyEvolutionTests.A_rename_from_an_id_no_earlier_version_had_is_an_error_at_the_question",
        ["SK0090"] = "SurveyEvolutionTests.A_new_question_just_like_a_gone_one_looks_renamed",
        ["SK9999"] = "FileDiagnosticsTests.An_exception_inside_the_loader_becomes_SK9999",
    };

    public sealed record Entry(string Id, string Title, string? Yaml, string[] Expected)
    {
        public override string ToString() => Id;
    }

    private static List<Entry> ReadCatalogue()
    {
        var text = File.ReadAllText(Path.Combine(TestData.Folder, "diagnostics.md"))
            .Replace("\r\n", "\n");
        var entries = new List<Entry>();
        var sections = Regex.Split(text, @"^## ", RegexOptions.Multiline).Skip(1);
        foreach (var section in sections)
        {
            var heading = Regex.Match(section, @"^(SK\d{4}): (.+)$", RegexOptions.Multiline);
            Assert.True(
                heading.Success,
                "a section heading is not '## SK0000: Title': " + section.Split('\n')[0]
            );
            var yaml = Regex.Match(section, "```yaml\n(.*?)\n```", RegexOptions.Singleline);
            var output = Regex.Match(section, "```text\n(.*?)\n```", RegexOptions.Singleline);
            entries.Add(
                new Entry(
                    heading.Groups[1].Value,
                    heading.Groups[2].Value.Trim(),
                    yaml.Success ? yaml.Groups[1].Value + "\n" : null,
                    output.Success ? output.Groups[1].Value.Split('\n') : []
                )
            );
        }
        return entries;
    }

    public static TheoryData<string> ExampleIds() =>
        new(ReadCatalogue().Where(e => e.Yaml is not null).Select(e => e.Id));

    [Theory]
    [MemberData(nameof(ExampleIds))]
    public void Each_example_gives_exactly_the_documented_output(string id)
    {
        var entry = ReadCatalogue().Single(e => e.Id == id);
        Assert.NotEmpty(entry.Expected);
        var fileName = entry
            .Expected[0]
            .Substring(0, entry.Expected[0].IndexOf('(', StringComparison.Ordinal));
        var result = SurveyLoader.Parse(fileName, entry.Yaml!);
        Assert.Equal(entry.Expected, TestData.Lines(result));
        Assert.Contains(result.Diagnostics, d => d.Id == id);
    }

    [Fact]
    public void Every_descriptor_is_documented_once_with_its_title()
    {
        var entries = ReadCatalogue();
        Assert.Equal(DiagnosticDescriptors.All.Select(d => d.Id), entries.Select(e => e.Id));
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            Assert.Equal(descriptor.Title, entries.Single(e => e.Id == descriptor.Id).Title);
        }
    }

    [Fact]
    public void Every_descriptor_has_an_example_or_a_named_test()
    {
        var withExample = ReadCatalogue()
            .Where(e => e.Yaml is not null)
            .Select(e => e.Id)
            .ToHashSet();
        var missing = DiagnosticDescriptors
            .All.Select(d => d.Id)
            .Where(id => !withExample.Contains(id) && !ProvenElsewhere.ContainsKey(id));
        Assert.Empty(missing);
        Assert.DoesNotContain(ProvenElsewhere.Keys, withExample.Contains);
    }

    [Fact]
    public void The_named_tests_exist()
    {
        var testNames = typeof(DiagnosticCatalogueTests)
            .Assembly.GetTypes()
            .SelectMany(t => t.GetMethods().Select(m => t.Name + "." + m.Name))
            .ToHashSet();
        // CLI and site tests live in their own assemblies (CheckCommandTests, SiteBuilderTests); the site's is checked there.
        var here = ProvenElsewhere.Values.Where(n =>
            !n.StartsWith("CheckCommandTests.", StringComparison.Ordinal)
            && !n.StartsWith("SiteBuilderTests.", StringComparison.Ordinal)
        );
        Assert.All(here, n => Assert.Contains(n, testNames));
    }

    [Fact]
    public void Ids_are_unique_and_well_formed()
    {
        var ids = DiagnosticDescriptors.All.Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^SK[0-9]{4}$", id));
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), ids);
    }

    [Fact]
    public void Messages_format_without_leftover_placeholders()
    {
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            var args = Enumerable.Range(0, 8).Select(i => (object)("arg" + i)).ToArray();
            var message = descriptor.At("x.yaml", default, args).Message;
            Assert.DoesNotMatch(@"\{\d\}", message);
            // A message that starts with a place ("{0} needs ...") is capitalised by the reader; the others start upper case.
            Assert.True(
                descriptor.MessageFormat.StartsWith('{')
                    || char.IsUpper(message[0])
                    || message.StartsWith("show_if", StringComparison.Ordinal)
                    || message.StartsWith("analysis.", StringComparison.Ordinal)
                    || message.StartsWith('\''),
                descriptor.Id + ": " + message
            );
        }
    }

    [Fact]
    public void The_catalogue_is_plain_utf8_text()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestData.Folder, "diagnostics.md"));
        Assert.Equal(bytes.Length, Encoding.UTF8.GetByteCount(Encoding.UTF8.GetString(bytes)));
    }
}
