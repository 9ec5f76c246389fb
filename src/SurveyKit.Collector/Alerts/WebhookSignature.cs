using System;
using System.Security.Cryptography;
using System.Text;

namespace SurveyKit.Collector.Alerts;

/// <summary>
/// Standard Webhooks signatures (standardwebhooks.com): <c>v1,</c> and the base64 HMAC-SHA256 of
/// <c>"{webhook-id}.{webhook-timestamp}.{body}"</c> with the secret's bytes. Receivers verify with any of the
/// specification's libraries, and reject a timestamp far from their clock (replays).
/// </summary>
public static class WebhookSignature
{
    /// <summary>The <c>webhook-signature</c> header's value.</summary>
    public static string Sign(byte[] secret, string id, long timestamp, string body)
    {
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(secret, signed));
    }

    /// <summary>A new secret as a secret file holds it: <c>whsec_</c> and 32 random bytes in base64.</summary>
    public static string NewSecret() =>
        "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
