// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A snapshot. A point-in-time copy of a disk.</summary>
/// <param name="Id">The snapshot id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="SourceDisk">The disk the snapshot was taken from.</param>
/// <param name="StorageBytes">The bytes the snapshot occupies.</param>
/// <param name="Incremental">Whether it stores only changes since the previous snapshot.</param>
public sealed record Snapshot(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string SourceDisk, long StorageBytes, bool Incremental);

/// <summary>The settings of a snapshot that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="SourceDisk">The disk the snapshot was taken from.</param>
/// <param name="StorageBytes">The bytes the snapshot occupies.</param>
/// <param name="Incremental">Whether it stores only changes since the previous snapshot.</param>
public sealed record SnapshotSpec(string? SourceDisk = null, long? StorageBytes = null, bool? Incremental = null);

/// <summary>A page of snapshots.</summary>
/// <param name="Items">The snapshots on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many snapshots matched in all.</param>
public sealed record SnapshotPage(IReadOnlyList<Snapshot> Items, string? NextPageToken, int TotalSize);

/// <summary>The compute API's snapshots. A point-in-time copy of a disk.</summary>
[McpToolSet("snapshots", Description = "Snapshots (compute).")]
public static class SnapshotTools
{
    private static Snapshot Sample(string projectId, string id, string name = "snapshot-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "disk-1", 5368709120L, true);

    /// <summary>Lists the snapshots in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only snapshots in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many snapshots per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static SnapshotPage ListSnapshots(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "snapshot-1")], null, 1);

    /// <summary>Gets a snapshot with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="snapshotId">The snapshot id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static Snapshot GetSnapshot(string projectId, string snapshotId) => Sample(projectId, snapshotId);

    /// <summary>Creates a snapshot. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The snapshot's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateSnapshot(string projectId, string name, string region, SnapshotSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a snapshot. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="snapshotId">The snapshot id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the snapshot changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateSnapshot(string projectId, string snapshotId, SnapshotSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, snapshotId, false);

    /// <summary>Deletes a snapshot. Deleted snapshots can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="snapshotId">The snapshot id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteSnapshot(string projectId, string snapshotId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, snapshotId, false);

    /// <summary>Restores a deleted snapshot within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="snapshotId">The id of the deleted snapshot.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreSnapshot(string projectId, string snapshotId) =>
        FakeCloud.Operation("restore", projectId, snapshotId, false);

    /// <summary>Replaces the labels of a snapshot.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="snapshotId">The snapshot id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static Snapshot SetSnapshotLabels(string projectId, string snapshotId, Label[] labels) =>
        Sample(projectId, snapshotId) with { Labels = labels };

    /// <summary>Moves a snapshot to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="snapshotId">The snapshot id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveSnapshot(string projectId, string snapshotId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, snapshotId, false);

    /// <summary>Gets the access policy of a snapshot: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="snapshotId">The snapshot id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetSnapshotAccessPolicy(string projectId, string snapshotId) => FakeCloud.Policy(snapshotId);

    /// <summary>Replaces the access policy of a snapshot. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="snapshotId">The snapshot id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetSnapshotAccessPolicy(string projectId, string snapshotId, AccessBinding[] bindings, string etag) =>
        new(snapshotId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a snapshot over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="snapshotId">The snapshot id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetSnapshotMetrics(string projectId, string snapshotId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a snapshot: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="snapshotId">The snapshot id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListSnapshotEvents(string projectId, string snapshotId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(snapshotId)];

    /// <summary>Exports the configuration of a snapshot as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="snapshotId">The snapshot id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportSnapshotConfig(string projectId, string snapshotId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(snapshotId, format);
}
