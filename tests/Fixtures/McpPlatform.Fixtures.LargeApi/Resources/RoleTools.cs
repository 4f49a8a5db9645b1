// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A role. A custom role: a named set of permissions to grant.</summary>
/// <param name="Id">The role id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Title">The role title shown in consoles.</param>
/// <param name="PermissionCount">How many permissions it includes.</param>
/// <param name="Stage">alpha, beta, ga or deprecated.</param>
public sealed record Role(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Title, int PermissionCount, string Stage);

/// <summary>The settings of a role that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="Title">The role title shown in consoles.</param>
/// <param name="PermissionCount">How many permissions it includes.</param>
/// <param name="Stage">alpha, beta, ga or deprecated.</param>
public sealed record RoleSpec(string? Title = null, int? PermissionCount = null, string? Stage = null);

/// <summary>A page of roles.</summary>
/// <param name="Items">The roles on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many roles matched in all.</param>
public sealed record RolePage(IReadOnlyList<Role> Items, string? NextPageToken, int TotalSize);

/// <summary>The identity API's roles. A custom role: a named set of permissions to grant.</summary>
[McpToolSet("roles", Description = "Roles (identity).")]
public static class RoleTools
{
    private static Role Sample(string projectId, string id, string name = "role-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "Log reader", 12, "ga");

    /// <summary>Lists the roles in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only roles in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many roles per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static RolePage ListRoles(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "role-1")], null, 1);

    /// <summary>Gets a role with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="roleId">The role id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static Role GetRole(string projectId, string roleId) => Sample(projectId, roleId);

    /// <summary>Creates a role. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The role's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateRole(string projectId, string name, string region, RoleSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a role. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="roleId">The role id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the role changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateRole(string projectId, string roleId, RoleSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, roleId, false);

    /// <summary>Deletes a role. Deleted roles can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="roleId">The role id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteRole(string projectId, string roleId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, roleId, false);

    /// <summary>Restores a deleted role within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="roleId">The id of the deleted role.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreRole(string projectId, string roleId) =>
        FakeCloud.Operation("restore", projectId, roleId, false);

    /// <summary>Replaces the labels of a role.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="roleId">The role id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static Role SetRoleLabels(string projectId, string roleId, Label[] labels) =>
        Sample(projectId, roleId) with { Labels = labels };

    /// <summary>Moves a role to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="roleId">The role id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveRole(string projectId, string roleId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, roleId, false);

    /// <summary>Gets the access policy of a role: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="roleId">The role id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetRoleAccessPolicy(string projectId, string roleId) => FakeCloud.Policy(roleId);

    /// <summary>Replaces the access policy of a role. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="roleId">The role id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetRoleAccessPolicy(string projectId, string roleId, AccessBinding[] bindings, string etag) =>
        new(roleId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a role over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="roleId">The role id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetRoleMetrics(string projectId, string roleId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a role: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="roleId">The role id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListRoleEvents(string projectId, string roleId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(roleId)];

    /// <summary>Exports the configuration of a role as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="roleId">The role id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportRoleConfig(string projectId, string roleId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(roleId, format);
}
