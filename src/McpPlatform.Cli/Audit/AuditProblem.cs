namespace McpPlatform.Cli.Audit;

/// <summary>
/// The first thing wrong with a set of audit files: where (file and 1-based line), in which chain and at
/// which <c>Seq</c> when the line got that far, what kind of problem (<see cref="AuditProblemKinds"/>), and
/// a message that names ids only, never record contents.
/// </summary>
/// <param name="File">The file as it was given.</param>
/// <param name="Line">The 1-based line number in <paramref name="File"/>.</param>
/// <param name="ChainId">The record's chain, or null when the line is not a readable record.</param>
/// <param name="Seq">The record's sequence number, or null when the line is not a readable record.</param>
/// <param name="Kind">One of <see cref="AuditProblemKinds"/>.</param>
/// <param name="Message">What is wrong, for a person.</param>
internal sealed record AuditProblem(string File, long Line, string? ChainId, long? Seq, string Kind, string Message);

/// <summary>The kinds of <see cref="AuditProblem"/>, as printed and in <c>--json</c> output.</summary>
internal static class AuditProblemKinds
{
    /// <summary>The record's hash does not match its contents, or the chain is broken before it: a record was changed.</summary>
    public const string Edited = "edited";

    /// <summary>Records are missing from the middle of a chain (a gap in <c>Seq</c>).</summary>
    public const string Deleted = "deleted";

    /// <summary>A record appears after a later one of its chain, or twice.</summary>
    public const string Reordered = "reordered";

    /// <summary>The first record seen of a chain is not its <c>Seq</c> 1: the chain's beginning is missing.</summary>
    public const string TruncatedChainStart = "truncated-chain-start";

    /// <summary>A line is not a JSON object, or lacks or garbles the chain fields.</summary>
    public const string Malformed = "malformed";

    /// <summary>
    /// The chain was rewritten: a record's hash is a plain SHA-256 recomputed without the key, a record differs
    /// from the head a signed checkpoint (or the next chain's chain-start record) vouches for, or a keyed chain
    /// goes on in the earlier, unkeyed form.
    /// </summary>
    public const string Rewritten = "rewritten";

    /// <summary>The file ends before the last checkpoint of its chain: records were cut off its end.</summary>
    public const string TruncatedTail = "truncated-tail";

    /// <summary>A whole file is gone: a checkpoint or a chain-start record names a file or chain not in the files given, or a chain's gap falls between two files.</summary>
    public const string DeletedFile = "deleted-file";

    /// <summary>A checkpoint file is not a checkpoint, or its signature does not verify with the key (forged, or another key).</summary>
    public const string CheckpointInvalid = "checkpoint-invalid";

    /// <summary>The records are keyed (HMAC) and no key was given, so they cannot be verified.</summary>
    public const string KeyRequired = "key-required";

    /// <summary>The records are of the earlier, unkeyed form: the chain is intact, but anyone who can write the files could have rewritten it.</summary>
    public const string Unkeyed = "unkeyed";
}
