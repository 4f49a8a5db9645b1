namespace McpPlatform.Portal.Configuration;

/// <summary>
/// One upstream MCP server behind the portal (<c>McpPlatform:Portal:Upstreams:&lt;namespace&gt;</c>): how to reach it
/// (a Streamable HTTP <see cref="Url"/>, or a <see cref="Command"/> the portal launches over stdio), what it needs
/// to be called with, and which of its tools the portal offers. Its tools appear as <c>{namespace}_{tool}</c>.
/// </summary>
public sealed class UpstreamOptions
{
    /// <summary>The Streamable HTTP endpoint of a remote upstream (http or https). Exactly one of this and <see cref="Command"/>.</summary>
    public Uri? Url { get; set; }

    /// <summary>
    /// The executable of a local upstream, started without a shell (an absolute path, or a name found on PATH), pinned
    /// with its <see cref="Arguments"/>. Exactly one of this and <see cref="Url"/>.
    /// </summary>
    public string? Command { get; set; }

    /// <summary>The command's arguments, passed as they are (no shell expansion).</summary>
    public string[] Arguments { get; set; } = [];

    /// <summary>
    /// Environment variables of the launched process. A value <c>secret:&lt;name&gt;</c> is read from the secret store
    /// when the process starts; the portal's own environment is not inherited beyond PATH, HOME and the like.
    /// </summary>
    public Dictionary<string, string> Environment { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The working directory of the launched process; the content root when unset.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>What the portal presents to the upstream. The caller's own credentials are never forwarded.</summary>
    public UpstreamCredentialOptions Credentials { get; set; } = new();

    /// <summary>
    /// The upstream's tool names the portal offers (its own names, not the namespaced ones); <c>*</c> offers every tool
    /// the approved manifest holds. A tool not listed is not offered, and a new upstream tool stays off until it is.
    /// </summary>
    public string[] AllowedTools { get; set; } = [];

    /// <summary>Names to offer a tool under instead of its own: <c>{ "search_jira_with_jql": "search" }</c> gives <c>jira_search</c>.</summary>
    public Dictionary<string, string> Aliases { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Names to offer prompts under instead of their own, as <see cref="Aliases"/> does for tools:
    /// <c>{ "summarize_issue": "summary" }</c> gives the prompt <c>jira_summary</c>. An aliased prompt is offered only under its alias.
    /// </summary>
    public Dictionary<string, string> PromptAliases { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Upstream resource URI prefixes offered under another prefix instead of <c>{namespace}+</c>:
    /// <c>[{ "Upstream": "jira://", "Offered": "jira://" }]</c> offers <c>jira://issue/1</c> as it is (resources, templates,
    /// and URIs in read contents and prompts). Offered prefixes must not overlap across upstreams (checked at start-up);
    /// URIs no entry matches stay <c>{namespace}+{uri}</c>.
    /// </summary>
    public List<ResourceUriMapping> ResourceUris { get; set; } = [];

    /// <summary>Descriptions that replace the upstream's own, by upstream tool name (what the model reads; pinned in the manifest).</summary>
    public Dictionary<string, string> Descriptions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Access classes that replace the one proposed from the upstream's annotations (readOnlyHint: Read, destructiveHint:
    /// Destructive, otherwise Write), by upstream tool name: <c>Read</c>, <c>Write</c> or <c>Destructive</c>.
    /// </summary>
    public Dictionary<string, string> Access { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long one call may take before the caller gets a timeout error naming the upstream.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long connecting (and the initialize handshake) may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the portal re-reads the upstream's tool list besides on connect and on list_changed.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest result (UTF-8 bytes of its content) passed on; a larger one becomes an error naming the upstream.</summary>
    public long MaxResultBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Calls per minute to this upstream across all callers; 0 for no limit.</summary>
    public int CallsPerMinute { get; set; }

    /// <summary>Consecutive failures (timeouts, transport errors) that open the circuit breaker.</summary>
    public int BreakAfterFailures { get; set; } = 5;

    /// <summary>How long an open circuit refuses calls before one is let through to test the upstream.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first delay before a crashed local upstream is restarted; doubled on each crash up to <see cref="MaxRestartDelay"/>.</summary>
    public TimeSpan RestartDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between restarts of a local upstream that keeps crashing.</summary>
    public TimeSpan MaxRestartDelay { get; set; } = TimeSpan.FromMinutes(1);
}
