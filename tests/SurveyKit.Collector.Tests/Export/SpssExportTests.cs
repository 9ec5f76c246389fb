using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace SurveyKit.Collector.Tests.Export;

/// <summary>
/// surveykit export --format sav, read back by two independent readers that CI installs: Debian's PSPP (the
/// dictionary, the value labels and the data as labels) and R's haven (the exact bytes of hostile answers). Quotes,
/// newlines, emoji and a 32,000-byte answer survive; a longer one is cut at a character and said.
/// </summary>
public sealed class SpssExportTests
{
    internal const string Survey = """
        survey: onderzoek
        version: 2
        languages: [nl, en]
        title: { nl: Klantonderzoek, en: Customer research }
        context:
          - id: segment
            label: { nl: Klantsegment, en: Customer segment }
            values:
              - { id: b2b, label: { nl: Zakelijk, en: Business } }
              - { id: b2c, label: { nl: Particulier, en: Consumer } }
        questions:
          - id: recommend
            type: nps
            text: { nl: "Hoe waarschijnlijk is het dat u ons aanbeveelt?", en: "How likely are you to recommend us?" }
          - id: ease
            type: rating
            scale: { min: 1, max: 5 }
            labels: { 1: { nl: Heel moeilijk, en: Very hard }, 5: { nl: Heel makkelijk, en: Very easy } }
            not_applicable: { nl: Weet niet, en: "Don't know" }
            text: { nl: Hoe makkelijk ging het?, en: How easy was it? }
          - id: channel
            type: single_choice
            text: { nl: Via welk kanaal?, en: Through which channel? }
            options:
              - { id: phone, label: { nl: Telefoon, en: Phone } }
              - { id: mail, label: { nl: E-mail, en: E-mail } }
            other: { nl: Anders, en: Other }
          - id: topics
            type: multi_choice
            text: { nl: Waarover?, en: About what? }
            options:
              - { id: price, label: { nl: Prijs, en: Price } }
              - { id: service, label: { nl: Service, en: Service } }
          - id: contact_ok
            type: consent
            text: { nl: Mogen wij contact opnemen?, en: May we contact you? }
          - id: why
            type: text
            max_length: 50000
            text: { nl: Waarom?, en: Why? }
          - id: years
            type: number
            text: { nl: Hoeveel jaar klant?, en: How many years a customer? }
        """;

    internal static string Response(string answers, string segment = "b2b") =>
        "{\"responseId\":\""
        + Guid.NewGuid()
        + "\",\"survey\":\"onderzoek\",\"version\":2,\"lang\":\"nl\",\"submittedAt\":\"2026-03-04T05:06:07Z\","
        + "\"context\":{\"segment\":\""
        + segment
        + "\"},\"answers\":{"
        + answers
        + "}}";

