using System;
using System.Collections.Generic;
using SurveyKit.Core.Responses;

namespace SurveyKit.Core.Tests.Responses;

/// <summary>
/// The CSV's submission time is the same instant on every machine: a time without a zone is UTC, whatever the
/// machine's own zone (the round-trip form "O" without a zone would otherwise be read as local time).
/// </summary>
[Collection(TimeZoneCollection.Name)]
public sealed class CsvImportTimeTests
{
    private static readonly Model.Survey Survey = SurveyLoader
        .Parse(
            "t.survey.yaml",
            "survey: t\nversion: 1\nlanguages: [en]\ntitle: T\nquestions:\n  - id: recommend\n    type: nps\n    text: Recommend?\n"
        )
        .Survey!;

    [Theory]
    [InlineData("2026-01-10T04:27:12.0000000", "2026-01-10T04:27:12.0000000+00:00")]
    [InlineData("2026-01-10T04:27:12", "2026-01-10T04:27:12.0000000+00:00")]
    [InlineData("2026-01-10T04:27:12Z", "2026-01-10T04:27:12.0000000+00:00")]
    [InlineData("2026-01-10T04:27:12.0000000+00:00", "2026-01-10T04:27:12.0000000+00:00")]
    [InlineData("2026-01-10T05:27:12.0000000+01:00", "2026-01-10T05:27:12.0000000+01:00")]
    [InlineData("2026-01-10T04:27:12.5+02:00", "2026-01-10T04:27:12.5000000+02:00")]
    public void A_time_is_read_the_same_in_every_time_zone(string written, string expected)
    {
        var before = Environment.GetEnvironmentVariable("TZ");
        try
        {
            // Chatham Islands: +12:45 (+13:45 in summer), so a time read as local could not pass for UTC by accident.
            Environment.SetEnvironmentVariable("TZ", "Pacific/Chatham");
            TimeZoneInfo.ClearCachedData();
            Assert.Equal(TimeSpan.FromMinutes(12 * 60 + 45), TimeZoneInfo.Local.BaseUtcOffset);
            var import = new CsvImport(
                Survey,
                ["response_id", "survey", "version", "submitted_at", "lang", "recommend"]
            );
            var errors = new List<ResponseError>();
            var (at, _) = import.Fill(
                ["3f2b8c1e-5a4d-4e6f-9b7a-1c2d3e4f5a6b", "t", "1", written, "en", "9"],
                new ResponseData(),
                errors
            );
            Assert.Empty(errors);
            Assert.Equal(
                expected,
                at!.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture)
            );
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZ", before);
            TimeZoneInfo.ClearCachedData();
        }
    }
}

/// <summary>Tests that change the process's time zone run one at a time, apart from the others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimeZoneCollection
{
    public const string Name = "time zone";
}
