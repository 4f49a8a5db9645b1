// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A disk. A persistent block storage volume that virtual machines attach.</summary>
/// <param name="Id">The disk id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="SizeGb">The size in GB.</param>
/// <param name="DiskType">The disk type: standard, balanced or ssd.</param>
/// <param name="AttachedTo">The virtual machine it is attached to, if any.</param>
/// <param name="Iops">Provisioned I/O operations per second.</param>
public sealed record Disk(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int SizeGb, string DiskType, string AttachedTo, int Iops);

/// <summary>The settings of a disk that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="SizeGb">The size in GB.</param>
/// <param name="DiskType">The disk type: standard, balanced or ssd.</param>
/// <param name="AttachedTo">The virtual machine it is attached to, if any.</param>
/// <param name="Iops">Provisioned I/O operations per second.</param>
public sealed record DiskSpec(int? SizeGb = null, string? DiskType = null, string? AttachedTo = null, int? Iops = null);

/// <summary>A page of disks.</summary>
/// <param name="Items">The disks on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many disks matched in all.</param>
public sealed record DiskPage(IReadOnlyList<Disk> Items, string? NextPageToken, int TotalSize);

/// <summary>The compute API's disks. A persistent block storage volume that virtual machines attach.</summary>
[McpToolSet("disks", Description = "Disks (compute).")]
public static class DiskTools
{
    private static Disk Sample(string projectId, string id, string name = "disk-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, 100, "balanced", "vm-1", 3000);

    /// <summary>Lists the disks in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only disks in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many disks per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static DiskPage ListDisks(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "disk-1")], null, 1);

    /// <summary>Gets a disk with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="diskId">The disk id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static Disk GetDisk(string projectId, string diskId) => Sample(projectId, diskId);

    /// <summary>Creates a disk. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The disk's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateDisk(string projectId, string name, string region, DiskSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a disk. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="diskId">The disk id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the disk changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateDisk(string projectId, string diskId, DiskSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, diskId, false);

    /// <summary>Deletes a disk. Deleted disks can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="diskId">The disk id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteDisk(string projectId, string diskId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, diskId, false);

    /// <summary>Restores a deleted disk within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="diskId">The id of the deleted disk.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreDisk(string projectId, string diskId) =>
        FakeCloud.Operation("restore", projectId, diskId, false);

    /// <summary>Replaces the labels of a disk.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="diskId">The disk id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static Disk SetDiskLabels(string projectId, string diskId, Label[] labels) =>
        Sample(projectId, diskId) with { Labels = labels };

    /// <summary>Moves a disk to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="diskId">The disk id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveDisk(string projectId, string diskId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, diskId, false);

    /// <summary>Gets the access policy of a disk: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="diskId">The disk id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetDiskAccessPolicy(string projectId, string diskId) => FakeCloud.Policy(diskId);

    /// <summary>Replaces the access policy of a disk. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="diskId">The disk id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetDiskAccessPolicy(string projectId, string diskId, AccessBinding[] bindings, string etag) =>
        new(diskId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a disk over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="diskId">The disk id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetDiskMetrics(string projectId, string diskId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a disk: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="diskId">The disk id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListDiskEvents(string projectId, string diskId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(diskId)];

    /// <summary>Exports the configuration of a disk as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="diskId">The disk id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportDiskConfig(string projectId, string diskId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(diskId, format);
}
