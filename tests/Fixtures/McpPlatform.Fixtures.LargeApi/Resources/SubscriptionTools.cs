// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A subscription. A named stream of a topic's messages delivered to one consumer.</summary>
/// <param name="Id">The subscription id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Topic">The topic it receives from.</param>
/// <param name="AckDeadlineSeconds">How long a consumer has to acknowledge.</param>
/// <param name="PushEndpoint">The URL messages are pushed to, or empty for pull.</param>
/// <param name="ExactlyOnce">Whether delivery is exactly once.</param>
public sealed record Subscription(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Topic, int AckDeadlineSeconds, string PushEndpoint, bool ExactlyOnce);

/// <summary>The settings of a subscription that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="Topic">The topic it receives from.</param>
/// <param name="AckDeadlineSeconds">How long a consumer has to acknowledge.</param>
/// <param name="PushEndpoint">The URL messages are pushed to, or empty for pull.</param>
/// <param name="ExactlyOnce">Whether delivery is exactly once.</param>
public sealed record SubscriptionSpec(string? Topic = null, int? AckDeadlineSeconds = null, string? PushEndpoint = null, bool? ExactlyOnce = null);

/// <summary>A page of subscriptions.</summary>
/// <param name="Items">The subscriptions on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many subscriptions matched in all.</param>
public sealed record SubscriptionPage(IReadOnlyList<Subscription> Items, string? NextPageToken, int TotalSize);

/// <summary>The messaging API's subscriptions. A named stream of a topic's messages delivered to one consumer.</summary>
[McpToolSet("subscriptions", Description = "Subscriptions (messaging).")]
public static class SubscriptionTools
{
    private static Subscription Sample(string projectId, string id, string name = "subscription-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "topic-1", 30, "", false);

    /// <summary>Lists the subscriptions in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only subscriptions in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many subscriptions per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static SubscriptionPage ListSubscriptions(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "subscription-1")], null, 1);

    /// <summary>Gets a subscription with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="subscriptionId">The subscription id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static Subscription GetSubscription(string projectId, string subscriptionId) => Sample(projectId, subscriptionId);

    /// <summary>Creates a subscription. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The subscription's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateSubscription(string projectId, string name, string region, SubscriptionSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a subscription. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="subscriptionId">The subscription id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the subscription changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateSubscription(string projectId, string subscriptionId, SubscriptionSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, subscriptionId, false);

    /// <summary>Deletes a subscription. Deleted subscriptions can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="subscriptionId">The subscription id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteSubscription(string projectId, string subscriptionId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, subscriptionId, false);

    /// <summary>Restores a deleted subscription within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="subscriptionId">The id of the deleted subscription.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreSubscription(string projectId, string subscriptionId) =>
        FakeCloud.Operation("restore", projectId, subscriptionId, false);

    /// <summary>Replaces the labels of a subscription.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="subscriptionId">The subscription id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static Subscription SetSubscriptionLabels(string projectId, string subscriptionId, Label[] labels) =>
        Sample(projectId, subscriptionId) with { Labels = labels };

    /// <summary>Moves a subscription to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="subscriptionId">The subscription id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveSubscription(string projectId, string subscriptionId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, subscriptionId, false);

    /// <summary>Gets the access policy of a subscription: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="subscriptionId">The subscription id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetSubscriptionAccessPolicy(string projectId, string subscriptionId) => FakeCloud.Policy(subscriptionId);

    /// <summary>Replaces the access policy of a subscription. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="subscriptionId">The subscription id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetSubscriptionAccessPolicy(string projectId, string subscriptionId, AccessBinding[] bindings, string etag) =>
        new(subscriptionId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a subscription over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="subscriptionId">The subscription id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetSubscriptionMetrics(string projectId, string subscriptionId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a subscription: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="subscriptionId">The subscription id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListSubscriptionEvents(string projectId, string subscriptionId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(subscriptionId)];

    /// <summary>Exports the configuration of a subscription as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="subscriptionId">The subscription id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportSubscriptionConfig(string projectId, string subscriptionId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(subscriptionId, format);
}
