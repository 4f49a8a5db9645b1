// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A network. A private virtual network that subnets, firewall rules and routers belong to.</summary>
/// <param name="Id">The network id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="RoutingMode">Regional or global dynamic routing.</param>
/// <param name="Mtu">The maximum transmission unit in bytes.</param>
/// <param name="AutoCreateSubnets">Whether a subnet is created in every region.</param>
public sealed record Network(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string RoutingMode, int Mtu, bool AutoCreateSubnets);

/// <summary>The settings of a network that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="RoutingMode">Regional or global dynamic routing.</param>
/// <param name="Mtu">The maximum transmission unit in bytes.</param>
/// <param name="AutoCreateSubnets">Whether a subnet is created in every region.</param>
public sealed record NetworkSpec(string? RoutingMode = null, int? Mtu = null, bool? AutoCreateSubnets = null);

/// <summary>A page of networks.</summary>
/// <param name="Items">The networks on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many networks matched in all.</param>
public sealed record NetworkPage(IReadOnlyList<Network> Items, string? NextPageToken, int TotalSize);

/// <summary>The network API's networks. A private virtual network that subnets, firewall rules and routers belong to.</summary>
[McpToolSet("networks", Description = "Networks (network).")]
public static class NetworkTools
{
    private static Network Sample(string projectId, string id, string name = "network-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "regional", 1460, false);

    /// <summary>Lists the networks in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only networks in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many networks per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static NetworkPage ListNetworks(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "network-1")], null, 1);

    /// <summary>Gets a network with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="networkId">The network id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static Network GetNetwork(string projectId, string networkId) => Sample(projectId, networkId);

    /// <summary>Creates a network. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The network's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateNetwork(string projectId, string name, string region, NetworkSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a network. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="networkId">The network id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the network changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateNetwork(string projectId, string networkId, NetworkSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, networkId, false);

    /// <summary>Deletes a network. Deleted networks can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="networkId">The network id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteNetwork(string projectId, string networkId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, networkId, false);

    /// <summary>Restores a deleted network within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="networkId">The id of the deleted network.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreNetwork(string projectId, string networkId) =>
        FakeCloud.Operation("restore", projectId, networkId, false);

    /// <summary>Replaces the labels of a network.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="networkId">The network id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static Network SetNetworkLabels(string projectId, string networkId, Label[] labels) =>
        Sample(projectId, networkId) with { Labels = labels };

    /// <summary>Moves a network to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="networkId">The network id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveNetwork(string projectId, string networkId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, networkId, false);

    /// <summary>Gets the access policy of a network: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="networkId">The network id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetNetworkAccessPolicy(string projectId, string networkId) => FakeCloud.Policy(networkId);

    /// <summary>Replaces the access policy of a network. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="networkId">The network id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetNetworkAccessPolicy(string projectId, string networkId, AccessBinding[] bindings, string etag) =>
        new(networkId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a network over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="networkId">The network id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetNetworkMetrics(string projectId, string networkId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a network: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="networkId">The network id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListNetworkEvents(string projectId, string networkId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(networkId)];

    /// <summary>Exports the configuration of a network as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="networkId">The network id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportNetworkConfig(string projectId, string networkId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(networkId, format);
}
