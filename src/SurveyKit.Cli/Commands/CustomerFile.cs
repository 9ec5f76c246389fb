using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;

namespace SurveyKit.Cli.Commands;

/// <summary>One customer to invite, as customers.csv gives it, checked against the survey.</summary>
internal sealed record Customer(
    long Line,
    string Id,
    string Email,
    string Lang,
    IReadOnlyDictionary<string, string> Context
);

/// <summary>
/// customers.csv: <c>customer</c>, <c>email</c>, optionally <c>lang</c>, then context field ids of the survey. Every row
/// is checked (a customer id, a valid address, one of the survey's languages, allowed context values, each customer
/// once); a bad row is reported with its line and left out, never half-read.
/// </summary>
internal static class CustomerFile
{
    public static (IReadOnlyList<Customer> Customers, IReadOnlyList<string> Problems) Read(
        string path,
        string shownAs,
        Survey survey
    )
    {
        var customers = new List<Customer>();
        var problems = new List<string>();
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, true);
        string[]? header = null;
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (line, fields) in Csv.Read(reader))
        {
            if (header is null)
            {
                header = fields.Select(f => f.Trim()).ToArray();
                var headerProblems = CheckHeader(header, survey);
                if (headerProblems.Count > 0)
                {
                    problems.AddRange(headerProblems.Select(p => $"{shownAs}({line}): {p}"));
                    return ([], problems);
                }
                continue;
            }
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // an empty line
            }
            var problem = ReadRow(header, fields, survey, out var customer);
            if (problem is null && seen.TryGetValue(customer!.Id, out var first))
            {
                problem =
                    $"customer '{customer.Id}' is on line {first} already; each customer is invited once.";
            }
            if (problem is not null)
            {
                problems.Add($"{shownAs}({line}): {problem} The row is left out.");
                continue;
            }
            seen[customer!.Id] = line;
            customers.Add(customer with { Line = line });
        }
        if (header is null)
        {
            problems.Add(
                $"{shownAs}(1): the file is empty; it needs a header: customer,email,lang and context fields."
            );
        }
        return (customers, problems);
    }

    private static List<string> CheckHeader(string[] header, Survey survey)
    {
        var problems = new List<string>();
        foreach (var required in new[] { "customer", "email" })
        {
            if (!header.Contains(required))
            {
                problems.Add(
                    $"the header has no '{required}' column; it starts customer,email,lang and then the survey's context fields."
                );
            }
        }
        foreach (var column in header.Where(c => c is not ("customer" or "email" or "lang")))
        {
            if (survey.FindContext(column) is null)
            {
                var known = survey.Context.Select(c => c.Id).ToList();
                problems.Add(
                    $"the column '{Core.Text.Excerpt.Of(column)}' is not a context field of {survey.Id}"
                        + (
                            known.Count == 0
                                ? " (it has none)."
                                : $"; its context fields are {string.Join(", ", known)}."
                        )
                );
            }
        }
        var twice = header.GroupBy(c => c).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            problems.Add($"the column '{twice.Key}' appears twice.");
        }
        return problems;
    }

    private static string? ReadRow(
        string[] header,
        IReadOnlyList<string> fields,
        Survey survey,
        out Customer? customer
    )
    {
        customer = null;
        if (fields.Count != header.Length)
        {
            return $"it has {fields.Count} fields where the header has {header.Length}.";
        }
        string Field(string name) => fields[Array.IndexOf(header, name)].Trim();
        var id = Field("customer");
        if (
            id.Length == 0
            || id.Length > ResponseText.MaxContextValueLength
            || ResponseText.Problem(id) is not null
        )
        {
            return "the customer id is empty, too long, or not text.";
        }
        var email = Field("email");
        if (!EmailAddress.IsValid(email))
        {
            return $"'{Core.Text.Excerpt.Of(email)}' is not an e-mail address.";
        }
        var lang = header.Contains("lang") ? Field("lang") : "";
        if (lang.Length == 0)
        {
            lang = survey.DefaultLanguage;
        }
        else if (!survey.Languages.Contains(lang))
        {
            return $"the language '{Core.Text.Excerpt.Of(lang)}' is not one of the survey's ({string.Join(", ", survey.Languages)}).";
        }
        var context = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in survey.Context.Where(c => header.Contains(c.Id)))
        {
            var value = Field(field.Id);
            if (value.Length == 0)
            {
                continue;
            }
            if (field.Values.Count > 0 && !field.Values.Contains(value))
            {
                return $"'{Core.Text.Excerpt.Of(value)}' is not a value of {field.Id} ({string.Join(", ", field.Values)}).";
            }
            if (
                value.Length > ResponseText.MaxContextValueLength
                || ResponseText.Problem(value) is not null
            )
            {
                return $"the value of {field.Id} is too long or not text.";
            }
            context[field.Id] = value;
        }
        customer = new Customer(0, id, email, lang, context);
        return null;
    }
}
