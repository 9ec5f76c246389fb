using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using SurveyKit.Core.Model;
using SurveyKit.Core.Responses;

namespace SurveyKit.Collector.Alerts;

/// <summary>A webhook target: where it is and the secret its deliveries are signed with.</summary>
/// <param name="Name">Its name, as surveys write it (<c>webhook: cx-hook</c>).</param>
/// <param name="Url">The receiver (http or https).</param>
/// <param name="Secret">The key of the signatures: the bytes of <c>whsec_&lt;base64&gt;</c>.</param>
public sealed record WebhookTarget(string Name, Uri Url, byte[] Secret);

/// <summary>How mails are sent.</summary>
/// <param name="Host">The SMTP server.</param>
/// <param name="Port">Its port (587 submission with STARTTLS, 465 TLS, 25).</param>
/// <param name="From">The sender address.</param>
/// <param name="Security"><c>starttls</c> (required), <c>tls</c> (TLS from the start) or <c>none</c> (loopback only).</param>
/// <param name="User">The login, read from its file, or null without authentication.</param>
/// <param name="Password">The password, read from its file.</param>
public sealed record SmtpSettings(
    string Host,
    int Port,
    string From,
    string Security,
    string? User,
    string? Password
);

/// <summary>
/// The collector's alerts.json (docs/alerts.md): named webhooks with their secrets, and the SMTP server. Surveys name
/// targets; this file is the only place URLs and secrets are written, and secrets only as paths to files.
/// </summary>
public sealed record AlertsConfig(
    IReadOnlyDictionary<string, WebhookTarget> Webhooks,
    SmtpSettings? Smtp
)
{
    /// <summary>No targets: alerts wait in the outbox until a collector with a config sends them.</summary>
    public static AlertsConfig None { get; } = new(new Dictionary<string, WebhookTarget>(), null);

    /// <summary>
    /// Reads <paramref name="path"/> (relative files inside it are relative to its folder) and checks it against
    /// <paramref name="surveys"/>: null and one sentence in <paramref name="problem"/> when anything is wrong.
    /// </summary>
    public static AlertsConfig? Load(
        string path,
        IEnumerable<Survey> surveys,
        Func<string, string> display,
        out string? problem
    )
    {
        problem = null;
        var shown = display(path);
        if (!File.Exists(path))
        {
            problem = $"the alerts config '{shown}' does not exist.";
            return null;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        try
        {
            using var document = JsonDocument.Parse(
                File.ReadAllBytes(path),
                new JsonDocumentOptions
                {
                    CommentHandling = JsonCommentHandling.Skip,
                    AllowTrailingCommas = true,
                }
            );
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = $"{shown} must be a JSON object with 'webhooks' and/or 'smtp'.";
                return null;
            }
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not ("webhooks" or "smtp"))
                {
                    problem =
                        $"{shown}: unknown key '{property.Name}'; the keys are webhooks and smtp.";
                    return null;
                }
            }
            var webhooks = new Dictionary<string, WebhookTarget>(StringComparer.Ordinal);
            if (root.TryGetProperty("webhooks", out var hooks))
            {
                if (hooks.ValueKind != JsonValueKind.Object)
                {
                    problem = $"{shown}: 'webhooks' must be an object of named webhooks.";
                    return null;
                }
                foreach (var hook in hooks.EnumerateObject())
                {
                    var target = ReadWebhook(hook, folder, shown, display, out problem);
                    if (target is null)
                    {
                        return null;
                    }
                    webhooks[hook.Name] = target;
                }
            }
            SmtpSettings? smtp = null;
            if (root.TryGetProperty("smtp", out var smtpElement))
            {
                smtp = ReadSmtp(smtpElement, folder, shown, display, out problem);
                if (smtp is null)
                {
                    return null;
                }
            }
            var config = new AlertsConfig(webhooks, smtp);
            problem = config.Check(surveys, shown);
            return problem is null ? config : null;
        }
        catch (JsonException exception)
        {
            problem =
                $"{shown} is not valid JSON (line {exception.LineNumber + 1}): {exception.Message.Split(" Path:")[0]}";
            return null;
        }
        catch (IOException exception)
        {
            problem = $"{shown} cannot be read: {exception.Message}";
            return null;
        }
    }

    // Every target a survey names must be here; e-mail needs the SMTP server.
    private string? Check(IEnumerable<Survey> surveys, string shown)
    {
        foreach (var survey in surveys)
        {
            foreach (var alert in survey.Alerts)
            {
                foreach (var targets in alert.Routes.Select(r => r.Targets).Prepend(alert.Targets))
                {
                    if (targets.Webhook is { } name && !Webhooks.ContainsKey(name))
                    {
                        return $"survey '{survey.Id}' sends alert '{alert.Id}' to the webhook '{name}', which {shown} does not name"
                            + (
                                Webhooks.Count == 0
                                    ? " (it names no webhooks)."
                                    : $" (it names {string.Join(", ", Webhooks.Keys.Order(StringComparer.Ordinal))})."
                            );
                    }
                    if (targets.Email.Count > 0 && Smtp is null)
                    {
                        return $"survey '{survey.Id}' sends alert '{alert.Id}' by e-mail, but {shown} has no 'smtp' server.";
                    }
                }
            }
        }
        return null;
    }

    private static WebhookTarget? ReadWebhook(
        JsonProperty hook,
        string folder,
        string shown,
        Func<string, string> display,
        out string? problem
    )
    {
        problem = null;
        var place = $"{shown}: webhook '{hook.Name}'";
        if (hook.Value.ValueKind != JsonValueKind.Object)
        {
            problem = $"{place} must be an object with 'url' and 'secretFile'.";
            return null;
        }
        foreach (var key in hook.Value.EnumerateObject().Select(p => p.Name))
        {
            if (key is not ("url" or "secretFile"))
            {
                problem =
                    key == "secret"
                        ? $"{place} needs a 'secretFile': a file holding whsec_<base64>, never the secret itself."
                        : $"{place}: unknown key '{key}'; the keys are url and secretFile.";
                return null;
            }
        }
        var url = Text(hook.Value, "url");
        var secretFile = Text(hook.Value, "secretFile");
        if (
            url is null
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || uri.UserInfo.Length > 0
        )
        {
            problem =
                $"{place} needs a 'url' that is an http or https address without a password, such as https://hooks.example.org/cx.";
            return null;
        }
        if (secretFile is null)
        {
            problem =
                $"{place} needs a 'secretFile': a file holding whsec_<base64>, never the secret itself.";
            return null;
        }
        var secret = ReadSecret(Path.Combine(folder, secretFile), display, out problem);
        if (secret is null)
        {
            problem = $"{place}: {problem}";
            return null;
        }
        return new WebhookTarget(hook.Name, uri, secret);
    }

    /// <summary>The key bytes of a Standard Webhooks secret file (<c>whsec_&lt;base64&gt;</c>), or null and why.</summary>
    public static byte[]? ReadSecret(string path, Func<string, string> display, out string? problem)
    {
        var key = SurveyKit.Submissions.KeyFile.Read(path, "whsec_", 24, 64, out var unreadable);
        problem =
            key is not null ? null
            : unreadable is not null
                ? $"the secret file '{display(path)}' cannot be read ({unreadable})."
            : $"the secret file '{display(path)}' must hold whsec_ and 24 to 64 random bytes in base64 (surveykit alerts new-secret writes one).";
        return key;
    }

    private static SmtpSettings? ReadSmtp(
        JsonElement element,
        string folder,
        string shown,
        Func<string, string> display,
        out string? problem
    )
    {
        problem = null;
        var place = $"{shown}: smtp";
        if (element.ValueKind != JsonValueKind.Object)
        {
            problem = $"{place} must be an object with host, port and from.";
            return null;
        }
        var host = Text(element, "host");
        var from = Text(element, "from");
        var port = 587;
        if (element.TryGetProperty("port", out var portElement))
        {
            if (portElement.ValueKind != JsonValueKind.Number || !portElement.TryGetInt32(out port))
            {
                problem = $"{place}: 'port' must be a number from 1 to 65535, such as 587.";
                return null;
            }
        }
        foreach (var key in element.EnumerateObject().Select(p => p.Name))
        {
            if (
                key
                is not (
                    "host"
                    or "port"
                    or "from"
                    or "security"
                    or "userFile"
                    or "passwordFile"
                    or "user"
                    or "password"
                )
            )
            {
                problem =
                    $"{place}: unknown key '{key}'; the keys are host, port, from, security, userFile and passwordFile.";
                return null;
            }
        }
        var security = Text(element, "security") ?? (port == 465 ? "tls" : "starttls");
        if (string.IsNullOrWhiteSpace(host))
        {
            problem = $"{place} needs a 'host', such as mail.example.org.";
            return null;
        }
        if (port is < 1 or > 65535)
        {
            problem = $"{place}: 'port' must be a number from 1 to 65535.";
            return null;
        }
        if (from is null || !EmailAddress.IsValid(from))
        {
            problem = $"{place} needs 'from', the sender's address, such as cx@example.org.";
            return null;
        }
        if (security is not ("starttls" or "tls" or "none"))
        {
            problem = $"{place}: 'security' must be starttls, tls or none, not '{security}'.";
            return null;
        }
        if (security == "none" && !IsLoopback(host!))
        {
            problem =
                $"{place}: 'security': none sends mail (and a password) unencrypted, so it is for a server on this machine only (127.0.0.1, ::1, localhost); use starttls or tls for {host}.";
            return null;
        }
        if (element.TryGetProperty("password", out _) || element.TryGetProperty("user", out _))
        {
            problem =
                $"{place}: write the login and password in files named by 'userFile' and 'passwordFile', never in the config.";
            return null;
        }
        var userFile = Text(element, "userFile");
        var passwordFile = Text(element, "passwordFile");
        if ((userFile is null) != (passwordFile is null))
        {
            problem = $"{place} needs both 'userFile' and 'passwordFile', or neither.";
            return null;
        }
        string? user = null;
        string? password = null;
        if (userFile is not null)
        {
            user = ReadLine(Path.Combine(folder, userFile), display, out problem);
            password = user is null
                ? null
                : ReadLine(Path.Combine(folder, passwordFile!), display, out problem);
            if (user is null || password is null)
            {
                problem = $"{place}: {problem}";
                return null;
            }
        }
        return new SmtpSettings(host, port, from, security, user, password);
    }

    private static bool IsLoopback(string host) =>
        host == "localhost"
        || (
            System.Net.IPAddress.TryParse(host, out var address)
            && System.Net.IPAddress.IsLoopback(address)
        );

    private static string? ReadLine(string path, Func<string, string> display, out string? problem)
    {
        problem = null;
        try
        {
            var text = File.ReadAllText(path).TrimEnd('\r', '\n');
            if (text.Length == 0)
            {
                problem = $"the file '{display(path)}' is empty.";
                return null;
            }
            return text;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problem =
                $"the file '{display(path)}' cannot be read ({exception.Message.TrimEnd('.')}).";
            return null;
        }
    }

    private static string? Text(JsonElement element, string key) =>
        element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
