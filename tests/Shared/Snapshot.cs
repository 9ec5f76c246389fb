using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace SurveyKit.Tests.Shared;

// Linked into the test projects that check generated artefacts against snapshots.

/// <summary>
/// Snapshot testing with Verify's file conventions (Verify.Xunit cannot be restored here, so switching later is a
/// rename): <c>Snapshots/{Class}.{Method}#{name}.verified.{extension}</c>; generated sources start with
/// <c>//HintName: {hint}</c> as Verify.SourceGenerators writes them. On a mismatch a <c>.received.</c> file is written
/// beside it and the test fails with the first difference; set SURVEYKIT_ACCEPT_SNAPSHOTS=1 to accept the received
/// output.
/// </summary>
internal static class Snapshot
{
    public static string ProjectDirectory =>
        typeof(Snapshot)
            .Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ProjectDirectory")
            .Value!;

    /// <summary>Checks a generated source file against its snapshot (with Verify's hint-name line).</summary>
    public static void Verify(
        string hintName,
        string content,
        string testClass,
        [CallerMemberName] string method = ""
    ) => Check(hintName, $"//HintName: {hintName}\n" + content, testClass, method);

    /// <summary>Checks any generated file (a report page, a mail) against its snapshot.</summary>
    public static void VerifyFile(
        string name,
        string content,
        string testClass,
        [CallerMemberName] string method = ""
    ) => Check(name, content, testClass, method);

    private static void Check(string hintName, string content, string testClass, string method)
    {
        var extension = Path.GetExtension(hintName).TrimStart('.');
        var stem = $"{testClass}.{method}#{Path.GetFileNameWithoutExtension(hintName)}";
        var folder = Path.Combine(ProjectDirectory, "Snapshots");
        Directory.CreateDirectory(folder);
        var verified = Path.Combine(folder, $"{stem}.verified.{extension}");
        var received = Path.Combine(folder, $"{stem}.received.{extension}");
        var text = content.Replace("\r\n", "\n");
        if (File.Exists(verified) && File.ReadAllText(verified).Replace("\r\n", "\n") == text)
        {
            File.Delete(received);
            return;
        }
        if (Environment.GetEnvironmentVariable("SURVEYKIT_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(verified, text);
            File.Delete(received);
            return;
        }
        File.WriteAllText(received, text);
        var expected = File.Exists(verified)
            ? File.ReadAllText(verified).Replace("\r\n", "\n").Split('\n')
            : [];
        var actual = text.Split('\n');
        var line = Enumerable
            .Range(0, Math.Max(expected.Length, actual.Length))
            .FirstOrDefault(i =>
                i >= expected.Length || i >= actual.Length || expected[i] != actual[i]
            );
        Assert.Fail(
            File.Exists(verified)
                ? $"{stem} differs from its snapshot at line {line + 1}:\n- {(line < expected.Length ? expected[line] : "(end)")}\n+ {(line < actual.Length ? actual[line] : "(end)")}\nSee {received}; accept with SURVEYKIT_ACCEPT_SNAPSHOTS=1."
                : $"{stem} has no snapshot yet; review {received} and accept it with SURVEYKIT_ACCEPT_SNAPSHOTS=1."
        );
    }
}
