// Written by Generate.cs (dotnet run --file Generate.cs): edit the generator, not this file.
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>An image. A boot image that new virtual machines and disks start from.</summary>
/// <param name="Id">The image id.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProjectId">The project it belongs to.</param>
/// <param name="Region">The region it runs in, e.g. europe-west1.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Labels">Key/value labels.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Family">The image family, e.g. debian-12.</param>
/// <param name="SourceSnapshot">The snapshot the image was built from.</param>
/// <param name="ArchiveSizeBytes">The size of the image archive.</param>
/// <param name="Deprecated">Whether new uses are discouraged.</param>
public sealed record Image(string Id, string Name, string ProjectId, string Region, ResourceState State, IReadOnlyList<Label> Labels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Family, string SourceSnapshot, long ArchiveSizeBytes, bool Deprecated);

/// <summary>The settings of an image that create and update accept. Settings left out keep their value or default.</summary>
/// <param name="Family">The image family, e.g. debian-12.</param>
/// <param name="SourceSnapshot">The snapshot the image was built from.</param>
/// <param name="ArchiveSizeBytes">The size of the image archive.</param>
/// <param name="Deprecated">Whether new uses are discouraged.</param>
public sealed record ImageSpec(string? Family = null, string? SourceSnapshot = null, long? ArchiveSizeBytes = null, bool? Deprecated = null);

/// <summary>A page of images.</summary>
/// <param name="Items">The images on this page.</param>
/// <param name="NextPageToken">Pass this to get the next page; null on the last page.</param>
/// <param name="TotalSize">How many images matched in all.</param>
public sealed record ImagePage(IReadOnlyList<Image> Items, string? NextPageToken, int TotalSize);

/// <summary>The compute API's images. A boot image that new virtual machines and disks start from.</summary>
[McpToolSet("images", Description = "Images (compute).")]
public static class ImageTools
{
    private static Image Sample(string projectId, string id, string name = "image-1") =>
        new(id, name, projectId, "europe-west1", ResourceState.Ready, [new("env", "prod")], FakeCloud.CreatedAt, FakeCloud.CreatedAt, "debian-12", "snap-1", 2147483648L, false);

    /// <summary>Lists the images in a project, optionally in one region and matching a filter. Results are paged.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="region">Only images in this region; every region when omitted.</param>
    /// <param name="filter">A filter expression, e.g. labels.env = "prod" AND state = "Ready".</param>
    /// <param name="pageSize">At most this many images per page (1-500).</param>
    /// <param name="pageToken">The token from the previous page, to continue.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ImagePage ListImages(string projectId, string? region = null, string? filter = null, int pageSize = 50, string? pageToken = null) =>
        new([Sample(projectId, "image-1")], null, 1);

    /// <summary>Gets an image with all its settings and its current state.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="imageId">The image id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static Image GetImage(string projectId, string imageId) => Sample(projectId, imageId);

    /// <summary>Creates an image. Returns a long-running operation; poll it until done.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="name">The display name, unique in the project.</param>
    /// <param name="region">The region to create it in, e.g. europe-west1.</param>
    /// <param name="spec">The image's settings.</param>
    /// <param name="labels">Key/value labels to attach.</param>
    /// <param name="validateOnly">Only check the request; create nothing.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation CreateImage(string projectId, string name, string region, ImageSpec spec, Label[]? labels = null, bool validateOnly = false) =>
        FakeCloud.Operation("create", projectId, name, validateOnly);

    /// <summary>Changes the settings of an image. Settings left out of spec keep their value.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="imageId">The image id.</param>
    /// <param name="spec">The settings to change.</param>
    /// <param name="etag">The etag from get; the update fails if the image changed since.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation UpdateImage(string projectId, string imageId, ImageSpec spec, string? etag = null) =>
        FakeCloud.Operation("update", projectId, imageId, false);

    /// <summary>Deletes an image. Deleted images can be restored for 30 days, then they are gone for good.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="imageId">The image id.</param>
    /// <param name="force">Also delete resources that depend on it.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static Operation DeleteImage(string projectId, string imageId, bool force = false) =>
        FakeCloud.Operation("delete", projectId, imageId, false);

    /// <summary>Restores a deleted image within 30 days of its deletion.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="imageId">The id of the deleted image.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation RestoreImage(string projectId, string imageId) =>
        FakeCloud.Operation("restore", projectId, imageId, false);

    /// <summary>Replaces the labels of an image.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="imageId">The image id.</param>
    /// <param name="labels">The new labels; an empty list removes every label.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static Image SetImageLabels(string projectId, string imageId, Label[] labels) =>
        Sample(projectId, imageId) with { Labels = labels };

    /// <summary>Moves an image to another project in the same organization.</summary>
    /// <param name="projectId">The project it is in now.</param>
    /// <param name="imageId">The image id.</param>
    /// <param name="targetProjectId">The project to move it to.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Operation MoveImage(string projectId, string imageId, string targetProjectId) =>
        FakeCloud.Operation("move", targetProjectId, imageId, false);

    /// <summary>Gets the access policy of an image: which members hold which roles on it.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="imageId">The image id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static AccessPolicy GetImageAccessPolicy(string projectId, string imageId) => FakeCloud.Policy(imageId);

    /// <summary>Replaces the access policy of an image. Members left out lose their access.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="imageId">The image id.</param>
    /// <param name="bindings">The complete new list of role bindings.</param>
    /// <param name="etag">The etag from the policy you read; fails if the policy changed since.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static AccessPolicy SetImageAccessPolicy(string projectId, string imageId, AccessBinding[] bindings, string etag) =>
        new(imageId, bindings, etag + "1");

    /// <summary>Reads a monitoring metric of an image over a time window.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="imageId">The image id.</param>
    /// <param name="metric">The metric name, e.g. cpu/utilization or network/received_bytes.</param>
    /// <param name="start">The start of the window.</param>
    /// <param name="end">The end of the window; now when omitted.</param>
    /// <param name="alignmentSeconds">The width of each aggregated point in seconds.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static MetricSeries GetImageMetrics(string projectId, string imageId, string metric, DateTimeOffset start, DateTimeOffset? end = null, int alignmentSeconds = 60) =>
        FakeCloud.Metric(metric, start, alignmentSeconds);

    /// <summary>Lists the audit events of an image: who changed or accessed it and when, newest first.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="imageId">The image id.</param>
    /// <param name="since">Only events after this time.</param>
    /// <param name="limit">At most this many events (1-1000).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<AuditEvent> ListImageEvents(string projectId, string imageId, DateTimeOffset? since = null, int limit = 100) =>
        [FakeCloud.Event(imageId)];

    /// <summary>Exports the configuration of an image as a declarative document that can be applied elsewhere.</summary>
    /// <param name="projectId">The project id, e.g. acme-prod.</param>
    /// <param name="imageId">The image id.</param>
    /// <param name="format">The document format.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static ExportedConfig ExportImageConfig(string projectId, string imageId, ConfigFormat format = ConfigFormat.Yaml) =>
        FakeCloud.Export(imageId, format);
}
