namespace McpPlatform.Portal.Configuration;

/// <summary>
/// One entry of <see cref="UpstreamOptions.ResourceUris"/>: upstream URIs that start with <see cref="Upstream"/> are
/// offered starting with <see cref="Offered"/> instead (a list of entries, not a map, since configuration keys cannot hold
/// the ':' every URI prefix has).
/// </summary>
public sealed class ResourceUriMapping
{
    /// <summary>The upstream's URI prefix, e.g. <c>jira://</c>.</summary>
    public string Upstream { get; set; } = "";

    /// <summary>The prefix the portal offers those URIs under, e.g. <c>jira://</c> to offer them unchanged.</summary>
    public string Offered { get; set; } = "";
}
