using System;
using System.IO;

namespace SurveyKit.Submissions;

/// <summary>
/// A secret in a file of its own, written as a prefix and base64 (<c>whsec_...</c> for webhooks, <c>skinv_...</c> for
/// invitations): the one reader of both, so both are read, trimmed and checked alike.
/// </summary>
public static class KeyFile
{
    /// <summary>
    /// The key bytes in <paramref name="path"/>, or null with <paramref name="unreadable"/> set to the reason the file
    /// cannot be read (null when it was read but is not <paramref name="prefix"/> and
    /// <paramref name="minBytes"/> to <paramref name="maxBytes"/> bytes of base64).
    /// </summary>
    public static byte[]? Read(
        string path,
        string prefix,
        int minBytes,
        int maxBytes,
        out string? unreadable
    )
    {
        unreadable = null;
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            unreadable = exception.Message.TrimEnd('.');
            return null;
        }
        if (!text.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }
        try
        {
            var key = Convert.FromBase64String(text.Substring(prefix.Length));
            return key.Length >= minBytes && key.Length <= maxBytes ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
