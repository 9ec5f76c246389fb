using System;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using SurveyKit.Benchmarks.Surveys;
using SurveyKit.Core.Responses;

namespace SurveyKit.Benchmarks.Reading;

/// <summary>
/// The generated reader on JSON Lines: 100,000 realistic klantloyaliteit submissions (about 50 MB) read from memory
/// on one thread. Throughput = bytes / mean time. Target: 300 MB/s or more.
/// </summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private byte[] _jsonLines = [];
    private string _csv = "";

    [Params(100_000)]
    public int Responses { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var json = new StringBuilder();
        var csv = new StringWriter { NewLine = "\n" };
        csv.Write(KlantloyaliteitResponse.CsvHeader() + "\n");
        for (var i = 0; i < Responses; i++)
        {
            var response = Sample(random);
            json.Append(response.ToJson()).Append('\n');
            response.WriteCsvRow(csv);
        }
        _jsonLines = Encoding.UTF8.GetBytes(json.ToString());
        _csv = csv.ToString();
        Console.WriteLine(
            $"// JSON Lines: {_jsonLines.Length:N0} bytes; CSV: {Encoding.UTF8.GetByteCount(_csv):N0} bytes"
        );
    }

    [Benchmark]
    public int ReadJsonLines()
    {
        using var stream = new MemoryStream(_jsonLines, writable: false);
        return KlantloyaliteitResponse.ReadJsonLines(stream).Count(r => r.IsValid);
    }

    [Benchmark]
    public int ReadCsv() =>
        KlantloyaliteitResponse.ReadCsv(new StringReader(_csv)).Count(r => r.IsValid);

    internal static KlantloyaliteitResponse Sample(Random random)
    {
        TouchpointGrade? Grade() =>
            random.Next(10) == 0
                ? TouchpointGrade.NotApplicable
                : TouchpointGrade.Of(random.Next(4, 11));
        var recommend = random.Next(0, 11);
        return new KlantloyaliteitResponse
        {
            ResponseId = Guid.NewGuid(),
            SubmittedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(
                random.Next(500_000)
            ),
            Lang = random.Next(3) == 0 ? "en" : "nl",
            Context =
            {
                Segment =
                    random.Next(3) == 0 ? KlantloyaliteitSegment.B2b : KlantloyaliteitSegment.B2c,
            },
            Recommend = recommend,
            Reason =
                recommend <= 8
                    ? "De levering duurde langer dan beloofd en niemand liet iets weten."
                    : null,
            Satisfaction = random.Next(1, 6),
            Stay = random.Next(1, 6),
            YearsCustomer = random.Next(0, 20),
            Touchpoints =
            {
                Website = Grade(),
                Store = Grade(),
                Service = Grade(),
                Delivery = Grade(),
                Invoice = Grade(),
            },
            TouchpointsCompare = { Website = Comparison.Same, Service = Comparison.Better },
            Complaint = KlantloyaliteitComplaint.No,
            Channels = [KlantloyaliteitChannels.Phone, KlantloyaliteitChannels.Email],
            PreferredChannel = KlantloyaliteitPreferredChannel.Email,
            ContactPressure = KlantloyaliteitContactPressure.Right,
            ContactOk = false,
            DurationMs = random.Next(60_000, 600_000),
        };
    }
}
