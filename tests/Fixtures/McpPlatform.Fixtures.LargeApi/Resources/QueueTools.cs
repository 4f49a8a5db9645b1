// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A queue. A task queue that dispatches work to handlers at a controlled rate.</summary>
/// <param name="Id">The queue id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="MaxDispatchesPerSecond">The dispatch rate limit.</param>
/// <param name="MaxAttempts">How often a task is retried.</param>
/// <param name="TaskCount">How many tasks are waiting.</param>
public sealed record Queue(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int MaxDispatchesPerSecond, int MaxAttempts, long TaskCount);

/// <summary>The settings of a queue that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="MaxDispatchesPerSecond">The dispatch rate limit.</param>
/// <param name="MaxAttempts">How often a task is retried.</param>
/// <param name="TaskCount">How many tasks are waiting.</param>
public sealed record QueueSpec(int? MaxDispatchesPerSecond = null, int? MaxAttempts = null, long? TaskCount = null);

/// <summary>A page of queues.</summary>
/// <param name="Items">The queues on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many queues matched in all.</param>
public sealed record QueuePage(IReadOnlyList<Queue> Items, string? NextPageToken, int TotalSize);

/// <summary>The messaging API's queues. A task queue that dispatches work to handlers at a controlled rate.</summary>
[McpToolSet("queues", Description = "Queues (messaging).")]
public static class QueueTools
{
    private static Queue Sample(string projectId, string id, string name = "queue-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, 50, 5, 42L);

    /// <summary>Lists the queues in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only queues in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many queues per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static QueuePage ListQueues(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "queue-1")], null, 1);

    /// <summary>Gets a queue with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="queueId">The queue id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static Queue GetQueue(string projectId, string queueId) => Sample(projectId, queueId);

    /// <summary>Creates a queue. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The queue's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateQueue(string projectId, string name, string region, QueueSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a queue. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="queueId">The queue id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the queue changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateQueue(string projectId, string queueId, QueueSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, queueId, false);

    /// <summary>Deletes a queue. Deleted queues can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="queueId">The queue id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteQueue(string projectId, string queueId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, queueId, false);

    /// <summary>Restores a deleted queue within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="queueId">The id of the deleted queue.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreQueue(string projectId, string queueId) =>
        FakeCloud.Operation("restore", projectId, queueId, false);

    /// <summary>Replaces the labels of a queue.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="queueId">The queue id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static Queue SetQueueLabels(string projectId, string queueId, Label[] labels) =>
        Sample(projectId, queueId) with { Labels = labels };

    /// <summary>Moves a queue to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="queueId">The queue id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveQueue(string projectId, string queueId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, queueId, false);

    /// <summary>Gets the access policy of a queue: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="queueId">The queue id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetQueueAccessPolicy(string projectId, string queueId) => FakeCloud.Policy(queueId);

    /// <summary>Replaces the access policy of a queue. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="queueId">The queue id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetQueueAccessPolicy(string projectId, string queueId, AccessBinding[] bindings, string etag) =>
        new(queueId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a queue over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="queueId">The queue id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetQueueMetrics(string projectId, string queueId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a queue: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="queueId">The queue id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListQueueEvents(string projectId, string queueId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(queueId)];

    /// <summary>Exports the configuration of a queue as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="queueId">The queue id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportQueueConfig(string projectId, string queueId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(queueId, format);
}
