// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A firewall rule. A rule that allows or denies traffic to machines in a network.</summary>
/// <param name="Id">The firewall rule id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Network">The network the rule applies to.</param>
/// <param name="Direction">ingress or egress.</param>
/// <param name="Action">allow or deny.</param>
/// <param name="Ports">The protocols and ports, e.g. tcp:443.</param>
/// <param name="Priority">Lower numbers win (0-65535).</param>
public sealed record FirewallRule(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Network, string Direction, string Action, string Ports, int Priority);

/// <summary>The settings of a firewall rule that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="Network">The network the rule applies to.</param>
/// <param name="Direction">ingress or egress.</param>
/// <param name="Action">allow or deny.</param>
/// <param name="Ports">The protocols and ports, e.g. tcp:443.</param>
/// <param name="Priority">Lower numbers win (0-65535).</param>
public sealed record FirewallRuleSpec(string? Network = null, string? Direction = null, string? Action = null, string? Ports = null, int? Priority = null);

/// <summary>A page of firewall rules.</summary>
/// <param name="Items">The firewall rules on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many firewall rules matched in all.</param>
public sealed record FirewallRulePage(IReadOnlyList<FirewallRule> Items, string? NextPageToken, int TotalSize);

/// <summary>The network API's firewall rules. A rule that allows or denies traffic to machines in a network.</summary>
[McpToolSet("firewall_rules", Description = "Firewall rules (network).")]
public static class FirewallRuleTools
{
    private static FirewallRule Sample(string projectId, string id, string name = "firewall-rule-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "net-1", "ingress", "allow", "tcp:443", 1000);

    /// <summary>Lists the firewall rules in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only firewall rules in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many firewall rules per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static FirewallRulePage ListFirewallRules(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "firewall-rule-1")], null, 1);

    /// <summary>Gets a firewall rule with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="firewallRuleId">The firewall rule id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static FirewallRule GetFirewallRule(string projectId, string firewallRuleId) => Sample(projectId, firewallRuleId);

    /// <summary>Creates a firewall rule. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The firewall rule's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateFirewallRule(string projectId, string name, string region, FirewallRuleSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a firewall rule. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="firewallRuleId">The firewall rule id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the firewall rule changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateFirewallRule(string projectId, string firewallRuleId, FirewallRuleSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, firewallRuleId, false);

    /// <summary>Deletes a firewall rule. Deleted firewall rules can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="firewallRuleId">The firewall rule id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteFirewallRule(string projectId, string firewallRuleId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, firewallRuleId, false);

    /// <summary>Restores a deleted firewall rule within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="firewallRuleId">The id of the deleted firewall rule.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreFirewallRule(string projectId, string firewallRuleId) =>
        FakeCloud.Operation("restore", projectId, firewallRuleId, false);

    /// <summary>Replaces the labels of a firewall rule.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="firewallRuleId">The firewall rule id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static FirewallRule SetFirewallRuleLabels(string projectId, string firewallRuleId, Label[] labels) =>
        Sample(projectId, firewallRuleId) with { Labels = labels };

    /// <summary>Moves a firewall rule to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="firewallRuleId">The firewall rule id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveFirewallRule(string projectId, string firewallRuleId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, firewallRuleId, false);

    /// <summary>Gets the access policy of a firewall rule: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="firewallRuleId">The firewall rule id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetFirewallRuleAccessPolicy(string projectId, string firewallRuleId) => FakeCloud.Policy(firewallRuleId);

    /// <summary>Replaces the access policy of a firewall rule. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="firewallRuleId">The firewall rule id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetFirewallRuleAccessPolicy(string projectId, string firewallRuleId, AccessBinding[] bindings, string etag) =>
        new(firewallRuleId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a firewall rule over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="firewallRuleId">The firewall rule id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetFirewallRuleMetrics(string projectId, string firewallRuleId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a firewall rule: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="firewallRuleId">The firewall rule id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListFirewallRuleEvents(string projectId, string firewallRuleId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(firewallRuleId)];

    /// <summary>Exports the configuration of a firewall rule as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="firewallRuleId">The firewall rule id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportFirewallRuleConfig(string projectId, string firewallRuleId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(firewallRuleId, format);
}
