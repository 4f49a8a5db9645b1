// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>An encryption key. A customer-managed key that encrypts data at rest.</summary>
/// <param name="Id">The encryption key id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Purpose">encrypt-decrypt, sign or mac.</param>
/// <param name="Algorithm">The key algorithm.</param>
/// <param name="ProtectionLevel">software or hsm.</param>
/// <param name="NextRotation">When the key rotates next (ISO 8601).</param>
public sealed record EncryptionKey(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Purpose, string Algorithm, string ProtectionLevel, string NextRotation);

/// <summary>The settings of an encryption key that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="Purpose">encrypt-decrypt, sign or mac.</param>
/// <param name="Algorithm">The key algorithm.</param>
/// <param name="ProtectionLevel">software or hsm.</param>
/// <param name="NextRotation">When the key rotates next (ISO 8601).</param>
public sealed record EncryptionKeySpec(string? Purpose = null, string? Algorithm = null, string? ProtectionLevel = null, string? NextRotation = null);

/// <summary>A page of encryption keys.</summary>
/// <param name="Items">The encryption keys on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many encryption keys matched in all.</param>
public sealed record EncryptionKeyPage(IReadOnlyList<EncryptionKey> Items, string? NextPageToken, int TotalSize);

/// <summary>The security API's encryption keys. A customer-managed key that encrypts data at rest.</summary>
[McpToolSet("encryption_keys", Description = "Encryption keys (security).")]
public static class EncryptionKeyTools
{
    private static EncryptionKey Sample(string projectId, string id, string name = "encryption-key-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "encrypt-decrypt", "AES-256-GCM", "hsm", "2027-01-01T00:00:00Z");

    /// <summary>Lists the encryption keys in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only encryption keys in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many encryption keys per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static EncryptionKeyPage ListEncryptionKeys(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "encryption-key-1")], null, 1);

    /// <summary>Gets an encryption key with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="encryptionKeyId">The encryption key id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static EncryptionKey GetEncryptionKey(string projectId, string encryptionKeyId) => Sample(projectId, encryptionKeyId);

    /// <summary>Creates an encryption key. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The encryption key's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateEncryptionKey(string projectId, string name, string region, EncryptionKeySpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of an encryption key. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="encryptionKeyId">The encryption key id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the encryption key changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateEncryptionKey(string projectId, string encryptionKeyId, EncryptionKeySpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, encryptionKeyId, false);

    /// <summary>Deletes an encryption key. Deleted encryption keys can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="encryptionKeyId">The encryption key id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteEncryptionKey(string projectId, string encryptionKeyId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, encryptionKeyId, false);

    /// <summary>Restores a deleted encryption key within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="encryptionKeyId">The id of the deleted encryption key.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreEncryptionKey(string projectId, string encryptionKeyId) =>
        FakeCloud.Operation("restore", projectId, encryptionKeyId, false);

    /// <summary>Replaces the labels of an encryption key.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="encryptionKeyId">The encryption key id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static EncryptionKey SetEncryptionKeyLabels(string projectId, string encryptionKeyId, Label[] labels) =>
        Sample(projectId, encryptionKeyId) with { Labels = labels };

    /// <summary>Moves an encryption key to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="encryptionKeyId">The encryption key id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveEncryptionKey(string projectId, string encryptionKeyId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, encryptionKeyId, false);

    /// <summary>Gets the access policy of an encryption key: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="encryptionKeyId">The encryption key id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetEncryptionKeyAccessPolicy(string projectId, string encryptionKeyId) => FakeCloud.Policy(encryptionKeyId);

    /// <summary>Replaces the access policy of an encryption key. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="encryptionKeyId">The encryption key id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetEncryptionKeyAccessPolicy(string projectId, string encryptionKeyId, AccessBinding[] bindings, string etag) =>
        new(encryptionKeyId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of an encryption key over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="encryptionKeyId">The encryption key id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetEncryptionKeyMetrics(string projectId, string encryptionKeyId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of an encryption key: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="encryptionKeyId">The encryption key id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListEncryptionKeyEvents(string projectId, string encryptionKeyId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(encryptionKeyId)];

    /// <summary>Exports the configuration of an encryption key as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="encryptionKeyId">The encryption key id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportEncryptionKeyConfig(string projectId, string encryptionKeyId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(encryptionKeyId, format);
}
