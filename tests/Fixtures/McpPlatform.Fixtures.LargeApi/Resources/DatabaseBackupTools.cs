// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A database backup. A backup of a database instance that can be restored.</summary>
/// <param name="Id">The database backup id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Instance">The database instance it backs up.</param>
/// <param name="Kind">automated or on-demand.</param>
/// <param name="SizeBytes">The backup size.</param>
public sealed record DatabaseBackup(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Instance, string Kind, long SizeBytes);

/// <summary>The settings of a database backup that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="Instance">The database instance it backs up.</param>
/// <param name="Kind">automated or on-demand.</param>
/// <param name="SizeBytes">The backup size.</param>
public sealed record DatabaseBackupSpec(string? Instance = null, string? Kind = null, long? SizeBytes = null);

/// <summary>A page of database backups.</summary>
/// <param name="Items">The database backups on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many database backups matched in all.</param>
public sealed record DatabaseBackupPage(IReadOnlyList<DatabaseBackup> Items, string? NextPageToken, int TotalSize);

/// <summary>The databases API's database backups. A backup of a database instance that can be restored.</summary>
[McpToolSet("database_backups", Description = "Database backups (databases).")]
public static class DatabaseBackupTools
{
    private static DatabaseBackup Sample(string projectId, string id, string name = "database-backup-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "db-1", "automated", 734003200L);

    /// <summary>Lists the database backups in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only database backups in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many database backups per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static DatabaseBackupPage ListDatabaseBackups(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "database-backup-1")], null, 1);

    /// <summary>Gets a database backup with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="databaseBackupId">The database backup id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static DatabaseBackup GetDatabaseBackup(string projectId, string databaseBackupId) => Sample(projectId, databaseBackupId);

    /// <summary>Creates a database backup. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The database backup's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateDatabaseBackup(string projectId, string name, string region, DatabaseBackupSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a database backup. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="databaseBackupId">The database backup id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the database backup changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateDatabaseBackup(string projectId, string databaseBackupId, DatabaseBackupSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, databaseBackupId, false);

    /// <summary>Deletes a database backup. Deleted database backups can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="databaseBackupId">The database backup id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteDatabaseBackup(string projectId, string databaseBackupId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, databaseBackupId, false);

    /// <summary>Restores a deleted database backup within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="databaseBackupId">The id of the deleted database backup.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreDatabaseBackup(string projectId, string databaseBackupId) =>
        FakeCloud.Operation("restore", projectId, databaseBackupId, false);

    /// <summary>Replaces the labels of a database backup.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="databaseBackupId">The database backup id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static DatabaseBackup SetDatabaseBackupLabels(string projectId, string databaseBackupId, Label[] labels) =>
        Sample(projectId, databaseBackupId) with { Labels = labels };

    /// <summary>Moves a database backup to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="databaseBackupId">The database backup id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveDatabaseBackup(string projectId, string databaseBackupId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, databaseBackupId, false);

    /// <summary>Gets the access policy of a database backup: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="databaseBackupId">The database backup id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetDatabaseBackupAccessPolicy(string projectId, string databaseBackupId) => FakeCloud.Policy(databaseBackupId);

    /// <summary>Replaces the access policy of a database backup. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="databaseBackupId">The database backup id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetDatabaseBackupAccessPolicy(string projectId, string databaseBackupId, AccessBinding[] bindings, string etag) =>
        new(databaseBackupId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a database backup over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="databaseBackupId">The database backup id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetDatabaseBackupMetrics(string projectId, string databaseBackupId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a database backup: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="databaseBackupId">The database backup id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListDatabaseBackupEvents(string projectId, string databaseBackupId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(databaseBackupId)];

    /// <summary>Exports the configuration of a database backup as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="databaseBackupId">The database backup id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportDatabaseBackupConfig(string projectId, string databaseBackupId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(databaseBackupId, format);
}
