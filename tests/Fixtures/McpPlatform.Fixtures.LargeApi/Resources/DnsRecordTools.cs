// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A DNS record. One resource record set in a DNS zone.</summary>
/// <param name="Id">The DNS record id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Zone">The zone the record belongs to.</param>
/// <param name="RecordType">A, AAAA, CNAME, MX, TXT, ...</param>
/// <param name="Data">The record data, e.g. an address.</param>
/// <param name="TtlSeconds">How long resolvers cache it.</param>
public sealed record DnsRecord(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Zone, string RecordType, string Data, int TtlSeconds);

/// <summary>The settings of a DNS record that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="Zone">The zone the record belongs to.</param>
/// <param name="RecordType">A, AAAA, CNAME, MX, TXT, ...</param>
/// <param name="Data">The record data, e.g. an address.</param>
/// <param name="TtlSeconds">How long resolvers cache it.</param>
public sealed record DnsRecordSpec(string? Zone = null, string? RecordType = null, string? Data = null, int? TtlSeconds = null);

/// <summary>A page of DNS records.</summary>
/// <param name="Items">The DNS records on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many DNS records matched in all.</param>
public sealed record DnsRecordPage(IReadOnlyList<DnsRecord> Items, string? NextPageToken, int TotalSize);

/// <summary>The network API's DNS records. One resource record set in a DNS zone.</summary>
[McpToolSet("dns_records", Description = "DNS records (network).")]
public static class DnsRecordTools
{
    private static DnsRecord Sample(string projectId, string id, string name = "dns-record-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "zone-1", "A", "198.51.100.10", 300);

    /// <summary>Lists the DNS records in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only DNS records in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many DNS records per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static DnsRecordPage ListDnsRecords(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "dns-record-1")], null, 1);

    /// <summary>Gets a DNS record with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dnsRecordId">The DNS record id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static DnsRecord GetDnsRecord(string projectId, string dnsRecordId) => Sample(projectId, dnsRecordId);

    /// <summary>Creates a DNS record. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The DNS record's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateDnsRecord(string projectId, string name, string region, DnsRecordSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a DNS record. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dnsRecordId">The DNS record id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the DNS record changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateDnsRecord(string projectId, string dnsRecordId, DnsRecordSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, dnsRecordId, false);

    /// <summary>Deletes a DNS record. Deleted DNS records can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dnsRecordId">The DNS record id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteDnsRecord(string projectId, string dnsRecordId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, dnsRecordId, false);

    /// <summary>Restores a deleted DNS record within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dnsRecordId">The id of the deleted DNS record.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreDnsRecord(string projectId, string dnsRecordId) =>
        FakeCloud.Operation("restore", projectId, dnsRecordId, false);

    /// <summary>Replaces the labels of a DNS record.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dnsRecordId">The DNS record id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static DnsRecord SetDnsRecordLabels(string projectId, string dnsRecordId, Label[] labels) =>
        Sample(projectId, dnsRecordId) with { Labels = labels };

    /// <summary>Moves a DNS record to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="dnsRecordId">The DNS record id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveDnsRecord(string projectId, string dnsRecordId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, dnsRecordId, false);

    /// <summary>Gets the access policy of a DNS record: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dnsRecordId">The DNS record id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetDnsRecordAccessPolicy(string projectId, string dnsRecordId) => FakeCloud.Policy(dnsRecordId);

    /// <summary>Replaces the access policy of a DNS record. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dnsRecordId">The DNS record id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetDnsRecordAccessPolicy(string projectId, string dnsRecordId, AccessBinding[] bindings, string etag) =>
        new(dnsRecordId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a DNS record over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dnsRecordId">The DNS record id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetDnsRecordMetrics(string projectId, string dnsRecordId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a DNS record: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dnsRecordId">The DNS record id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListDnsRecordEvents(string projectId, string dnsRecordId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(dnsRecordId)];

    /// <summary>Exports the configuration of a DNS record as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="dnsRecordId">The DNS record id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportDnsRecordConfig(string projectId, string dnsRecordId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(dnsRecordId, format);
}
