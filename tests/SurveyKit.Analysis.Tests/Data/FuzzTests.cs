using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using SurveyKit.Analysis.Data;
using SurveyKit.Analysis.Scoring;

namespace SurveyKit.Analysis.Tests.Data;

/// <summary>
/// Generated hostile files (CsCheck) for analyze: JSON Lines of hostile submissions and CSV records with hostile
/// cells. Whatever a file holds, reading never throws, read = scored + rejected, every rejection has its line, the
/// report can be scored, and the time grows with the size of the file.
/// </summary>
public class FuzzTests
{
    private static readonly AnalysisPlan Plan = AnalysisPlan.For(TestSurveys.Example("bezorging"));

    [Fact]
    public void Any_json_lines_file_is_read_line_by_line_and_scored()
    {
        HostileInput
            .Submission.Array[1, 30]
            .Sample(
                lines =>
                {
                    var text = string.Join("\n", lines.Select(l => l.Replace('\n', ' ')));
                    var builder = new ResponseTableBuilder(Plan);
                    var watch = Stopwatch.StartNew();
                    builder.ReadJsonLines(
                        new MemoryStream(Encoding.UTF8.GetBytes(text)),
                        "fuzz.jsonl"
                    );
                    var table = builder.Build();
                    Assert.True(
                        watch.Elapsed.TotalSeconds < 2,
                        $"{watch.Elapsed.TotalSeconds:F1} s"
                    );
                    Assert.Equal(lines.Length, table.Read);
                    Assert.Equal(table.Read, table.Count + table.Rejected);
                    Assert.All(table.Rejections, r => Assert.InRange(r.Line, 1, lines.Length));
                    _ = SurveyAnalyzer.Analyze(table);
                },
                iter: 300,
                threads: 1
            );
    }

    private static readonly Gen<string> Cell = Gen.Frequency(
        (
            5,
            Gen.Int[-1, 11]
                .Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))
        ),
        (
            2,
            Gen.OneOf(
                Gen.Const(""),
                Gen.Const("na"),
                Gen.Const("true"),
                Gen.Const("9.0"),
                Gen.Const("1e-400"),
                Gen.Const("\"a,\"\"b\"\"\nc\""),
                Gen.Const("\"'=1+1\""),
                Gen.Const("\"\t=cmd\""),
                Gen.Const("\"unclosed"),
                Gen.Const("\0"),
                Gen.Const("own"),
                Gen.Const("b38a088c-a65e-4389-b74d-0fb132e70629")
            )
        ),
        (
            1,
            Gen.String[0, 20]
                .Select(s => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")
        )
    );

    [Fact]
    public void Any_csv_file_is_read_record_by_record_and_scored()
    {
        var header =
            "response_id,survey,version,submitted_at,lang,carrier,recommend,delivery.on_time,delivery.driver,delivery.packaging,ease,remarks,contact_ok,duration_ms,notes";
        Gen.Select(Gen.Guid, Cell.Array[13, 15])
            .Array[1, 30]
            .Sample(
                records =>
                {
                    var text = new StringBuilder(header).Append("\r\n");
                    foreach (var (id, cells) in records)
                    {
                        text.Append(id)
                            .Append(",bezorging,1,2026-01-01T10:00:00Z,nl,")
                            .AppendJoin(",", cells.Skip(5))
                            .Append("\r\n");
                    }
                    var builder = new ResponseTableBuilder(Plan);
                    var watch = Stopwatch.StartNew();
                    builder.ReadCsv(
                        new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())),
                        "fuzz.csv"
                    );
                    var table = builder.Build();
                    Assert.True(
                        watch.Elapsed.TotalSeconds < 2,
                        $"{watch.Elapsed.TotalSeconds:F1} s"
                    );
                    Assert.Equal(table.Read, table.Count + table.Rejected);
                    Assert.Contains("notes", table.UnknownColumns);
                    _ = SurveyAnalyzer.Analyze(table);
                },
                iter: 300,
                threads: 1
            );
    }

    [Fact]
    public void Reading_grows_linearly_with_the_number_of_hostile_lines()
    {
        const string line =
            """{"responseId":"b38a088c-a65e-4389-b74d-0fb132e70629","survey":"bezorging","version":1,"answers":{"recommend":3,"remarks":"a\ud800\u0000","email":"a@...................................."}}""";
        Growth.IsLinear(
            n =>
            {
                var builder = new ResponseTableBuilder(Plan);
                var text = string.Join("\n", Enumerable.Repeat(line, n));
                builder.ReadJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(text)), "many.jsonl");
                builder.Build();
            },
            2_000
        );
    }
}
