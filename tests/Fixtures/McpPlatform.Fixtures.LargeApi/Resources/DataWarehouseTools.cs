// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A data warehouse. A serverless analytics dataset of tables queried with SQL.</summary>
/// <param name="Id">The data warehouse id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Location">Where the data is stored.</param>
/// <param name="TableCount">How many tables it holds.</param>
/// <param name="StoredBytes">How many bytes it stores.</param>
/// <param name="DefaultTableExpirationDays">After how many days new tables expire; 0 for never.</param>
public sealed record DataWarehouse(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Location, int TableCount, long StoredBytes, int DefaultTableExpirationDays);

/// <summary>The settings of a data warehouse that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="Location">Where the data is stored.</param>
/// <param name="TableCount">How many tables it holds.</param>
/// <param name="StoredBytes">How many bytes it stores.</param>
/// <param name="DefaultTableExpirationDays">After how many days new tables expire; 0 for never.</param>
public sealed record DataWarehouseSpec(string? Location = null, int? TableCount = null, long? StoredBytes = null, int? DefaultTableExpirationDays = null);

/// <summary>A page of data warehouses.</summary>
/// <param name="Items">The data warehouses on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many data warehouses matched in all.</param>
public sealed record DataWarehousePage(IReadOnlyList<DataWarehouse> Items, string? NextPageToken, int TotalSize);

/// <summary>The analytics API's data warehouses. A serverless analytics dataset of tables queried with SQL.</summary>
[McpToolSet("data_warehouses", Description = "Data warehouses (analytics).")]
public static class DataWarehouseTools
{
    private static DataWarehouse Sample(string projectId, string id, string name = "data-warehouse-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "EU", 57, 987654321098L, 0);

    /// <summary>Lists the data warehouses in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only data warehouses in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many data warehouses per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static DataWarehousePage ListDataWarehouses(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "data-warehouse-1")], null, 1);

    /// <summary>Gets a data warehouse with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dataWarehouseId">The data warehouse id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static DataWarehouse GetDataWarehouse(string projectId, string dataWarehouseId) => Sample(projectId, dataWarehouseId);

    /// <summary>Creates a data warehouse. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The data warehouse's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateDataWarehouse(string projectId, string name, string region, DataWarehouseSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a data warehouse. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dataWarehouseId">The data warehouse id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the data warehouse changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateDataWarehouse(string projectId, string dataWarehouseId, DataWarehouseSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, dataWarehouseId, false);

    /// <summary>Deletes a data warehouse. Deleted data warehouses can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dataWarehouseId">The data warehouse id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteDataWarehouse(string projectId, string dataWarehouseId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, dataWarehouseId, false);

    /// <summary>Restores a deleted data warehouse within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dataWarehouseId">The id of the deleted data warehouse.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreDataWarehouse(string projectId, string dataWarehouseId) =>
        FakeCloud.Operation("restore", projectId, dataWarehouseId, false);

    /// <summary>Replaces the labels of a data warehouse.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dataWarehouseId">The data warehouse id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static DataWarehouse SetDataWarehouseLabels(string projectId, string dataWarehouseId, Label[] labels) =>
        Sample(projectId, dataWarehouseId) with { Labels = labels };

    /// <summary>Moves a data warehouse to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="dataWarehouseId">The data warehouse id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveDataWarehouse(string projectId, string dataWarehouseId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, dataWarehouseId, false);

    /// <summary>Gets the access policy of a data warehouse: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dataWarehouseId">The data warehouse id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetDataWarehouseAccessPolicy(string projectId, string dataWarehouseId) => FakeCloud.Policy(dataWarehouseId);

    /// <summary>Replaces the access policy of a data warehouse. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dataWarehouseId">The data warehouse id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetDataWarehouseAccessPolicy(string projectId, string dataWarehouseId, AccessBinding[] bindings, string etag) =>
        new(dataWarehouseId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a data warehouse over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dataWarehouseId">The data warehouse id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetDataWarehouseMetrics(string projectId, string dataWarehouseId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a data warehouse: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dataWarehouseId">The data warehouse id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListDataWarehouseEvents(string projectId, string dataWarehouseId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(dataWarehouseId)];

    /// <summary>Exports the configuration of a data warehouse as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dataWarehouseId">The data warehouse id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportDataWarehouseConfig(string projectId, string dataWarehouseId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(dataWarehouseId, format);
}
