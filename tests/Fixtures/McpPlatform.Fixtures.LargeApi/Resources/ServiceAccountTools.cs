// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A service account. A non-human identity that workloads authenticate as.</summary>
/// <param name="Id">The service account id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Email">The account's e-mail address.</param>
/// <param name="KeyCount">How many user-managed keys it has.</param>
/// <param name="Disabled">Whether it is disabled.</param>
public sealed record ServiceAccount(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Email, int KeyCount, bool Disabled);

/// <summary>The settings of a service account that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="Email">The account's e-mail address.</param>
/// <param name="KeyCount">How many user-managed keys it has.</param>
/// <param name="Disabled">Whether it is disabled.</param>
public sealed record ServiceAccountSpec(string? Email = null, int? KeyCount = null, bool? Disabled = null);

/// <summary>A page of service accounts.</summary>
/// <param name="Items">The service accounts on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many service accounts matched in all.</param>
public sealed record ServiceAccountPage(IReadOnlyList<ServiceAccount> Items, string? NextPageToken, int TotalSize);

/// <summary>The identity API's service accounts. A non-human identity that workloads authenticate as.</summary>
[McpToolSet("service_accounts", Description = "Service accounts (identity).")]
public static class ServiceAccountTools
{
    private static ServiceAccount Sample(string projectId, string id, string name = "service-account-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "builder@project.iam.example.com", 0, false);

    /// <summary>Lists the service accounts in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only service accounts in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many service accounts per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ServiceAccountPage ListServiceAccounts(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "service-account-1")], null, 1);

    /// <summary>Gets a service account with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="serviceAccountId">The service account id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ServiceAccount GetServiceAccount(string projectId, string serviceAccountId) => Sample(projectId, serviceAccountId);

    /// <summary>Creates a service account. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The service account's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateServiceAccount(string projectId, string name, string region, ServiceAccountSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a service account. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="serviceAccountId">The service account id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the service account changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateServiceAccount(string projectId, string serviceAccountId, ServiceAccountSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, serviceAccountId, false);

    /// <summary>Deletes a service account. Deleted service accounts can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="serviceAccountId">The service account id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteServiceAccount(string projectId, string serviceAccountId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, serviceAccountId, false);

    /// <summary>Restores a deleted service account within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="serviceAccountId">The id of the deleted service account.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreServiceAccount(string projectId, string serviceAccountId) =>
        FakeCloud.Operation("restore", projectId, serviceAccountId, false);

    /// <summary>Replaces the labels of a service account.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="serviceAccountId">The service account id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static ServiceAccount SetServiceAccountLabels(string projectId, string serviceAccountId, Label[] labels) =>
        Sample(projectId, serviceAccountId) with { Labels = labels };

    /// <summary>Moves a service account to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="serviceAccountId">The service account id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveServiceAccount(string projectId, string serviceAccountId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, serviceAccountId, false);

    /// <summary>Gets the access policy of a service account: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="serviceAccountId">The service account id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetServiceAccountAccessPolicy(string projectId, string serviceAccountId) => FakeCloud.Policy(serviceAccountId);

    /// <summary>Replaces the access policy of a service account. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="serviceAccountId">The service account id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetServiceAccountAccessPolicy(string projectId, string serviceAccountId, AccessBinding[] bindings, string etag) =>
        new(serviceAccountId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a service account over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="serviceAccountId">The service account id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetServiceAccountMetrics(string projectId, string serviceAccountId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a service account: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="serviceAccountId">The service account id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListServiceAccountEvents(string projectId, string serviceAccountId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(serviceAccountId)];

    /// <summary>Exports the configuration of a service account as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="serviceAccountId">The service account id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportServiceAccountConfig(string projectId, string serviceAccountId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(serviceAccountId, format);
}
