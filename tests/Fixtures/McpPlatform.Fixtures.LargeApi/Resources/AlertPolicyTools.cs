// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>An alert policy. A condition on metrics or logs that notifies channels when it fires.</summary>
/// <param name="Id">The alert policy id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Condition">The condition, e.g. cpu > 0.9 for 5m.</param>
/// <param name="NotificationChannels">The channels notified, comma-separated.</param>
/// <param name="Severity">critical, error, warning or info.</param>
/// <param name="Enabled">Whether it is evaluated.</param>
public sealed record AlertPolicy(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Condition, string NotificationChannels, string Severity, bool Enabled);

/// <summary>The settings of an alert policy that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="Condition">The condition, e.g. cpu > 0.9 for 5m.</param>
/// <param name="NotificationChannels">The channels notified, comma-separated.</param>
/// <param name="Severity">critical, error, warning or info.</param>
/// <param name="Enabled">Whether it is evaluated.</param>
public sealed record AlertPolicySpec(string? Condition = null, string? NotificationChannels = null, string? Severity = null, bool? Enabled = null);

/// <summary>A page of alert policies.</summary>
/// <param name="Items">The alert policies on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many alert policies matched in all.</param>
public sealed record AlertPolicyPage(IReadOnlyList<AlertPolicy> Items, string? NextPageToken, int TotalSize);

/// <summary>The operations API's alert policies. A condition on metrics or logs that notifies channels when it fires.</summary>
[McpToolSet("alert_policies", Description = "Alert policies (operations).")]
public static class AlertPolicyTools
{
    private static AlertPolicy Sample(string projectId, string id, string name = "alert-policy-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "cpu > 0.9 for 5m", "oncall-email", "critical", true);

    /// <summary>Lists the alert policies in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only alert policies in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many alert policies per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AlertPolicyPage ListAlertPolicies(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "alert-policy-1")], null, 1);

    /// <summary>Gets an alert policy with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="alertPolicyId">The alert policy id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AlertPolicy GetAlertPolicy(string projectId, string alertPolicyId) => Sample(projectId, alertPolicyId);

    /// <summary>Creates an alert policy. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The alert policy's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateAlertPolicy(string projectId, string name, string region, AlertPolicySpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of an alert policy. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="alertPolicyId">The alert policy id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the alert policy changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateAlertPolicy(string projectId, string alertPolicyId, AlertPolicySpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, alertPolicyId, false);

    /// <summary>Deletes an alert policy. Deleted alert policies can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="alertPolicyId">The alert policy id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteAlertPolicy(string projectId, string alertPolicyId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, alertPolicyId, false);

    /// <summary>Restores a deleted alert policy within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="alertPolicyId">The id of the deleted alert policy.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreAlertPolicy(string projectId, string alertPolicyId) =>
        FakeCloud.Operation("restore", projectId, alertPolicyId, false);

    /// <summary>Replaces the labels of an alert policy.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="alertPolicyId">The alert policy id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static AlertPolicy SetAlertPolicyLabels(string projectId, string alertPolicyId, Label[] labels) =>
        Sample(projectId, alertPolicyId) with { Labels = labels };

    /// <summary>Moves an alert policy to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="alertPolicyId">The alert policy id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveAlertPolicy(string projectId, string alertPolicyId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, alertPolicyId, false);

    /// <summary>Gets the access policy of an alert policy: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="alertPolicyId">The alert policy id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetAlertPolicyAccessPolicy(string projectId, string alertPolicyId) => FakeCloud.Policy(alertPolicyId);

    /// <summary>Replaces the access policy of an alert policy. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="alertPolicyId">The alert policy id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetAlertPolicyAccessPolicy(string projectId, string alertPolicyId, AccessBinding[] bindings, string etag) =>
        new(alertPolicyId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of an alert policy over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="alertPolicyId">The alert policy id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetAlertPolicyMetrics(string projectId, string alertPolicyId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of an alert policy: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="alertPolicyId">The alert policy id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListAlertPolicyEvents(string projectId, string alertPolicyId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(alertPolicyId)];

    /// <summary>Exports the configuration of an alert policy as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="alertPolicyId">The alert policy id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportAlertPolicyConfig(string projectId, string alertPolicyId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(alertPolicyId, format);
}
