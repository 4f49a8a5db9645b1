// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A container cluster. A managed Kubernetes cluster.</summary>
/// <param name="Id">The container cluster id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="KubernetesVersion">The control plane version.</param>
/// <param name="NodeCount">How many nodes run across all pools.</param>
/// <param name="PrivateEndpoint">Whether the API server has no public address.</param>
/// <param name="ReleaseChannel">rapid, regular or stable.</param>
public sealed record ContainerCluster(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string KubernetesVersion, int NodeCount, bool PrivateEndpoint, string ReleaseChannel);

/// <summary>The settings of a container cluster that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="KubernetesVersion">The control plane version.</param>
/// <param name="NodeCount">How many nodes run across all pools.</param>
/// <param name="PrivateEndpoint">Whether the API server has no public address.</param>
/// <param name="ReleaseChannel">rapid, regular or stable.</param>
public sealed record ContainerClusterSpec(string? KubernetesVersion = null, int? NodeCount = null, bool? PrivateEndpoint = null, string? ReleaseChannel = null);

/// <summary>A page of container clusters.</summary>
/// <param name="Items">The container clusters on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many container clusters matched in all.</param>
public sealed record ContainerClusterPage(IReadOnlyList<ContainerCluster> Items, string? NextPageToken, int TotalSize);

/// <summary>The containers API's container clusters. A managed Kubernetes cluster.</summary>
[McpToolSet("container_clusters", Description = "Container clusters (containers).")]
public static class ContainerClusterTools
{
    private static ContainerCluster Sample(string projectId, string id, string name = "container-cluster-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "1.31", 6, true, "regular");

    /// <summary>Lists the container clusters in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only container clusters in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many container clusters per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ContainerClusterPage ListContainerClusters(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "container-cluster-1")], null, 1);

    /// <summary>Gets a container cluster with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="containerClusterId">The container cluster id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ContainerCluster GetContainerCluster(string projectId, string containerClusterId) => Sample(projectId, containerClusterId);

    /// <summary>Creates a container cluster. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The container cluster's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateContainerCluster(string projectId, string name, string region, ContainerClusterSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a container cluster. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="containerClusterId">The container cluster id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the container cluster changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateContainerCluster(string projectId, string containerClusterId, ContainerClusterSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, containerClusterId, false);

    /// <summary>Deletes a container cluster. Deleted container clusters can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="containerClusterId">The container cluster id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteContainerCluster(string projectId, string containerClusterId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, containerClusterId, false);

    /// <summary>Restores a deleted container cluster within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="containerClusterId">The id of the deleted container cluster.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreContainerCluster(string projectId, string containerClusterId) =>
        FakeCloud.Operation("restore", projectId, containerClusterId, false);

    /// <summary>Replaces the labels of a container cluster.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="containerClusterId">The container cluster id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static ContainerCluster SetContainerClusterLabels(string projectId, string containerClusterId, Label[] labels) =>
        Sample(projectId, containerClusterId) with { Labels = labels };

    /// <summary>Moves a container cluster to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="containerClusterId">The container cluster id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveContainerCluster(string projectId, string containerClusterId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, containerClusterId, false);

    /// <summary>Gets the access policy of a container cluster: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="containerClusterId">The container cluster id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetContainerClusterAccessPolicy(string projectId, string containerClusterId) => FakeCloud.Policy(containerClusterId);

    /// <summary>Replaces the access policy of a container cluster. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="containerClusterId">The container cluster id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetContainerClusterAccessPolicy(string projectId, string containerClusterId, AccessBinding[] bindings, string etag) =>
        new(containerClusterId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a container cluster over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="containerClusterId">The container cluster id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetContainerClusterMetrics(string projectId, string containerClusterId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a container cluster: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="containerClusterId">The container cluster id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListContainerClusterEvents(string projectId, string containerClusterId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(containerClusterId)];

    /// <summary>Exports the configuration of a container cluster as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="containerClusterId">The container cluster id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportContainerClusterConfig(string projectId, string containerClusterId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(containerClusterId, format);
}
