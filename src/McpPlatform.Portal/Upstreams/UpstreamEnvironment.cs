namespace McpPlatform.Portal.Upstreams;

/// <summary>The environment of a launched upstream process (filled in below).</summary>
internal static class UpstreamEnvironment
{
    /// <summary>An environment value that names a secret store entry instead of holding a value.</summary>
    public const string SecretPrefix = "secret:";
}
