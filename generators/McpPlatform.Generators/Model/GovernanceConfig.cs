namespace McpPlatform.Generators.Model
{
    /// <summary>
    /// The governance settings of the project's appsettings.json (section <c>McpPlatform</c>) that
    /// the manifest depends on, as plain values; defaults where the file or a setting is absent.
    /// </summary>
    internal sealed record GovernanceConfig(
        PolicyConfig Policy,
        DlpConfig Dlp,
        CodeModeConfig CodeMode,
        EquatableArray<DiagnosticInfo> Diagnostics,
        string Path = "")
    {
        public static GovernanceConfig Defaults { get; } = new(
            PolicyConfig.Defaults, DlpConfig.Defaults, CodeModeConfig.Defaults, EquatableArray<DiagnosticInfo>.Empty);

        /// <summary><c>McpPlatform:RateLimits</c>; pinned in the manifest's governance section.</summary>
        public RateLimitConfig RateLimits { get; init; } = RateLimitConfig.Defaults;

        /// <summary><c>McpPlatform:CodeMode</c> limits; pinned in the manifest's governance section.</summary>
        public CodeModeLimits CodeModeLimits { get; init; } = CodeModeLimits.Defaults;

        /// <summary><c>McpPlatform:Audit</c> switches; pinned in the manifest's governance section.</summary>
        public AuditConfig Audit { get; init; } = AuditConfig.Defaults;

        /// <summary>The settings of Manifest/PinnedSettingsTable, in its order; pinned in the manifest's governance section.</summary>
        public EquatableArray<PinnedSettingValue> Pinned { get; init; } = Manifest.PinnedSettingsTable.Defaults;
    }

    /// <summary><c>McpPlatform:Policy</c>, with the runtime's defaults.</summary>
    internal sealed record PolicyConfig(
        string ReadScope,
        string WriteScope,
        string DestructiveScope,
        bool DefaultRead,
        EquatableArray<PolicyRuleConfig> Rules)
    {
        public static PolicyConfig Defaults { get; } = new("mcp:read", "mcp:write", "mcp:destructive", true, EquatableArray<PolicyRuleConfig>.Empty);
    }

    /// <summary>One <c>McpPlatform:Policy:Rules</c> entry: what it grants on which tools.</summary>
    internal sealed record PolicyRuleConfig(string Name, EquatableArray<string> Tools, EquatableArray<string> Access)
    {
        /// <summary>The caller must be in one of these groups; empty is any caller.</summary>
        public EquatableArray<string> Groups { get; init; } = EquatableArray<string>.Empty;

        /// <summary>Scopes the token must all carry.</summary>
        public EquatableArray<string> Scopes { get; init; } = EquatableArray<string>.Empty;

        /// <summary>Claims the caller must all carry (type, value).</summary>
        public EquatableArray<ClaimConfig> Claims { get; init; } = EquatableArray<ClaimConfig>.Empty;

        /// <summary>Whether the rule is an exclusive profile.</summary>
        public bool Exclusive { get; init; }
    }

    /// <summary>One required claim of a policy rule.</summary>
    internal sealed record ClaimConfig(string Type, string Value);

    /// <summary><c>McpPlatform:RateLimits</c>, with the runtime's defaults.</summary>
    internal sealed record RateLimitConfig(bool Enabled, TokenBucketConfig PerCaller, TokenBucketConfig PerTool, int ConcurrentCallsPerCaller)
    {
        public static RateLimitConfig Defaults { get; } = new(
            true, new TokenBucketConfig(600, 600, "00:01:00"), new TokenBucketConfig(300, 300, "00:01:00"), 16);
    }

    /// <summary>A token bucket; the period in TimeSpan's constant ("c") format, as the runtime writes it.</summary>
    internal sealed record TokenBucketConfig(int TokenLimit, int TokensPerPeriod, string ReplenishmentPeriod);

    /// <summary>The limits of <c>McpPlatform:CodeMode</c>, with the runtime's defaults; time spans in the "c" format.</summary>
    internal sealed record CodeModeLimits(
        string Timeout,
        int MaxStatements,
        long MemoryLimitBytes,
        int MaxRecursionDepth,
        string RegexTimeout,
        long MaxArrayLength,
        int MaxInnerCalls,
        int MaxResultBytes,
        int MaxLogBytes,
        int MaxConcurrentExecutionsPerCaller)
    {
        public static CodeModeLimits Defaults { get; } = new("00:00:10", 1_000_000, 64L * 1024 * 1024, 256, "00:00:01", 1_000_000, 50, 64 * 1024, 16 * 1024, 4);
    }

    /// <summary>The <c>McpPlatform:Audit</c> switches that decide whether calls can go unrecorded.</summary>
    internal sealed record AuditConfig(bool Enabled, bool FailClosedReads)
    {
        public static AuditConfig Defaults { get; } = new(true, false);
    }

    /// <summary><c>McpPlatform:Dlp</c>, with the runtime's defaults.</summary>
    internal sealed record DlpConfig(bool Enabled, bool DisableBuiltIns, EquatableArray<DlpRuleConfig> Rules)
    {
        public static DlpConfig Defaults { get; } = new(true, false, EquatableArray<DlpRuleConfig>.Empty);
    }

    /// <summary>One <c>McpPlatform:Dlp:Rules</c> entry.</summary>
    internal sealed record DlpRuleConfig(
        string Name,
        string? Detector,
        string? Pattern,
        string? Action,
        string? ResultAction,
        EquatableArray<string> Tools);

    /// <summary><c>McpPlatform:CodeMode</c>: whether Code Mode is on and which surface clients get by default.</summary>
    internal sealed record CodeModeConfig(bool Enabled, string Default)
    {
        public const string Tools = "tools";
        public const string SearchAndExecute = "search_and_execute";

        public static CodeModeConfig Defaults { get; } = new(true, Tools);
    }

    /// <summary>The server's name and version from MSBuild (AssemblyName, Version).</summary>
    internal sealed record ServerInfo(string Name, string Version);
}
