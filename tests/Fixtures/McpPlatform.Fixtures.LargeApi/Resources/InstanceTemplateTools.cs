// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>An instance template. A reusable machine configuration that instance groups create machines from.</summary>
/// <param name="Id">The instance template id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="MachineType">The machine type of created machines.</param>
/// <param name="BootImage">The boot image of created machines.</param>
/// <param name="StartupScript">A script run at first boot.</param>
public sealed record InstanceTemplate(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string MachineType, string BootImage, string StartupScript);

/// <summary>The settings of an instance template that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="MachineType">The machine type of created machines.</param>
/// <param name="BootImage">The boot image of created machines.</param>
/// <param name="StartupScript">A script run at first boot.</param>
public sealed record InstanceTemplateSpec(string? MachineType = null, string? BootImage = null, string? StartupScript = null);

/// <summary>A page of instance templates.</summary>
/// <param name="Items">The instance templates on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many instance templates matched in all.</param>
public sealed record InstanceTemplatePage(IReadOnlyList<InstanceTemplate> Items, string? NextPageToken, int TotalSize);

/// <summary>The compute API's instance templates. A reusable machine configuration that instance groups create machines from.</summary>
[McpToolSet("instance_templates", Description = "Instance templates (compute).")]
public static class InstanceTemplateTools
{
    private static InstanceTemplate Sample(string projectId, string id, string name = "instance-template-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "standard-2", "debian-12", "#!/bin/sh");

    /// <summary>Lists the instance templates in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only instance templates in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many instance templates per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static InstanceTemplatePage ListInstanceTemplates(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "instance-template-1")], null, 1);

    /// <summary>Gets an instance template with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="instanceTemplateId">The instance template id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static InstanceTemplate GetInstanceTemplate(string projectId, string instanceTemplateId) => Sample(projectId, instanceTemplateId);

    /// <summary>Creates an instance template. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The instance template's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateInstanceTemplate(string projectId, string name, string region, InstanceTemplateSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of an instance template. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="instanceTemplateId">The instance template id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the instance template changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateInstanceTemplate(string projectId, string instanceTemplateId, InstanceTemplateSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, instanceTemplateId, false);

    /// <summary>Deletes an instance template. Deleted instance templates can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="instanceTemplateId">The instance template id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteInstanceTemplate(string projectId, string instanceTemplateId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, instanceTemplateId, false);

    /// <summary>Restores a deleted instance template within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="instanceTemplateId">The id of the deleted instance template.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreInstanceTemplate(string projectId, string instanceTemplateId) =>
        FakeCloud.Operation("restore", projectId, instanceTemplateId, false);

    /// <summary>Replaces the labels of an instance template.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="instanceTemplateId">The instance template id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static InstanceTemplate SetInstanceTemplateLabels(string projectId, string instanceTemplateId, Label[] labels) =>
        Sample(projectId, instanceTemplateId) with { Labels = labels };

    /// <summary>Moves an instance template to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="instanceTemplateId">The instance template id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveInstanceTemplate(string projectId, string instanceTemplateId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, instanceTemplateId, false);

    /// <summary>Gets the access policy of an instance template: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="instanceTemplateId">The instance template id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetInstanceTemplateAccessPolicy(string projectId, string instanceTemplateId) => FakeCloud.Policy(instanceTemplateId);

    /// <summary>Replaces the access policy of an instance template. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="instanceTemplateId">The instance template id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetInstanceTemplateAccessPolicy(string projectId, string instanceTemplateId, AccessBinding[] bindings, string etag) =>
        new(instanceTemplateId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of an instance template over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="instanceTemplateId">The instance template id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetInstanceTemplateMetrics(string projectId, string instanceTemplateId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of an instance template: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="instanceTemplateId">The instance template id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListInstanceTemplateEvents(string projectId, string instanceTemplateId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(instanceTemplateId)];

    /// <summary>Exports the configuration of an instance template as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="instanceTemplateId">The instance template id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportInstanceTemplateConfig(string projectId, string instanceTemplateId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(instanceTemplateId, format);
}
