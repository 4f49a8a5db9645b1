// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A cache cluster. A managed in-memory key-value cache.</summary>
/// <param name="Id">The cache cluster id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Engine">redis or memcached.</param>
/// <param name="MemoryGb">The memory size in GB.</param>
/// <param name="ReplicaCount">How many read replicas it has.</param>
public sealed record CacheCluster(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Engine, int MemoryGb, int ReplicaCount);

/// <summary>The settings of a cache cluster that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="Engine">redis or memcached.</param>
/// <param name="MemoryGb">The memory size in GB.</param>
/// <param name="ReplicaCount">How many read replicas it has.</param>
public sealed record CacheClusterSpec(string? Engine = null, int? MemoryGb = null, int? ReplicaCount = null);

/// <summary>A page of cache clusters.</summary>
/// <param name="Items">The cache clusters on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many cache clusters matched in all.</param>
public sealed record CacheClusterPage(IReadOnlyList<CacheCluster> Items, string? NextPageToken, int TotalSize);

/// <summary>The databases API's cache clusters. A managed in-memory key-value cache.</summary>
[McpToolSet("cache_clusters", Description = "Cache clusters (databases).")]
public static class CacheClusterTools
{
    private static CacheCluster Sample(string projectId, string id, string name = "cache-cluster-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "redis", 8, 1);

    /// <summary>Lists the cache clusters in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only cache clusters in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many cache clusters per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static CacheClusterPage ListCacheClusters(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "cache-cluster-1")], null, 1);

    /// <summary>Gets a cache cluster with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="cacheClusterId">The cache cluster id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static CacheCluster GetCacheCluster(string projectId, string cacheClusterId) => Sample(projectId, cacheClusterId);

    /// <summary>Creates a cache cluster. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The cache cluster's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateCacheCluster(string projectId, string name, string region, CacheClusterSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a cache cluster. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="cacheClusterId">The cache cluster id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the cache cluster changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateCacheCluster(string projectId, string cacheClusterId, CacheClusterSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, cacheClusterId, false);

    /// <summary>Deletes a cache cluster. Deleted cache clusters can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="cacheClusterId">The cache cluster id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteCacheCluster(string projectId, string cacheClusterId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, cacheClusterId, false);

    /// <summary>Restores a deleted cache cluster within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="cacheClusterId">The id of the deleted cache cluster.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreCacheCluster(string projectId, string cacheClusterId) =>
        FakeCloud.Operation("restore", projectId, cacheClusterId, false);

    /// <summary>Replaces the labels of a cache cluster.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="cacheClusterId">The cache cluster id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static CacheCluster SetCacheClusterLabels(string projectId, string cacheClusterId, Label[] labels) =>
        Sample(projectId, cacheClusterId) with { Labels = labels };

    /// <summary>Moves a cache cluster to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="cacheClusterId">The cache cluster id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveCacheCluster(string projectId, string cacheClusterId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, cacheClusterId, false);

    /// <summary>Gets the access policy of a cache cluster: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="cacheClusterId">The cache cluster id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetCacheClusterAccessPolicy(string projectId, string cacheClusterId) => FakeCloud.Policy(cacheClusterId);

    /// <summary>Replaces the access policy of a cache cluster. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="cacheClusterId">The cache cluster id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetCacheClusterAccessPolicy(string projectId, string cacheClusterId, AccessBinding[] bindings, string etag) =>
        new(cacheClusterId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a cache cluster over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="cacheClusterId">The cache cluster id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetCacheClusterMetrics(string projectId, string cacheClusterId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a cache cluster: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="cacheClusterId">The cache cluster id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListCacheClusterEvents(string projectId, string cacheClusterId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(cacheClusterId)];

    /// <summary>Exports the configuration of a cache cluster as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="cacheClusterId">The cache cluster id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportCacheClusterConfig(string projectId, string cacheClusterId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(cacheClusterId, format);
}
