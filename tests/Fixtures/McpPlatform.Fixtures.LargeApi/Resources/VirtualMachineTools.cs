// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A virtual machine. A virtual machine runs workloads on managed hardware.</summary>
/// <param name="Id">The virtual machine id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="MachineType">The machine type, e.g. standard-4 (4 vCPUs, 16 GB).</param>
/// <param name="BootImage">The image the boot disk was created from.</param>
/// <param name="DiskCount">How many disks are attached.</param>
/// <param name="DeletionProtection">Whether the machine refuses deletion.</param>
public sealed record VirtualMachine(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string MachineType, string BootImage, int DiskCount, bool DeletionProtection);

/// <summary>The settings of a virtual machine that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="MachineType">The machine type, e.g. standard-4 (4 vCPUs, 16 GB).</param>
/// <param name="BootImage">The image the boot disk was created from.</param>
/// <param name="DiskCount">How many disks are attached.</param>
/// <param name="DeletionProtection">Whether the machine refuses deletion.</param>
public sealed record VirtualMachineSpec(string? MachineType = null, string? BootImage = null, int? DiskCount = null, bool? DeletionProtection = null);

/// <summary>A page of virtual machines.</summary>
/// <param name="Items">The virtual machines on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many virtual machines matched in all.</param>
public sealed record VirtualMachinePage(IReadOnlyList<VirtualMachine> Items, string? NextPageToken, int TotalSize);

/// <summary>The compute API's virtual machines. A virtual machine runs workloads on managed hardware.</summary>
[McpToolSet("virtual_machines", Description = "Virtual machines (compute).")]
public static class VirtualMachineTools
{
    private static VirtualMachine Sample(string projectId, string id, string name = "virtual-machine-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "standard-4", "debian-12", 2, false);

    /// <summary>Lists the virtual machines in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only virtual machines in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many virtual machines per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static VirtualMachinePage ListVirtualMachines(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "virtual-machine-1")], null, 1);

    /// <summary>Gets a virtual machine with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="virtualMachineId">The virtual machine id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static VirtualMachine GetVirtualMachine(string projectId, string virtualMachineId) => Sample(projectId, virtualMachineId);

    /// <summary>Creates a virtual machine. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The virtual machine's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateVirtualMachine(string projectId, string name, string region, VirtualMachineSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a virtual machine. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="virtualMachineId">The virtual machine id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the virtual machine changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateVirtualMachine(string projectId, string virtualMachineId, VirtualMachineSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, virtualMachineId, false);

    /// <summary>Deletes a virtual machine. Deleted virtual machines can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="virtualMachineId">The virtual machine id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteVirtualMachine(string projectId, string virtualMachineId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, virtualMachineId, false);

    /// <summary>Restores a deleted virtual machine within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="virtualMachineId">The id of the deleted virtual machine.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreVirtualMachine(string projectId, string virtualMachineId) =>
        FakeCloud.Operation("restore", projectId, virtualMachineId, false);

    /// <summary>Replaces the labels of a virtual machine.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="virtualMachineId">The virtual machine id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static VirtualMachine SetVirtualMachineLabels(string projectId, string virtualMachineId, Label[] labels) =>
        Sample(projectId, virtualMachineId) with { Labels = labels };

    /// <summary>Moves a virtual machine to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="virtualMachineId">The virtual machine id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveVirtualMachine(string projectId, string virtualMachineId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, virtualMachineId, false);

    /// <summary>Gets the access policy of a virtual machine: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="virtualMachineId">The virtual machine id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetVirtualMachineAccessPolicy(string projectId, string virtualMachineId) => FakeCloud.Policy(virtualMachineId);

    /// <summary>Replaces the access policy of a virtual machine. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="virtualMachineId">The virtual machine id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetVirtualMachineAccessPolicy(string projectId, string virtualMachineId, AccessBinding[] bindings, string etag) =>
        new(virtualMachineId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a virtual machine over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="virtualMachineId">The virtual machine id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetVirtualMachineMetrics(string projectId, string virtualMachineId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a virtual machine: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="virtualMachineId">The virtual machine id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListVirtualMachineEvents(string projectId, string virtualMachineId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(virtualMachineId)];

    /// <summary>Exports the configuration of a virtual machine as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="virtualMachineId">The virtual machine id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportVirtualMachineConfig(string projectId, string virtualMachineId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(virtualMachineId, format);
}
