// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A node pool. A group of identically configured nodes in a container cluster.</summary>
/// <param name="Id">The node pool id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Cluster">The cluster the pool belongs to.</param>
/// <param name="MachineType">The nodes' machine type.</param>
/// <param name="NodeCount">How many nodes it runs.</param>
/// <param name="Spot">Whether nodes are preemptible.</param>
public sealed record NodePool(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Cluster, string MachineType, int NodeCount, bool Spot);

/// <summary>The settings of a node pool that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="Cluster">The cluster the pool belongs to.</param>
/// <param name="MachineType">The nodes' machine type.</param>
/// <param name="NodeCount">How many nodes it runs.</param>
/// <param name="Spot">Whether nodes are preemptible.</param>
public sealed record NodePoolSpec(string? Cluster = null, string? MachineType = null, int? NodeCount = null, bool? Spot = null);

/// <summary>A page of node pools.</summary>
/// <param name="Items">The node pools on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many node pools matched in all.</param>
public sealed record NodePoolPage(IReadOnlyList<NodePool> Items, string? NextPageToken, int TotalSize);

/// <summary>The containers API's node pools. A group of identically configured nodes in a container cluster.</summary>
[McpToolSet("node_pools", Description = "Node pools (containers).")]
public static class NodePoolTools
{
    private static NodePool Sample(string projectId, string id, string name = "node-pool-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "cluster-1", "standard-4", 3, false);

    /// <summary>Lists the node pools in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only node pools in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many node pools per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static NodePoolPage ListNodePools(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "node-pool-1")], null, 1);

    /// <summary>Gets a node pool with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="nodePoolId">The node pool id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static NodePool GetNodePool(string projectId, string nodePoolId) => Sample(projectId, nodePoolId);

    /// <summary>Creates a node pool. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The node pool's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateNodePool(string projectId, string name, string region, NodePoolSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a node pool. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="nodePoolId">The node pool id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the node pool changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateNodePool(string projectId, string nodePoolId, NodePoolSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, nodePoolId, false);

    /// <summary>Deletes a node pool. Deleted node pools can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="nodePoolId">The node pool id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteNodePool(string projectId, string nodePoolId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, nodePoolId, false);

    /// <summary>Restores a deleted node pool within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="nodePoolId">The id of the deleted node pool.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreNodePool(string projectId, string nodePoolId) =>
        FakeCloud.Operation("restore", projectId, nodePoolId, false);

    /// <summary>Replaces the labels of a node pool.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="nodePoolId">The node pool id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static NodePool SetNodePoolLabels(string projectId, string nodePoolId, Label[] labels) =>
        Sample(projectId, nodePoolId) with { Labels = labels };

    /// <summary>Moves a node pool to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="nodePoolId">The node pool id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveNodePool(string projectId, string nodePoolId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, nodePoolId, false);

    /// <summary>Gets the access policy of a node pool: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="nodePoolId">The node pool id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetNodePoolAccessPolicy(string projectId, string nodePoolId) => FakeCloud.Policy(nodePoolId);

    /// <summary>Replaces the access policy of a node pool. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="nodePoolId">The node pool id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetNodePoolAccessPolicy(string projectId, string nodePoolId, AccessBinding[] bindings, string etag) =>
        new(nodePoolId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a node pool over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="nodePoolId">The node pool id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetNodePoolMetrics(string projectId, string nodePoolId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a node pool: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="nodePoolId">The node pool id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListNodePoolEvents(string projectId, string nodePoolId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(nodePoolId)];

    /// <summary>Exports the configuration of a node pool as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="nodePoolId">The node pool id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportNodePoolConfig(string projectId, string nodePoolId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(nodePoolId, format);
}
