// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>An API gateway. A managed gateway that fronts backends with an API definition.</summary>
/// <param name="Id">The API gateway id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="ApiConfig">The API configuration it serves.</param>
/// <param name="Hostname">The gateway's default host name.</param>
/// <param name="RateLimitPerMinute">Requests allowed per minute per key.</param>
public sealed record ApiGateway(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string ApiConfig, string Hostname, int RateLimitPerMinute);

/// <summary>The settings of an API gateway that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="ApiConfig">The API configuration it serves.</param>
/// <param name="Hostname">The gateway's default host name.</param>
/// <param name="RateLimitPerMinute">Requests allowed per minute per key.</param>
public sealed record ApiGatewaySpec(string? ApiConfig = null, string? Hostname = null, int? RateLimitPerMinute = null);

/// <summary>A page of API gateways.</summary>
/// <param name="Items">The API gateways on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many API gateways matched in all.</param>
public sealed record ApiGatewayPage(IReadOnlyList<ApiGateway> Items, string? NextPageToken, int TotalSize);

/// <summary>The serverless API's API gateways. A managed gateway that fronts backends with an API definition.</summary>
[McpToolSet("api_gateways", Description = "API gateways (serverless).")]
public static class ApiGatewayTools
{
    private static ApiGateway Sample(string projectId, string id, string name = "api-gateway-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "config-3", "gw-1.gateway.example.com", 600);

    /// <summary>Lists the API gateways in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only API gateways in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many API gateways per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ApiGatewayPage ListApiGateways(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "api-gateway-1")], null, 1);

    /// <summary>Gets an API gateway with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="apiGatewayId">The API gateway id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ApiGateway GetApiGateway(string projectId, string apiGatewayId) => Sample(projectId, apiGatewayId);

    /// <summary>Creates an API gateway. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The API gateway's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateApiGateway(string projectId, string name, string region, ApiGatewaySpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of an API gateway. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="apiGatewayId">The API gateway id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the API gateway changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateApiGateway(string projectId, string apiGatewayId, ApiGatewaySpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, apiGatewayId, false);

    /// <summary>Deletes an API gateway. Deleted API gateways can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="apiGatewayId">The API gateway id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteApiGateway(string projectId, string apiGatewayId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, apiGatewayId, false);

    /// <summary>Restores a deleted API gateway within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="apiGatewayId">The id of the deleted API gateway.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreApiGateway(string projectId, string apiGatewayId) =>
        FakeCloud.Operation("restore", projectId, apiGatewayId, false);

    /// <summary>Replaces the labels of an API gateway.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="apiGatewayId">The API gateway id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static ApiGateway SetApiGatewayLabels(string projectId, string apiGatewayId, Label[] labels) =>
        Sample(projectId, apiGatewayId) with { Labels = labels };

    /// <summary>Moves an API gateway to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="apiGatewayId">The API gateway id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveApiGateway(string projectId, string apiGatewayId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, apiGatewayId, false);

    /// <summary>Gets the access policy of an API gateway: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="apiGatewayId">The API gateway id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetApiGatewayAccessPolicy(string projectId, string apiGatewayId) => FakeCloud.Policy(apiGatewayId);

    /// <summary>Replaces the access policy of an API gateway. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="apiGatewayId">The API gateway id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetApiGatewayAccessPolicy(string projectId, string apiGatewayId, AccessBinding[] bindings, string etag) =>
        new(apiGatewayId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of an API gateway over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="apiGatewayId">The API gateway id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetApiGatewayMetrics(string projectId, string apiGatewayId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of an API gateway: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="apiGatewayId">The API gateway id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListApiGatewayEvents(string projectId, string apiGatewayId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(apiGatewayId)];

    /// <summary>Exports the configuration of an API gateway as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="apiGatewayId">The API gateway id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportApiGatewayConfig(string projectId, string apiGatewayId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(apiGatewayId, format);
}
