// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>A certificate. A TLS certificate managed for load balancers and endpoints.</summary>
/// <param name="Id">The certificate id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Domains">The domains the certificate covers, comma-separated.</param>
/// <param name="Issuer">The certificate authority.</param>
/// <param name="NotAfter">When it expires (ISO 8601).</param>
/// <param name="Managed">Whether it is renewed automatically.</param>
public sealed record Certificate(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Domains, string Issuer, string NotAfter, bool Managed);

/// <summary>The settings of a certificate that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="Domains">The domains the certificate covers, comma-separated.</param>
/// <param name="Issuer">The certificate authority.</param>
/// <param name="NotAfter">When it expires (ISO 8601).</param>
/// <param name="Managed">Whether it is renewed automatically.</param>
public sealed record CertificateSpec(string? Domains = null, string? Issuer = null, string? NotAfter = null, bool? Managed = null);

/// <summary>A page of certificates.</summary>
/// <param name="Items">The certificates on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many certificates matched in all.</param>
public sealed record CertificatePage(IReadOnlyList<Certificate> Items, string? NextPageToken, int TotalSize);

/// <summary>The security API's certificates. A TLS certificate managed for load balancers and endpoints.</summary>
[McpToolSet("certificates", Description = "Certificates (security).")]
public static class CertificateTools
{
    private static Certificate Sample(string projectId, string id, string name = "certificate-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "example.com,www.example.com", "Example CA", "2027-06-01T00:00:00Z", true);

    /// <summary>Lists the certificates in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only certificates in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many certificates per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static CertificatePage ListCertificates(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "certificate-1")], null, 1);

    /// <summary>Gets a certificate with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="certificateId">The certificate id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static Certificate GetCertificate(string projectId, string certificateId) => Sample(projectId, certificateId);

    /// <summary>Creates a certificate. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The certificate's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateCertificate(string projectId, string name, string region, CertificateSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of a certificate. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="certificateId">The certificate id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the certificate changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateCertificate(string projectId, string certificateId, CertificateSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, certificateId, false);

    /// <summary>Deletes a certificate. Deleted certificates can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="certificateId">The certificate id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteCertificate(string projectId, string certificateId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, certificateId, false);

    /// <summary>Restores a deleted certificate within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="certificateId">The id of the deleted certificate.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreCertificate(string projectId, string certificateId) =>
        FakeCloud.Operation("restore", projectId, certificateId, false);

    /// <summary>Replaces the labels of a certificate.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="certificateId">The certificate id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static Certificate SetCertificateLabels(string projectId, string certificateId, Label[] labels) =>
        Sample(projectId, certificateId) with { Labels = labels };

    /// <summary>Moves a certificate to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="certificateId">The certificate id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveCertificate(string projectId, string certificateId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, certificateId, false);

    /// <summary>Gets the access policy of a certificate: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="certificateId">The certificate id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetCertificateAccessPolicy(string projectId, string certificateId) => FakeCloud.Policy(certificateId);

    /// <summary>Replaces the access policy of a certificate. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="certificateId">The certificate id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetCertificateAccessPolicy(string projectId, string certificateId, AccessBinding[] bindings, string etag) =>
        new(certificateId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of a certificate over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="certificateId">The certificate id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetCertificateMetrics(string projectId, string certificateId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of a certificate: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="certificateId">The certificate id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListCertificateEvents(string projectId, string certificateId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(certificateId)];

    /// <summary>Exports the configuration of a certificate as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="certificateId">The certificate id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportCertificateConfig(string projectId, string certificateId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(certificateId, format);
}
