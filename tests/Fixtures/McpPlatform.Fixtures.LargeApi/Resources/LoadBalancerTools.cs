// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A load balancer. Distributes traffic across backends behind one address.</summary>
/// <param name="Id">The load balancer id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Scheme">external or internal.</param>
/// <param name="IpAddress">The frontend IP address.</param>
/// <param name="BackendCount">How many backends it routes to.</param>
/// <param name="HealthCheckPath">The path probed on each backend.</param>
public sealed record LoadBalancer(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Scheme, string IpAddress, int BackendCount, string HealthCheckPath);

/// <summary>The settings of a load balancer that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="Scheme">external or internal.</param>
/// <param name="IpAddress">The frontend IP address.</param>
/// <param name="BackendCount">How many backends it routes to.</param>
/// <param name="HealthCheckPath">The path probed on each backend.</param>
public sealed record LoadBalancerSpec(string? Scheme = null, string? IpAddress = null, int? BackendCount = null, string? HealthCheckPath = null);

/// <summary>A page of load balancers.</summary>
/// <param name="Items">The load balancers on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many load balancers matched in all.</param>
public sealed record LoadBalancerPage(IReadOnlyList<LoadBalancer> Items, string? NextPageToken, int TotalSize);

/// <summary>The network API's load balancers. Distributes traffic across backends behind one address.</summary>
[McpToolSet("load_balancers", Description = "Load balancers (network).")]
public static class LoadBalancerTools
{
    private static LoadBalancer Sample(string projectId, string id, string name = "load-balancer-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "external", "198.51.100.10", 3, "/healthz");

    /// <summary>Lists the load balancers in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only load balancers in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many load balancers per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static LoadBalancerPage ListLoadBalancers(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "load-balancer-1")], null, 1);

    /// <summary>Gets a load balancer with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="loadBalancerId">The load balancer id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static LoadBalancer GetLoadBalancer(string projectId, string loadBalancerId) => Sample(projectId, loadBalancerId);

    /// <summary>Creates a load balancer. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The load balancer's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateLoadBalancer(string projectId, string name, string region, LoadBalancerSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a load balancer. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="loadBalancerId">The load balancer id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the load balancer changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateLoadBalancer(string projectId, string loadBalancerId, LoadBalancerSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, loadBalancerId, false);

    /// <summary>Deletes a load balancer. Deleted load balancers can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="loadBalancerId">The load balancer id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteLoadBalancer(string projectId, string loadBalancerId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, loadBalancerId, false);

    /// <summary>Restores a deleted load balancer within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="loadBalancerId">The id of the deleted load balancer.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreLoadBalancer(string projectId, string loadBalancerId) =>
        FakeCloud.Operation("restore", projectId, loadBalancerId, false);

    /// <summary>Replaces the labels of a load balancer.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="loadBalancerId">The load balancer id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static LoadBalancer SetLoadBalancerLabels(string projectId, string loadBalancerId, Label[] labels) =>
        Sample(projectId, loadBalancerId) with { Labels = labels };

    /// <summary>Moves a load balancer to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="loadBalancerId">The load balancer id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveLoadBalancer(string projectId, string loadBalancerId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, loadBalancerId, false);

    /// <summary>Gets the access policy of a load balancer: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="loadBalancerId">The load balancer id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetLoadBalancerAccessPolicy(string projectId, string loadBalancerId) => FakeCloud.Policy(loadBalancerId);

    /// <summary>Replaces the access policy of a load balancer. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="loadBalancerId">The load balancer id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetLoadBalancerAccessPolicy(string projectId, string loadBalancerId, AccessBinding[] bindings, string etag) =>
        new(loadBalancerId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a load balancer over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="loadBalancerId">The load balancer id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetLoadBalancerMetrics(string projectId, string loadBalancerId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a load balancer: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="loadBalancerId">The load balancer id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListLoadBalancerEvents(string projectId, string loadBalancerId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(loadBalancerId)];

    /// <summary>Exports the configuration of a load balancer as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="loadBalancerId">The load balancer id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportLoadBalancerConfig(string projectId, string loadBalancerId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(loadBalancerId, format);
}
