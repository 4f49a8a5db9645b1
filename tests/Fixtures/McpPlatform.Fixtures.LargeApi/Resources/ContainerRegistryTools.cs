// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A container registry. A private registry of container images.</summary>
/// <param name="Id">The container registry id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Format">docker, helm or oci.</param>
/// <param name="ImageCount">How many images it stores.</param>
/// <param name="VulnerabilityScanning">Whether pushed images are scanned.</param>
public sealed record ContainerRegistry(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Format, long ImageCount, bool VulnerabilityScanning);

/// <summary>The settings of a container registry that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="Format">docker, helm or oci.</param>
/// <param name="ImageCount">How many images it stores.</param>
/// <param name="VulnerabilityScanning">Whether pushed images are scanned.</param>
public sealed record ContainerRegistrySpec(string? Format = null, long? ImageCount = null, bool? VulnerabilityScanning = null);

/// <summary>A page of container registries.</summary>
/// <param name="Items">The container registries on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many container registries matched in all.</param>
public sealed record ContainerRegistryPage(IReadOnlyList<ContainerRegistry> Items, string? NextPageToken, int TotalSize);

/// <summary>The containers API's container registries. A private registry of container images.</summary>
[McpToolSet("container_registries", Description = "Container registries (containers).")]
public static class ContainerRegistryTools
{
    private static ContainerRegistry Sample(string projectId, string id, string name = "container-registry-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "docker", 318L, true);

    /// <summary>Lists the container registries in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only container registries in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many container registries per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ContainerRegistryPage ListContainerRegistries(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "container-registry-1")], null, 1);

    /// <summary>Gets a container registry with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="containerRegistryId">The container registry id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ContainerRegistry GetContainerRegistry(string projectId, string containerRegistryId) => Sample(projectId, containerRegistryId);

    /// <summary>Creates a container registry. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The container registry's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateContainerRegistry(string projectId, string name, string region, ContainerRegistrySpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a container registry. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="containerRegistryId">The container registry id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the container registry changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateContainerRegistry(string projectId, string containerRegistryId, ContainerRegistrySpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, containerRegistryId, false);

    /// <summary>Deletes a container registry. Deleted container registries can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="containerRegistryId">The container registry id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteContainerRegistry(string projectId, string containerRegistryId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, containerRegistryId, false);

    /// <summary>Restores a deleted container registry within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="containerRegistryId">The id of the deleted container registry.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreContainerRegistry(string projectId, string containerRegistryId) =>
        FakeCloud.Operation("restore", projectId, containerRegistryId, false);

    /// <summary>Replaces the labels of a container registry.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="containerRegistryId">The container registry id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static ContainerRegistry SetContainerRegistryLabels(string projectId, string containerRegistryId, Label[] labels) =>
        Sample(projectId, containerRegistryId) with { Labels = labels };

    /// <summary>Moves a container registry to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="containerRegistryId">The container registry id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveContainerRegistry(string projectId, string containerRegistryId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, containerRegistryId, false);

    /// <summary>Gets the access policy of a container registry: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="containerRegistryId">The container registry id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetContainerRegistryAccessPolicy(string projectId, string containerRegistryId) => FakeCloud.Policy(containerRegistryId);

    /// <summary>Replaces the access policy of a container registry. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="containerRegistryId">The container registry id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetContainerRegistryAccessPolicy(string projectId, string containerRegistryId, AccessBinding[] bindings, string etag) =>
        new(containerRegistryId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a container registry over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="containerRegistryId">The container registry id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetContainerRegistryMetrics(string projectId, string containerRegistryId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a container registry: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="containerRegistryId">The container registry id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListContainerRegistryEvents(string projectId, string containerRegistryId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(containerRegistryId)];

    /// <summary>Exports the configuration of a container registry as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="containerRegistryId">The container registry id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportContainerRegistryConfig(string projectId, string containerRegistryId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(containerRegistryId, format);
}
