namespace McpPlatform.Portal.Health;

/// <summary>The values of <see cref="Upstreams.UpstreamHealth.State"/>.</summary>
public static class UpstreamStates
{
    /// <summary>Connecting (or reconnecting, or waiting to restart a crashed process).</summary>
    public const string Connecting = "connecting";

    /// <summary>Connected and answering.</summary>
    public const string Connected = "connected";

    /// <summary>Not reachable; the portal keeps retrying.</summary>
    public const string Down = "down";

    /// <summary>Too many consecutive failures: calls are refused until the break is over.</summary>
    public const string CircuitOpen = "circuit-open";

    /// <summary>Stopped with the portal.</summary>
    public const string Stopped = "stopped";
}
