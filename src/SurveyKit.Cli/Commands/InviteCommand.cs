using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using SurveyKit.Collector.Invitations;
using SurveyKit.Collector.Storage;
using SurveyKit.Core.Diagnostics;
using SurveyKit.Core.Responses;
using SurveyKit.Core.Workspace;
using SurveyKit.Submissions.Invitations;

namespace SurveyKit.Cli.Commands;

/// <summary>
/// <c>surveykit invite</c>: personal links for known customers. Each invitation is recorded in the collector's ledger
/// (SQLite or PostgreSQL) with a token signed by the invitation key; customers invited too recently or too often
/// (surveykit.json's <c>contactPressure</c>, across every survey) or who opted out are skipped and reported.
/// </summary>
internal static class InviteCommand
{
    public static Command Create(CliContext context)
    {
        var survey = new Argument<string?>("survey")
        {
            Description = "The survey file (*.survey.yaml) to invite customers to.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var customers = new Option<string?>("--customers")
        {
            Description = "customers.csv: customer,email,lang and the survey's context fields.",
        };
        var keyFile = new Option<string?>("--key-file")
        {
            Description =
                "The invitation key (surveykit invite --new-key writes one); the collector needs the same file.",
        };
        var baseUrl = new Option<string?>("--base-url")
        {
            Description = "Where the survey pages are served, such as https://surveys.example.org.",
        };
        var database = new Option<string>("--db")
        {
            Description =
                "The collector's SQLite file or PostgreSQL connection string: the ledger.",
            DefaultValueFactory = _ => "responses.db",
        };
        var output = new Option<string>("--out", "-o")
        {
            Description =
                "The invitations, for a mail-merge tool (with --reminders: reminders.csv).",
            DefaultValueFactory = _ => "invitations.csv",
        };
        var newKey = new Option<string?>("--new-key")
        {
            Description =
                "Write a new invitation key to this file (readable by you only) and stop.",
        };
        var reminders = new Option<bool>("--reminders")
        {
            Description =
                "Remind the invitations without a response after --after days, once each; writes reminders.csv (or --out).",
        };
        var after = new Option<int>("--after")
        {
            Description = "Days after the invitation before a reminder (with --reminders).",
            DefaultValueFactory = _ => 7,
        }.NotNegative();
        var status = new Option<bool>("--status")
        {
            Description =
                "Show how many were invited, opened the page, responded, were reminded and opted out, and stop.",
        };
        var send = new Option<bool>("--send")
        {
            Description =
                "Also mail the invitations (or reminders) through --mail-config's SMTP server, each recorded when the server took it; without --customers, send what an earlier run left.",
        };
        var mailConfig = new Option<string?>("--mail-config")
        {
            Description =
                "The collector's alerts.json, whose 'smtp' server sends the mails (with --send).",
        };
        var rate = new Option<double>("--rate")
        {
            Description = "At most this many mails per second (with --send).",
            DefaultValueFactory = _ => 10,
        };
        rate.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is not (> 0 and <= 10_000))
            {
                r.AddError("--rate must be more than 0 and at most 10000 mails per second.");
            }
        });
        var command = new Command("invite", "Invite known customers with signed personal links.")
        {
            survey,
            customers,
            keyFile,
            baseUrl,
            database,
            output,
            newKey,
            status,
            reminders,
            after,
            send,
            mailConfig,
            rate,
        };
        command.SetAction(result =>
        {
            if (result.GetValue(newKey) is { } keyPath)
            {
                return NewKey(context, keyPath);
            }
            if (result.GetValue(status))
            {
                return Status(context, result.GetValue(database)!, result.GetValue(survey))
                    .GetAwaiter()
                    .GetResult();
            }
            var remind = result.GetValue(reminders);
            var sending = result.GetValue(send);
            var missing = new[]
            {
                ("a survey file", result.GetValue(survey)),
                ("--customers", remind || sending ? "" : result.GetValue(customers)),
                ("--key-file", result.GetValue(keyFile)),
                ("--base-url", result.GetValue(baseUrl)),
                ("--mail-config (with --send)", sending ? result.GetValue(mailConfig) : ""),
            }
                .Where(m => m.Item2 is null)
                .Select(m => m.Item1)
                .ToList();
            if (missing.Count > 0)
            {
                context.Error.WriteLine(
                    $"surveykit invite: needs {string.Join(", ", missing)}. Usage: surveykit invite SURVEY --customers customers.csv --key-file invite.key --base-url https://surveys.example.org [--db responses.db] [--out invitations.csv]"
                );
                return ExitCodes.Usage;
            }
            InviteMailing? mailing = null;
            if (
                sending
                && (
                    mailing = InviteMailing.Prepare(
                        context,
                        result.GetValue(mailConfig)!,
                        result.GetValue(rate)
                    )
                )
                    is null
            )
            {
                return ExitCodes.Errors;
            }
            if (remind)
            {
                return Remind(
                        context,
                        result.GetValue(survey)!,
                        result.GetValue(keyFile)!,
                        result.GetValue(baseUrl)!,
                        result.GetValue(database)!,
                        result.GetResult(output) is { Implicit: false }
                            ? result.GetValue(output)!
                            : "reminders.csv",
                        result.GetValue(after),
                        mailing
                    )
                    .GetAwaiter()
                    .GetResult();
            }
            if (result.GetValue(customers) is null)
            {
                return Resume(
                        context,
                        result.GetValue(survey)!,
                        result.GetValue(keyFile)!,
                        result.GetValue(baseUrl)!,
                        result.GetValue(database)!,
                        mailing!
                    )
                    .GetAwaiter()
                    .GetResult();
            }
            return Invite(
                    context,
                    result.GetValue(survey)!,
                    result.GetValue(customers)!,
                    result.GetValue(keyFile)!,
                    result.GetValue(baseUrl)!,
                    result.GetValue(database)!,
                    result.GetValue(output)!,
                    mailing
                )
                .GetAwaiter()
                .GetResult();
        });
        return command;
    }

    private static int NewKey(CliContext context, string file)
    {
        var path = context.Resolve(file);
        if (!OptionRules.WriteOwnerOnly(path, InvitationToken.NewKey()))
        {
            context.Error.WriteLine(
                $"surveykit invite: '{file}' exists; a new key would make every link signed with it invalid. Choose another file."
            );
            return ExitCodes.Errors;
        }
        context.Output.WriteLine(
            $"Wrote a new invitation key to {context.Display(path)}; invite with --key-file {file}, and start the collector with --invitation-key-file {file}."
        );
        return ExitCodes.Success;
    }

    private static async Task<int> Status(CliContext context, string database, string? surveyPath)
    {
        string? surveyId = null;
        if (surveyPath is not null)
        {
            if (WorkspaceFiles.LoadSurvey(context, surveyPath) is not { } survey)
            {
                return ExitCodes.Errors;
            }
            surveyId = survey.Id;
        }
        if (Open(context, database, out var store) is { } problem)
        {
            context.Error.WriteLine("surveykit invite: " + problem);
            return ExitCodes.Errors;
        }
        await using var _ = store!;
        await store!.InitializeAsync(default);
        var counts = await store.CountInvitationsAsync(surveyId, default);
        string Share(long part) =>
            (counts.Invited == 0 ? 0 : 100.0 * part / counts.Invited).ToString(
                "0.#",
                CultureInfo.InvariantCulture
            ) + "%";
        context.Output.WriteLine(
            $"{surveyId ?? "All surveys"}: {counts.Invited} invited, {counts.Opened} opened the page ({Share(counts.Opened)}), {counts.Responded} responded ({Share(counts.Responded)}), {counts.Reminded} reminded, {counts.OptedOut} opted out."
        );
        return ExitCodes.Success;
    }

    private static string? Open(CliContext context, string database, out IResponseStore? store)
    {
        store = null;
        var isPostgres = IResponseStore.IsPostgres(database);
        var path = isPostgres ? database : context.Resolve(database);
        if (!isPostgres && File.Exists(path) && new FileInfo(path).Length == 0)
        {
            return $"'{database}' is empty, not a collector's database.";
        }
        store = IResponseStore.Open(path);
        return null;
    }

    private static async Task<int> Invite(
        CliContext context,
        string surveyPath,
        string customersPath,
        string keyFile,
        string baseUrl,
        string database,
        string output,
        InviteMailing? mailing
    )
    {
        if (
            !Uri.TryCreate(baseUrl, UriKind.Absolute, out var site)
            || site.Scheme is not ("https" or "http")
        )
        {
            context.Error.WriteLine(
                $"surveykit invite: --base-url must be where the pages are served, such as https://surveys.example.org, not '{baseUrl}'."
            );
            return ExitCodes.Usage;
        }
        if (WorkspaceFiles.LoadSurvey(context, surveyPath) is not { } survey)
        {
            return ExitCodes.Errors;
        }
        var diagnostics = new List<Diagnostic>();
        var workspace = WorkspaceFiles.Load(context, null, diagnostics);
        if (workspace is null)
        {
            DiagnosticPrinter.Print(context, diagnostics, false);
            return ExitCodes.Errors;
        }
        var pressure = workspace.Config.ContactPressure;
        var key = InvitationToken.ReadKey(context.Resolve(keyFile), keyFile, out var keyProblem);
        if (key is null)
        {
            context.Error.WriteLine("surveykit invite: " + keyProblem);
            return ExitCodes.Errors;
        }
        var customersFile = context.Resolve(customersPath);
        if (!File.Exists(customersFile))
        {
            context.Error.WriteLine(
                $"surveykit invite: the customer file '{customersPath}' does not exist."
            );
            return ExitCodes.Errors;
        }
        var (customers, problems) = CustomerFile.Read(
            customersFile,
            context.Display(customersFile),
            survey
        );
        foreach (var problem in problems)
        {
            context.Output.WriteLine(problem);
        }
        if (Open(context, database, out var store) is { } openProblem)
        {
            context.Error.WriteLine("surveykit invite: " + openProblem);
            return ExitCodes.Errors;
        }
        await using var _ = store!;
        await store!.InitializeAsync(default);
        var now = DateTimeOffset.UtcNow;
        var history = await store.InvitationHistoryAsync(now, default);
        var invitations = new List<(Invitation Invitation, string Link)>();
        var skipped = new List<(Customer Customer, string Reason)>();
        foreach (var customer in customers)
        {
            var known = history.GetValueOrDefault(customer.Id);
            if (history.ContainsKey(ErasedCustomer.OptOutKey(customer.Id)))
            {
                // Erased, but their opt-out is kept (as a hash of their id).
                known = (known ?? new CustomerHistory(null, 0, false)) with
                {
                    OptedOut = true,
                };
            }
            if (Skip(known, pressure, now) is { } reason)
            {
                skipped.Add((customer, reason));
                continue;
            }
            var id = InvitationToken.NewId();
            var token = InvitationToken.Create(key, survey.Id, id, customer.Id, customer.Context);
            // The page of the customer's language, where the site puts it (the first language at /<survey>/).
            var link =
                $"{baseUrl.TrimEnd('/')}/{Site.Views.SitePaths.Page(survey, customer.Lang)}?t={token}";
            invitations.Add(
                (
                    new Invitation(
                        id,
                        survey.Id,
                        customer.Id,
                        customer.Email,
                        customer.Lang,
                        customer.Context,
                        now
                    ),
                    link
                )
            );
        }
        var outputPath = context.Resolve(output);
        var temporary = outputPath + ".partial";
        // The collector answers /api/* where the pages are served (the reverse proxy of the README).
        WriteCsv($"{baseUrl.TrimEnd('/')}/api/opt-out?t=", temporary, survey, invitations);
        try
        {
            await store.AddInvitationsAsync(
                invitations.Select(i => i.Invitation).ToList(),
                mailing is not null,
                default
            );
        }
        catch
        {
            File.Delete(temporary); // nothing recorded, so nothing to send
            throw;
        }
        File.Move(temporary, outputPath, overwrite: true);
        context.Output.WriteLine(
            invitations.Count == 0
                ? $"Invited nobody to {survey.Id}: {context.Display(outputPath)} has only its header."
                : $"Invited {invitations.Count} customer{(invitations.Count == 1 ? "" : "s")} to {survey.Id}: {context.Display(outputPath)} has their personal links."
        );
        if (skipped.Count > 0 || problems.Count > 0)
        {
            var reasons = skipped
                .GroupBy(s => s.Reason.Split(':')[0])
                .Select(g => $"{g.Count()} {g.Key}");
            context.Output.WriteLine(
                $"Not invited: {string.Join(", ", reasons.Concat(problems.Count > 0 ? [$"{problems.Count} with a bad row (above)"] : []))}."
            );
            foreach (var (customer, reason) in skipped.Take(20))
            {
                context.Output.WriteLine(
                    $"  {context.Display(customersFile)}({customer.Line}): {customer.Id}: {reason}"
                );
            }
            if (skipped.Count > 20)
            {
                context.Output.WriteLine($"  and {skipped.Count - 20} more.");
            }
        }
        return mailing is null
            ? ExitCodes.Success
            : await mailing.Send(survey, key, baseUrl, store, invitations.Count);
    }

    // The survey, the invitation key and the opened ledger, for reminders and resumed sending; null after saying what
    // is wrong.
    private static async Task<(Core.Model.Survey Survey, byte[] Key, IResponseStore Store)?> Ledger(
        CliContext context,
        string surveyPath,
        string keyFile,
        string database
    )
    {
        if (WorkspaceFiles.LoadSurvey(context, surveyPath) is not { } survey)
        {
            return null;
        }
        var key = InvitationToken.ReadKey(context.Resolve(keyFile), keyFile, out var keyProblem);
        if (key is null)
        {
            context.Error.WriteLine("surveykit invite: " + keyProblem);
            return null;
        }
        if (Open(context, database, out var store) is { } openProblem)
        {
            context.Error.WriteLine("surveykit invite: " + openProblem);
            return null;
        }
        try
        {
            await store!.InitializeAsync(default);
        }
        catch
        {
            await store!.DisposeAsync();
            throw;
        }
        return (survey, key, store);
    }

    // --send without --customers: the mails an earlier run queued and did not get to (it crashed, or the server was
    // away).
    private static async Task<int> Resume(
        CliContext context,
        string surveyPath,
        string keyFile,
        string baseUrl,
        string database,
        InviteMailing mailing
    )
    {
        if (await Ledger(context, surveyPath, keyFile, database) is not var (survey, key, store))
        {
            return ExitCodes.Errors;
        }
        await using var _ = store;
        return await mailing.Send(survey, key, baseUrl, store, 0);
    }

    // Reminders: the invitations without a response after some days, each reminded once, with the same personal link
    // (the token is made again from the key and the ledger: it is the same token).
    private static async Task<int> Remind(
        CliContext context,
        string surveyPath,
        string keyFile,
        string baseUrl,
        string database,
        string output,
        int afterDays,
        InviteMailing? mailing
    )
    {
        if (await Ledger(context, surveyPath, keyFile, database) is not var (survey, key, store))
        {
            return ExitCodes.Errors;
        }
        await using var _ = store;
        var now = DateTimeOffset.UtcNow;
        var due = await store.ReadUnansweredAsync(survey.Id, now.AddDays(-afterDays), default);
        var reminders = due.Select(i =>
                (
                    i,
                    $"{baseUrl.TrimEnd('/')}/{Site.Views.SitePaths.Page(survey, i.Lang)}?t={InvitationToken.Create(key, survey.Id, i.Id, i.Customer, i.Context)}"
                )
            )
            .ToList();
        var outputPath = context.Resolve(output);
        var temporary = outputPath + ".partial";
        WriteCsv($"{baseUrl.TrimEnd('/')}/api/opt-out?t=", temporary, survey, reminders);
        try
        {
            await store.MarkRemindedAsync(
                due.Select(i => i.Id).ToList(),
                now,
                mailing is not null,
                default
            );
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        File.Move(temporary, outputPath, overwrite: true);
        context.Output.WriteLine(
            due.Count == 0
                ? $"No invitation to {survey.Id} is waiting for a reminder (unanswered for {afterDays} days, not reminded, not opted out)."
                : $"Reminders for {due.Count} invitation{(due.Count == 1 ? "" : "s")} to {survey.Id} unanswered for {afterDays} days: {context.Display(outputPath)} has their links (the same as in the invitation). Each is reminded once."
        );
        return mailing is null
            ? ExitCodes.Success
            : await mailing.Send(survey, key, baseUrl, store, due.Count);
    }

    /// <summary>Why a customer is not invited now, or null.</summary>
    internal static string? Skip(
        CustomerHistory? history,
        ContactPressure pressure,
        DateTimeOffset now
    )
    {
        if (history is null)
        {
            return null;
        }
        if (history.OptedOut)
        {
            return "opted out: they asked not to be invited again";
        }
        if (
            pressure.MinDaysBetween > 0
            && history.LastInvited is { } last
            && now - last < TimeSpan.FromDays(pressure.MinDaysBetween)
        )
        {
            return $"invited too recently: {(int)(now - last).TotalDays} days ago, and contactPressure.minDaysBetween is {pressure.MinDaysBetween}";
        }
        if (pressure.MaxPerYear > 0 && history.InLastYear >= pressure.MaxPerYear)
        {
            return $"invited too often: {history.InLastYear} times in the last year, and contactPressure.maxPerYear is {pressure.MaxPerYear}";
        }
        return null;
    }

    private static readonly string[] Columns =
    [
        "customer",
        "email",
        "lang",
        "link",
        "opt_out_link",
        "survey",
        "invitation",
    ];

    private static void WriteCsv(
        string optOutBase,
        string path,
        Core.Model.Survey survey,
        IReadOnlyList<(Invitation Invitation, string Link)> invitations
    )
    {
        var contextIds = survey.Context.Select(c => c.Id).ToList();
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false))
        {
            NewLine = "\r\n",
        };
        writer.WriteLine(string.Join(",", Columns.Concat(contextIds)));
        foreach (var (invitation, link) in invitations)
        {
            writer.WriteLine(
                string.Join(
                    ",",
                    new[]
                    {
                        invitation.Customer,
                        invitation.Email,
                        invitation.Lang,
                        link,
                        optOutBase + link[(link.IndexOf("?t=", StringComparison.Ordinal) + 3)..],
                        invitation.Survey,
                        invitation.Id,
                    }
                        .Concat(
                            contextIds.Select(c => invitation.Context.GetValueOrDefault(c) ?? "")
                        )
                        .Select(Csv.Escape)
                )
            );
        }
    }
}
