// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A database instance. A managed relational database server.</summary>
/// <param name="Id">The database instance id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Engine">postgres, mysql or sqlserver.</param>
/// <param name="EngineVersion">The engine version, e.g. 16.</param>
/// <param name="Tier">The machine tier.</param>
/// <param name="HighAvailability">Whether a standby runs in another zone.</param>
/// <param name="StorageGb">The data disk size in GB.</param>
public sealed record DatabaseInstance(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Engine, string EngineVersion, string Tier, bool HighAvailability, int StorageGb);

/// <summary>The settings of a database instance that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="Engine">postgres, mysql or sqlserver.</param>
/// <param name="EngineVersion">The engine version, e.g. 16.</param>
/// <param name="Tier">The machine tier.</param>
/// <param name="HighAvailability">Whether a standby runs in another zone.</param>
/// <param name="StorageGb">The data disk size in GB.</param>
public sealed record DatabaseInstanceSpec(string? Engine = null, string? EngineVersion = null, string? Tier = null, bool? HighAvailability = null, int? StorageGb = null);

/// <summary>A page of database instances.</summary>
/// <param name="Items">The database instances on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many database instances matched in all.</param>
public sealed record DatabaseInstancePage(IReadOnlyList<DatabaseInstance> Items, string? NextPageToken, int TotalSize);

/// <summary>The databases API's database instances. A managed relational database server.</summary>
[McpToolSet("database_instances", Description = "Database instances (databases).")]
public static class DatabaseInstanceTools
{
    private static DatabaseInstance Sample(string projectId, string id, string name = "database-instance-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "postgres", "16", "db-standard-2", true, 250);

    /// <summary>Lists the database instances in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only database instances in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many database instances per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static DatabaseInstancePage ListDatabaseInstances(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "database-instance-1")], null, 1);

    /// <summary>Gets a database instance with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="databaseInstanceId">The database instance id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static DatabaseInstance GetDatabaseInstance(string projectId, string databaseInstanceId) => Sample(projectId, databaseInstanceId);

    /// <summary>Creates a database instance. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The database instance's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateDatabaseInstance(string projectId, string name, string region, DatabaseInstanceSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a database instance. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="databaseInstanceId">The database instance id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the database instance changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateDatabaseInstance(string projectId, string databaseInstanceId, DatabaseInstanceSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, databaseInstanceId, false);

    /// <summary>Deletes a database instance. Deleted database instances can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="databaseInstanceId">The database instance id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteDatabaseInstance(string projectId, string databaseInstanceId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, databaseInstanceId, false);

    /// <summary>Restores a deleted database instance within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="databaseInstanceId">The id of the deleted database instance.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreDatabaseInstance(string projectId, string databaseInstanceId) =>
        FakeCloud.Operation("restore", projectId, databaseInstanceId, false);

    /// <summary>Replaces the labels of a database instance.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="databaseInstanceId">The database instance id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static DatabaseInstance SetDatabaseInstanceLabels(string projectId, string databaseInstanceId, Label[] labels) =>
        Sample(projectId, databaseInstanceId) with { Labels = labels };

    /// <summary>Moves a database instance to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="databaseInstanceId">The database instance id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveDatabaseInstance(string projectId, string databaseInstanceId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, databaseInstanceId, false);

    /// <summary>Gets the access policy of a database instance: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="databaseInstanceId">The database instance id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetDatabaseInstanceAccessPolicy(string projectId, string databaseInstanceId) => FakeCloud.Policy(databaseInstanceId);

    /// <summary>Replaces the access policy of a database instance. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="databaseInstanceId">The database instance id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetDatabaseInstanceAccessPolicy(string projectId, string databaseInstanceId, AccessBinding[] bindings, string etag) =>
        new(databaseInstanceId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a database instance over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="databaseInstanceId">The database instance id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetDatabaseInstanceMetrics(string projectId, string databaseInstanceId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a database instance: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="databaseInstanceId">The database instance id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListDatabaseInstanceEvents(string projectId, string databaseInstanceId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(databaseInstanceId)];

    /// <summary>Exports the configuration of a database instance as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="databaseInstanceId">The database instance id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportDatabaseInstanceConfig(string projectId, string databaseInstanceId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(databaseInstanceId, format);
}
