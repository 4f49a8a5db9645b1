namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// What an <c>execute</c> on protocol 2026-07-28 did before it stopped to ask for an approval: each inner call by
/// position (tool or resource, hash of its canonical arguments, and its outcome when it ran), and the position of the
/// call awaiting the answer. Kept server-side (<see cref="IExecutionJournals"/>) under the id the protected
/// <c>requestState</c> carries; bound to the caller and the hash of the script.
/// </summary>
/// <param name="Subject">The caller the journal belongs to.</param>
/// <param name="CodeSha256">SHA-256 of the script: a retry with another script finds no journal.</param>
/// <param name="Entries">The inner calls in the order they started (position 1 first).</param>
/// <param name="Awaiting">The position of the call whose approval the retry answers.</param>
internal sealed record ExecutionJournal(string Subject, string CodeSha256, IReadOnlyList<JournalEntry> Entries, int Awaiting)
{
    /// <summary>The most bytes of recorded results one journal keeps (results beyond it end the execution with a clear error).</summary>
    public const long MaxBytes = 1024 * 1024;

    /// <summary>UTF-16 bytes of what the journal holds (keys and recorded results): what it costs the store.</summary>
    public long Bytes => Entries.Sum(e => 2L * (e.Key.Length + (e.Outcome?.Error?.Length ?? 0) + (e.Outcome?.Json?.Length ?? 0) + (e.Outcome?.Text?.Length ?? 0)));
}

/// <summary>One inner call of a journal.</summary>
/// <param name="Key">What was called: method, tool name or URI, and the hash of the canonical arguments.</param>
/// <param name="Outcome">What it returned; null when it did not run (the call awaiting the answer, or one started after the stop).</param>
internal sealed record JournalEntry(string Key, InnerCallOutcome? Outcome);
