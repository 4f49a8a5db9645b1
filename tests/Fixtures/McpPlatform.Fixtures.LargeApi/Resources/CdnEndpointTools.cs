// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A CDN endpoint. A content delivery endpoint that caches an origin at the edge.</summary>
/// <param name="Id">The CDN endpoint id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Origin">The origin host it caches.</param>
/// <param name="DefaultTtlSeconds">How long responses are cached.</param>
/// <param name="Compression">Whether responses are compressed.</param>
public sealed record CdnEndpoint(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Origin, int DefaultTtlSeconds, bool Compression);

/// <summary>The settings of a CDN endpoint that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="Origin">The origin host it caches.</param>
/// <param name="DefaultTtlSeconds">How long responses are cached.</param>
/// <param name="Compression">Whether responses are compressed.</param>
public sealed record CdnEndpointSpec(string? Origin = null, int? DefaultTtlSeconds = null, bool? Compression = null);

/// <summary>A page of CDN endpoints.</summary>
/// <param name="Items">The CDN endpoints on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many CDN endpoints matched in all.</param>
public sealed record CdnEndpointPage(IReadOnlyList<CdnEndpoint> Items, string? NextPageToken, int TotalSize);

/// <summary>The network API's CDN endpoints. A content delivery endpoint that caches an origin at the edge.</summary>
[McpToolSet("cdn_endpoints", Description = "CDN endpoints (network).")]
public static class CdnEndpointTools
{
    private static CdnEndpoint Sample(string projectId, string id, string name = "cdn-endpoint-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "origin.example.com", 3600, true);

    /// <summary>Lists the CDN endpoints in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only CDN endpoints in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many CDN endpoints per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static CdnEndpointPage ListCdnEndpoints(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "cdn-endpoint-1")], null, 1);

    /// <summary>Gets a CDN endpoint with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="cdnEndpointId">The CDN endpoint id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static CdnEndpoint GetCdnEndpoint(string projectId, string cdnEndpointId) => Sample(projectId, cdnEndpointId);

    /// <summary>Creates a CDN endpoint. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The CDN endpoint's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateCdnEndpoint(string projectId, string name, string region, CdnEndpointSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a CDN endpoint. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="cdnEndpointId">The CDN endpoint id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the CDN endpoint changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateCdnEndpoint(string projectId, string cdnEndpointId, CdnEndpointSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, cdnEndpointId, false);

    /// <summary>Deletes a CDN endpoint. Deleted CDN endpoints can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="cdnEndpointId">The CDN endpoint id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteCdnEndpoint(string projectId, string cdnEndpointId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, cdnEndpointId, false);

    /// <summary>Restores a deleted CDN endpoint within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="cdnEndpointId">The id of the deleted CDN endpoint.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreCdnEndpoint(string projectId, string cdnEndpointId) =>
        FakeCloud.Operation("restore", projectId, cdnEndpointId, false);

    /// <summary>Replaces the labels of a CDN endpoint.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="cdnEndpointId">The CDN endpoint id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static CdnEndpoint SetCdnEndpointLabels(string projectId, string cdnEndpointId, Label[] labels) =>
        Sample(projectId, cdnEndpointId) with { Labels = labels };

    /// <summary>Moves a CDN endpoint to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="cdnEndpointId">The CDN endpoint id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveCdnEndpoint(string projectId, string cdnEndpointId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, cdnEndpointId, false);

    /// <summary>Gets the access policy of a CDN endpoint: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="cdnEndpointId">The CDN endpoint id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetCdnEndpointAccessPolicy(string projectId, string cdnEndpointId) => FakeCloud.Policy(cdnEndpointId);

    /// <summary>Replaces the access policy of a CDN endpoint. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="cdnEndpointId">The CDN endpoint id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetCdnEndpointAccessPolicy(string projectId, string cdnEndpointId, AccessBinding[] bindings, string etag) =>
        new(cdnEndpointId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a CDN endpoint over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="cdnEndpointId">The CDN endpoint id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetCdnEndpointMetrics(string projectId, string cdnEndpointId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a CDN endpoint: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="cdnEndpointId">The CDN endpoint id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListCdnEndpointEvents(string projectId, string cdnEndpointId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(cdnEndpointId)];

    /// <summary>Exports the configuration of a CDN endpoint as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="cdnEndpointId">The CDN endpoint id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportCdnEndpointConfig(string projectId, string cdnEndpointId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(cdnEndpointId, format);
}
