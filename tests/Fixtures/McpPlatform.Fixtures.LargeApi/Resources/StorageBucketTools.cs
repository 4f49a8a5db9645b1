// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A storage bucket. An object storage container with its own access and lifecycle rules.</summary>
/// <param name="Id">The storage bucket id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="StorageClass">standard, nearline, coldline or archive.</param>
/// <param name="Versioning">Whether overwritten objects are kept.</param>
/// <param name="ObjectCount">How many objects it holds.</param>
/// <param name="PublicAccessPrevention">Whether public access is refused.</param>
public sealed record StorageBucket(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string StorageClass, bool Versioning, long ObjectCount, bool PublicAccessPrevention);

/// <summary>The settings of a storage bucket that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="StorageClass">standard, nearline, coldline or archive.</param>
/// <param name="Versioning">Whether overwritten objects are kept.</param>
/// <param name="ObjectCount">How many objects it holds.</param>
/// <param name="PublicAccessPrevention">Whether public access is refused.</param>
public sealed record StorageBucketSpec(string? StorageClass = null, bool? Versioning = null, long? ObjectCount = null, bool? PublicAccessPrevention = null);

/// <summary>A page of storage buckets.</summary>
/// <param name="Items">The storage buckets on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many storage buckets matched in all.</param>
public sealed record StorageBucketPage(IReadOnlyList<StorageBucket> Items, string? NextPageToken, int TotalSize);

/// <summary>The storage API's storage buckets. An object storage container with its own access and lifecycle rules.</summary>
[McpToolSet("storage_buckets", Description = "Storage buckets (storage).")]
public static class StorageBucketTools
{
    private static StorageBucket Sample(string projectId, string id, string name = "storage-bucket-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "standard", true, 12840L, true);

    /// <summary>Lists the storage buckets in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only storage buckets in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many storage buckets per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static StorageBucketPage ListStorageBuckets(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "storage-bucket-1")], null, 1);

    /// <summary>Gets a storage bucket with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="storageBucketId">The storage bucket id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static StorageBucket GetStorageBucket(string projectId, string storageBucketId) => Sample(projectId, storageBucketId);

    /// <summary>Creates a storage bucket. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The storage bucket's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateStorageBucket(string projectId, string name, string region, StorageBucketSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a storage bucket. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="storageBucketId">The storage bucket id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the storage bucket changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateStorageBucket(string projectId, string storageBucketId, StorageBucketSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, storageBucketId, false);

    /// <summary>Deletes a storage bucket. Deleted storage buckets can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="storageBucketId">The storage bucket id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteStorageBucket(string projectId, string storageBucketId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, storageBucketId, false);

    /// <summary>Restores a deleted storage bucket within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="storageBucketId">The id of the deleted storage bucket.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreStorageBucket(string projectId, string storageBucketId) =>
        FakeCloud.Operation("restore", projectId, storageBucketId, false);

    /// <summary>Replaces the labels of a storage bucket.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="storageBucketId">The storage bucket id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static StorageBucket SetStorageBucketLabels(string projectId, string storageBucketId, Label[] labels) =>
        Sample(projectId, storageBucketId) with { Labels = labels };

    /// <summary>Moves a storage bucket to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="storageBucketId">The storage bucket id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveStorageBucket(string projectId, string storageBucketId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, storageBucketId, false);

    /// <summary>Gets the access policy of a storage bucket: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="storageBucketId">The storage bucket id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetStorageBucketAccessPolicy(string projectId, string storageBucketId) => FakeCloud.Policy(storageBucketId);

    /// <summary>Replaces the access policy of a storage bucket. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="storageBucketId">The storage bucket id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetStorageBucketAccessPolicy(string projectId, string storageBucketId, AccessBinding[] bindings, string etag) =>
        new(storageBucketId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a storage bucket over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="storageBucketId">The storage bucket id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetStorageBucketMetrics(string projectId, string storageBucketId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a storage bucket: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="storageBucketId">The storage bucket id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListStorageBucketEvents(string projectId, string storageBucketId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(storageBucketId)];

    /// <summary>Exports the configuration of a storage bucket as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="storageBucketId">The storage bucket id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportStorageBucketConfig(string projectId, string storageBucketId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(storageBucketId, format);
}
