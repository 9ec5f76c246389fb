using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using SurveyKit.Core.Expressions;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;
using SurveyKit.Submissions;

namespace SurveyKit.Collector.Alerts;

/// <summary>
/// Decides, when a response is about to be stored, which of its survey's alerts it raises and for whom, and prepares
/// each delivery completely (the signed-to-be webhook body, the rendered mail): what goes into the outbox is exactly
/// what is sent, on every attempt, whatever happens to the survey files or the config meanwhile.
/// </summary>
public sealed class AlertPlanner(AlertMail mail)
{
    /// <summary>The deliveries <paramref name="submission"/> raises, or none.</summary>
    public IReadOnlyList<OutboxMessage> Plan(
        Survey survey,
        Submission submission,
        DateTimeOffset receivedAt
    )
    {
        if (survey.Alerts.Count == 0)
        {
            return [];
        }
        var data = submission.Data;
        var evaluator = new ConditionEvaluator(data);
        var messages = new List<OutboxMessage>();
        foreach (var alert in survey.Alerts)
        {
            if (!evaluator.IsTrue(alert.When.Root))
            {
                continue;
            }
            // The checker requires consent in 'when' for an alert that may carry personal data; it is checked again
            // here, so a survey that skipped the checker still cannot leak it.
            var personal = alert.Personal && ConsentCondition.IsRequiredBy(survey, alert.When.Root);
            var targets = TargetsFor(alert, data);
            if (targets.Webhook is { } webhook)
            {
                messages.Add(
                    Message(
                        survey,
                        alert,
                        data,
                        receivedAt,
                        AlertChannel.Webhook,
                        webhook,
                        AlertBody.Write(survey, alert, submission, receivedAt, personal)
                    )
                );
            }
            if (targets.Email.Count > 0)
            {
                var to = string.Join(",", targets.Email);
                messages.Add(
                    Message(
                        survey,
                        alert,
                        data,
                        receivedAt,
                        AlertChannel.Email,
                        to,
                        mail.Render(survey, alert, submission, receivedAt, personal, targets.Email)
                    )
                );
            }
        }
        return messages;
    }

    /// <summary>The first route whose context value the response has, else the alert's own targets.</summary>
    public static AlertTargets TargetsFor(AlertSpec alert, ResponseData data)
    {
        foreach (var route in alert.Routes)
        {
            if (data.Context.TryGetValue(route.Field.Id, out var value) && value == route.Value.Id)
            {
                return route.Targets;
            }
        }
        return alert.Targets;
    }

    private static OutboxMessage Message(
        Survey survey,
        AlertSpec alert,
        ResponseData data,
        DateTimeOffset receivedAt,
        string channel,
        string target,
        string payload
    ) =>
        new(
            MessageId(data.ResponseId!, alert.Id, channel, target),
            data.ResponseId!,
            survey.Id,
            alert.Id,
            channel,
            target,
            payload,
            receivedAt
        );

    /// <summary>
    /// The webhook-id: the same for the same response, alert and target, so a response posted twice (a client's
    /// retry) raises one delivery, and a receiver recognises every retry of it.
    /// </summary>
    public static string MessageId(string responseId, string alert, string channel, string target)
    {
        var hash = SHA256.HashData(
            Encoding.UTF8.GetBytes($"{responseId}\n{alert}\n{channel}\n{target}")
        );
        return "msg_" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
