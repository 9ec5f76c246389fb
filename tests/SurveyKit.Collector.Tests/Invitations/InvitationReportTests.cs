using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using SurveyKit.Collector.Invitations;
using SurveyKit.Collector.Storage;
using SurveyKit.Submissions.Invitations;

namespace SurveyKit.Collector.Tests.Invitations;

/// <summary>The report of a collector's database with invitations: the response rate, in all and per segment.</summary>
public sealed class InvitationReportTests
{
    [Fact]
    public async Task The_report_shows_the_response_rate_per_segment_from_the_ledger()
    {
        await using var collector = await Collector.Start(o =>
            o with
            {
                Surveys = [.. Collector.Examples(), InvitationTestSurveys.Load()],
                InvitationKey = InvitationCollectorTests.Key,
            }
        );
        var store = collector.App.Services.GetRequiredService<IResponseStore>();
        var invitations = Enumerable
            .Range(0, 30)
            .Select(i => new Invitation(
                InvitationToken.NewId(),
                "relatie",
                "C" + i,
                $"c{i}@example.com",
                "nl",
                new Dictionary<string, string> { ["segment"] = i < 10 ? "b2b" : "b2c" },
                DateTimeOffset.UtcNow
            ))
            .ToList();
        await store.AddInvitationsAsync(invitations, false, default);
        // 6 of 10 business customers answer, 5 of 20 consumers.
        foreach (var invitation in invitations.Where((v, i) => i < 6 || (i >= 10 && i < 15)))
        {
            var token = InvitationToken.Create(
                InvitationCollectorTests.Key,
                "relatie",
                invitation.Id,
                invitation.Customer,
                invitation.Context
            );
            var context = "{\"segment\":\"" + invitation.Context["segment"] + "\"}";
            var body = InvitationCollectorTests
                .Response(token, context)
                .Replace(
                    ",\"business\":\"Bouw\"",
                    invitation.Context["segment"] == "b2b" ? ",\"business\":\"Bouw\"" : "",
                    StringComparison.Ordinal
                );
            var response = await collector.PostJson(body);
            Assert.True(
                response.StatusCode == HttpStatusCode.Created,
                await response.Content.ReadAsStringAsync()
            );
        }
        var survey = InvitationTestSurveys.Write(collector.Folder);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Cli.Commands.AnalyzeCommand.Run(
            new Cli.CliContext(output, error, collector.Folder),
            survey,
            [Path.Combine(collector.Folder, "responses.db")],
            "report",
            "adjusted-wald"
        );
        Assert.True(code == 0, error.ToString());
        var summary = JsonDocument
            .Parse(File.ReadAllText(Path.Combine(collector.Folder, "report", "summary.json")))
            .RootElement;
        var rates = summary.GetProperty("invitations");
        Assert.Equal(30, rates.GetProperty("invited").GetInt32());
        Assert.Equal(11, rates.GetProperty("responded").GetInt32());
        Assert.Equal(0.3667, rates.GetProperty("rate").GetDouble());
        var b2b = rates.GetProperty("segments").GetProperty("segment").GetProperty("b2b");
        Assert.Equal(0.6, b2b.GetProperty("rate").GetDouble());
        Assert.Equal(0.3127, b2b.GetProperty("ci95")[0].GetDouble()); // prop.test(6, 10, correct = FALSE)
        Assert.Equal(0.8318, b2b.GetProperty("ci95")[1].GetDouble());
        var html = File.ReadAllText(Path.Combine(collector.Folder, "report", "report.html"));
        Assert.Contains(
            "30 klanten zijn uitgenodigd; 11 van hen hebben geantwoord: 37% (95%-interval 22%\u00A0..\u00A054%).",
            html,
            StringComparison.Ordinal
        );
        Assert.Contains("Response per segment", html, StringComparison.Ordinal);
        Assert.DoesNotContain("c1@example.com", html, StringComparison.Ordinal);
    }

