namespace SurveyKit.Core.Responses;

/// <summary>
/// One record read from a file of submissions: the response, or why it was rejected, with its line number so that
/// a report can say which line was bad. Read = accepted + rejected, always.
/// </summary>
/// <param name="Line">The 1-based line (JSON Lines) or record start line (CSV).</param>
/// <param name="Value">The response, or null when rejected.</param>
/// <param name="Error">Why it was rejected, or null.</param>
public readonly record struct ReadResult<T>(long Line, T? Value, string? Error)
    where T : class
{
    /// <summary>True when the record was read.</summary>
    public bool IsValid => Value is not null;
}

/// <summary>A submission that cannot be read into the survey's types: a wrong kind of value, an unknown key or option.</summary>
public sealed class SubmissionFormatException : System.FormatException
{
    /// <summary>Creates the exception for the field at <paramref name="path"/>.</summary>
    public SubmissionFormatException(string path, string message)
        : base(path + ": " + message) => Path = path;

    /// <summary>Creates the exception without a path.</summary>
    public SubmissionFormatException()
        : this("", "the submission cannot be read") { }

    /// <summary>Creates the exception with a message only.</summary>
    public SubmissionFormatException(string message)
        : this("", message) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SubmissionFormatException(string message, System.Exception innerException)
        : base(message, innerException) => Path = "";

    /// <summary>The field, as a dotted path into the submission JSON.</summary>
    public string Path { get; }
}
