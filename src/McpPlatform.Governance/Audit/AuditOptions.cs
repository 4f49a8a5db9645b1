namespace McpPlatform.Governance.Audit;

/// <summary>
/// The audit log, bound from <c>McpPlatform:Audit</c>. Sinks come from
/// <c>McpPlatform:Audit:Serilog</c> (Serilog.Settings.Configuration: <c>AuditTo</c> for sinks
/// whose failures must refuse calls, <c>WriteTo</c> for best-effort copies). Without sinks the
/// embedded default applies: a rolling compact-JSON file under <see cref="Directory"/> plus the console.
/// </summary>
public sealed class AuditOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = McpPlatformOptions.SectionName + ":Audit";

    /// <summary>The Serilog section of the audit logger.</summary>
    public const string SerilogSectionName = SectionName + ":Serilog";

    /// <summary>Off only for benchmarks; refused outside Development.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Folder of the embedded default file sink, relative to the content root; <c>%VARIABLE%</c>s are expanded and
    /// <c>{Replica}</c> becomes this replica's id (<see cref="ReplicaId"/>), so replicas on one shared volume each write
    /// their own folder and chain, e.g. <c>/var/audit/{Replica}</c> (what <c>mcp-platform audit verify FOLDER</c> reads).
    /// </summary>
    public string Directory { get; set; } = "audit";

    /// <summary>The placeholder in <see cref="Directory"/> and <see cref="CheckpointDirectory"/> that becomes the replica id.</summary>
    public const string ReplicaPlaceholder = "{Replica}";

    /// <summary>
    /// This replica's name in every audit record (field <c>Replica</c>) and in <see cref="ReplicaPlaceholder"/>. Empty: the
    /// pod or replica name the platform runs under (<c>POD_NAME</c>, <c>CONTAINER_APP_REPLICA_NAME</c>), else <c>HOSTNAME</c>,
    /// else the machine name.
    /// </summary>
    public string? ReplicaId { get; set; }

    /// <summary><see cref="ReplicaId"/>, or the name found in the environment when it is empty.</summary>
    public string Replica => AuditReplica.Resolve(ReplicaId);

    /// <summary>Whether the embedded default also writes a one-line summary per record to the console.</summary>
    public bool Console { get; set; } = true;

    /// <summary>
    /// Write and Destructive calls always wait for their intent record to be written and are
    /// refused when it cannot be; set this to hold Read calls to the same rule.
    /// </summary>
    public bool FailClosedReads { get; set; }

    /// <summary>The longest <see cref="FlushInterval"/> accepted.</summary>
    public static readonly TimeSpan MaxFlushInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long records nobody waits for (Read calls, answered requests) may gather before the writer
    /// takes them, so one file write carries many. A durable intent record, a flush or shutdown ends
    /// the wait at once; only a process crash can lose this window. 0 writes as soon as the writer wakes.
    /// </summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The default of <see cref="MaxFieldChars"/>.</summary>
    public const int DefaultMaxFieldChars = 4096;

    /// <summary>The default of <see cref="MaxArgumentsChars"/>.</summary>
    public const int DefaultMaxArgumentsChars = 65_536;

    /// <summary>The smallest cap accepted: room for the cut marker (about 100 characters) and a useful prefix.</summary>
    public const int MinFieldChars = 256;

    /// <summary>The largest cap accepted for a field or the arguments (1 Mi characters).</summary>
    public const int MaxFieldCharsLimit = 1 << 20;

    /// <summary>
    /// The most characters any one audited string field (request id, method, subject, client id, tool,
    /// rule, error...) and any one argument value may have. A longer value is recorded as its first
    /// characters followed by <c>…[cut: N chars, sha256:H]</c> (its length and the SHA-256 of the whole value),
    /// no longer than this in all.
    /// </summary>
    public int MaxFieldChars { get; set; } = DefaultMaxFieldChars;

    /// <summary>The most characters of a call's whole arguments JSON, after each value was capped; cut the same way.</summary>
    public int MaxArgumentsChars { get; set; } = DefaultMaxArgumentsChars;

    /// <summary>
    /// The secret (in the platform's secret store, <c>McpPlatform:Secrets</c>) holding the audit chain key that
    /// every record's hash and every checkpoint is keyed with. Read once at start. In Development a missing key
    /// is created in the local store; elsewhere a missing key stops the server.
    /// </summary>
    public string KeySecretName { get; set; } = AuditChainKey.DefaultSecretName;

    /// <summary>
    /// Folder of the signed checkpoints of the chain head, relative to the content root: a second sink, so a
    /// cut or deleted audit file is detected. Empty (the default): <c>checkpoints</c> inside <see cref="Directory"/>,
    /// where <c>audit verify</c> finds it; put it on other storage (another volume, another account) where you can.
    /// </summary>
    public string? CheckpointDirectory { get; set; }

    /// <summary>The shortest and longest <see cref="CheckpointInterval"/> accepted.</summary>
    public static readonly (TimeSpan Min, TimeSpan Max) CheckpointIntervalRange = (TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1));

    /// <summary>
    /// How often the head of the chain is checkpointed (when it moved), besides on shutdown. Records written
    /// after the last checkpoint can be cut off the end of the file without <c>audit verify</c> noticing.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The audit folder: <see cref="Directory"/> with environment variables expanded, under <paramref name="contentRoot"/> when relative.</summary>
    public string FolderUnder(string contentRoot) =>
        Path.Combine(contentRoot, ExpandFolder(Directory));

    /// <summary><paramref name="folder"/> with <c>%VARIABLE%</c>s expanded and <see cref="ReplicaPlaceholder"/> replaced by the replica id (as a safe folder name).</summary>
    public string ExpandFolder(string folder) =>
        Environment.ExpandEnvironmentVariables(folder).Replace(ReplicaPlaceholder, AuditReplica.FolderName(Replica), StringComparison.Ordinal);
}
