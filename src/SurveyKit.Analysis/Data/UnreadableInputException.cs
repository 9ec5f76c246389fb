using System;

namespace SurveyKit.Analysis.Data;

/// <summary>
/// An input that cannot be read at all, as a whole (a CSV header longer than any header): nothing of it is scored,
/// and the message says why in one sentence.
/// </summary>
public sealed class UnreadableInputException : Exception
{
    public UnreadableInputException() { }

    public UnreadableInputException(string message)
        : base(message) { }

    public UnreadableInputException(string message, Exception inner)
        : base(message, inner) { }
}