    // One raking variable is post-stratification: the weighted NPS is the invited shares times each segment's NPS.
    // 10 business and 20 consumer customers invited (1/3, 2/3); 6 business customers answer 10 (NPS +100), 5 consumers
    // answer 0, 0, 0, 9, 10 (NPS -20). Unweighted: 8 promoters and 3 detractors of 11, +45.5; weighted to the invited:
    // 100/3 - 40/3 = +20.
    [Fact]
    public async Task Weights_from_the_invited_rake_to_whom_was_asked()
    {
        await using var collector = await Collector.Start(o =>
            o with
            {
                Surveys = [.. Collector.Examples(), InvitationTestSurveys.Load()],
                InvitationKey = InvitationCollectorTests.Key,
            }
        );
        var store = collector.App.Services.GetRequiredService<IResponseStore>();
        var invitations = Enumerable
            .Range(0, 30)
            .Select(i => new Invitation(
                InvitationToken.NewId(),
                "relatie",
                "C" + i,
                $"c{i}@example.com",
                "nl",
                new Dictionary<string, string> { ["segment"] = i < 10 ? "b2b" : "b2c" },
                DateTimeOffset.UtcNow
            ))
            .ToList();
        await store.AddInvitationsAsync(invitations, false, default);
        int[] consumerScores = [0, 0, 0, 9, 10];
        foreach (var (invitation, i) in invitations.Select((v, i) => (v, i)))
        {
            var business = i < 10;
            if (business ? i >= 6 : i >= 15)
            {
                continue;
            }
            var token = InvitationToken.Create(
                InvitationCollectorTests.Key,
                "relatie",
                invitation.Id,
                invitation.Customer,
                invitation.Context
            );
            var score = business ? 10 : consumerScores[i - 10];
            var body = InvitationCollectorTests
                .Response(token, "{\"segment\":\"" + invitation.Context["segment"] + "\"}")
                .Replace(
                    "\"recommend\":7,\"business\":\"Bouw\"",
                    business
                        ? $"\"recommend\":{score},\"business\":\"Bouw\""
                        : $"\"recommend\":{score}",
                    StringComparison.Ordinal
                );
            var response = await collector.PostJson(body);
            Assert.True(
                response.StatusCode == HttpStatusCode.Created,
                await response.Content.ReadAsStringAsync()
            );
        }
        var survey = Path.Combine(collector.Folder, "relatie.survey.yaml");
        File.WriteAllText(
            survey,
            InvitationTestSurveys.Relatie
                + "\nanalysis:\n  outcome: recommend\n  weights:\n    segment: invited\n"
        );
        var summary = Analyze(
            collector.Folder,
            survey,
            Path.Combine(collector.Folder, "responses.db")
        );
        Assert.Equal(45.5, summary.GetProperty("nps").GetProperty("value").GetDouble());
        var weighted = summary.GetProperty("weighted_nps");
        Assert.Equal(20.0, weighted.GetProperty("value").GetDouble());
        var html = File.ReadAllText(Path.Combine(collector.Folder, "report", "report.html"));
        Assert.Contains(
            "Gewogen (raking) naar de verdeling onder de genodigden",
            html,
            StringComparison.Ordinal
        );
        Assert.Contains("b2b 33% / b2c 67%", html, StringComparison.Ordinal);

        // Without the ledger (the CSV export) there is nothing to rake to: said, not guessed.
        var csv = Path.Combine(collector.Folder, "export.csv");
        File.WriteAllLines(csv, await collector.Export("relatie", "csv"));
        var plain = Analyze(collector.Folder, survey, csv);
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("weighted_nps").ValueKind);
        Assert.Contains(
            "weighting_no_invitations",
            plain.GetProperty("notes").ToString(),
            StringComparison.Ordinal
        );
    }

    private static JsonElement Analyze(string folder, string survey, string input)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Cli.Commands.AnalyzeCommand.Run(
            new Cli.CliContext(output, error, folder),
            survey,
            [input],
            "report",
            "adjusted-wald"
        );
        Assert.True(code == 0, error.ToString());
        return JsonDocument
            .Parse(File.ReadAllText(Path.Combine(folder, "report", "summary.json")))
            .RootElement.Clone();
    }
}
