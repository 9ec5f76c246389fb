using System;
using System.IO;

namespace SurveyKit.Collector.Tests.Invitations;

/// <summary>A temporary workspace with the invitation survey and a key, where <c>surveykit</c> runs in-process.</summary>
public sealed class InviteFolder : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("surveykit-invite-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, true);
    }

    public (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Cli.SurveyKitCommand.Run(args, new Cli.CliContext(output, error, Folder));
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Writes the survey and an invitation key (invite.key).</summary>
    public void Prepare()
    {
        InvitationTestSurveys.Write(Folder);
        Assert.Equal(0, Run("invite", "--new-key", "invite.key").Code);
    }
}
