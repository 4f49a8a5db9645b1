// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A file share. A managed NFS file share that machines mount.</summary>
/// <param name="Id">The file share id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="CapacityGb">The provisioned capacity in GB.</param>
/// <param name="Tier">basic, zonal or enterprise.</param>
/// <param name="MountPath">The export path.</param>
public sealed record FileShare(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int CapacityGb, string Tier, string MountPath);

/// <summary>The settings of a file share that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="CapacityGb">The provisioned capacity in GB.</param>
/// <param name="Tier">basic, zonal or enterprise.</param>
/// <param name="MountPath">The export path.</param>
public sealed record FileShareSpec(int? CapacityGb = null, string? Tier = null, string? MountPath = null);

/// <summary>A page of file shares.</summary>
/// <param name="Items">The file shares on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many file shares matched in all.</param>
public sealed record FileSharePage(IReadOnlyList<FileShare> Items, string? NextPageToken, int TotalSize);

/// <summary>The storage API's file shares. A managed NFS file share that machines mount.</summary>
[McpToolSet("file_shares", Description = "File shares (storage).")]
public static class FileShareTools
{
    private static FileShare Sample(string projectId, string id, string name = "file-share-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, 1024, "basic", "/share1");

    /// <summary>Lists the file shares in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only file shares in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many file shares per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static FileSharePage ListFileShares(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "file-share-1")], null, 1);

    /// <summary>Gets a file share with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="fileShareId">The file share id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static FileShare GetFileShare(string projectId, string fileShareId) => Sample(projectId, fileShareId);

    /// <summary>Creates a file share. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The file share's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateFileShare(string projectId, string name, string region, FileShareSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a file share. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="fileShareId">The file share id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the file share changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateFileShare(string projectId, string fileShareId, FileShareSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, fileShareId, false);

    /// <summary>Deletes a file share. Deleted file shares can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="fileShareId">The file share id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteFileShare(string projectId, string fileShareId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, fileShareId, false);

    /// <summary>Restores a deleted file share within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="fileShareId">The id of the deleted file share.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreFileShare(string projectId, string fileShareId) =>
        FakeCloud.Operation("restore", projectId, fileShareId, false);

    /// <summary>Replaces the labels of a file share.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="fileShareId">The file share id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static FileShare SetFileShareLabels(string projectId, string fileShareId, Label[] labels) =>
        Sample(projectId, fileShareId) with { Labels = labels };

    /// <summary>Moves a file share to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="fileShareId">The file share id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveFileShare(string projectId, string fileShareId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, fileShareId, false);

    /// <summary>Gets the access policy of a file share: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="fileShareId">The file share id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetFileShareAccessPolicy(string projectId, string fileShareId) => FakeCloud.Policy(fileShareId);

    /// <summary>Replaces the access policy of a file share. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="fileShareId">The file share id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetFileShareAccessPolicy(string projectId, string fileShareId, AccessBinding[] bindings, string etag) =>
        new(fileShareId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a file share over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="fileShareId">The file share id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetFileShareMetrics(string projectId, string fileShareId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a file share: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="fileShareId">The file share id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListFileShareEvents(string projectId, string fileShareId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(fileShareId)];

    /// <summary>Exports the configuration of a file share as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="fileShareId">The file share id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportFileShareConfig(string projectId, string fileShareId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(fileShareId, format);
}
