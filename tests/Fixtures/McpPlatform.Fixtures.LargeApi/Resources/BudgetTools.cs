// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A budget. A spending limit with alert thresholds for a billing account.</summary>
/// <param name="Id">The budget id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Amount">The budget amount with currency, e.g. 1000 USD.</param>
/// <param name="Thresholds">Alert thresholds as fractions, comma-separated.</param>
/// <param name="Period">monthly, quarterly or yearly.</param>
public sealed record Budget(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Amount, string Thresholds, string Period);

/// <summary>The settings of a budget that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="Amount">The budget amount with currency, e.g. 1000 USD.</param>
/// <param name="Thresholds">Alert thresholds as fractions, comma-separated.</param>
/// <param name="Period">monthly, quarterly or yearly.</param>
public sealed record BudgetSpec(string? Amount = null, string? Thresholds = null, string? Period = null);

/// <summary>A page of budgets.</summary>
/// <param name="Items">The budgets on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many budgets matched in all.</param>
public sealed record BudgetPage(IReadOnlyList<Budget> Items, string? NextPageToken, int TotalSize);

/// <summary>The billing API's budgets. A spending limit with alert thresholds for a billing account.</summary>
[McpToolSet("budgets", Description = "Budgets (billing).")]
public static class BudgetTools
{
    private static Budget Sample(string projectId, string id, string name = "budget-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "1000 USD", "0.5,0.9,1.0", "monthly");

    /// <summary>Lists the budgets in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only budgets in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many budgets per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static BudgetPage ListBudgets(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "budget-1")], null, 1);

    /// <summary>Gets a budget with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="budgetId">The budget id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static Budget GetBudget(string projectId, string budgetId) => Sample(projectId, budgetId);

    /// <summary>Creates a budget. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The budget's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateBudget(string projectId, string name, string region, BudgetSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a budget. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="budgetId">The budget id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the budget changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateBudget(string projectId, string budgetId, BudgetSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, budgetId, false);

    /// <summary>Deletes a budget. Deleted budgets can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="budgetId">The budget id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteBudget(string projectId, string budgetId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, budgetId, false);

    /// <summary>Restores a deleted budget within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="budgetId">The id of the deleted budget.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreBudget(string projectId, string budgetId) =>
        FakeCloud.Operation("restore", projectId, budgetId, false);

    /// <summary>Replaces the labels of a budget.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="budgetId">The budget id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static Budget SetBudgetLabels(string projectId, string budgetId, Label[] labels) =>
        Sample(projectId, budgetId) with { Labels = labels };

    /// <summary>Moves a budget to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="budgetId">The budget id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveBudget(string projectId, string budgetId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, budgetId, false);

    /// <summary>Gets the access policy of a budget: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="budgetId">The budget id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetBudgetAccessPolicy(string projectId, string budgetId) => FakeCloud.Policy(budgetId);

    /// <summary>Replaces the access policy of a budget. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="budgetId">The budget id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetBudgetAccessPolicy(string projectId, string budgetId, AccessBinding[] bindings, string etag) =>
        new(budgetId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a budget over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="budgetId">The budget id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetBudgetMetrics(string projectId, string budgetId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a budget: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="budgetId">The budget id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListBudgetEvents(string projectId, string budgetId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(budgetId)];

    /// <summary>Exports the configuration of a budget as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="budgetId">The budget id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportBudgetConfig(string projectId, string budgetId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(budgetId, format);
}
