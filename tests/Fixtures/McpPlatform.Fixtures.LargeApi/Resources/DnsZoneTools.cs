// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A DNS zone. A DNS domain whose records this API serves.</summary>
/// <param name="Id">The DNS zone id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="DnsName">The domain, ending with a dot, e.g. example.com.</param>
/// <param name="Private">Whether only given networks can resolve it.</param>
/// <param name="DnssecEnabled">Whether responses are signed.</param>
public sealed record DnsZone(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string DnsName, bool Private, bool DnssecEnabled);

/// <summary>The settings of a DNS zone that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="DnsName">The domain, ending with a dot, e.g. example.com.</param>
/// <param name="Private">Whether only given networks can resolve it.</param>
/// <param name="DnssecEnabled">Whether responses are signed.</param>
public sealed record DnsZoneSpec(string? DnsName = null, bool? Private = null, bool? DnssecEnabled = null);

/// <summary>A page of DNS zones.</summary>
/// <param name="Items">The DNS zones on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many DNS zones matched in all.</param>
public sealed record DnsZonePage(IReadOnlyList<DnsZone> Items, string? NextPageToken, int TotalSize);

/// <summary>The network API's DNS zones. A DNS domain whose records this API serves.</summary>
[McpToolSet("dns_zones", Description = "DNS zones (network).")]
public static class DnsZoneTools
{
    private static DnsZone Sample(string projectId, string id, string name = "dns-zone-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "example.com.", false, true);

    /// <summary>Lists the DNS zones in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only DNS zones in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many DNS zones per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static DnsZonePage ListDnsZones(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "dns-zone-1")], null, 1);

    /// <summary>Gets a DNS zone with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dnsZoneId">The DNS zone id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static DnsZone GetDnsZone(string projectId, string dnsZoneId) => Sample(projectId, dnsZoneId);

    /// <summary>Creates a DNS zone. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The DNS zone's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateDnsZone(string projectId, string name, string region, DnsZoneSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a DNS zone. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dnsZoneId">The DNS zone id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the DNS zone changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateDnsZone(string projectId, string dnsZoneId, DnsZoneSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, dnsZoneId, false);

    /// <summary>Deletes a DNS zone. Deleted DNS zones can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dnsZoneId">The DNS zone id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteDnsZone(string projectId, string dnsZoneId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, dnsZoneId, false);

    /// <summary>Restores a deleted DNS zone within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dnsZoneId">The id of the deleted DNS zone.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreDnsZone(string projectId, string dnsZoneId) =>
        FakeCloud.Operation("restore", projectId, dnsZoneId, false);

    /// <summary>Replaces the labels of a DNS zone.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dnsZoneId">The DNS zone id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static DnsZone SetDnsZoneLabels(string projectId, string dnsZoneId, Label[] labels) =>
        Sample(projectId, dnsZoneId) with { Labels = labels };

    /// <summary>Moves a DNS zone to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="dnsZoneId">The DNS zone id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveDnsZone(string projectId, string dnsZoneId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, dnsZoneId, false);

    /// <summary>Gets the access policy of a DNS zone: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dnsZoneId">The DNS zone id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetDnsZoneAccessPolicy(string projectId, string dnsZoneId) => FakeCloud.Policy(dnsZoneId);

    /// <summary>Replaces the access policy of a DNS zone. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dnsZoneId">The DNS zone id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetDnsZoneAccessPolicy(string projectId, string dnsZoneId, AccessBinding[] bindings, string etag) =>
        new(dnsZoneId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a DNS zone over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dnsZoneId">The DNS zone id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetDnsZoneMetrics(string projectId, string dnsZoneId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a DNS zone: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dnsZoneId">The DNS zone id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListDnsZoneEvents(string projectId, string dnsZoneId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(dnsZoneId)];

    /// <summary>Exports the configuration of a DNS zone as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dnsZoneId">The DNS zone id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportDnsZoneConfig(string projectId, string dnsZoneId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(dnsZoneId, format);
}
