// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A subnet. An IP range within a network in one region.</summary>
/// <param name="Id">The subnet id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Network">The network the subnet belongs to.</param>
/// <param name="IpCidrRange">The primary IPv4 range, e.g. 10.0.0.0/24.</param>
/// <param name="PrivateAccess">Whether machines without public IPs reach managed services.</param>
public sealed record Subnet(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Network, string IpCidrRange, bool PrivateAccess);

/// <summary>The settings of a subnet that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="Network">The network the subnet belongs to.</param>
/// <param name="IpCidrRange">The primary IPv4 range, e.g. 10.0.0.0/24.</param>
/// <param name="PrivateAccess">Whether machines without public IPs reach managed services.</param>
public sealed record SubnetSpec(string? Network = null, string? IpCidrRange = null, bool? PrivateAccess = null);

/// <summary>A page of subnets.</summary>
/// <param name="Items">The subnets on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many subnets matched in all.</param>
public sealed record SubnetPage(IReadOnlyList<Subnet> Items, string? NextPageToken, int TotalSize);

/// <summary>The network API's subnets. An IP range within a network in one region.</summary>
[McpToolSet("subnets", Description = "Subnets (network).")]
public static class SubnetTools
{
    private static Subnet Sample(string projectId, string id, string name = "subnet-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "net-1", "10.0.0.0/24", true);

    /// <summary>Lists the subnets in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only subnets in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many subnets per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static SubnetPage ListSubnets(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "subnet-1")], null, 1);

    /// <summary>Gets a subnet with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="subnetId">The subnet id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static Subnet GetSubnet(string projectId, string subnetId) => Sample(projectId, subnetId);

    /// <summary>Creates a subnet. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The subnet's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateSubnet(string projectId, string name, string region, SubnetSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a subnet. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="subnetId">The subnet id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the subnet changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateSubnet(string projectId, string subnetId, SubnetSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, subnetId, false);

    /// <summary>Deletes a subnet. Deleted subnets can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="subnetId">The subnet id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteSubnet(string projectId, string subnetId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, subnetId, false);

    /// <summary>Restores a deleted subnet within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="subnetId">The id of the deleted subnet.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreSubnet(string projectId, string subnetId) =>
        FakeCloud.Operation("restore", projectId, subnetId, false);

    /// <summary>Replaces the labels of a subnet.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="subnetId">The subnet id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static Subnet SetSubnetLabels(string projectId, string subnetId, Label[] labels) =>
        Sample(projectId, subnetId) with { Labels = labels };

    /// <summary>Moves a subnet to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="subnetId">The subnet id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveSubnet(string projectId, string subnetId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, subnetId, false);

    /// <summary>Gets the access policy of a subnet: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="subnetId">The subnet id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetSubnetAccessPolicy(string projectId, string subnetId) => FakeCloud.Policy(subnetId);

    /// <summary>Replaces the access policy of a subnet. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="subnetId">The subnet id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetSubnetAccessPolicy(string projectId, string subnetId, AccessBinding[] bindings, string etag) =>
        new(subnetId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a subnet over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="subnetId">The subnet id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetSubnetMetrics(string projectId, string subnetId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a subnet: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="subnetId">The subnet id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListSubnetEvents(string projectId, string subnetId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(subnetId)];

    /// <summary>Exports the configuration of a subnet as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="subnetId">The subnet id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportSubnetConfig(string projectId, string subnetId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(subnetId, format);
}
