// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A VPN gateway. An encrypted tunnel endpoint between a network and a peer network.</summary>
/// <param name="Id">The VPN gateway id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Network">The network the gateway belongs to.</param>
/// <param name="PeerAddress">The public IP of the peer gateway.</param>
/// <param name="TunnelCount">How many tunnels are configured.</param>
public sealed record VpnGateway(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Network, string PeerAddress, int TunnelCount);

/// <summary>The settings of a VPN gateway that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="Network">The network the gateway belongs to.</param>
/// <param name="PeerAddress">The public IP of the peer gateway.</param>
/// <param name="TunnelCount">How many tunnels are configured.</param>
public sealed record VpnGatewaySpec(string? Network = null, string? PeerAddress = null, int? TunnelCount = null);

/// <summary>A page of VPN gateways.</summary>
/// <param name="Items">The VPN gateways on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many VPN gateways matched in all.</param>
public sealed record VpnGatewayPage(IReadOnlyList<VpnGateway> Items, string? NextPageToken, int TotalSize);

/// <summary>The network API's VPN gateways. An encrypted tunnel endpoint between a network and a peer network.</summary>
[McpToolSet("vpn_gateways", Description = "VPN gateways (network).")]
public static class VpnGatewayTools
{
    private static VpnGateway Sample(string projectId, string id, string name = "vpn-gateway-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "net-1", "203.0.113.7", 2);

    /// <summary>Lists the VPN gateways in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only VPN gateways in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many VPN gateways per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static VpnGatewayPage ListVpnGateways(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "vpn-gateway-1")], null, 1);

    /// <summary>Gets a VPN gateway with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="vpnGatewayId">The VPN gateway id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static VpnGateway GetVpnGateway(string projectId, string vpnGatewayId) => Sample(projectId, vpnGatewayId);

    /// <summary>Creates a VPN gateway. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The VPN gateway's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateVpnGateway(string projectId, string name, string region, VpnGatewaySpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a VPN gateway. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="vpnGatewayId">The VPN gateway id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the VPN gateway changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateVpnGateway(string projectId, string vpnGatewayId, VpnGatewaySpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, vpnGatewayId, false);

    /// <summary>Deletes a VPN gateway. Deleted VPN gateways can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="vpnGatewayId">The VPN gateway id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteVpnGateway(string projectId, string vpnGatewayId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, vpnGatewayId, false);

    /// <summary>Restores a deleted VPN gateway within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="vpnGatewayId">The id of the deleted VPN gateway.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreVpnGateway(string projectId, string vpnGatewayId) =>
        FakeCloud.Operation("restore", projectId, vpnGatewayId, false);

    /// <summary>Replaces the labels of a VPN gateway.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="vpnGatewayId">The VPN gateway id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static VpnGateway SetVpnGatewayLabels(string projectId, string vpnGatewayId, Label[] labels) =>
        Sample(projectId, vpnGatewayId) with { Labels = labels };

    /// <summary>Moves a VPN gateway to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="vpnGatewayId">The VPN gateway id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveVpnGateway(string projectId, string vpnGatewayId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, vpnGatewayId, false);

    /// <summary>Gets the access policy of a VPN gateway: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="vpnGatewayId">The VPN gateway id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetVpnGatewayAccessPolicy(string projectId, string vpnGatewayId) => FakeCloud.Policy(vpnGatewayId);

    /// <summary>Replaces the access policy of a VPN gateway. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="vpnGatewayId">The VPN gateway id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetVpnGatewayAccessPolicy(string projectId, string vpnGatewayId, AccessBinding[] bindings, string etag) =>
        new(vpnGatewayId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a VPN gateway over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="vpnGatewayId">The VPN gateway id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetVpnGatewayMetrics(string projectId, string vpnGatewayId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a VPN gateway: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="vpnGatewayId">The VPN gateway id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListVpnGatewayEvents(string projectId, string vpnGatewayId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(vpnGatewayId)];

    /// <summary>Exports the configuration of a VPN gateway as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="vpnGatewayId">The VPN gateway id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportVpnGatewayConfig(string projectId, string vpnGatewayId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(vpnGatewayId, format);
}
