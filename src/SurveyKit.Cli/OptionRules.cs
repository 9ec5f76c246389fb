using System;
using System.CommandLine;
using System.IO;
using System.Linq;

namespace SurveyKit.Cli;

/// <summary>
/// Rules on option values, checked while the command line is parsed, so a wrong value is a usage error with a
/// sentence (exit code 2) before anything runs, never a surprise later.
/// </summary>
internal static class OptionRules
{
    /// <summary>The value may not be negative.</summary>
    public static Option<int> NotNegative(this Option<int> option)
    {
        option.Validators.Add(result =>
        {
            if (Number(result) < 0)
            {
                result.AddError($"{option.Name} cannot be negative ({0} means no limit).");
            }
        });
        return option;
    }

    /// <summary>The value must be at least 1.</summary>
    public static Option<int> Positive(this Option<int> option)
    {
        option.Validators.Add(result =>
        {
            if (Number(result) < 1)
            {
                result.AddError($"{option.Name} must be 1 or more.");
            }
        });
        return option;
    }

    // The value as given, when it is a whole number: a value that does not convert is System.CommandLine's error,
    // and a rule must not throw on it.
    private static long Number(System.CommandLine.Parsing.OptionResult result) =>
        result.Tokens.Count > 0
        && long.TryParse(
            result.Tokens[^1].Value,
            System.Globalization.NumberStyles.Integer,
            System.Globalization.CultureInfo.InvariantCulture,
            out var value
        )
            ? value
        : result.Implicit ? 1
        : long.MaxValue;

    /// <summary>The file name must end in one of <paramref name="extensions"/> (what is written follows from it).</summary>
    public static Option<string> Extension(this Option<string> option, params string[] extensions)
    {
        option.Validators.Add(result =>
        {
            var value = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
            if (
                value is not null
                && !extensions.Any(e => value.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            )
            {
                result.AddError(
                    $"{option.Name} '{value}': the file name says the format; use {string.Join(" or ", extensions)}."
                );
            }
        });
        return option;
    }

    /// <summary>Each value must be an origin: a scheme, a host and perhaps a port, nothing after it.</summary>
    public static Option<string[]> Origins(this Option<string[]> option)
    {
        option.Validators.Add(result =>
        {
            foreach (var value in result.Tokens.Select(t => t.Value))
            {
                if (!IsOrigin(value))
                {
                    result.AddError(
                        $"{option.Name} '{value}' is not an origin; write it as a browser does, such as https://surveys.example.org (a scheme, a host and perhaps a port; no path, no slash at the end)."
                    );
                }
            }
        });
        return option;
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.AbsolutePath == "/"
        && !value.EndsWith('/')
        && uri.Query.Length == 0
        && uri.Fragment.Length == 0
        && uri.UserInfo.Length == 0
        && string.Equals(
            value,
            uri.GetLeftPart(UriPartial.Authority),
            StringComparison.OrdinalIgnoreCase
        );

    /// <summary>The SQLite file must exist and not be empty: reading from a database that is not there creates one.</summary>
    public static bool IsMissingDatabase(string path) =>
        !File.Exists(path) || new FileInfo(path).Length == 0;

    /// <summary>
    /// Why <paramref name="database"/> (as written, <paramref name="path"/> resolved) cannot be read, or null: a SQLite
    /// file that is not there or empty (opening it would create a database). A PostgreSQL connection string is null.
    /// </summary>
    public static string? MissingDatabase(string database, string path) =>
        Collector.Storage.IResponseStore.IsPostgres(database) || !IsMissingDatabase(path) ? null
        : File.Exists(path) ? $"'{database}' is empty, not a collector's database."
        : $"the database '{database}' does not exist.";

    /// <summary>
    /// Writes <paramref name="text"/> to a new file only its owner can read (a key, a secret); false when the file
    /// exists, which is never overwritten: what was signed with it would stop verifying.
    /// </summary>
    public static bool WriteOwnerOnly(string path, string text)
    {
        if (File.Exists(path))
        {
            return false;
        }
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
        };
        if (!System.OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var writer = new StreamWriter(new FileStream(path, options));
        writer.WriteLine(text);
        return true;
    }
}
