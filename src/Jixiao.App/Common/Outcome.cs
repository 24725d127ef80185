namespace Jixiao.App.Common;

/// <summary>
/// The expected ways a use case ends. The API maps them to ProblemDetails (<see cref="OutcomeResults"/>), the pages
/// to a message; each in one place. Messages are Chinese and say what to do.
/// </summary>
public abstract record Outcome
{
    private Outcome() { }

    public sealed record Done : Outcome;

    /// <summary>Not there, or not visible to this user: the two are deliberately indistinguishable.</summary>
    public sealed record NotFound(string Message) : Outcome;

    /// <summary>Visible, but this user's role may not do this.</summary>
    public sealed record Forbidden(string Message) : Outcome;

    /// <summary>Someone else changed the row first, or the workflow state does not allow the step.</summary>
    public sealed record Conflict(string Message) : Outcome;

    public sealed record Invalid(string Message) : Outcome;

    /// <summary>The server lacks something the step needs (e.g. Chromium for PDF); the message says what to do instead.</summary>
    public sealed record Unavailable(string Message) : Outcome;

    /// <summary>The server is doing as much of this kind of work as it allows (for this user or in all); try again after <see cref="RetryAfter"/>.</summary>
    public sealed record Busy(string Message, TimeSpan RetryAfter) : Outcome;

    /// <summary>The work ran past its time budget and was stopped; nothing was changed.</summary>
    public sealed record TimedOut(string Message) : Outcome;

    /// <summary>An upload larger than its limit (a file, or what is left of an owner's total); nothing was kept.</summary>
    public sealed record TooLarge(string Message) : Outcome;

    public static Outcome Ok { get; } = new Done();

    /// <summary>The Chinese reason of an outcome that did not succeed; null for <see cref="Done"/>.</summary>
    public string? Reason => this switch
    {
        Done => null,
        NotFound n => n.Message,
        Forbidden f => f.Message,
        Conflict c => c.Message,
        Invalid i => i.Message,
        Unavailable u => u.Message,
        Busy b => b.Message,
        TimedOut t => t.Message,
        TooLarge l => l.Message,
        _ => throw new InvalidOperationException($"Unknown outcome {GetType().Name}."),
    };
}
