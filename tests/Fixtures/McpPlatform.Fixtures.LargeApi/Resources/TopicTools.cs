// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A topic. A publish/subscribe channel that messages are published to.</summary>
/// <param name="Id">The topic id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="RetentionHours">How long messages are kept.</param>
/// <param name="SchemaName">The schema messages must match, if any.</param>
/// <param name="KmsKey">The key that encrypts messages.</param>
public sealed record Topic(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int RetentionHours, string SchemaName, string KmsKey);

/// <summary>The settings of a topic that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="RetentionHours">How long messages are kept.</param>
/// <param name="SchemaName">The schema messages must match, if any.</param>
/// <param name="KmsKey">The key that encrypts messages.</param>
public sealed record TopicSpec(int? RetentionHours = null, string? SchemaName = null, string? KmsKey = null);

/// <summary>A page of topics.</summary>
/// <param name="Items">The topics on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many topics matched in all.</param>
public sealed record TopicPage(IReadOnlyList<Topic> Items, string? NextPageToken, int TotalSize);

/// <summary>The messaging API's topics. A publish/subscribe channel that messages are published to.</summary>
[McpToolSet("topics", Description = "Topics (messaging).")]
public static class TopicTools
{
    private static Topic Sample(string projectId, string id, string name = "topic-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, 168, "orders-v1", "key-1");

    /// <summary>Lists the topics in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only topics in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many topics per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static TopicPage ListTopics(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "topic-1")], null, 1);

    /// <summary>Gets a topic with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="topicId">The topic id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static Topic GetTopic(string projectId, string topicId) => Sample(projectId, topicId);

    /// <summary>Creates a topic. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The topic's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateTopic(string projectId, string name, string region, TopicSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a topic. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="topicId">The topic id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the topic changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateTopic(string projectId, string topicId, TopicSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, topicId, false);

    /// <summary>Deletes a topic. Deleted topics can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="topicId">The topic id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteTopic(string projectId, string topicId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, topicId, false);

    /// <summary>Restores a deleted topic within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="topicId">The id of the deleted topic.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreTopic(string projectId, string topicId) =>
        FakeCloud.Operation("restore", projectId, topicId, false);

    /// <summary>Replaces the labels of a topic.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="topicId">The topic id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static Topic SetTopicLabels(string projectId, string topicId, Label[] labels) =>
        Sample(projectId, topicId) with { Labels = labels };

    /// <summary>Moves a topic to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="topicId">The topic id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveTopic(string projectId, string topicId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, topicId, false);

    /// <summary>Gets the access policy of a topic: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="topicId">The topic id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetTopicAccessPolicy(string projectId, string topicId) => FakeCloud.Policy(topicId);

    /// <summary>Replaces the access policy of a topic. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="topicId">The topic id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetTopicAccessPolicy(string projectId, string topicId, AccessBinding[] bindings, string etag) =>
        new(topicId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a topic over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="topicId">The topic id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetTopicMetrics(string projectId, string topicId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a topic: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="topicId">The topic id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListTopicEvents(string projectId, string topicId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(topicId)];

    /// <summary>Exports the configuration of a topic as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="topicId">The topic id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportTopicConfig(string projectId, string topicId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(topicId, format);
}
