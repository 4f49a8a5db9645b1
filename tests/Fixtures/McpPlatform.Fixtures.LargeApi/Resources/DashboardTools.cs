// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A dashboard. A monitoring dashboard of charts.</summary>
/// <param name="Id">The dashboard id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="WidgetCount">How many charts it shows.</param>
/// <param name="Layout">grid, mosaic or column.</param>
/// <param name="Owner">Who maintains it.</param>
public sealed record Dashboard(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int WidgetCount, string Layout, string Owner);

/// <summary>The settings of a dashboard that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="WidgetCount">How many charts it shows.</param>
/// <param name="Layout">grid, mosaic or column.</param>
/// <param name="Owner">Who maintains it.</param>
public sealed record DashboardSpec(int? WidgetCount = null, string? Layout = null, string? Owner = null);

/// <summary>A page of dashboards.</summary>
/// <param name="Items">The dashboards on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many dashboards matched in all.</param>
public sealed record DashboardPage(IReadOnlyList<Dashboard> Items, string? NextPageToken, int TotalSize);

/// <summary>The operations API's dashboards. A monitoring dashboard of charts.</summary>
[McpToolSet("dashboards", Description = "Dashboards (operations).")]
public static class DashboardTools
{
    private static Dashboard Sample(string projectId, string id, string name = "dashboard-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, 8, "grid", "sre-team");

    /// <summary>Lists the dashboards in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only dashboards in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many dashboards per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static DashboardPage ListDashboards(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "dashboard-1")], null, 1);

    /// <summary>Gets a dashboard with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dashboardId">The dashboard id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static Dashboard GetDashboard(string projectId, string dashboardId) => Sample(projectId, dashboardId);

    /// <summary>Creates a dashboard. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The dashboard's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateDashboard(string projectId, string name, string region, DashboardSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a dashboard. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dashboardId">The dashboard id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the dashboard changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateDashboard(string projectId, string dashboardId, DashboardSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, dashboardId, false);

    /// <summary>Deletes a dashboard. Deleted dashboards can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dashboardId">The dashboard id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteDashboard(string projectId, string dashboardId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, dashboardId, false);

    /// <summary>Restores a deleted dashboard within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dashboardId">The id of the deleted dashboard.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreDashboard(string projectId, string dashboardId) =>
        FakeCloud.Operation("restore", projectId, dashboardId, false);

    /// <summary>Replaces the labels of a dashboard.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dashboardId">The dashboard id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static Dashboard SetDashboardLabels(string projectId, string dashboardId, Label[] labels) =>
        Sample(projectId, dashboardId) with { Labels = labels };

    /// <summary>Moves a dashboard to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="dashboardId">The dashboard id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveDashboard(string projectId, string dashboardId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, dashboardId, false);

    /// <summary>Gets the access policy of a dashboard: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dashboardId">The dashboard id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetDashboardAccessPolicy(string projectId, string dashboardId) => FakeCloud.Policy(dashboardId);

    /// <summary>Replaces the access policy of a dashboard. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dashboardId">The dashboard id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetDashboardAccessPolicy(string projectId, string dashboardId, AccessBinding[] bindings, string etag) =>
        new(dashboardId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a dashboard over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dashboardId">The dashboard id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetDashboardMetrics(string projectId, string dashboardId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a dashboard: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dashboardId">The dashboard id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListDashboardEvents(string projectId, string dashboardId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(dashboardId)];

    /// <summary>Exports the configuration of a dashboard as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dashboardId">The dashboard id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportDashboardConfig(string projectId, string dashboardId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(dashboardId, format);
}
