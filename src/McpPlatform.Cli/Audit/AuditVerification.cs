namespace McpPlatform.Cli.Audit;

/// <summary>The outcome of verifying a set of audit files with <see cref="AuditVerifier"/>.</summary>
/// <param name="Files">How many files were given.</param>
/// <param name="Records">How many records were verified intact (all of them when <see cref="Ok"/>; those before the problem otherwise).</param>
/// <param name="Chains">The chains seen, in order of first appearance, up to the problem if there is one.</param>
/// <param name="FirstProblem">The first problem, or null when every record is intact.</param>
/// <param name="UnkeyedRecords">How many records are of the earlier, unkeyed form (their integrity is not provable against an insider).</param>
/// <param name="Checkpoints">How many signed checkpoints were checked (0 when no checkpoint folder was given or found).</param>
/// <param name="EarlierKeyedRecords">How many intact records are of the earlier keyed form (hashed before RFC 8785), verified by that form's rules.</param>
internal sealed record AuditVerification(
    int Files, long Records, IReadOnlyList<AuditChainSummary> Chains, AuditProblem? FirstProblem, long UnkeyedRecords = 0, int Checkpoints = 0, long EarlierKeyedRecords = 0)
{
    /// <summary>True when every record of every chain is intact.</summary>
    public bool Ok => FirstProblem is null;
}

/// <summary>One chain (one server process) as verified: the range of <c>Seq</c> seen and how many records.</summary>
/// <param name="ChainId">The chain's id.</param>
/// <param name="FirstSeq">The first <c>Seq</c> seen: 1 unless the chain's start was allowed to be missing.</param>
/// <param name="LastSeq">The last <c>Seq</c> verified.</param>
/// <param name="Records">How many of the chain's records were verified.</param>
internal sealed record AuditChainSummary(string ChainId, long FirstSeq, long LastSeq, long Records);
