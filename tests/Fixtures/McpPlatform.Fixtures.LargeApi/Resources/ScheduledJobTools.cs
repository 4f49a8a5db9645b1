// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A scheduled job. A cron job that calls an HTTP target or publishes to a topic.</summary>
/// <param name="Id">The scheduled job id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Schedule">The cron schedule, e.g. 0 3 * * *.</param>
/// <param name="TimeZone">The time zone of the schedule.</param>
/// <param name="Target">The URL or topic it triggers.</param>
/// <param name="Paused">Whether it is paused.</param>
public sealed record ScheduledJob(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Schedule, string TimeZone, string Target, bool Paused);

/// <summary>The settings of a scheduled job that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="Schedule">The cron schedule, e.g. 0 3 * * *.</param>
/// <param name="TimeZone">The time zone of the schedule.</param>
/// <param name="Target">The URL or topic it triggers.</param>
/// <param name="Paused">Whether it is paused.</param>
public sealed record ScheduledJobSpec(string? Schedule = null, string? TimeZone = null, string? Target = null, bool? Paused = null);

/// <summary>A page of scheduled jobs.</summary>
/// <param name="Items">The scheduled jobs on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many scheduled jobs matched in all.</param>
public sealed record ScheduledJobPage(IReadOnlyList<ScheduledJob> Items, string? NextPageToken, int TotalSize);

/// <summary>The serverless API's scheduled jobs. A cron job that calls an HTTP target or publishes to a topic.</summary>
[McpToolSet("scheduled_jobs", Description = "Scheduled jobs (serverless).")]
public static class ScheduledJobTools
{
    private static ScheduledJob Sample(string projectId, string id, string name = "scheduled-job-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "0 3 * * *", "Etc/UTC", "https://jobs.example.com/nightly", false);

    /// <summary>Lists the scheduled jobs in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only scheduled jobs in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many scheduled jobs per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ScheduledJobPage ListScheduledJobs(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "scheduled-job-1")], null, 1);

    /// <summary>Gets a scheduled job with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="scheduledJobId">The scheduled job id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ScheduledJob GetScheduledJob(string projectId, string scheduledJobId) => Sample(projectId, scheduledJobId);

    /// <summary>Creates a scheduled job. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The scheduled job's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateScheduledJob(string projectId, string name, string region, ScheduledJobSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a scheduled job. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="scheduledJobId">The scheduled job id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the scheduled job changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateScheduledJob(string projectId, string scheduledJobId, ScheduledJobSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, scheduledJobId, false);

    /// <summary>Deletes a scheduled job. Deleted scheduled jobs can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="scheduledJobId">The scheduled job id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteScheduledJob(string projectId, string scheduledJobId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, scheduledJobId, false);

    /// <summary>Restores a deleted scheduled job within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="scheduledJobId">The id of the deleted scheduled job.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreScheduledJob(string projectId, string scheduledJobId) =>
        FakeCloud.Operation("restore", projectId, scheduledJobId, false);

    /// <summary>Replaces the labels of a scheduled job.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="scheduledJobId">The scheduled job id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static ScheduledJob SetScheduledJobLabels(string projectId, string scheduledJobId, Label[] labels) =>
        Sample(projectId, scheduledJobId) with { Labels = labels };

    /// <summary>Moves a scheduled job to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="scheduledJobId">The scheduled job id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveScheduledJob(string projectId, string scheduledJobId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, scheduledJobId, false);

    /// <summary>Gets the access policy of a scheduled job: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="scheduledJobId">The scheduled job id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetScheduledJobAccessPolicy(string projectId, string scheduledJobId) => FakeCloud.Policy(scheduledJobId);

    /// <summary>Replaces the access policy of a scheduled job. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="scheduledJobId">The scheduled job id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetScheduledJobAccessPolicy(string projectId, string scheduledJobId, AccessBinding[] bindings, string etag) =>
        new(scheduledJobId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a scheduled job over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="scheduledJobId">The scheduled job id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetScheduledJobMetrics(string projectId, string scheduledJobId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a scheduled job: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="scheduledJobId">The scheduled job id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListScheduledJobEvents(string projectId, string scheduledJobId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(scheduledJobId)];

    /// <summary>Exports the configuration of a scheduled job as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="scheduledJobId">The scheduled job id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportScheduledJobConfig(string projectId, string scheduledJobId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(scheduledJobId, format);
}
