// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A log sink. Routes matching log entries to a storage bucket, topic or warehouse.</summary>
/// <param name="Id">The log sink id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Destination">Where matching entries go.</param>
/// <param name="Filter">The log filter entries must match.</param>
/// <param name="IncludeChildren">Whether child projects' logs are routed too.</param>
public sealed record LogSink(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Destination, string Filter, bool IncludeChildren);

/// <summary>The settings of a log sink that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="Destination">Where matching entries go.</param>
/// <param name="Filter">The log filter entries must match.</param>
/// <param name="IncludeChildren">Whether child projects' logs are routed too.</param>
public sealed record LogSinkSpec(string? Destination = null, string? Filter = null, bool? IncludeChildren = null);

/// <summary>A page of log sinks.</summary>
/// <param name="Items">The log sinks on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many log sinks matched in all.</param>
public sealed record LogSinkPage(IReadOnlyList<LogSink> Items, string? NextPageToken, int TotalSize);

/// <summary>The operations API's log sinks. Routes matching log entries to a storage bucket, topic or warehouse.</summary>
[McpToolSet("log_sinks", Description = "Log sinks (operations).")]
public static class LogSinkTools
{
    private static LogSink Sample(string projectId, string id, string name = "log-sink-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "bucket-logs", "severity>=ERROR", false);

    /// <summary>Lists the log sinks in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only log sinks in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many log sinks per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static LogSinkPage ListLogSinks(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "log-sink-1")], null, 1);

    /// <summary>Gets a log sink with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="logSinkId">The log sink id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static LogSink GetLogSink(string projectId, string logSinkId) => Sample(projectId, logSinkId);

    /// <summary>Creates a log sink. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The log sink's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateLogSink(string projectId, string name, string region, LogSinkSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a log sink. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="logSinkId">The log sink id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the log sink changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateLogSink(string projectId, string logSinkId, LogSinkSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, logSinkId, false);

    /// <summary>Deletes a log sink. Deleted log sinks can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="logSinkId">The log sink id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteLogSink(string projectId, string logSinkId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, logSinkId, false);

    /// <summary>Restores a deleted log sink within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="logSinkId">The id of the deleted log sink.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreLogSink(string projectId, string logSinkId) =>
        FakeCloud.Operation("restore", projectId, logSinkId, false);

    /// <summary>Replaces the labels of a log sink.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="logSinkId">The log sink id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static LogSink SetLogSinkLabels(string projectId, string logSinkId, Label[] labels) =>
        Sample(projectId, logSinkId) with { Labels = labels };

    /// <summary>Moves a log sink to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="logSinkId">The log sink id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveLogSink(string projectId, string logSinkId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, logSinkId, false);

    /// <summary>Gets the access policy of a log sink: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="logSinkId">The log sink id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetLogSinkAccessPolicy(string projectId, string logSinkId) => FakeCloud.Policy(logSinkId);

    /// <summary>Replaces the access policy of a log sink. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="logSinkId">The log sink id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetLogSinkAccessPolicy(string projectId, string logSinkId, AccessBinding[] bindings, string etag) =>
        new(logSinkId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a log sink over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="logSinkId">The log sink id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetLogSinkMetrics(string projectId, string logSinkId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a log sink: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="logSinkId">The log sink id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListLogSinkEvents(string projectId, string logSinkId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(logSinkId)];

    /// <summary>Exports the configuration of a log sink as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="logSinkId">The log sink id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportLogSinkConfig(string projectId, string logSinkId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(logSinkId, format);
}
