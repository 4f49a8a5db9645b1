namespace McpPlatform.Cli.ShadowScan;

/// <summary>The MCP traffic one host received, summed over every request that matched a detection layer.</summary>
public sealed class HostActivity
{
    /// <summary>How many distinct users or clients are kept per host; further ones are only counted in <see cref="Requests"/>.</summary>
    public const int MaxUsers = 50;

    private readonly HashSet<string> _users = new(StringComparer.Ordinal);

    internal HostActivity(string host)
    {
        Host = host;
        UserLookup = _users.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The host name: lower case, without port.</summary>
    public string Host { get; }

    /// <summary>Requests that matched at least one layer.</summary>
    public long Requests { get; internal set; }

    /// <summary>The earliest time among those requests, or null when none had a time.</summary>
    public DateTimeOffset? FirstSeen { get; internal set; }

    /// <summary>The latest time among those requests, or null when none had a time.</summary>
    public DateTimeOffset? LastSeen { get; internal set; }

    /// <summary>Every layer any of those requests matched.</summary>
    public DetectionLayers Layers { get; internal set; }

    /// <summary>Distinct users or clients seen (at most <see cref="MaxUsers"/>), sorted.</summary>
    public IReadOnlyList<string> Users => _users.Order(StringComparer.Ordinal).ToArray();

    internal HashSet<string>.AlternateLookup<ReadOnlySpan<char>> UserLookup { get; }

    internal int UserCount => _users.Count;

    internal void See(DateTimeOffset? time)
    {
        if (time is { } t)
        {
            if (FirstSeen is null || t < FirstSeen)
            {
                FirstSeen = t;
            }

            if (LastSeen is null || t > LastSeen)
            {
                LastSeen = t;
            }
        }
    }
}
