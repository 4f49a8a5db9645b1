using System.Text.Json;

namespace McpPlatform.Cli.ShadowScan;

/// <summary>
/// What <c>shadow-scan --portal appsettings.json</c> takes from a portal's configuration: the hosts of its remote
/// upstreams (<c>McpPlatform:Portal:Upstreams:{namespace}:Url</c>), which people must reach only through the portal,
/// and the hosts the portal itself answers on (<c>McpPlatform:AllowedHosts</c>), which are approved MCP servers.
/// Keys are matched ignoring case, as .NET configuration does; comments and trailing commas are allowed, as in any
/// appsettings.json. Upstreams launched over stdio (<c>Command</c>) have no host and are left out.
/// </summary>
internal sealed class PortalConfiguration
{
    private readonly Dictionary<string, List<string>> _upstreamHosts = new(StringComparer.Ordinal);

    private PortalConfiguration()
    {
    }

    /// <summary>Hosts the portal answers on (wildcards allowed), approved as MCP servers.</summary>
    public List<string> PortalHosts { get; } = [];

    /// <summary>The hosts of the portal's remote upstreams, normalized (lower case, no port).</summary>
    public IEnumerable<string> UpstreamHosts => _upstreamHosts.Keys;

    /// <summary>The namespaces of the portal's upstreams at <paramref name="host"/> (normalized), or null when it is not one's.</summary>
    public IReadOnlyList<string>? UpstreamsAt(string host) => _upstreamHosts.GetValueOrDefault(host);

    /// <summary>Reads the portal's configuration file.</summary>
    /// <exception cref="ScanInputException">The file is not JSON, has no remote upstream, or an upstream URL is not an http(s) URL.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public static PortalConfiguration Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ScanInputException(path, 0, "--portal: the file does not exist; pass the portal's appsettings.json.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ScanInputException(path, (e.LineNumber ?? -1) + 1, $"--portal: not valid JSON: {e.Message.Split(" Path:", 2)[0]}");
        }

        using (document)
        {
            var configuration = new PortalConfiguration();
            var platform = Member(document.RootElement, "McpPlatform");
            foreach (var host in Strings(Member(platform, "AllowedHosts")).Where(h => h != "*"))
            {
                configuration.PortalHosts.Add(host);
            }

            var upstreams = Member(Member(platform, "Portal"), "Upstreams");
            if (upstreams is { ValueKind: JsonValueKind.Object } section)
            {
                foreach (var upstream in section.EnumerateObject())
                {
                    configuration.AddUpstream(path, upstream.Name, Member(upstream.Value, "Url"));
                }
            }

            if (configuration._upstreamHosts.Count == 0)
            {
                throw new ScanInputException(path, 0, "--portal: McpPlatform:Portal:Upstreams has no upstream with a Url; there is no upstream host whose direct use could be reported.");
            }

            return configuration;
        }
    }

    private void AddUpstream(string path, string name, JsonElement? url)
    {
        if (url is not { ValueKind: JsonValueKind.String } text)
        {
            return; // A stdio upstream: the portal launches it, there is no host to reach directly.
        }

        if (!Uri.TryCreate(text.GetString(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || HostName.Normalize(uri.Host) is not { } host)
        {
            throw new ScanInputException(path, 0, $"--portal: McpPlatform:Portal:Upstreams:{name}:Url '{text.GetString()}' is not an absolute http or https URL.");
        }

        if (!_upstreamHosts.TryGetValue(host, out var names))
        {
            _upstreamHosts[host] = names = [];
        }

        names.Add(name);
    }

    // Configuration keys ignore case; the first member with the name wins, as the JSON configuration provider does.
    private static JsonElement? Member(JsonElement? parent, string name)
    {
        if (parent is not { ValueKind: JsonValueKind.Object } element)
        {
            return null;
        }

        foreach (var member in element.EnumerateObject())
        {
            if (string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return member.Value;
            }
        }

        return null;
    }

    private static IEnumerable<string> Strings(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!.Trim()).Where(s => s.Length > 0),
        { ValueKind: JsonValueKind.String } text => text.GetString()!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        _ => [],
    };
}
