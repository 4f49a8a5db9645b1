// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A secret. A stored secret value with versions and access control. The value itself is never returned by these tools.</summary>
/// <param name="Id">The secret id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="VersionCount">How many versions exist.</param>
/// <param name="Replication">automatic or user-managed.</param>
/// <param name="RotationPeriod">How often it should be rotated, e.g. 90d.</param>
public sealed record Secret(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int VersionCount, string Replication, string RotationPeriod);

/// <summary>The settings of a secret that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="VersionCount">How many versions exist.</param>
/// <param name="Replication">automatic or user-managed.</param>
/// <param name="RotationPeriod">How often it should be rotated, e.g. 90d.</param>
public sealed record SecretSpec(int? VersionCount = null, string? Replication = null, string? RotationPeriod = null);

/// <summary>A page of secrets.</summary>
/// <param name="Items">The secrets on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many secrets matched in all.</param>
public sealed record SecretPage(IReadOnlyList<Secret> Items, string? NextPageToken, int TotalSize);

/// <summary>The security API's secrets. A stored secret value with versions and access control. The value itself is never returned by these tools.</summary>
[McpToolSet("secrets", Description = "Secrets (security).")]
public static class SecretTools
{
    private static Secret Sample(string projectId, string id, string name = "secret-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, 4, "automatic", "90d");

    /// <summary>Lists the secrets in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only secrets in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many secrets per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static SecretPage ListSecrets(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "secret-1")], null, 1);

    /// <summary>Gets a secret with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="secretId">The secret id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static Secret GetSecret(string projectId, string secretId) => Sample(projectId, secretId);

    /// <summary>Creates a secret. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The secret's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateSecret(string projectId, string name, string region, SecretSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a secret. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="secretId">The secret id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the secret changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateSecret(string projectId, string secretId, SecretSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, secretId, false);

    /// <summary>Deletes a secret. Deleted secrets can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="secretId">The secret id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteSecret(string projectId, string secretId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, secretId, false);

    /// <summary>Restores a deleted secret within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="secretId">The id of the deleted secret.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreSecret(string projectId, string secretId) =>
        FakeCloud.Operation("restore", projectId, secretId, false);

    /// <summary>Replaces the labels of a secret.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="secretId">The secret id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static Secret SetSecretLabels(string projectId, string secretId, Label[] labels) =>
        Sample(projectId, secretId) with { Labels = labels };

    /// <summary>Moves a secret to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="secretId">The secret id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveSecret(string projectId, string secretId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, secretId, false);

    /// <summary>Gets the access policy of a secret: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="secretId">The secret id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetSecretAccessPolicy(string projectId, string secretId) => FakeCloud.Policy(secretId);

    /// <summary>Replaces the access policy of a secret. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="secretId">The secret id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetSecretAccessPolicy(string projectId, string secretId, AccessBinding[] bindings, string etag) =>
        new(secretId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a secret over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="secretId">The secret id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetSecretMetrics(string projectId, string secretId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a secret: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="secretId">The secret id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListSecretEvents(string projectId, string secretId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(secretId)];

    /// <summary>Exports the configuration of a secret as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="secretId">The secret id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportSecretConfig(string projectId, string secretId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(secretId, format);
}
