using System;
using System.IO;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;

namespace SurveyKit.Collector.Tests.Export;

/// <summary>
/// surveykit export --format xlsx, opened by an independent reader (Debian's python3-openpyxl): three sheets, the
/// header frozen, grades as numbers and the time as a date, "na" kept as text, an answer starting with '=' stored as
/// text and never as a formula, the variables described as in the SPSS file, and the report's NPS.
/// </summary>
public sealed class XlsxExportTests
{
    [Fact]
    public async Task Openpyxl_reads_typed_cells_no_formulas_the_variables_and_the_report()
    {
        var survey = Alerts.TestSurveys.Load(SpssExportTests.Survey, "onderzoek.survey.yaml");
        await using var collector = await Collector.Start(o => o with { Surveys = [survey] });
        File.WriteAllText(
            Path.Combine(collector.Folder, "onderzoek.survey.yaml"),
            SpssExportTests.Survey
        );
        foreach (
            var body in new[]
            {
                SpssExportTests.Response(
                    "\"recommend\":9,\"ease\":\"na\",\"why\":"
                        + JsonSerializer.Serialize("=HYPERLINK(\"http://x\",\"klik\")")
                ),
                SpssExportTests.Response("\"recommend\":2,\"ease\":4,\"years\":1.5", "b2c"),
            }
        )
        {
            var response = await collector.PostJson(body);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Cli.Commands.ExportCommand.Run(
            new Cli.CliContext(output, error, collector.Folder),
            "responses.db",
            "onderzoek.survey.yaml",
            "xlsx",
            "onderzoek.xlsx",
            false,
            "en"
        );
        Assert.True(code == 0, error.ToString());
        File.WriteAllText(
            Path.Combine(collector.Folder, "read.py"),
            """
            import warnings
            warnings.simplefilter("ignore")
            import openpyxl
            wb = openpyxl.load_workbook("onderzoek.xlsx")
            print(wb.sheetnames)
            ws = wb["responses"]
            print(ws.freeze_panes, ws.max_row)
            header = [c.value for c in ws[1]]
            rows = list(ws.iter_rows(min_row=2))
            col = lambda name: header.index(name)
            first = next(r for r in rows if r[col("recommend")].value == 9)
            second = next(r for r in rows if r[col("recommend")].value == 2)
            print(first[col("recommend")].data_type, first[col("ease")].value, first[col("ease")].data_type)
            print(second[col("ease")].value, second[col("ease")].data_type, second[col("years")].value)
            print(first[col("why")].data_type, first[col("why")].value)
            print(type(first[col("submitted_at")].value).__name__, first[col("submitted_at")].value.isoformat())
            print(any(c.data_type == "f" for r in rows for c in r))
            variables = {r[0]: r for r in wb["variables"].iter_rows(min_row=2, values_only=True)}
            print(variables["ease"][1], "|", variables["ease"][3], "|", variables["ease"][4], "|", variables["ease"][5])
            report = list(wb["report"].iter_rows(values_only=True))
            print(report[0][0], report[1][0], report[1][3])
            """
        );
        var (python, text) = await SpssExportTests.Run(
            collector.Folder,
            Alerts.SmtpServer.Python,
            "read.py"
        );
        Assert.True(python == 0, text);
        var lines = text.Split('\n');
        Assert.Equal("['responses', 'variables', 'report']", lines[0]);
        Assert.Equal("A2 3", lines[1]);
        Assert.Equal("n na s", lines[2]); // the grade a number; "not applicable" text, not a number
        Assert.Equal("4 n 1.5", lines[3]);
        Assert.Equal("s =HYPERLINK(\"http://x\",\"klik\")", lines[4]);
        Assert.Equal("datetime 2026-03-04T05:06:07", lines[5]);
        Assert.Equal("False", lines[6]);
        Assert.Equal(
            "How easy was it? | 1 = Very hard; 5 = Very easy; 99 = Don't know | 99 | ordinal",
            lines[7]
        );
        Assert.Equal("Net Promoter Score 0 2", lines[8]); // one promoter, one detractor of 2
    }
}
