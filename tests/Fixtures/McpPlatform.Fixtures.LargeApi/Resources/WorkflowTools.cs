// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A workflow. An orchestration of service calls defined in YAML.</summary>
/// <param name="Id">The workflow id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Revision">The current revision number.</param>
/// <param name="ServiceAccount">The identity the workflow runs as.</param>
/// <param name="CallLogLevel">none, errors or all.</param>
public sealed record Workflow(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Revision, string ServiceAccount, string CallLogLevel);

/// <summary>The settings of a workflow that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="Revision">The current revision number.</param>
/// <param name="ServiceAccount">The identity the workflow runs as.</param>
/// <param name="CallLogLevel">none, errors or all.</param>
public sealed record WorkflowSpec(int? Revision = null, string? ServiceAccount = null, string? CallLogLevel = null);

/// <summary>A page of workflows.</summary>
/// <param name="Items">The workflows on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many workflows matched in all.</param>
public sealed record WorkflowPage(IReadOnlyList<Workflow> Items, string? NextPageToken, int TotalSize);

/// <summary>The serverless API's workflows. An orchestration of service calls defined in YAML.</summary>
[McpToolSet("workflows", Description = "Workflows (serverless).")]
public static class WorkflowTools
{
    private static Workflow Sample(string projectId, string id, string name = "workflow-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, 7, "sa-1", "errors");

    /// <summary>Lists the workflows in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only workflows in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many workflows per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static WorkflowPage ListWorkflows(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "workflow-1")], null, 1);

    /// <summary>Gets a workflow with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="workflowId">The workflow id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static Workflow GetWorkflow(string projectId, string workflowId) => Sample(projectId, workflowId);

    /// <summary>Creates a workflow. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The workflow's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateWorkflow(string projectId, string name, string region, WorkflowSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a workflow. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the workflow changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateWorkflow(string projectId, string workflowId, WorkflowSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, workflowId, false);

    /// <summary>Deletes a workflow. Deleted workflows can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteWorkflow(string projectId, string workflowId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, workflowId, false);

    /// <summary>Restores a deleted workflow within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="workflowId">The id of the deleted workflow.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreWorkflow(string projectId, string workflowId) =>
        FakeCloud.Operation("restore", projectId, workflowId, false);

    /// <summary>Replaces the labels of a workflow.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static Workflow SetWorkflowLabels(string projectId, string workflowId, Label[] labels) =>
        Sample(projectId, workflowId) with { Labels = labels };

    /// <summary>Moves a workflow to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveWorkflow(string projectId, string workflowId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, workflowId, false);

    /// <summary>Gets the access policy of a workflow: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="workflowId">The workflow id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetWorkflowAccessPolicy(string projectId, string workflowId) => FakeCloud.Policy(workflowId);

    /// <summary>Replaces the access policy of a workflow. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetWorkflowAccessPolicy(string projectId, string workflowId, AccessBinding[] bindings, string etag) =>
        new(workflowId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a workflow over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetWorkflowMetrics(string projectId, string workflowId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a workflow: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListWorkflowEvents(string projectId, string workflowId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(workflowId)];

    /// <summary>Exports the configuration of a workflow as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="workflowId">The workflow id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportWorkflowConfig(string projectId, string workflowId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(workflowId, format);
}
