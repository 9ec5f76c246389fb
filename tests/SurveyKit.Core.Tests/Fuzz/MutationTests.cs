using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SurveyKit.Core.Diagnostics;

namespace SurveyKit.Core.Tests.Fuzz;

/// <summary>
/// The front door under fire: tens of thousands of mutated variants of the examples. Whatever the mutation,
/// loading returns diagnostics (never throws, never reports an internal error) and every diagnostic points
/// at a place that exists in the file.
/// </summary>
public class MutationTests
{
    private const int CasesPerExample = 8_000;

    private static readonly string[] Fragments =
    [
        ":",
        ": ",
        " ",
        "\t",
        "-",
        "- ",
        "[",
        "]",
        "{",
        "}",
        ",",
        "'",
        "\"",
        "&a ",
        "*a",
        "*b",
        "\n",
        "\r\n",
        "#",
        "|",
        ">",
        "!!str ",
        "!!map ",
        "? ",
        "\uFEFF",
        "é",
        "😀",
        "\0",
        "\u0085",
        "---\n",
        "...\n",
        "%YAML 1.2\n",
        "show_if: ",
        " and ",
        " or ",
        "not ",
        "==",
        "<=",
        "(",
        ")",
        "answered(",
        "count(",
        ".",
        "'x'",
        "99",
        "-1",
        "1e400",
        "true",
        "no",
        "null",
        "~",
        "type: ",
        "id: ",
        "nps",
        "touchpoints",
        "single_choice",
        "scale: { min: 1, max: 5 }",
        "items: []",
        "options: []",
        "nl: ",
        "en: ",
        "<script>",
        "[x](javascript:y)",
    ];

    public static TheoryData<string> Examples() =>
        new(TestData.ExampleFiles.Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Mutated_surveys_give_located_diagnostics_and_never_throw(string fileName)
    {
        var path = TestData.ExampleFiles.Single(f => Path.GetFileName(f) == fileName);
        var original = File.ReadAllText(path);
        var random = new Random(fileName.Aggregate(17, (h, c) => (h * 31) + c));
        var withDiagnostics = 0;
        for (var i = 0; i < CasesPerExample; i++)
        {
            var mutated = Mutate(original, random, 1 + random.Next(3));
            SurveyLoadResult result;
            try
            {
                result = SurveyLoader.Parse(fileName, mutated);
            }
            catch (Exception e)
            {
                Assert.Fail($"case {i} threw {e}\n--- input ---\n{mutated}");
                return;
            }
            AssertLocated(result.Diagnostics, mutated, i);
            withDiagnostics += result.Diagnostics.Count > 0 ? 1 : 0;
        }
        // The mutations must actually break things, or this test proves nothing.
        Assert.True(
            withDiagnostics > CasesPerExample / 2,
            $"only {withDiagnostics} of {CasesPerExample} mutations were caught"
        );
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Mutated_bytes_give_located_diagnostics_and_never_throw(string fileName)
    {
        var path = TestData.ExampleFiles.Single(f => Path.GetFileName(f) == fileName);
        var original = File.ReadAllBytes(path);
        var random = new Random(fileName.Length);
        for (var i = 0; i < CasesPerExample / 4; i++)
        {
            var bytes = original.ToList();
            for (var m = 0; m < 1 + random.Next(4); m++)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(3))
                {
                    case 0:
                        bytes[at] = (byte)random.Next(256);
                        break;
                    case 1:
                        bytes.Insert(at, (byte)(0x80 + random.Next(128)));
                        break;
                    default:
                        bytes.RemoveAt(at);
                        break;
                }
            }
            var result = SurveyLoader.Load(fileName, bytes.ToArray());
            var text = Encoding.UTF8.GetString(bytes.ToArray());
            AssertLocated(result.Diagnostics, text, i);
        }
    }

    private static void AssertLocated(IEnumerable<Diagnostic> diagnostics, string text, int index)
    {
        // Lines as editors count them: \r\n, \n or a lone \r ends a line.
        var lines = System.Text.RegularExpressions.Regex.Split(text, "\r\n|\r|\n");
        foreach (var diagnostic in diagnostics)
        {
            Assert.True(
                diagnostic.Id != "SK9999",
                $"case {index}: internal error {diagnostic}\n--- input ---\n{text}"
            );
            var (line, column) = (diagnostic.Span.Start.Line, diagnostic.Span.Start.Column);
            Assert.True(
                line >= 1 && line <= lines.Length + 1,
                $"case {index}: line {line} outside the file: {diagnostic}\n--- input ---\n{text}"
            );
            var length = line <= lines.Length ? lines[line - 1].Length : 0;
            Assert.True(
                column >= 1 && column <= length + 2,
                $"case {index}: column {column} outside line {line} ({length} characters): {diagnostic}\n--- input ---\n{text}"
            );
        }
    }

    private static string Mutate(string text, Random random, int mutations)
    {
        var builder = new StringBuilder(text);
        for (var m = 0; m < mutations && builder.Length > 0; m++)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(8))
            {
                case 0:
                    builder.Remove(at, Math.Min(1 + random.Next(20), builder.Length - at));
                    break;
                case 1:
                case 2:
                    builder.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 3:
                    builder.Length = at; // truncated, as by a failed save
                    break;
                default:
                    var lines = builder.ToString().Split('\n').ToList();
                    var line = random.Next(lines.Count);
                    switch (random.Next(4))
                    {
                        case 0:
                            lines.Insert(line, lines[random.Next(lines.Count)]); // a duplicated line: duplicate keys and ids
                            break;
                        case 1:
                            var other = random.Next(lines.Count);
                            (lines[line], lines[other]) = (lines[other], lines[line]);
                            break;
                        case 2:
                            lines[line] = "  " + lines[line];
                            break;
                        default:
                            lines[line] = lines[line].TrimStart();
                            break;
                    }
                    builder.Clear().Append(string.Join("\n", lines));
                    break;
            }
        }
        return builder.ToString();
    }
}
