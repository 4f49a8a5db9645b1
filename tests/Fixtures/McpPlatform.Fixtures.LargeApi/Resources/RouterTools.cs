// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A router. A cloud router that exchanges routes with on-premises networks over BGP.</summary>
/// <param name="Id">The router id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Network">The network the router serves.</param>
/// <param name="Asn">The router's BGP autonomous system number.</param>
/// <param name="NatEnabled">Whether it translates outbound addresses.</param>
public sealed record Router(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Network, int Asn, bool NatEnabled);

/// <summary>The settings of a router that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="Network">The network the router serves.</param>
/// <param name="Asn">The router's BGP autonomous system number.</param>
/// <param name="NatEnabled">Whether it translates outbound addresses.</param>
public sealed record RouterSpec(string? Network = null, int? Asn = null, bool? NatEnabled = null);

/// <summary>A page of routers.</summary>
/// <param name="Items">The routers on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many routers matched in all.</param>
public sealed record RouterPage(IReadOnlyList<Router> Items, string? NextPageToken, int TotalSize);

/// <summary>The network API's routers. A cloud router that exchanges routes with on-premises networks over BGP.</summary>
[McpToolSet("routers", Description = "Routers (network).")]
public static class RouterTools
{
    private static Router Sample(string projectId, string id, string name = "router-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "net-1", 64512, true);

    /// <summary>Lists the routers in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only routers in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many routers per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static RouterPage ListRouters(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "router-1")], null, 1);

    /// <summary>Gets a router with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="routerId">The router id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static Router GetRouter(string projectId, string routerId) => Sample(projectId, routerId);

    /// <summary>Creates a router. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The router's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateRouter(string projectId, string name, string region, RouterSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a router. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="routerId">The router id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the router changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateRouter(string projectId, string routerId, RouterSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, routerId, false);

    /// <summary>Deletes a router. Deleted routers can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="routerId">The router id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteRouter(string projectId, string routerId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, routerId, false);

    /// <summary>Restores a deleted router within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="routerId">The id of the deleted router.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreRouter(string projectId, string routerId) =>
        FakeCloud.Operation("restore", projectId, routerId, false);

    /// <summary>Replaces the labels of a router.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="routerId">The router id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static Router SetRouterLabels(string projectId, string routerId, Label[] labels) =>
        Sample(projectId, routerId) with { Labels = labels };

    /// <summary>Moves a router to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="routerId">The router id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveRouter(string projectId, string routerId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, routerId, false);

    /// <summary>Gets the access policy of a router: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="routerId">The router id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetRouterAccessPolicy(string projectId, string routerId) => FakeCloud.Policy(routerId);

    /// <summary>Replaces the access policy of a router. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="routerId">The router id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetRouterAccessPolicy(string projectId, string routerId, AccessBinding[] bindings, string etag) =>
        new(routerId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a router over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="routerId">The router id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetRouterMetrics(string projectId, string routerId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a router: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="routerId">The router id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListRouterEvents(string projectId, string routerId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(routerId)];

    /// <summary>Exports the configuration of a router as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="routerId">The router id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportRouterConfig(string projectId, string routerId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(routerId, format);
}