    [Fact] // .ci/run installs the readers (pspp, r-cran-haven)
    public async Task Pspp_and_haven_read_labels_codes_missing_values_and_hostile_texts()
    {
        var survey = Alerts.TestSurveys.Load(Survey, "onderzoek.survey.yaml");
        await using var collector = await Collector.Start(o => o with { Surveys = [survey] });
        File.WriteAllText(Path.Combine(collector.Folder, "onderzoek.survey.yaml"), Survey);
        var hostile = "Hij zei \"nee\"\nen toen 'ja'; 😀 — café, 50% , =SUM(A1)";
        var long32k = string.Concat(Enumerable.Repeat("abcdé", 32_000 / 6)) + "ok";
        var tooLong = new string('x', 40_000);
        var bodies = new[]
        {
            Response(
                "\"recommend\":9,\"ease\":\"na\",\"channel\":\"other\",\"channel_other\":\"Brief\","
                    + "\"topics\":[\"service\"],\"contact_ok\":true,\"why\":"
                    + JsonSerializer.Serialize(hostile)
                    + ",\"years\":2.5"
            ),
            Response(
                "\"recommend\":3,\"ease\":2,\"channel\":\"phone\",\"contact_ok\":false,\"why\":"
                    + JsonSerializer.Serialize(long32k),
                "b2c"
            ),
            Response("\"recommend\":10,\"why\":" + JsonSerializer.Serialize(tooLong)),
        };
        foreach (var body in bodies)
        {
            var response = await collector.PostJson(body);
            Assert.True(
                response.StatusCode == HttpStatusCode.Created,
                await response.Content.ReadAsStringAsync()
            );
        }
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Cli.Commands.ExportCommand.Run(
            new Cli.CliContext(output, error, collector.Folder),
            "responses.db",
            "onderzoek.survey.yaml",
            "sav",
            "onderzoek.sav",
            false,
            "nl"
        );
        Assert.True(code == 0, error.ToString());
        Assert.Contains(
            "Exported 3 responses of onderzoek to onderzoek.sav",
            output.ToString(),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "1 answer longer than SPSS's 32,767 bytes was cut at a character",
            output.ToString(),
            StringComparison.Ordinal
        );

        // PSPP: the dictionary and the value labels, as CSV tables, and the data as labels.
        File.WriteAllText(
            Path.Combine(collector.Folder, "read.sps"),
            "GET FILE='onderzoek.sav'.\nDISPLAY DICTIONARY.\n"
                + "SAVE TRANSLATE /OUTFILE='labels.csv' /TYPE=CSV /FIELDNAMES /CELLS=LABELS /REPLACE.\n"
                + "COMPUTE bytes = LENGTH(RTRIM(why)).\nFORMATS bytes (F8.0).\nLIST /VARIABLES=bytes.\n"
        );
        var (pspp, psppError) = await Run(
            collector.Folder,
            "pspp",
            "read.sps",
            "-o",
            "dictionary.csv"
        );
        Assert.True(pspp == 0, psppError);
        var dictionary = File.ReadAllText(Path.Combine(collector.Folder, "dictionary.csv"));
        Assert.DoesNotContain("warning", dictionary, StringComparison.OrdinalIgnoreCase);
        foreach (
            var line in new[]
            {
                "recommend,7,Hoe waarschijnlijk is het dat u ons aanbeveelt?,Scale,",
                "ease,8,Hoe makkelijk ging het?,Ordinal,",
                "channel,9,Via welk kanaal?,Nominal,",
                "topics.price,11,Waarover?: Prijs,Nominal,",
                "submitted_at,4,Verstuurd op (UTC),Scale,Input,8,Right,DATETIME20.0",
                ",99[a],Weet niet",
                "Klantsegment,1,Zakelijk",
                ",2,Particulier",
                ",3,Anders",
                "Mogen wij contact opnemen?,0,Nee",
                ",1,Ja",
                ",10,Zeer waarschijnlijk",
            }
        )
        {
            Assert.Contains(line, dictionary, StringComparison.Ordinal);
        }
        Assert.Contains(
            "ease,8,Hoe makkelijk ging het?,Ordinal,Input,8,Right,F8.0,F8.0,99",
            dictionary,
            StringComparison.Ordinal
        );
        var labels = File.ReadAllLines(Path.Combine(collector.Folder, "labels.csv"));
        Assert.StartsWith(
            "response_id,survey,version,submitted_at,lang,segment,recommend,ease,channel,",
            labels[0],
            StringComparison.Ordinal
        );
        Assert.Contains(
            ",03/04/2026 05:06:07,nl,Zakelijk,9,Weet niet,Anders,",
            labels[1],
            StringComparison.Ordinal
        );

        // haven: user-missing kept apart from system-missing, and every byte of the answers.
        var script = """
            suppressMessages(library(haven))
            d <- read_sav("onderzoek.sav", user_na = TRUE)
            cat(attr(d$ease, "na_values"), "\n")
            cat(as.numeric(d$ease), "\n", sep = " ")
            cat(is.na(as.numeric(d$ease)), "\n")
            cat(as.numeric(d$years), "\n")
            writeLines(d$why[1], "why1.txt", useBytes = TRUE)
            writeLines(d$why[2], "why2.txt", useBytes = TRUE)
            cat(nchar(d$why[3], type = "bytes"), "\n")
            cat(attr(d$channel, "label"), "\n")
            """;
        File.WriteAllText(Path.Combine(collector.Folder, "read.R"), script);
        var (r, rOutput) = await Run(collector.Folder, "Rscript", "read.R");
        Assert.True(r == 0, rOutput);
        var lines = rOutput.Split('\n');
        Assert.Equal("99 ", lines[0]);
        Assert.Equal("99 2 NA ", lines[1]); // "don't know" is 99 (user-missing), not answered is NA
        Assert.Equal("2.5 NA NA ", lines[3]);
        Assert.Equal(hostile + "\n", File.ReadAllText(Path.Combine(collector.Folder, "why1.txt")));
        Assert.Equal(long32k + "\n", File.ReadAllText(Path.Combine(collector.Folder, "why2.txt")));
        // The answer cut to SPSS's 32,767 bytes: PSPP reads all of them (haven's reader stops one short).
        var listed = dictionary
            .Split("Table: Data List", StringSplitOptions.None)[1]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            [
                "bytes",
                Encoding
                    .UTF8.GetByteCount(hostile)
                    .ToString(System.Globalization.CultureInfo.InvariantCulture),
                Encoding
                    .UTF8.GetByteCount(long32k)
                    .ToString(System.Globalization.CultureInfo.InvariantCulture),
                "32767",
            ],
            listed.Take(4)
        );
        Assert.InRange(
            int.Parse(lines[4].Trim(), System.Globalization.CultureInfo.InvariantCulture),
            32766,
            32767
        );
        Assert.Equal("Via welk kanaal? ", lines[5]);
    }

    internal static async Task<(int Code, string Output)> Run(
        string folder,
        string file,
        params string[] arguments
    )
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        return (process.ExitCode, await stdout + await stderr);
    }
}
