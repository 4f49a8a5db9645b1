// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>An instance group. A managed set of identical virtual machines created from an instance template.</summary>
/// <param name="Id">The instance group id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Template">The instance template the machines are created from.</param>
/// <param name="TargetSize">How many machines the group keeps running.</param>
/// <param name="Autoscaling">Whether the size follows load.</param>
/// <param name="MaxSize">The autoscaler's upper bound.</param>
public sealed record InstanceGroup(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Template, int TargetSize, bool Autoscaling, int MaxSize);

/// <summary>The settings of an instance group that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="Template">The instance template the machines are created from.</param>
/// <param name="TargetSize">How many machines the group keeps running.</param>
/// <param name="Autoscaling">Whether the size follows load.</param>
/// <param name="MaxSize">The autoscaler's upper bound.</param>
public sealed record InstanceGroupSpec(string? Template = null, int? TargetSize = null, bool? Autoscaling = null, int? MaxSize = null);

/// <summary>A page of instance groups.</summary>
/// <param name="Items">The instance groups on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many instance groups matched in all.</param>
public sealed record InstanceGroupPage(IReadOnlyList<InstanceGroup> Items, string? NextPageToken, int TotalSize);

/// <summary>The compute API's instance groups. A managed set of identical virtual machines created from an instance template.</summary>
[McpToolSet("instance_groups", Description = "Instance groups (compute).")]
public static class InstanceGroupTools
{
    private static InstanceGroup Sample(string projectId, string id, string name = "instance-group-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "tmpl-1", 3, true, 10);

    /// <summary>Lists the instance groups in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only instance groups in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many instance groups per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static InstanceGroupPage ListInstanceGroups(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "instance-group-1")], null, 1);

    /// <summary>Gets an instance group with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="instanceGroupId">The instance group id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static InstanceGroup GetInstanceGroup(string projectId, string instanceGroupId) => Sample(projectId, instanceGroupId);

    /// <summary>Creates an instance group. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The instance group's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateInstanceGroup(string projectId, string name, string region, InstanceGroupSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of an instance group. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="instanceGroupId">The instance group id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the instance group changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateInstanceGroup(string projectId, string instanceGroupId, InstanceGroupSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, instanceGroupId, false);

    /// <summary>Deletes an instance group. Deleted instance groups can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="instanceGroupId">The instance group id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteInstanceGroup(string projectId, string instanceGroupId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, instanceGroupId, false);

    /// <summary>Restores a deleted instance group within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="instanceGroupId">The id of the deleted instance group.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreInstanceGroup(string projectId, string instanceGroupId) =>
        FakeCloud.Operation("restore", projectId, instanceGroupId, false);

    /// <summary>Replaces the labels of an instance group.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="instanceGroupId">The instance group id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static InstanceGroup SetInstanceGroupLabels(string projectId, string instanceGroupId, Label[] labels) =>
        Sample(projectId, instanceGroupId) with { Labels = labels };

    /// <summary>Moves an instance group to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="instanceGroupId">The instance group id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveInstanceGroup(string projectId, string instanceGroupId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, instanceGroupId, false);

    /// <summary>Gets the access policy of an instance group: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="instanceGroupId">The instance group id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetInstanceGroupAccessPolicy(string projectId, string instanceGroupId) => FakeCloud.Policy(instanceGroupId);

    /// <summary>Replaces the access policy of an instance group. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="instanceGroupId">The instance group id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetInstanceGroupAccessPolicy(string projectId, string instanceGroupId, AccessBinding[] bindings, string etag) =>
        new(instanceGroupId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of an instance group over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="instanceGroupId">The instance group id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetInstanceGroupMetrics(string projectId, string instanceGroupId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of an instance group: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="instanceGroupId">The instance group id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListInstanceGroupEvents(string projectId, string instanceGroupId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(instanceGroupId)];

    /// <summary>Exports the configuration of an instance group as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="instanceGroupId">The instance group id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportInstanceGroupConfig(string projectId, string instanceGroupId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(instanceGroupId, format);
}
