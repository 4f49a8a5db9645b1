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
    internal sealed record PolicyRuleConfig(string Name, EquatableArray<string> Tools, EquatableArray<string> Access);

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
