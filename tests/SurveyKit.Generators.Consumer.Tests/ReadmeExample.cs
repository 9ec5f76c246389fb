using System;
using System.Collections.Generic;
using System.IO;
using SurveyKit.Consumer.Surveys;

namespace SurveyKit.Generators.Consumer.Tests;

// README begin
// The namespace is your project's RootNamespace, or <SurveyKitNamespace> (here SurveyKit.Consumer.Surveys).
public static class LoyaltyCheck
{
    /// <summary>Business detractors who graded the customer service 5 or lower, from a JSON Lines file.</summary>
    public static List<Guid> UnhappyBusinessCustomers(Stream submissions, TextWriter log)
    {
        var found = new List<Guid>();
        foreach (var result in KlantloyaliteitResponse.ReadJsonLines(submissions))
        {
            if (result.Value is not { } response) // a line that is not a valid response: read = accepted + rejected
            {
                log.WriteLine($"line {result.Line}: {result.Error}");
                continue;
            }
            if (
                response.Context.Segment == KlantloyaliteitSegment.B2b // context fields: response.Context
                && response.Recommend <= 6 // int?: null when not answered
                && response.Touchpoints.Service is { IsGrade: true, Value: <= 5 } // a grade, not "did not use"
            )
            {
                found.Add(response.ResponseId);
            }
        }
        return found;
    }
}
// README end
