// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A function. Code that runs on demand in response to HTTP requests or events.</summary>
/// <param name="Id">The function id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Runtime">The language runtime, e.g. dotnet8.</param>
/// <param name="EntryPoint">The handler to invoke.</param>
/// <param name="MemoryMb">Memory per instance in MB.</param>
/// <param name="TimeoutSeconds">How long one invocation may run.</param>
public sealed record Function(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Runtime, string EntryPoint, int MemoryMb, int TimeoutSeconds);

/// <summary>The settings of a function that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="Runtime">The language runtime, e.g. dotnet8.</param>
/// <param name="EntryPoint">The handler to invoke.</param>
/// <param name="MemoryMb">Memory per instance in MB.</param>
/// <param name="TimeoutSeconds">How long one invocation may run.</param>
public sealed record FunctionSpec(string? Runtime = null, string? EntryPoint = null, int? MemoryMb = null, int? TimeoutSeconds = null);

/// <summary>A page of functions.</summary>
/// <param name="Items">The functions on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many functions matched in all.</param>
public sealed record FunctionPage(IReadOnlyList<Function> Items, string? NextPageToken, int TotalSize);

/// <summary>The serverless API's functions. Code that runs on demand in response to HTTP requests or events.</summary>
[McpToolSet("functions", Description = "Functions (serverless).")]
public static class FunctionTools
{
    private static Function Sample(string projectId, string id, string name = "function-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "dotnet8", "Handler", 256, 60);

    /// <summary>Lists the functions in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only functions in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many functions per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static FunctionPage ListFunctions(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "function-1")], null, 1);

    /// <summary>Gets a function with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="functionId">The function id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static Function GetFunction(string projectId, string functionId) => Sample(projectId, functionId);

    /// <summary>Creates a function. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The function's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateFunction(string projectId, string name, string region, FunctionSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a function. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="functionId">The function id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the function changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateFunction(string projectId, string functionId, FunctionSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, functionId, false);

    /// <summary>Deletes a function. Deleted functions can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="functionId">The function id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteFunction(string projectId, string functionId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, functionId, false);

    /// <summary>Restores a deleted function within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="functionId">The id of the deleted function.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreFunction(string projectId, string functionId) =>
        FakeCloud.Operation("restore", projectId, functionId, false);

    /// <summary>Replaces the labels of a function.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="functionId">The function id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static Function SetFunctionLabels(string projectId, string functionId, Label[] labels) =>
        Sample(projectId, functionId) with { Labels = labels };

    /// <summary>Moves a function to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="functionId">The function id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveFunction(string projectId, string functionId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, functionId, false);

    /// <summary>Gets the access policy of a function: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="functionId">The function id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetFunctionAccessPolicy(string projectId, string functionId) => FakeCloud.Policy(functionId);

    /// <summary>Replaces the access policy of a function. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="functionId">The function id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetFunctionAccessPolicy(string projectId, string functionId, AccessBinding[] bindings, string etag) =>
        new(functionId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a function over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="functionId">The function id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetFunctionMetrics(string projectId, string functionId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a function: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="functionId">The function id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListFunctionEvents(string projectId, string functionId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(functionId)];

    /// <summary>Exports the configuration of a function as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="functionId">The function id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportFunctionConfig(string projectId, string functionId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(functionId, format);
}
